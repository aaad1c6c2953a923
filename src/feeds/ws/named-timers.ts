// NamedTimers: at most one pending Timers-port timer per name, so re-arming replaces and clear() cancels all.
import type { TimerHandle, Timers } from '../../ports/timers.js';

export class NamedTimers<Name extends string> {
  private readonly pending = new Map<Name, TimerHandle>();

  constructor(private readonly timers: Timers) {}

  /** Runs `callback` after `delayMs`, replacing any timer of the same name. */
  arm(name: Name, delayMs: number, callback: () => void): void {
    this.disarm(name);
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(name);
      callback();
    }, delayMs);
    this.pending.set(name, handle);
  }

  disarm(name: Name): void {
    const handle = this.pending.get(name);
    if (handle === undefined) return;
    this.timers.clearTimeout(handle);
    this.pending.delete(name);
  }

  clear(): void {
    for (const handle of this.pending.values()) this.timers.clearTimeout(handle);
    this.pending.clear();
  }
}
