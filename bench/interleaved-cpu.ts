// CPU time of several synthetic runs composed in-process and driven to the end together, slice by slice, each slice's CPU charged to the run that ran it.
//
// Why interleaved: on the shared machine a run's CPU per update drifts by ±25 % from one 100 ms to the next (other
// jobs on the two cores, caches), more than the venue-to-venue differences measured. Runs that alternate every slice
// (the run command's 16,384 events, a few ms) see the same drift, so their ratio holds still.
import { composeRun, type ComposedRun } from '../src/app/compose.js';
import type { RunInput } from '../src/app/config/run-input.js';
import { validateRunConfig } from '../src/app/config/validate-run-config.js';
import { runSession } from '../src/engine/run-session.js';

const TOOL = { name: 'shadow-exec', version: 'bench' };
/** The run command's slice (run-session.ts default). */
export const SLICE_EVENTS = 16_384;

/** One run's market updates and the CPU microseconds charged to it. */
export interface ChargedRun {
  readonly updates: number;
  readonly cpuMicros: number;
}

/** What a run does besides its slices, charged to it: after each slice (onSlice) and after its report (onEnd). */
export interface RunHooks {
  readonly onSlice?: () => void;
  readonly onEnd?: () => void;
}

/**
 * Drives composed `runs` to the end (report included) together, the first slice of each in the order given, then
 * round-robin; returns the CPU µs charged to each (its slices, its hooks and its report). The caller composes the
 * runs (untimed). No forced GC here: `gc()` (--expose-gc) made V8 optimise the loop's ~200 hot functions again after
 * it (about 100 deopts and 200 optimisations in the next 300 k updates, 3× the CPU per update), and process.cpuUsage
 * charges the compiler threads' CPU to the run that is going.
 */
export async function chargeInterleaved(runs: readonly ComposedRun[], hooks: readonly RunHooks[] = [], sliceEvents = SLICE_EVENTS): Promise<number[]> {
  const micros = runs.map(() => 0);
  let mark = process.cpuUsage();
  const charge = (i: number): void => {
    const used = process.cpuUsage(mark);
    micros[i]! += used.user + used.system;
    mark = process.cpuUsage();
  };
  await Promise.all(
    runs.map((run, i) => {
      const build = run.buildReport;
      const own = hooks[i] ?? {};
      const charged = { ...run, buildReport: (status: Parameters<typeof build>[0]) => {
        const report = build(status);
        own.onEnd?.();
        charge(i);
        return report;
      } };
      return runSession(charged, {
        stopRequested: () => false,
        // A resolved promise: the next run's slice goes next (its continuation is queued first).
        yieldSlice: () => {
          charge(i);
          return Promise.resolve();
        },
        sliceEvents,
        ...(own.onSlice === undefined ? {} : { onProgress: own.onSlice }),
      });
    }),
  );
  return micros;
}

/** Composes each of `options` (untimed, as in cpuRun) and drives them with chargeInterleaved. */
export async function interleavedCpuRuns(options: readonly RunInput[], sliceEvents = SLICE_EVENTS): Promise<ChargedRun[]> {
  const runs = options.map((o) => composeRun(validateRunConfig(o), TOOL));
  const micros = await chargeInterleaved(runs, [], sliceEvents);
  return runs.map((run, i) => ({ updates: run.loop.counters.marketUpdates, cpuMicros: micros[i]! }));
}
