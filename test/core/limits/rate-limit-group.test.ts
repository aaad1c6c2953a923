// Covers RateLimitGroup: all-or-nothing takes, the exact wait across limiters, and a seeded random stream that never exceeds.
import { describe, it, expect } from 'vitest';
import { FixedWindowCounter } from '../../../src/core/limits/fixed-window-counter.js';
import { RateLimitGroup } from '../../../src/core/limits/rate-limit-group.js';
import { SlidingWindowLimiter } from '../../../src/core/limits/sliding-window-limiter.js';
import { TokenBucket } from '../../../src/core/limits/token-bucket.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import { codeOf } from '../../helpers/error-code.js';

function binanceSpotLike(): RateLimitGroup {
  return new RateLimitGroup([
    new FixedWindowCounter({ name: 'REQUEST_WEIGHT_1M', limit: 6000, windowMs: 60_000, queueAtPercent: 80 }),
    new FixedWindowCounter({ name: 'ORDERS_10S', limit: 50, windowMs: 10_000, queueAtPercent: 80 }),
    new FixedWindowCounter({ name: 'ORDERS_1D', limit: 160_000, windowMs: 86_400_000, queueAtPercent: 80 }),
  ]);
}

describe('RateLimitGroup', () => {
  it('takes from every limiter when all allow it', () => {
    const g = binanceSpotLike();
    expect(g.tryTake(0, { REQUEST_WEIGHT_1M: 1, ORDERS_10S: 1, ORDERS_1D: 1 })).toEqual({ kind: 'taken' });
    expect(g.usage(0)).toEqual([
      { name: 'REQUEST_WEIGHT_1M', usage: 1, limit: 6000, peak: 1 },
      { name: 'ORDERS_10S', usage: 1, limit: 50, peak: 1 },
      { name: 'ORDERS_1D', usage: 1, limit: 160_000, peak: 1 },
    ]);
  });

  it('takes nothing when one limiter blocks, and returns the wait until all allow', () => {
    const g = binanceSpotLike();
    for (let i = 0; i < 40; i += 1) expect(g.tryTake(1_000, { REQUEST_WEIGHT_1M: 1, ORDERS_10S: 1, ORDERS_1D: 1 }).kind).toBe('taken');
    expect(g.tryTake(2_500, { REQUEST_WEIGHT_1M: 1, ORDERS_10S: 1, ORDERS_1D: 1 })).toEqual({
      kind: 'wait',
      waitMs: 7_500,
      blockedBy: ['ORDERS_10S'],
    });
    expect(g.usage(2_500).map((u) => u.usage)).toEqual([40, 40, 40]); // nothing charged
    // A cancel costs weight only, so the order counter does not block it.
    expect(g.tryTake(2_500, { REQUEST_WEIGHT_1M: 1 })).toEqual({ kind: 'taken' });
    expect(g.tryTake(10_000, { REQUEST_WEIGHT_1M: 1, ORDERS_10S: 1, ORDERS_1D: 1 })).toEqual({ kind: 'taken' });
  });

  it('reports the longest of several waits and every blocking limiter', () => {
    const g = new RateLimitGroup([
      new SlidingWindowLimiter({ name: 'ip', limit: 3, windowMs: 5000 }),
      new SlidingWindowLimiter({ name: 'create', limit: 2, windowMs: 1000 }),
    ]);
    g.tryTake(0, { ip: 1, create: 1 });
    g.tryTake(0, { ip: 1, create: 1 });
    g.tryTake(800, { ip: 1 });
    expect(g.tryTake(900, { ip: 1, create: 1 })).toEqual({ kind: 'wait', waitMs: 4100, blockedBy: ['ip', 'create'] });
    expect(g.waitMs(900, { create: 1 })).toBe(100);
  });

  it('records without throttling and names the limits the venue would refuse', () => {
    const g = binanceSpotLike();
    g.record(0, { REQUEST_WEIGHT_1M: 10, ORDERS_10S: 50 });
    expect(g.exceeded(0, { REQUEST_WEIGHT_1M: 1, ORDERS_10S: 1, ORDERS_1D: 1 })).toEqual(['ORDERS_10S']);
    expect(g.exceeded(0, { REQUEST_WEIGHT_1M: 1 })).toEqual([]);
  });

  it('refuses duplicate names and costs for unknown limiters', () => {
    const a = new TokenBucket({ name: 'a', capacity: 1, refillTokens: 1, refillIntervalMs: 1 });
    expect(codeOf(() => new RateLimitGroup([a, a]))).toBe('E_INVARIANT');
    expect(codeOf(() => new RateLimitGroup([a]).tryTake(0, { b: 1 }))).toBe('E_INVARIANT');
  });
});

