// Sweep scaling: the same sweep (8 runs of the default synthetic market) on a pool of 1 worker thread and of 2, wall-clock; the 2-worker throughput over the 1-worker one, target ≥ 1.7× on a 2-core machine.
//
// Wall-clock, not CPU time: what parallel workers buy is elapsed time, so the figure is only meaningful when the
// machine is otherwise idle (another busy process takes a core away from the 2-worker pool). Each pool is started,
// warmed by one short run, and timed over the whole sweep (thread start-up excluded); pools alternated, best of `rounds`.
import { availableParallelism } from 'node:os';
import { runSweepTasks } from '../src/cli/sweep-pool.js';

const TOOL = { name: 'shadow-exec', version: 'bench' };

export interface SweepScaling {
  readonly runs: number;
  readonly iterations: number;
  /** Runs per wall-clock second. */
  readonly oneWorker: number;
  readonly twoWorkers: number;
  readonly ratio: number;
  readonly cores: number;
  /** CPU seconds per run (process.cpuUsage: every thread of the process) in the best round of each pool: equal when threads add no overhead. */
  readonly oneCpuPerRun: number;
  readonly twoCpuPerRun: number;
}

interface Timed {
  readonly wallS: number;
  readonly cpuS: number;
}

/** Wall seconds of `runs` runs (seeds 1..runs) of `iterations` updates on `workers` threads, after a warm-up run per thread. */
async function timeSweep(workers: number, runs: number, iterations: number): Promise<Timed> {
  const never = new AbortController().signal;
  const task = (seed: number, n: number) => ({ kind: 'run' as const, cell: { input: { iterations: String(n), seed: String(seed) }, params: {} }, metrics: ['pnl.total'], tool: TOOL });
  // One pool for warm-up and measure, so thread start and module loading are not timed.
  const warm: number[] = Array.from({ length: workers }, (_, i) => i + 1);
  let started = 0n;
  let cpu = process.cpuUsage();
  let done = 0;
  const items = [...warm.map((s) => ({ seed: s, n: 2_000, warm: true })), ...Array.from({ length: runs }, (_, i) => ({ seed: i + 1, n: iterations, warm: false }))];
  let warmed = 0;
  await runSweepTasks(items, {
    workers,
    task: (item) => task(item.seed, item.n),
    onResult: (item) => {
      if (item.warm) {
        warmed++;
        if (warmed === warm.length) {
          started = process.hrtime.bigint();
          cpu = process.cpuUsage();
        }
      } else done++;
    },
    signal: never,
  });
  const used = process.cpuUsage(cpu);
  if (done !== runs) throw new Error(`sweep bench: ${done} of ${runs} runs finished`);
  return { wallS: Number(process.hrtime.bigint() - started) / 1e9, cpuS: (used.user + used.system) / 1e6 };
}

export async function measureSweepScaling(runs: number, iterations: number, rounds: number): Promise<SweepScaling> {
  let one: Timed = { wallS: Infinity, cpuS: 0 };
  let two: Timed = { wallS: Infinity, cpuS: 0 };
  for (let r = 0; r < rounds; r++) {
    const a = await timeSweep(1, runs, iterations);
    if (a.wallS < one.wallS) one = a;
    const b = await timeSweep(2, runs, iterations);
    if (b.wallS < two.wallS) two = b;
  }
  return { runs, iterations, oneWorker: runs / one.wallS, twoWorkers: runs / two.wallS, ratio: one.wallS / two.wallS, cores: availableParallelism(), oneCpuPerRun: one.cpuS / runs, twoCpuPerRun: two.cpuS / runs };
}

export function formatSweepScaling(s: SweepScaling): string {
  return [
    `sweep on worker threads (${s.runs} runs × ${s.iterations.toLocaleString('en-US')} updates, default flags, seeds 1..${s.runs}; wall-clock, best of alternated pools; ${s.cores} cores; the machine must be otherwise idle)`,
    `  1 worker  ${s.oneWorker.toFixed(2).padStart(7)} runs/s`,
    `  2 workers ${s.twoWorkers.toFixed(2).padStart(7)} runs/s  (${s.ratio.toFixed(2)}× one worker)`,
    `  CPU per run (all threads, informational): 1 worker ${s.oneCpuPerRun.toFixed(3)} s, 2 workers ${s.twoCpuPerRun.toFixed(3)} s`,
  ].join('\n');
}
