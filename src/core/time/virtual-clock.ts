// VirtualClock: a Clock that only moves when the scheduler advances it; never goes backwards.
import type { Clock } from '../../ports/clock.js';
import { invariantViolation } from '../errors/shadow-exec-error.js';

export class VirtualClock implements Clock {
  private nowMs: number;

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
