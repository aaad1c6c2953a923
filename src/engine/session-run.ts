// SessionRun: what a run session (run-session, live-session) drives — the run's clock, scheduler and loop and its report — stated by the engine so that app/compose satisfies it and the engine does not import its wiring.
import type { RunStatus } from '../core/report/build-report.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { EventScheduler } from '../core/scheduler/event-scheduler.js';
import type { VirtualClock } from '../core/time/virtual-clock.js';
import type { ExecutionLoop } from './execution-loop.js';
import type { RunObserver } from '../ports/run-observer.js';

export interface SessionRun {
  /** Advanced to each event's time before the event runs. */
  readonly clock: VirtualClock;
  /** Every event of the run, ordered by (time, seq). */
  readonly scheduler: EventScheduler;
  readonly loop: ExecutionLoop;
  /** Told each advance of virtual time and the end (--series); absent or null: the session runs without one. */
  readonly observer?: RunObserver | null;
  /** The report of the run as it stands; call after the scheduler has drained. */
  buildReport(status: RunStatus): JsonValue;
}
