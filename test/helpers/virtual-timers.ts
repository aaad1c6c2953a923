// VirtualTimers: a Timers port that only moves when a test advances it; fires due timers in (due, creation) order.
import type { TimerHandle, Timers } from '../../src/ports/timers.js';

interface PendingTimer {
  readonly id: number;
  readonly dueMs: number;
  readonly callback: () => void;
}

export class VirtualTimers implements Timers {
  private nowMs: number;
  private seq = 0;
  private readonly pending = new Map<number, PendingTimer>();
  /** Every delay ever requested, in request order. */
  readonly requestedDelays: number[] = [];

  constructor(startMs = 1_735_689_600_000) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    if (!Number.isSafeInteger(delayMs) || delayMs < 0) throw new Error(`bad virtual delay ${delayMs}`);
    const id = ++this.seq;
    this.requestedDelays.push(delayMs);
    this.pending.set(id, { id, dueMs: this.nowMs + delayMs, callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending.delete(handle as number);
  }

  /** Delays (from now) of the timers still pending, ascending. */
  pendingDelays(): number[] {
    return [...this.pending.values()].map((t) => t.dueMs - this.nowMs).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`, firing every timer due on the way (including ones they schedule). */
  advance(ms: number): void {
    const target = this.nowMs + ms;
    for (let guard = 0; guard < 100_000; guard++) {
      let next: PendingTimer | undefined;
      for (const t of this.pending.values()) {
        if (t.dueMs <= target && (next === undefined || t.dueMs < next.dueMs || (t.dueMs === next.dueMs && t.id < next.id))) next = t;
      }
      if (next === undefined) {
        this.nowMs = target;
        return;
      }
      this.pending.delete(next.id);
      this.nowMs = next.dueMs;
      next.callback();
    }
    throw new Error('virtual timers: more than 100000 timers fired in one advance');
  }
}
