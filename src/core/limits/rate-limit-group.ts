// RateLimitGroup: several limiters charged together — a request takes from all of them or from none.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { RateLimiter } from './rate-limiter.js';

/** Cost per limiter name; names not listed cost 0. */
export type GroupCosts = Readonly<Record<string, number>>;

export type GroupDecision =
  | { readonly kind: 'taken' }
  /** waitMs: exact ms until every limiter allows the request (if nothing else is taken); blockedBy in member order. */
  | { readonly kind: 'wait'; readonly waitMs: number; readonly blockedBy: readonly string[] };

const TAKEN: GroupDecision = { kind: 'taken' };
/** exceeded()'s answer when nothing is broken (frozen: callers only read it). */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/**
 * Each limiter's "may send" condition only becomes true with time and stays true until something is taken
 * (windows reset, logs expire, buckets refill), so the earliest time all allow is the largest single wait.
 */
export class RateLimitGroup {
  private readonly byName: ReadonlyMap<string, RateLimiter>;
  /** Each costs object read once into a cost per member (member order): requests reuse one costs object per endpoint. */
  private readonly vectors = new WeakMap<GroupCosts, readonly number[]>();

  constructor(readonly members: readonly RateLimiter[]) {
    const byName = new Map<string, RateLimiter>();
    for (const m of members) {
      if (byName.has(m.name)) throw invariantViolation(`RateLimitGroup: duplicate limiter name ${m.name}`);
      byName.set(m.name, m);
    }
    this.byName = byName;
  }

  /**
   * The cost per member, in member order; unknown names are an invariant violation. Read once per costs object, so a
   * costs object must not change after its first use (binanceCosts hands out frozen ones).
   */
  private charged(costs: GroupCosts): readonly number[] {
    const known = this.vectors.get(costs);
    if (known !== undefined) return known;
    for (const name of Object.keys(costs)) {
      if (!this.byName.has(name)) throw invariantViolation(`RateLimitGroup: unknown limiter ${name}`);
    }
    const vector = this.members.map((m) => costs[m.name] ?? 0);
    this.vectors.set(costs, vector);
    return vector;
  }

  waitMs(nowMs: number, costs: GroupCosts): number {
    const charged = this.charged(costs);
    let wait = 0;
    for (let i = 0; i < charged.length; i++) wait = Math.max(wait, this.members[i]!.waitMs(nowMs, charged[i]!));
    return wait;
  }

  /** Takes from every limiter when all allow it now; otherwise takes nothing and says how long to wait. */
  tryTake(nowMs: number, costs: GroupCosts): GroupDecision {
    const charged = this.charged(costs);
    let wait = 0;
    let blockedBy: string[] | null = null;
    for (let i = 0; i < charged.length; i++) {
      const limiter = this.members[i]!;
      const w = limiter.waitMs(nowMs, charged[i]!);
      if (w > 0) (blockedBy ??= []).push(limiter.name);
      wait = Math.max(wait, w);
    }
    if (wait > 0) return { kind: 'wait', waitMs: wait, blockedBy: blockedBy ?? [] };
    for (let i = 0; i < charged.length; i++) this.members[i]!.take(nowMs, charged[i]!);
    return TAKEN;
  }

  /** Charges every limiter unconditionally (throttling off); usage may pass the limits. */
  record(nowMs: number, costs: GroupCosts): void {
    const charged = this.charged(costs);
    for (let i = 0; i < charged.length; i++) this.members[i]!.record(nowMs, charged[i]!);
  }

  /** Names of the limiters whose hard limit this request would break, in member order (empty: the venue accepts). */
  exceeded(nowMs: number, costs: GroupCosts): string[] {
    const charged = this.charged(costs);
    let names: string[] | null = null;
    for (let i = 0; i < charged.length; i++) {
      const limiter = this.members[i]!;
      if (limiter.wouldExceed(nowMs, charged[i]!)) (names ??= []).push(limiter.name);
    }
    return names ?? NONE;
  }

  /** Current usage per limiter, in member order. */
  usage(nowMs: number): Array<{ readonly name: string; readonly usage: number; readonly limit: number; readonly peak: number }> {
    return this.members.map((m) => ({ name: m.name, usage: m.usage(nowMs), limit: m.limit, peak: m.peakUsage }));
  }
}
