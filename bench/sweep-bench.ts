// Sweep scaling: one representative sweep (the README's: a 6-cell grid × 20 seeds, each run a full default synthetic run) on a pool of 1 worker thread and of 2, wall-clock from opening the pool to the last result; the 2-worker throughput over the 1-worker one, target ≥ 1.7× on a 2-core machine.
//
// What it times is what `shadow-exec sweep` does after parsing its flags: open the pool (threads start, load the
// worker module), run every cell × seed, close it. Thread start-up and each thread's JIT warm-up are counted, as a user
// pays them; the sweep is large enough (cells × seeds × updates stated in the output) that they amortise, as they do in
// a real sweep. Wall-clock, not CPU time: what parallel workers buy is elapsed time, so the figure is only meaningful
// when the machine is otherwise idle (another busy process takes a core away from the 2-worker pool): the load average
// is printed with it. Pools alternated, best of `rounds`.
//
// The size matters: each thread warms V8's JIT up on its own (about 20 runs of 120 k updates before the compiling
// settles), so a toy sweep of 8 runs measured warm-up, not scaling. 120 runs of 120 k updates is the README's sweep.
//
// Run alone: `npm run build && node dist/bench/sweep-bench.js [seeds] [updatesPerRun] [rounds]` (default 20 120000 2).
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseGrid } from '../src/app/sweep/sweep-grid.js';
import { buildCells } from '../src/app/sweep/sweep-plan.js';
import { SweepPool } from '../src/cli/sweep-pool.js';
import { verdict } from './cpu-run.js';

const TOOL = { name: 'shadow-exec', version: 'bench' };
/** The grid of the README's sweep example: 3 spreads × 2 latencies. */
const GRID = 'spread-bps=10,20,40 latency-ms=20,50';
/** The target: 2 workers' throughput over 1 worker's. */
export const SWEEP_TARGET = 1.7;

export interface SweepScaling {
  readonly cells: number;
  readonly seeds: number;
  readonly iterations: number;
  /** Runs per wall-clock second. */
  readonly oneWorker: number;
  readonly twoWorkers: number;
  readonly ratio: number;
  readonly cores: number;
  /** CPU seconds per run (process.cpuUsage: every thread of the process, V8's compiler and GC threads included) in the best round of each pool: equal when threads add no overhead. */
  readonly oneCpuPerRun: number;
  readonly twoCpuPerRun: number;
  /** 1-minute load average before and after. */
  readonly loadBefore: number;
  readonly loadAfter: number;
}

interface Timed {
  readonly wallS: number;
  readonly cpuS: number;
}

/** Wall and CPU seconds of the whole sweep (grid × seeds 1..seeds, `iterations` updates per run) on `workers` threads, pool start to pool end. */
async function timeSweep(workers: number, seeds: number, iterations: number): Promise<Timed> {
  const cells = buildCells({ iterations: String(iterations) }, parseGrid(GRID, () => ''));
  const tasks = cells.flatMap((cell) => Array.from({ length: seeds }, (_, i) => ({ cell, seed: i + 1 })));
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  let done = 0;
  const pool = await SweepPool.open(workers);
  try {
    await pool.run(tasks, {
      task: (t) => ({ kind: 'run', cell: { input: { ...t.cell.run.input, seed: String(t.seed) }, params: t.cell.run.params }, metrics: ['pnl.total', 'fills.count'], tool: TOOL }),
      onResult: () => void done++,
      signal: new AbortController().signal,
    });
  } finally {
    await pool.close();
  }
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  if (done !== tasks.length) throw new Error(`sweep bench: ${done} of ${tasks.length} runs finished`);
  return { wallS, cpuS: (used.user + used.system) / 1e6 };
}

/** The sweep (6 cells × `seeds` seeds × `iterations` updates) on 1 and on 2 threads, alternated, best of `rounds`. */
export async function measureSweepScaling(seeds: number, iterations: number, rounds: number): Promise<SweepScaling> {
  const loadBefore = loadavg()[0]!;
  let one: Timed = { wallS: Infinity, cpuS: 0 };
  let two: Timed = { wallS: Infinity, cpuS: 0 };
  for (let r = 0; r < rounds; r++) {
    const a = await timeSweep(1, seeds, iterations);
    if (a.wallS < one.wallS) one = a;
    const b = await timeSweep(2, seeds, iterations);
    if (b.wallS < two.wallS) two = b;
  }
  const runs = 6 * seeds;
  return { cells: 6, seeds, iterations, oneWorker: runs / one.wallS, twoWorkers: runs / two.wallS, ratio: one.wallS / two.wallS, cores: availableParallelism(), oneCpuPerRun: one.cpuS / runs, twoCpuPerRun: two.cpuS / runs, loadBefore, loadAfter: loadavg()[0]! };
}

export function formatSweepScaling(s: SweepScaling): string {
  const runs = s.cells * s.seeds;
  return [
    `sweep on worker threads: --grid '${GRID}' (${s.cells} cells) × --seeds 1..${s.seeds} = ${runs} runs of ${s.iterations.toLocaleString('en-US')} updates each, default flags otherwise; wall-clock from pool start (thread start and JIT warm-up counted) to the last result, best of alternated pools; ${s.cores} cores; load average ${s.loadBefore.toFixed(2)} before, ${s.loadAfter.toFixed(2)} after (the figure needs an otherwise idle machine)`,
    `  1 worker  ${s.oneWorker.toFixed(2).padStart(7)} runs/s`,
    `  2 workers ${s.twoWorkers.toFixed(2).padStart(7)} runs/s  (${s.ratio.toFixed(2)}× one worker)`,
    `  CPU per run (all threads, informational): 1 worker ${s.oneCpuPerRun.toFixed(3)} s, 2 workers ${s.twoCpuPerRun.toFixed(3)} s`,
    `  ${verdict(`2 workers ≥ ${SWEEP_TARGET}× one worker (wall-clock throughput, 2-core machine, otherwise idle)`, s.ratio >= SWEEP_TARGET)}`,
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [seeds, iterations, rounds] = [process.argv[2] ?? '20', process.argv[3] ?? '120000', process.argv[4] ?? '2'].map(Number) as [number, number, number];
  process.stdout.write(`${formatSweepScaling(await measureSweepScaling(seeds, iterations, rounds))}\n`);
}
