// SlidingWindowLimiter: at most `limit` units in any rolling window of windowMs (Bybit style), exact, from a ring log of takes.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import { WindowLimiter } from './window-limiter.js';
import { type WindowLimiterOptions, requireCost, requireFits } from './limiter-input.js';

/** Window length `windowMs`: any rolling span of that length. */
export type SlidingWindowLimiterOptions = WindowLimiterOptions;

/**
 * A take at t counts while now < t + windowMs, i.e. the window is (now − windowMs, now]. So with limit 10 per
 * 1000 ms, 10 takes at t = 0 block until exactly t = 1000. Bybit's limits are rolling: per-UID "rolling time
 * window per second", and "No more than 600 requests are allowed in any 5-second window" per IP
 * (bybit-exchange/docs docs/v5/rate-limit.mdx). Memory: one slot per take still inside the window, in a ring of two
 * typed arrays (time, cost) that doubles when full: no allocation per take once the ring has grown to the traffic.
 */
export class SlidingWindowLimiter extends WindowLimiter {
  /** Ring slots, oldest first from `head`; times non-decreasing. Capacity is a power of two (mask = capacity - 1). */
  private atMs = new Float64Array(16);
  private costs = new Float64Array(16);
  private mask = 15;
  private head = 0;
  private length = 0;
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
    for (let k = 0; k < this.length; k += 1) {
      const slot = (this.head + k) & this.mask;
      excess -= this.costs[slot]!;
      if (excess <= 0) return this.atMs[slot]! + this.windowMs - nowMs;
    }
    throw invariantViolation(`${this.name}: usage does not match its log`);
  }

  /** When usage next drops (the oldest counted take expires), or nowMs when nothing is counted. */
  nextExpiryMs(nowMs: number): number {
    this.advance(nowMs);
    return this.length === 0 ? nowMs : this.atMs[this.head]! + this.windowMs;
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
    if (this.length > this.mask) this.grow();
    const slot = (this.head + this.length) & this.mask;
    this.atMs[slot] = nowMs;
    this.costs[slot] = cost;
    this.length += 1;
    this.total += cost;
    this.peak = Math.max(this.peak, this.total);
  }

  /** The nowMs of the last advance: a repeat at the same time has nothing new to expire (and passed the time check). */
  private advancedAt = Number.NaN;

  private advance(nowMs: number): void {
    if (nowMs === this.advancedAt) return;
    this.checkTime(nowMs);
    this.advancedAt = nowMs;
    const expired = nowMs - this.windowMs;
    while (this.length > 0 && this.atMs[this.head]! <= expired) {
      this.total -= this.costs[this.head]!;
      this.head = (this.head + 1) & this.mask;
      this.length -= 1;
    }
  }

  /** Doubles the ring, oldest slot first at index 0. */
  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    const atMs = new Float64Array(capacity);
    const costs = new Float64Array(capacity);
    for (let k = 0; k < this.length; k += 1) {
      const slot = (this.head + k) & this.mask;
      atMs[k] = this.atMs[slot]!;
      costs[k] = this.costs[slot]!;
    }
    this.atMs = atMs;
    this.costs = costs;
    this.mask = capacity - 1;
    this.head = 0;
  }
}
