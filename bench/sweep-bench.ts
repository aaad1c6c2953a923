// Sweep scaling: one representative sweep (the README's: a 6-cell grid × 20 seeds, each run a full default synthetic run) on a pool of 1 worker thread and of 2, wall-clock from opening the pool to the last result; the 2-worker throughput over the 1-worker one, target ≥ 1.7× on a 2-core machine.
//
// What it times is what `shadow-exec sweep` does after parsing its flags: open the pool (threads start, load the
// worker module — the bundled one, dist/bundle/worker/, as the installed CLI does, when it is built), run every
// cell × seed, close it. Thread start-up and each thread's JIT warm-up are counted, as a user pays them; the sweep is
// large enough (cells × seeds × updates stated in the output) that they amortise, as they do in a real sweep.
// Wall-clock, not CPU time: what parallel workers buy is elapsed time, so the figure is only meaningful when the
// machine is otherwise idle (another busy process takes a core away from the 2-worker pool): the load average is
// printed with it. Pools alternated (1, 2, 1, 2, …); the figure is the median of the rounds' ratios (each round's
// two pools run back to back, under about the same load), with their spread.
//
// The size matters: each thread warms V8's JIT up on its own (its first few runs are 2–3× slower), so a toy sweep of
// 8 runs measured warm-up, not scaling. The target is judged on 120 runs of 600 k updates (~20 s on one worker: a
// small sweep by a user's standards: a run is 16.7 virtual hours of one symbol at the default 100 ms); 120 runs of 120 k
// (~4 s) are printed too, showing the warm-up's share. Where the time goes is printed as well: CPU seconds by thread
// (/proc/self/task, Linux) — the workers, the main thread, and the rest (V8's GC helpers, libuv; the workers compile
// on their own threads: src/cli/sweep-thread-compiling.ts): with 2 workers on 2 cores that background work no longer
// has an idle core to itself, so it adds to the elapsed time.
//
// Run alone: `npm run build && node dist/bench/sweep-bench.js [seeds] [updatesPerRun] [rounds]` (default 20 600000 3).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseGrid } from '../src/app/sweep/sweep-grid.js';
import { buildCells } from '../src/app/sweep/sweep-plan.js';
import { packagePath } from '../src/cli/package-info.js';
import { SweepPool, sweepWorkerUrl } from '../src/cli/sweep-pool.js';
import { median, verdict } from './cpu-run.js';

const TOOL = { name: 'shadow-exec', version: 'bench' };
/** The grid of the README's sweep example: 3 spreads × 2 latencies. */
const GRID = 'spread-bps=10,20,40 latency-ms=20,50';
/** The target: 2 workers' throughput over 1 worker's. */
export const SWEEP_TARGET = 1.7;
/** Updates a run of the sweep the target is judged on: 120 runs × 600 k ≈ 20 s on one worker of the 2-core machine. */
export const SWEEP_TARGET_UPDATES = 600_000;

/** CPU seconds of one sweep by thread: each worker thread (most first), the main thread, every other thread of the process (V8's background compiler and GC helpers, libuv). Null off Linux. */
export interface ThreadCpu {
  readonly workers: readonly number[];
  readonly main: number;
  readonly background: number;
}

/** One alternated round: both pools' runs per wall-clock second and the load average before it. */
export interface SweepRound {
  readonly oneWorker: number;
  readonly twoWorkers: number;
  readonly ratio: number;
  readonly load: number;
  /** Cores' worth of CPU other processes used during the round (0 on an idle machine, up to the core count); null off Linux. */
  readonly others: number | null;
}

export interface SweepScaling {
  readonly cells: number;
  readonly seeds: number;
  readonly iterations: number;
  /** Runs per wall-clock second, median over the rounds. */
  readonly oneWorker: number;
  readonly twoWorkers: number;
  /** Median of the rounds' ratios (2 workers' throughput ÷ 1 worker's). */
  readonly ratio: number;
  readonly rounds: readonly SweepRound[];
  readonly cores: number;
  /** CPU seconds per run (process.cpuUsage: every thread of the process, V8's compiler and GC threads included), median over the rounds: equal when threads add no overhead. */
  readonly oneCpuPerRun: number;
  readonly twoCpuPerRun: number;
  /** By thread, in the median round of each pool (by wall-clock); null off Linux. */
  readonly oneThreads: ThreadCpu | null;
  readonly twoThreads: ThreadCpu | null;
  /** 1-minute load average before and after. */
  readonly loadBefore: number;
  readonly loadAfter: number;
}

