// Covers TokenBucket: exact block and recovery times, integer refill without drift, overdraft by record, peak usage, input checks.
import { describe, it, expect } from 'vitest';
import { TokenBucket } from '../../../src/core/limits/token-bucket.js';
import { codeOf } from '../../helpers/error-code.js';

describe('TokenBucket', () => {
  it('allows a full burst, then blocks the next token for exactly 1/rate', () => {
    const b = new TokenBucket({ name: 'create', capacity: 10, refillTokens: 10, refillIntervalMs: 1000 });
    for (let i = 0; i < 10; i += 1) b.take(0, 1);
    expect(b.canTake(0, 1)).toBe(false);
    expect(b.waitMs(0, 1)).toBe(100);
    expect(b.waitMs(0, 10)).toBe(1000);
    expect(b.canTake(99, 1)).toBe(false);
    expect(b.canTake(100, 1)).toBe(true);
  });

  it('reports whole tokens available and usage rounded up', () => {
    const b = new TokenBucket({ name: 'b', capacity: 10, refillTokens: 10, refillIntervalMs: 1000 });
    b.take(0, 10);
    expect(b.available(250)).toBe(2); // 2.5 tokens refilled
    expect(b.usage(250)).toBe(8); // 7.5 in use
    expect(b.usage(1000)).toBe(0);
    expect(b.available(5000)).toBe(10); // never above capacity
  });

  it('waits an exact integer number of ms for a rate that is not a whole number per ms', () => {
    // 2 tokens per 3000 ms: one token every 1500 ms.
    const b = new TokenBucket({ name: 'slow', capacity: 3, refillTokens: 2, refillIntervalMs: 3000 });
    b.take(0, 3);
    expect(b.waitMs(0, 1)).toBe(1500);
    expect(b.canTake(1499, 1)).toBe(false);
    expect(b.waitMs(1499, 1)).toBe(1);
    expect(b.canTake(1500, 1)).toBe(true);
  });

  it('does not drift over many refill cycles: the n-th token after emptying is available at exactly n × 1500 ms', () => {
    const b = new TokenBucket({ name: 'slow', capacity: 3, refillTokens: 2, refillIntervalMs: 3000 });
    b.take(0, 3);
    let now = 0;
    for (let n = 1; n <= 10_000; n += 1) {
      now += b.waitMs(now, 1);
      b.take(now, 1);
    }
    expect(now).toBe(15_000_000);
  });

  it('starts from initialTokens when given', () => {
    const b = new TokenBucket({ name: 'b', capacity: 5, refillTokens: 5, refillIntervalMs: 1000, initialTokens: 0 });
    expect(b.canTake(0, 1)).toBe(false);
    expect(b.waitMs(0, 1)).toBe(200);
  });

  it('goes into debt when record() overdraws, and tracks peak usage', () => {
    const b = new TokenBucket({ name: 'b', capacity: 5, refillTokens: 5, refillIntervalMs: 1000 });
    b.record(0, 8);
    expect(b.available(0)).toBe(-3);
    expect(b.usage(0)).toBe(8);
    expect(b.peakUsage).toBe(8);
    expect(b.wouldExceed(0, 1)).toBe(true);
    expect(b.waitMs(0, 1)).toBe(800); // 3 tokens of debt + 1 token at 5 tokens/s
  });

  it('never blocks a zero cost', () => {
    const b = new TokenBucket({ name: 'b', capacity: 1, refillTokens: 1, refillIntervalMs: 1000 });
    b.record(0, 5);
    expect(b.canTake(0, 0)).toBe(true);
    expect(b.waitMs(0, 0)).toBe(0);
  });

  it('rejects time going backwards, fractional costs, and a cost larger than the capacity', () => {
    const b = new TokenBucket({ name: 'b', capacity: 5, refillTokens: 5, refillIntervalMs: 1000 });
    b.take(100, 1);
    expect(codeOf(() => b.usage(99))).toBe('E_INVARIANT');
    expect(codeOf(() => b.canTake(100, 0.5))).toBe('E_INVARIANT');
    expect(codeOf(() => b.waitMs(100, 6))).toBe('E_CONFIG');
    expect(codeOf(() => new TokenBucket({ name: 'x', capacity: 0, refillTokens: 1, refillIntervalMs: 1 }))).toBe('E_CONFIG');
  });
});
