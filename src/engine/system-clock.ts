// SystemClock: the Clock of live runs — wall-clock ms since the epoch that never go back (a step back of the system clock is held).
import type { Clock } from '../ports/clock.js';

export class SystemClock implements Clock {
  private last = 0;

  /** @param wallMs the wall clock read; Date.now by default */
  constructor(private readonly wallMs: () => number = Date.now) {}

  /** max(wall clock, the last value returned): receive stamps and due times stay ordered. */
  now(): number {
    const wall = this.wallMs();
    if (wall > this.last) this.last = wall;
    return this.last;
  }
}
