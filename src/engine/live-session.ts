// LiveSession: drives a composed run on the system clock — feed events as they arrive, scheduler events when their wall time comes — until --duration, a stop request or the feed's failure; then stops, drains and reports.
//
// Rules (stated):
// - The run's VirtualClock is slaved to the SystemClock: an event runs at max(its time, the clock), and
//   its time is a wall time (a frame's receive time, an order's send time + latency). Market events run
//   as soon as they are received; a scheduled event waits until the system clock reaches its time.
// - The ExecutionLoop pulls the feed one event at a time and stops pulling when next() returns null;
//   the session calls ExecutionLoop.resume() (it pulls the next event) once the parked feed has events.
// - End: wall time ≥ start + --duration → 'completed' (end_reason "duration"); a stop request
//   (SIGINT/SIGTERM) → 'interrupted'; every connection gave up (circuit breaker) → 'failed' with
//   end_reason "feed-failed" and the failure reported; the duration passed without one market update
//   → 'failed' too (end_reason "duration", `failure` says what the feed saw). Then the loop stops (feed stopped, every open
//   order cancelled) and the remaining scheduled events (cancel confirmations) run at once at their
//   own times, no longer waiting for the wall clock: nothing can arrive that they would wait for.
// - The report is that of any run, with `runtime.clock: "system"`: wall-clock times and counts, not byte-stable.
import type { SessionRun } from './session-run.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { Clock } from '../ports/clock.js';
import type { LiveMarketFeed } from '../feeds/live/live-market-feed.js';
import { InterruptibleSleep } from '../feeds/ws/interruptible-sleep.js';
import type { Timers } from '../ports/timers.js';
import type { SessionResult } from './run-session.js';

export type LiveEndReason = 'duration' | 'interrupted' | 'feed-failed';

export interface LiveSessionOptions {
  /** The system clock (monotone wall ms); shared with the feed's receive stamps. */
  readonly clock: Clock;
  /** Waits between events. */
  readonly timers: Timers;
  /** Wall-clock run length, ms; null: until stopped. */
  readonly durationMs: number | null;
  /** True once the user asked to stop (Ctrl-C, SIGTERM); call wake() when it turns true. */
  readonly stopRequested: () => boolean;
  /** Market updates handled so far; called after each batch. */
  readonly onProgress?: (marketUpdates: number) => void;
  /** Lines from the feed (connections, subscriptions, book syncs). */
  readonly log?: (line: string) => void;
}

export interface LiveSessionResult extends SessionResult {
  readonly endReason: LiveEndReason;
  /** Why the feed failed, when it did. */
  readonly failure: string | null;
}

/** Longest wait without a wake-up, ms: stop requests are also polled at this pace. */
const MAX_IDLE_MS = 250;

export class LiveSession {
  /** The wait between events; new events or a stop request end it early. */
  private readonly idle: InterruptibleSleep;

  constructor(
    private readonly run: SessionRun,
    private readonly feed: LiveMarketFeed,
    private readonly options: LiveSessionOptions,
  ) {
    this.idle = new InterruptibleSleep(options.timers);
  }

  /** Ends the current wait at once (events arrived, a stop was requested). */
  wake(): void {
    this.idle.wake();
  }

  async execute(): Promise<LiveSessionResult> {
    const { clock, scheduler, loop } = this.run;
    const system = this.options.clock;
    const feed = this.feed;
    feed.setObserver({ wake: () => this.wake(), log: (line) => this.options.log?.(line) });
    let endReason: LiveEndReason;
    try {
      // A client library's set-up (a UsageError for what it cannot stream) comes before the duration starts counting.
      await feed.open();
      const startMs = Math.max(clock.now(), system.now());
      clock.advanceTo(startMs);
      const endMs = this.options.durationMs === null ? null : startMs + this.options.durationMs;
      loop.start();
      feed.start();
      endReason = await this.until(endMs);
    } catch (error) {
      // A failed run must not leave sockets open (they would keep the process alive).
      feed.stop();
      await feed.closed();
      throw error;
    }
    clock.advanceTo(Math.max(clock.now(), system.now()));
    feed.noteEnd(endReason);
    loop.stop(endReason === 'interrupted' ? 'interrupted' : 'completed');
    for (let event = scheduler.pop(); event !== null; event = scheduler.pop()) {
      clock.advanceTo(Math.max(clock.now(), event.time));
      event.action();
    }
    await feed.closed();
    this.options.onProgress?.(loop.counters.marketUpdates);
    if (endReason === 'duration' && loop.counters.marketUpdates === 0) feed.noteNoData(this.options.durationMs ?? 0);
    const stopped = loop.stopReason ?? 'completed';
    const status = stopped === 'completed' && feed.failure !== null ? 'failed' : stopped;
    return { status, endReason, failure: feed.failure, report: markSystemClock(this.run.buildReport(status)) };
  }

  /** Runs events as they come due until the run must end; returns why. */
  private async until(endMs: number | null): Promise<LiveEndReason> {
    const { scheduler, loop } = this.run;
    const system = this.options.clock;
    for (;;) {
      this.pump(system.now());
      const now = system.now();
      if (this.options.stopRequested()) return 'interrupted';
      if (endMs !== null && now >= endMs) return 'duration';
      if (this.feed.failure !== null) return 'feed-failed';
      this.options.onProgress?.(loop.counters.marketUpdates);
      const due = scheduler.peekTime();
      await this.idle.sleep(Math.min(due ?? Infinity, endMs ?? Infinity, now + MAX_IDLE_MS) - now);
    }
  }

  /** Runs every event due by `nowMs`, resuming the loop's pulls whenever the parked feed has events. */
  private pump(nowMs: number): void {
    const { clock, scheduler, loop } = this.run;
    for (;;) {
      if (this.feed.parked && this.feed.waiting > 0 && loop.stopReason === null) loop.resume();
      const due = scheduler.peekTime();
      if (due === null || due > nowMs) return;
      const event = scheduler.pop()!;
      clock.advanceTo(Math.max(clock.now(), event.time));
      event.action();
    }
  }
}

/** The report of a live run says its clock was the system clock and that it is not byte-stable. */
function markSystemClock(report: JsonValue): JsonValue {
  const r = report as Record<string, JsonValue>;
  const runtime = r['runtime'] as Record<string, JsonValue>;
  return {
    ...r,
    runtime: {
      ...runtime,
      clock: 'system',
      byte_stable: false,
      note: 'live run on the system clock: times, counts and feed health depend on when frames arrived, so the same flags do not give the same bytes',
    },
  };
}
