// WindowLimiter: what the fixed-window and sliding-window strategies share — settings, budget checks, peak and time-order guard.
import type { RateLimiter } from './rate-limiter.js';
import { requireCost, requireMonotonic, resolveWindowOptions, type WindowLimiterOptions } from './limiter-input.js';

export abstract class WindowLimiter implements RateLimiter {
  readonly name: string;
  readonly limit: number;
  readonly budget: number;
  readonly windowMs: number;
  /** Highest usage right after a take or record; subclasses raise it. */
  protected peak = 0;
  /**
   * −Infinity, not undefined, before the first call: a field that starts as a double keeps V8's double representation
   * and each new time is written in place; one that starts undefined (or null) holds every new time — epoch ms, past
   * the small-integer range — as a fresh heap number, an allocation per call on the venue's hot path.
   */
  private lastMs = Number.NEGATIVE_INFINITY;

  constructor(options: WindowLimiterOptions) {
    ({ name: this.name, limit: this.limit, windowMs: this.windowMs, budget: this.budget } = resolveWindowOptions(options));
  }

  get peakUsage(): number {
    return this.peak;
  }

  abstract usage(nowMs: number): number;
  abstract waitMs(nowMs: number, cost: number): number;
  abstract take(nowMs: number, cost: number): void;
  abstract record(nowMs: number, cost: number): void;

  canTake(nowMs: number, cost: number): boolean {
    requireCost(cost, this.name);
    return this.usage(nowMs) + cost <= this.budget || cost === 0;
  }

  wouldExceed(nowMs: number, cost: number): boolean {
    requireCost(cost, this.name);
    return this.usage(nowMs) + cost > this.limit && cost > 0;
  }

  /** Time never goes backwards between calls (an invariant violation otherwise). */
  protected checkTime(nowMs: number): void {
    requireMonotonic(nowMs, this.lastMs, this.name);
    this.lastMs = nowMs;
  }
}
