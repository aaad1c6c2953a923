// ReferenceSlidingWindow: the array-of-entries SlidingWindowLimiter as it was before its ring log (f04c33d), kept as the differential reference.
import { invariantViolation } from '../../src/core/errors/shadow-exec-error.js';
import { WindowLimiter } from '../../src/core/limits/window-limiter.js';
import { requireCost, requireFits } from '../../src/core/limits/limiter-input.js';

interface Entry {
  readonly atMs: number;
  readonly cost: number;
}

/**
 * A take at t counts while now < t + windowMs, i.e. the window is (now − windowMs, now]. So with limit 10 per
 * 1000 ms, 10 takes at t = 0 block until exactly t = 1000. Bybit's limits are rolling: per-UID "rolling time
 * window per second", and "No more than 600 requests are allowed in any 5-second window" per IP
 * (bybit-exchange/docs docs/v5/rate-limit.mdx). Memory: one entry per take still inside the window.
 */
export class ReferenceSlidingWindow extends WindowLimiter {
  /** Oldest first; times non-decreasing. */
  private entries: Entry[] = [];
  private head = 0;
  private total = 0;

  usage(nowMs: number): number {
    this.advance(nowMs);
    return this.total;
  }

  waitMs(nowMs: number, cost: number): number {
    requireCost(cost, this.name);
    requireFits(cost, this.budget, this.name);
    if (this.canTake(nowMs, cost)) return 0;
    return this.waitUntilWithin(nowMs, cost, this.budget);
  }

  /**
   * When one more unit fits the venue's hard limit again: nowMs while usage < limit, otherwise the moment enough
   * of the oldest takes expire (Bybit's `X-Bapi-Limit-Reset-Timestamp` once the limit is reached).
   */
  limitResetAtMs(nowMs: number): number {
    const usage = this.usage(nowMs);
    return usage + 1 <= this.limit ? nowMs : nowMs + this.waitUntilWithin(nowMs, 1, this.limit);
  }

  /** ms until usage + cost <= cap, given usage + cost > cap now. */
  private waitUntilWithin(nowMs: number, cost: number, cap: number): number {
    let excess = this.total + cost - cap;
    for (let i = this.head; i < this.entries.length; i += 1) {
      const entry = this.entries[i]!;
      excess -= entry.cost;
      if (excess <= 0) return entry.atMs + this.windowMs - nowMs;
    }
    throw invariantViolation(`${this.name}: usage does not match its log`);
  }

  /** When usage next drops (the oldest counted take expires), or nowMs when nothing is counted. */
  nextExpiryMs(nowMs: number): number {
    this.advance(nowMs);
    const oldest = this.entries[this.head];
    return oldest === undefined ? nowMs : oldest.atMs + this.windowMs;
  }

  take(nowMs: number, cost: number): void {
    if (!this.canTake(nowMs, cost)) throw invariantViolation(`${this.name}: take(${cost}) over budget at ${nowMs}`);
    this.add(nowMs, cost);
  }

  record(nowMs: number, cost: number): void {
    requireCost(cost, this.name);
    this.advance(nowMs);
    this.add(nowMs, cost);
  }

  private add(nowMs: number, cost: number): void {
    if (cost === 0) return;
    this.entries.push({ atMs: nowMs, cost });
    this.total += cost;
    this.peak = Math.max(this.peak, this.total);
  }

  private advance(nowMs: number): void {
    this.checkTime(nowMs);
    while (this.head < this.entries.length && this.entries[this.head]!.atMs + this.windowMs <= nowMs) {
      this.total -= this.entries[this.head]!.cost;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
