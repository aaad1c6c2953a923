// RunSession: drives a composed run on its scheduler to the end or to a stop request, then drains and reports.
import type { SessionRun } from './session-run.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { RunStatus } from '../core/report/build-report.js';
import type { EventScheduler } from '../core/scheduler/event-scheduler.js';
import type { VirtualClock } from '../core/time/virtual-clock.js';
import type { RunObserver } from '../ports/run-observer.js';

export interface SessionHooks {
  /** Returns true once the user asked to stop (Ctrl-C); checked between slices. */
  readonly stopRequested: () => boolean;
  /** Lets the host's event loop breathe between slices (signals, spinner); resolved promise when not needed. */
  readonly yieldSlice: () => Promise<void>;
  /** Market updates handled so far; called between slices. */
  readonly onProgress?: (marketUpdates: number) => void;
  /** Events per slice between yields. @default 16384 */
  readonly sliceEvents?: number;
}

export interface SessionResult {
  readonly status: RunStatus;
  readonly report: JsonValue;
}

/**
 * Up to `slice` events, in their own functions rather than inline in runSession: V8 optimises these loops once per
 * thread and keeps that code from run to run, since nothing in them is a per-run closure. Inline, the loop was compiled
 * into runSession, whose calls of per-run closures (the hooks, run.buildReport) threw the optimised loop away at the
 * end of every run of a sweep worker (a "wrong call target" deopt per run, then a fresh background compile).
 */
function runSlice(scheduler: EventScheduler, clock: VirtualClock, slice: number): void {
  for (let i = 0; i < slice; i++) {
    const event = scheduler.pop();
    if (event === null) return;
    clock.advanceTo(event.time);
    event.action();
  }
}

/** Events run so far in the slice runObservedSlice is running (one per slice, not per event). */
interface SliceProgress {
  ran: number;
}

/**
 * runSlice up to the observer's next time of interest: runs events at or before `dueMs` until `slice` have run in
 * all; returns the first event beyond `dueMs` (popped, not run), or null when the slice is done or the queue empty.
 * The observer is called from runObservedSlice, not from this loop: with the call (and the sampler V8 inlined there)
 * inside the per-event loop, the loop itself ran slower — measured as a --series 1s cost beyond the sampler's own
 * work (bench/series-bench.ts).
 */
function runUntil(scheduler: EventScheduler, clock: VirtualClock, slice: number, dueMs: number, progress: SliceProgress): { readonly time: number; action(): void } | null {
  for (let i = progress.ran; i < slice; i++) {
    const event = scheduler.pop();
    if (event === null) {
      progress.ran = slice;
      return null;
    }
    if (event.time > dueMs) {
      progress.ran = i;
      return event;
    }
    clock.advanceTo(event.time);
    event.action();
  }
  progress.ran = slice;
  return null;
}

/** runSlice with the observer told of time passing (before the first event beyond its time of interest runs); returns its next time of interest. */
function runObservedSlice(scheduler: EventScheduler, clock: VirtualClock, slice: number, observer: RunObserver, dueMs: number): number {
  let due = dueMs;
  const progress: SliceProgress = { ran: 0 };
  for (;;) {
    const beyond = runUntil(scheduler, clock, slice, due, progress);
    if (beyond === null) return due;
    due = observer.advance(beyond.time);
    clock.advanceTo(beyond.time);
    beyond.action();
    progress.ran++;
  }
}

export async function runSession(run: SessionRun, hooks: SessionHooks): Promise<SessionResult> {
  const { clock, scheduler, loop } = run;
  const slice = hooks.sliceEvents ?? 16_384;
  const observer = run.observer ?? null;
  // The observer's next time of interest: one comparison per event, and no branch at all without an observer.
  let dueMs = Number.POSITIVE_INFINITY;
  loop.start();
  if (observer !== null) dueMs = observer.advance(clock.now());
  for (;;) {
    if (observer === null) runSlice(scheduler, clock, slice);
    else dueMs = runObservedSlice(scheduler, clock, slice, observer, dueMs);
    if (scheduler.size === 0) {
      if (loop.stopReason !== null) break;
      loop.stop('completed');
      continue;
    }
    hooks.onProgress?.(loop.counters.marketUpdates);
    await hooks.yieldSlice();
    if (loop.stopReason === null && hooks.stopRequested()) loop.stop('interrupted');
  }
  hooks.onProgress?.(loop.counters.marketUpdates);
  observer?.end(clock.now());
  const status = loop.stopReason ?? 'completed';
  return { status, report: run.buildReport(status) };
}
