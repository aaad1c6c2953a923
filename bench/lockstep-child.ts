// Child process of lockstep-runs.ts: composes one synthetic run at a time (its own venue only, as a user's `run` process) and runs it one slice per 'go' from the parent, reporting the CPU each slice took.
import type { RunInput } from '../src/app/config/run-input.js';
import { composeRun } from '../src/app/compose.js';
import { validateRunConfig } from '../src/app/config/validate-run-config.js';
import { loadAllFeedModules } from '../src/app/feed-modules.js';
import { loadAllVenues } from '../src/app/venue-registry.js';
import { runSession } from '../src/engine/run-session.js';
import { SLICE_EVENTS } from './interleaved-cpu.js';

/** parent → child: compose a run; go: run its next slice (the first go starts it); exit. */
export type ToChild = { readonly kind: 'compose'; readonly options: RunInput } | { readonly kind: 'go' } | { readonly kind: 'exit' };
/** child → parent: composed; one slice done (more to come); the run ended: its market updates and the CPU µs of its slices. */
export type ToParent = { readonly kind: 'ready' } | { readonly kind: 'slice' } | { readonly kind: 'end'; readonly updates: number; readonly cpuMicros: number };

const TOOL = { name: 'shadow-exec', version: 'bench' };

await loadAllVenues();
await loadAllFeedModules();

const send = (message: ToParent): void => {
  process.send!(message);
};

let run: ReturnType<typeof composeRun> | null = null;
let started = false;
let micros = 0;
let mark = process.cpuUsage();
let resume: (() => void) | null = null;

const charge = (): void => {
  const used = process.cpuUsage(mark);
  micros += used.user + used.system;
};

function start(composed: ReturnType<typeof composeRun>): void {
  started = true;
  void runSession(composed, {
    stopRequested: () => false,
    yieldSlice: () => {
      charge();
      send({ kind: 'slice' });
      return new Promise<void>((r) => (resume = r));
    },
    sliceEvents: SLICE_EVENTS,
  }).then(() => {
    charge();
    send({ kind: 'end', updates: composed.loop.counters.marketUpdates, cpuMicros: micros });
    run = null;
  });
}

process.on('message', (message: ToChild) => {
  switch (message.kind) {
    case 'compose':
      run = composeRun(validateRunConfig(message.options), TOOL);
      started = false;
      micros = 0;
      send({ kind: 'ready' });
      return;
    case 'go': {
      mark = process.cpuUsage();
      if (!started) {
        start(run!);
        return;
      }
      const r = resume!;
      resume = null;
      r();
      return;
    }
    case 'exit':
      process.disconnect();
  }
});
