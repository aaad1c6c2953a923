// FixedWindowCounter: at most `limit` units per window aligned to multiples of windowMs since the epoch (Binance style).
import { invariantViolation } from '../errors/shadow-exec-error.js';
import { WindowLimiter } from './window-limiter.js';
import { type WindowLimiterOptions, requireCost, requireFits } from './limiter-input.js';

/** Window length `windowMs`: windows start at multiples of it since the Unix epoch (a day window resets at 00:00 UTC). */
export type FixedWindowCounterOptions = WindowLimiterOptions;

/**
 * The count resets to zero when a new window starts; waiting means waiting for the next window start.
 * Binance accounts its limits this way: "a 1 MINUTE interval starts every minute … `1 DAY` rate limit resets at
 * 00:00 UTC every day, and `10 SECOND` interval resets at 00, 10, 20... seconds of each minute"
 * (binance/binance-spot-api-docs web-socket-api.md, "How to interpret rate limits").
 */
export class FixedWindowCounter extends WindowLimiter {
  private windowStart = 0;
  private count = 0;

  /** Start of the window containing nowMs. */
  windowStartAt(nowMs: number): number {
    return nowMs - (((nowMs % this.windowMs) + this.windowMs) % this.windowMs);
  }

  /** When the window containing nowMs ends and the count resets. */
  resetAtMs(nowMs: number): number {
    return this.windowStartAt(nowMs) + this.windowMs;
  }

  usage(nowMs: number): number {
    this.advance(nowMs);
    return this.count;
  }

  waitMs(nowMs: number, cost: number): number {
    requireCost(cost, this.name);
    requireFits(cost, this.budget, this.name);
    return this.canTake(nowMs, cost) ? 0 : this.resetAtMs(nowMs) - nowMs;
  }

  take(nowMs: number, cost: number): void {
    if (!this.canTake(nowMs, cost)) throw invariantViolation(`${this.name}: take(${cost}) over budget at ${nowMs}`);
    this.add(cost);
  }

  record(nowMs: number, cost: number): void {
    requireCost(cost, this.name);
    this.advance(nowMs);
    this.add(cost);
  }

  private add(cost: number): void {
    if (cost === 0) return;
    this.count += cost;
    this.peak = Math.max(this.peak, this.count);
  }

  private advance(nowMs: number): void {
    this.checkTime(nowMs);
    const start = this.windowStartAt(nowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.count = 0;
    }
  }
}