interface Timed {
  readonly wallS: number;
  readonly cpuS: number;
  readonly threads: ThreadCpu | null;
  /** Cores' worth of CPU that other processes used meanwhile (/proc/stat less this process); null off Linux. */
  readonly others: number | null;
}

/** CPU seconds every process has used (/proc/stat: user, nice, system, irq, softirq), or null where it is not there. */
function machineBusy(): number | null {
  if (!existsSync('/proc/stat')) return null;
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  return (user! + nice! + system! + irq! + softirq!) / 100;
}

/** The worker module the installed CLI runs (the bundled one) when it is built, else the compiled tree's. */
function benchWorkerUrl(): string {
  const bundled = packagePath('dist/bundle/worker/sweep-worker.js');
  return existsSync(bundled) ? pathToFileURL(bundled).href : sweepWorkerUrl();
}

/** Thread id → CPU seconds (utime + stime) of every thread of this process; null where /proc/self/task is not there. */
function threadTimes(): Map<string, number> | null {
  if (!existsSync('/proc/self/task')) return null;
  const times = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14 and 15 of proc(5), in clock ticks (100 a second on Linux).
      times.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return times;
}

/** The threads' CPU between `before` and `after`: threads that are new since `before` are the pool's workers. */
function threadCpu(before: Map<string, number> | null, after: Map<string, number> | null): ThreadCpu | null {
  if (before === null || after === null) return null;
  const workers: number[] = [];
  let main = 0;
  let background = 0;
  for (const [tid, seconds] of after) {
    const old = before.get(tid);
    if (old === undefined) workers.push(seconds);
    else if (tid === String(process.pid)) main = seconds - old;
    else background += seconds - old;
  }
  return { workers: workers.sort((a, b) => b - a), main, background };
}

/** Wall and CPU seconds of the whole sweep (grid × seeds 1..seeds, `iterations` updates per run) on `workers` threads, pool start to pool end. */
async function timeSweep(workers: number, seeds: number, iterations: number): Promise<Timed> {
  const cells = buildCells({ iterations: String(iterations) }, parseGrid(GRID, () => ''));
  const tasks = cells.flatMap((cell) => Array.from({ length: seeds }, (_, i) => ({ cell, seed: i + 1 })));
  const workerUrl = benchWorkerUrl();
  const before = threadTimes();
  const busy = machineBusy();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  let done = 0;
  let after: Map<string, number> | null = null;
  const pool = await SweepPool.open(workers, workerUrl);
  try {
    await pool.run(tasks, {
      task: (t) => ({ kind: 'run', cell: { input: { ...t.cell.run.input, seed: String(t.seed) }, params: t.cell.run.params }, metrics: ['pnl.total', 'fills.count'], tool: TOOL }),
      onResult: () => void done++,
      signal: new AbortController().signal,
    });
    // Read while the worker threads are still there (their CPU time goes with them).
    after = threadTimes();
  } finally {
    await pool.close();
  }
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const busyAfter = machineBusy();
  if (done !== tasks.length) throw new Error(`sweep bench: ${done} of ${tasks.length} runs finished`);
  const cpuS = (used.user + used.system) / 1e6;
  const others = busy === null || busyAfter === null ? null : Math.max(0, busyAfter - busy - cpuS) / wallS;
  return { wallS, cpuS, threads: threadCpu(before, after), others };
}

/** The element of `timed` with the median wall-clock time (the lower middle one for an even count). */
function medianRound(timed: readonly Timed[]): Timed {
  const sorted = [...timed].sort((a, b) => a.wallS - b.wallS);
  return sorted[(sorted.length - 1) >> 1]!;
}

