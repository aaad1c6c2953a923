// RollingWindowLimiter: at most `limit` events in any `windowMs` span (an exact sliding log), with reservations for requests held until later.
import { invariantViolation } from '../errors/shadow-exec-error.js';

/**
 * Times are virtual ms. An event at `t` counts in every window (t', t' + windowMs] that contains it, so a new
 * event at `t` is allowed when fewer than `limit` recorded events lie in (t − windowMs, t].
 * Events must be recorded in non-decreasing time order (a held request is recorded at its send time).
 */
export class RollingWindowLimiter {
  /** Ring buffer of the last `limit` event times. */
  private readonly times: number[];
  private next = 0;
  private recorded = 0;
  private lastTime = Number.NEGATIVE_INFINITY;
  /** Highest number of events ever seen in one window, and the events recorded so far. */
  private peakInWindow = 0;
  private total = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw invariantViolation(`limiter limit must be a positive integer, got ${limit}`);
    if (!Number.isSafeInteger(windowMs) || windowMs < 1) throw invariantViolation(`limiter window must be a positive integer, got ${windowMs}`);
    this.times = new Array<number>(limit).fill(Number.NEGATIVE_INFINITY);
  }

  /** Earliest time ≥ `t` at which one more event fits. */
  earliest(t: number): number {
    if (this.recorded < this.limit) return t;
    const oldest = this.times[this.next]!;
    return Math.max(t, oldest + this.windowMs);
  }

  /** Events recorded in (t − windowMs, t]. */
  usage(t: number): number {
    let n = 0;
    for (const time of this.times) if (time > t - this.windowMs && time <= t) n++;
    return n;
  }

  /** Records an event at `t`; the caller has checked `earliest(t) === t`. */
  record(t: number): void {
    if (t < this.lastTime) throw invariantViolation(`limiter events must be recorded in time order: ${t} after ${this.lastTime}`);
    if (this.earliest(t) !== t) throw invariantViolation(`limiter over its limit of ${this.limit} per ${this.windowMs} ms at ${t}`);
    this.times[this.next] = t;
    this.next = (this.next + 1) % this.limit;
    this.recorded++;
    this.total++;
    this.lastTime = t;
    const used = this.usage(t);
    if (used > this.peakInWindow) this.peakInWindow = used;
  }

  /** Requests left in the window ending at `t` (Bybit's X-Bapi-Limit-Status). */
  remaining(t: number): number {
    return this.limit - this.usage(t);
  }

  get peak(): number {
    return this.peakInWindow;
  }

  get count(): number {
    return this.total;
  }
}
