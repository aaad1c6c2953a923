// compileInWorkerThreads: V8 compiles optimised code on the thread that runs it in the sweep's worker isolates, not on V8's background compiler threads.
import { setFlagsFromString } from 'node:v8';

/**
 * Why: a sweep keeps every core busy with its worker threads, so V8's concurrent recompilation (TurboFan on background
 * threads) has no idle core to run on; it then competes with the workers and delays each optimised function's
 * installation. Measured on the 2-core machine (bench/sweep-bench.ts, 120 runs, idle): background threads' CPU
 * 0.45 → 0.06 s with 1 worker and 0.68–0.85 → 0.14 s with 2, the 2-worker ÷ 1-worker wall ratio 1.54 → 1.65× at
 * 120 k updates a run and 1.74 → 1.83× at 600 k, and the 1-worker sweep itself 6.04 → 6.61 runs/s at 600 k.
 *
 * `--no-concurrent-recompilation` is read when an isolate is created, so it must be set before the pool's threads
 * start; the isolate already running (the CLI's main thread, which only hands out tasks) keeps its background
 * compiler. The flag is process-wide: set once, idempotent. `apply` is the V8 call (a seam for tests).
 */
export function compileInWorkerThreads(apply: (flags: string) => void = setFlagsFromString): void {
  if (applied.has(apply)) return;
  applied.add(apply);
  apply(NO_CONCURRENT_RECOMPILATION);
}

export const NO_CONCURRENT_RECOMPILATION = '--no-concurrent-recompilation';

const applied = new WeakSet<(flags: string) => void>();