/** The sweep (6 cells × `seeds` seeds × `iterations` updates) on 1 and on 2 threads, alternated, `rounds` rounds; medians. */
export async function measureSweepScaling(seeds: number, iterations: number, rounds: number): Promise<SweepScaling> {
  const loadBefore = loadavg()[0]!;
  const ones: Timed[] = [];
  const twos: Timed[] = [];
  const list: SweepRound[] = [];
  const runs = 6 * seeds;
  for (let r = 0; r < rounds; r++) {
    const load = loadavg()[0]!;
    const a = await timeSweep(1, seeds, iterations);
    const b = await timeSweep(2, seeds, iterations);
    ones.push(a);
    twos.push(b);
    const others = a.others === null || b.others === null ? null : (a.others * a.wallS + b.others * b.wallS) / (a.wallS + b.wallS);
    list.push({ oneWorker: runs / a.wallS, twoWorkers: runs / b.wallS, ratio: a.wallS / b.wallS, load, others });
  }
  return {
    cells: 6,
    seeds,
    iterations,
    oneWorker: median(list.map((r) => r.oneWorker)),
    twoWorkers: median(list.map((r) => r.twoWorkers)),
    ratio: median(list.map((r) => r.ratio)),
    rounds: list,
    cores: availableParallelism(),
    oneCpuPerRun: median(ones.map((t) => t.cpuS)) / runs,
    twoCpuPerRun: median(twos.map((t) => t.cpuS)) / runs,
    oneThreads: medianRound(ones).threads,
    twoThreads: medianRound(twos).threads,
    loadBefore,
    loadAfter: loadavg()[0]!,
  };
}

function formatThreads(t: ThreadCpu | null): string {
  if (t === null) return 'n/a';
  return `${t.workers.map((s) => s.toFixed(2)).join(' + ')} s on the worker thread${t.workers.length === 1 ? '' : 's'}, ${t.background.toFixed(2)} s background (V8 compiler, GC helpers), ${t.main.toFixed(2)} s main`;
}

/** `judged`: the sweep the target is judged on (its verdict), else an informational one (its size stated). */
export function formatSweepScaling(s: SweepScaling, judged = true): string {
  const runs = s.cells * s.seeds;
  const ratios = s.rounds.map((r) => r.ratio);
  const spread = ratios.length === 0 ? '' : `; rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`;
  return [
    `sweep on worker threads: --grid '${GRID}' (${s.cells} cells) × --seeds 1..${s.seeds} = ${runs} runs of ${s.iterations.toLocaleString('en-US')} updates each, default flags otherwise; wall-clock from pool start (thread start and JIT warm-up counted) to the last result, pools alternated, median of ${s.rounds.length} rounds; ${s.cores} cores; load average ${s.loadBefore.toFixed(2)} before, ${s.loadAfter.toFixed(2)} after (the figure needs an otherwise idle machine)`,
    `  1 worker  ${s.oneWorker.toFixed(2).padStart(7)} runs/s`,
    `  2 workers ${s.twoWorkers.toFixed(2).padStart(7)} runs/s  (${s.ratio.toFixed(2)}× one worker${spread})`,
    ...s.rounds.map((r, i) => `    round ${i + 1}: ${r.oneWorker.toFixed(2)} vs ${r.twoWorkers.toFixed(2)} runs/s, ${r.ratio.toFixed(2)}×, load average ${r.load.toFixed(2)}${r.others === null ? '' : `, other processes ${r.others.toFixed(2)} cores`}`),
    `  CPU per run (all threads, informational): 1 worker ${s.oneCpuPerRun.toFixed(3)} s, 2 workers ${s.twoCpuPerRun.toFixed(3)} s`,
    `  CPU by thread (median round, informational): 1 worker ${formatThreads(s.oneThreads)}; 2 workers ${formatThreads(s.twoThreads)}`,
    judged
      ? `  ${verdict(`2 workers ≥ ${SWEEP_TARGET}× one worker (wall-clock throughput, 2-core machine, otherwise idle; judged on ${SWEEP_TARGET_UPDATES.toLocaleString('en-US')}-update runs)`, s.ratio >= SWEEP_TARGET)}`
      : `  (no target: informational; the target is judged on ${SWEEP_TARGET_UPDATES.toLocaleString('en-US')}-update runs: each thread's JIT warm-up is a fixed cost, a larger share of a smaller sweep)`,
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [seeds, iterations, rounds] = [process.argv[2] ?? '20', process.argv[3] ?? String(SWEEP_TARGET_UPDATES), process.argv[4] ?? '3'].map(Number) as [number, number, number];
  process.stdout.write(`${formatSweepScaling(await measureSweepScaling(seeds, iterations, rounds), iterations === SWEEP_TARGET_UPDATES)}\n`);
}
