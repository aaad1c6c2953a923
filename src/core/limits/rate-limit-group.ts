// RateLimitGroup: several limiters charged together — a request takes from all of them or from none.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { RateLimiter } from './rate-limiter.js';

/** Cost per limiter name; names not listed cost 0. */
export type GroupCosts = Readonly<Record<string, number>>;

export type GroupDecision =
  | { readonly kind: 'taken' }
  /** waitMs: exact ms until every limiter allows the request (if nothing else is taken); blockedBy in member order. */
  | { readonly kind: 'wait'; readonly waitMs: number; readonly blockedBy: readonly string[] };

/**
 * Each limiter's "may send" condition only becomes true with time and stays true until something is taken
 * (windows reset, logs expire, buckets refill), so the earliest time all allow is the largest single wait.
 */
export class RateLimitGroup {
  private readonly byName: ReadonlyMap<string, RateLimiter>;

  constructor(readonly members: readonly RateLimiter[]) {
    const byName = new Map<string, RateLimiter>();
    for (const m of members) {
      if (byName.has(m.name)) throw invariantViolation(`RateLimitGroup: duplicate limiter name ${m.name}`);
      byName.set(m.name, m);
    }
    this.byName = byName;
  }

  /** Members with their cost, in member order; unknown names are an invariant violation. */
  private charged(costs: GroupCosts): Array<readonly [RateLimiter, number]> {
    for (const name of Object.keys(costs)) {
      if (!this.byName.has(name)) throw invariantViolation(`RateLimitGroup: unknown limiter ${name}`);
    }
    return this.members.map((m) => [m, costs[m.name] ?? 0] as const);
  }

  waitMs(nowMs: number, costs: GroupCosts): number {
    let wait = 0;
    for (const [limiter, cost] of this.charged(costs)) wait = Math.max(wait, limiter.waitMs(nowMs, cost));
    return wait;
  }

  /** Takes from every limiter when all allow it now; otherwise takes nothing and says how long to wait. */
  tryTake(nowMs: number, costs: GroupCosts): GroupDecision {
    const charged = this.charged(costs);
    let wait = 0;
    const blockedBy: string[] = [];
    for (const [limiter, cost] of charged) {
      const w = limiter.waitMs(nowMs, cost);
      if (w > 0) blockedBy.push(limiter.name);
      wait = Math.max(wait, w);
    }
    if (wait > 0) return { kind: 'wait', waitMs: wait, blockedBy };
    for (const [limiter, cost] of charged) limiter.take(nowMs, cost);
    return { kind: 'taken' };
  }

  /** Charges every limiter unconditionally (throttling off); usage may pass the limits. */
  record(nowMs: number, costs: GroupCosts): void {
    for (const [limiter, cost] of this.charged(costs)) limiter.record(nowMs, cost);
  }

  /** Names of the limiters whose hard limit this request would break, in member order (empty: the venue accepts). */
  exceeded(nowMs: number, costs: GroupCosts): string[] {
    return this.charged(costs)
      .filter(([limiter, cost]) => limiter.wouldExceed(nowMs, cost))
      .map(([limiter]) => limiter.name);
  }

  /** Current usage per limiter, in member order. */
  usage(nowMs: number): Array<{ readonly name: string; readonly usage: number; readonly limit: number; readonly peak: number }> {
    return this.members.map((m) => ({ name: m.name, usage: m.usage(nowMs), limit: m.limit, peak: m.peakUsage }));
  }
}