/** Independent oracle: earliest t >= now at which `cost` fits `budget` in a rolling window, from the raw log. */
function slidingEarliest(log: ReadonlyArray<readonly [number, number]>, now: number, cost: number, budget: number, windowMs: number): number {
  const used = (t: number): number => log.filter(([at]) => at > t - windowMs && at <= t).reduce((sum, [, c]) => sum + c, 0);
  const candidates = [now, ...log.map(([at]) => at + windowMs).filter((t) => t > now)].sort((x, y) => x - y);
  for (const t of candidates) if (used(t) + cost <= budget) return t;
  throw new Error('no candidate fits');
}

/** Independent oracle for epoch-aligned fixed windows. */
function fixedEarliest(log: ReadonlyArray<readonly [number, number]>, now: number, cost: number, budget: number, windowMs: number): number {
  const start = now - (now % windowMs);
  const used = log.filter(([at]) => at >= start && at < start + windowMs).reduce((sum, [, c]) => sum + c, 0);
  return used + cost <= budget ? now : start + windowMs;
}

describe('RateLimitGroup under a seeded random request stream', () => {
  it('never exceeds any budget and every wait is exactly the earliest allowed time (2000 requests)', () => {
    const rng = new SeededRng('rate-limit-group-property').fork('requests');
    const ip = new SlidingWindowLimiter({ name: 'ip', limit: 60, windowMs: 5000, queueAtPercent: 80 });
    const create = new SlidingWindowLimiter({ name: 'create', limit: 10, windowMs: 1000 });
    const weight = new FixedWindowCounter({ name: 'weight', limit: 1000, windowMs: 60_000, queueAtPercent: 80 });
    const orders = new FixedWindowCounter({ name: 'orders', limit: 50, windowMs: 10_000, queueAtPercent: 80 });
    const group = new RateLimitGroup([ip, create, weight, orders]);
    const logs: Record<string, Array<[number, number]>> = { ip: [], create: [], weight: [], orders: [] };
    const blockedCount: Record<string, number> = { ip: 0, create: 0, weight: 0, orders: 0 };
    let now = 1_700_000_000_123;

    for (let i = 0; i < 2000; i += 1) {
      now += rng.next() < 0.3 ? 0 : Math.floor(rng.next() * 300);
      const costs: Record<string, number> =
        rng.next() < 0.6
          ? { ip: 1, create: 1, weight: 1 + Math.floor(rng.next() * 3), orders: 1 }
          : { ip: 1, weight: 1 + Math.floor(rng.next() * 5) };
      const cost = (name: string): number => costs[name] ?? 0;
      const expected = Math.max(
        slidingEarliest(logs.ip!, now, cost('ip'), ip.budget, 5000),
        cost('create') > 0 ? slidingEarliest(logs.create!, now, cost('create'), create.budget, 1000) : now,
        fixedEarliest(logs.weight!, now, cost('weight'), weight.budget, 60_000),
        cost('orders') > 0 ? fixedEarliest(logs.orders!, now, cost('orders'), orders.budget, 10_000) : now,
      );
      const decision = group.tryTake(now, costs);
      if (decision.kind === 'wait') {
        for (const name of decision.blockedBy) blockedCount[name]! += 1;
        expect(now + decision.waitMs).toBe(expected);
        now += decision.waitMs;
        expect(group.tryTake(now, costs)).toEqual({ kind: 'taken' });
      } else {
        expect(expected).toBe(now);
      }
      for (const [name, c] of Object.entries(costs)) logs[name]!.push([now, c]);
    }

    for (const name of ['ip', 'create', 'weight', 'orders']) expect(blockedCount[name]).toBeGreaterThan(0);
    expect([ip.peakUsage, create.peakUsage, weight.peakUsage, orders.peakUsage]).toEqual([ip.budget, create.budget, weight.budget, orders.budget]);
  });
});
