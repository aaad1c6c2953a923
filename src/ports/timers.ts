// Timers port: the clock and one-shot timers the WebSocket adapter runs on (virtual in tests, system timers live).
import type { Clock } from './clock.js';

/** Opaque handle of a pending timer; only meaningful to the Timers that issued it. */
export type TimerHandle = unknown;

export interface Timers extends Clock {
  /** Calls `callback` once, `delayMs` (integer ms ≥ 0) of this port's time from now. */
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  /** Cancels a pending timer; a fired or unknown handle is ignored. */
  clearTimeout(handle: TimerHandle): void;
}
