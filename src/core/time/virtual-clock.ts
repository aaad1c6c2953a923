// VirtualClock: a Clock that only moves when the scheduler advances it; never goes backwards.
import type { Clock } from '../../ports/clock.js';
import { invariantViolation } from '../errors/shadow-exec-error.js';

export class VirtualClock implements Clock {
  /**
   * Virtual ms since the Unix epoch. Initialised here, not only in the constructor: a field declared without a value
   * starts undefined (ES2022 class fields), so V8 would box every later time (past 2³¹, not a small integer) anew.
   */
  private nowMs = 0;

  /** @param startMs virtual start, ms since the Unix epoch */
  constructor(startMs: number) {
    if (!Number.isSafeInteger(startMs)) throw invariantViolation(`clock start must be an integer ms, got ${startMs}`);
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  /** Moves the clock to `ms`; moving backwards is a bug. */
  advanceTo(ms: number): void {
    if (!(ms >= this.nowMs)) throw invariantViolation(`virtual clock cannot go back from ${this.nowMs} to ${ms}`);
    this.nowMs = ms;
  }
}
