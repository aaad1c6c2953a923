// InterruptibleSleep: a wait on the Timers port that wake() ends at once — the idle step of the live session and the recorder.
import type { TimerHandle, Timers } from '../../ports/timers.js';

export class InterruptibleSleep {
  private waker: (() => void) | null = null;
  /** A wake() came while nothing was waiting: the next sleep returns at once, so no wake-up is lost. */
  private wakePending = false;

  constructor(private readonly timers: Timers) {}

  /** Resolves after `ms` (rounded up to whole ms, at least 0) of the port's time, or as soon as wake() is called. */
  sleep(ms: number): Promise<void> {
    if (this.wakePending) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timers = this.timers;
      let handle: TimerHandle = null;
      this.waker = () => {
        timers.clearTimeout(handle);
        resolve();
      };
      handle = timers.setTimeout(() => {
        this.waker = null;
        resolve();
      }, Math.max(0, Math.ceil(ms)));
    });
  }

  /** Ends the current sleep now; with none in progress, the next one ends at once. */
  wake(): void {
    const waker = this.waker;
    this.waker = null;
    if (waker === null) this.wakePending = true;
    else waker();
  }
}
