// OutgoingRateLimiter: a sliding window over the messages a connection sent, for venue per-connection message limits.
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';

/**
 * At most `maxPerWindow` recorded sends in any `windowMs` span: a send at t counts while
 * t > now − windowMs. Entries may exceed the maximum when sends that cannot be deferred (pong
 * frames the socket answers by itself) are recorded; later sends then wait until enough expire.
 */
export class OutgoingRateLimiter {
  private readonly sentAt: number[] = [];

  constructor(
    readonly maxPerWindow: number,
    readonly windowMs: number,
  ) {
    if (!Number.isSafeInteger(maxPerWindow) || maxPerWindow < 1) throw invariantViolation(`rate limit must be ≥ 1, got ${maxPerWindow}`);
    if (!Number.isSafeInteger(windowMs) || windowMs < 1) throw invariantViolation(`rate window must be ≥ 1 ms, got ${windowMs}`);
  }

  /** Counts one message sent at `nowMs`. */
  record(nowMs: number): void {
    this.expire(nowMs);
    this.sentAt.push(nowMs);
  }

  /** Earliest time ≥ nowMs at which one more message fits in the window. */
  nextFreeAt(nowMs: number): number {
    this.expire(nowMs);
    const excess = this.sentAt.length - this.maxPerWindow;
    if (excess < 0) return nowMs;
    return (this.sentAt[excess] as number) + this.windowMs;
  }

  private expire(nowMs: number): void {
    let drop = 0;
    while (drop < this.sentAt.length && (this.sentAt[drop] as number) <= nowMs - this.windowMs) drop++;
    if (drop > 0) this.sentAt.splice(0, drop);
  }
}
