// RunSession: drives a composed run on its scheduler to the end or to a stop request, then drains and reports.
import type { SessionRun } from './session-run.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { RunStatus } from '../core/report/build-report.js';

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

export async function runSession(run: SessionRun, hooks: SessionHooks): Promise<SessionResult> {
  const { clock, scheduler, loop } = run;
  const slice = hooks.sliceEvents ?? 16_384;
  const observer = run.observer ?? null;
  // The observer's next time of interest: one comparison per event, and no branch at all without an observer.
  let dueMs = Number.POSITIVE_INFINITY;
  loop.start();
  if (observer !== null) dueMs = observer.advance(clock.now());
  for (;;) {
    if (observer === null) {
      for (let i = 0; i < slice; i++) {
        const event = scheduler.pop();
        if (event === null) break;
        clock.advanceTo(event.time);
        event.action();
      }
    } else {
      for (let i = 0; i < slice; i++) {
        const event = scheduler.pop();
        if (event === null) break;
        if (event.time > dueMs) dueMs = observer.advance(event.time);
        clock.advanceTo(event.time);
        event.action();
      }
    }
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
