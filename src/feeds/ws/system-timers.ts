// SystemTimers: the Timers port on the wall clock and Node's timers, for live runs only.
import type { TimerHandle, Timers } from '../../ports/timers.js';

export class SystemTimers implements Timers {
  now(): number {
    return Date.now();
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    return setTimeout(callback, delayMs);
  }

  clearTimeout(handle: TimerHandle): void {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
}
