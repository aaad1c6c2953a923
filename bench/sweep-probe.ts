// Diagnostic (not part of `npm run bench`): where a 2-worker sweep loses against 1, and pool variants side by side — per-run wall and thread CPU, GC, idle gaps between a thread's runs, CPU by thread of the whole process (/proc/self/task), result sizes.
//
// `node dist/bench/sweep-probe.js [seeds] [updatesPerRun] [rounds]`; PROBE_VARIANTS (JSON list) gives the variants,
// each {name, file?: worker module (default the probe worker), pool?: extra piscina options, batch?: runs per task};
// every round runs each variant on 1 and on 2 workers, alternated; PROBE_DETAIL=1 prints each pool's per-thread detail.
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { parseGrid } from '../src/app/sweep/sweep-grid.js';
import { buildCells } from '../src/app/sweep/sweep-plan.js';
import { median } from './cpu-run.js';

const TOOL = { name: 'shadow-exec', version: 'bench' };
const GRID = 'spread-bps=10,20,40 latency-ms=20,50';

interface Probe { threadId: number; start: number; end: number; cpuMs: number; gcMsTotal: number; gcCountTotal: number; bytes: number }
interface Variant { name: string; file?: string; pool?: Record<string, unknown>; batch?: number }

function tasksCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const s = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(f[11]) + Number(f[12])) * 10);
    } catch { /* thread ended */ }
  }
  return out;
}

interface Outcome { wall: number; workersCpu: number; bgCpu: number; mainCpu: number; others: number }

/** CPU seconds every process has used (/proc/stat: user, nice, system, irq, softirq). */
function machineBusy(): number {
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  return (user! + nice! + system! + irq! + softirq!) / 100;
}

/** Waits (PROBE_QUIET cores, PROBE_UNTIL epoch ms) until other processes use less than `quiet` cores over 2 s; false past the deadline. */
async function waitQuiet(quiet: number, until: number): Promise<boolean> {
  for (;;) {
    if (Date.now() > until) return false;
    const b = machineBusy();
    const c = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 2000));
    const used = process.cpuUsage(c);
    const others = (machineBusy() - b - (used.user + used.system) / 1e6) / 2;
    if (others < quiet) return true;
  }
}

async function probeSweep(v: Variant, workers: number, seeds: number, iterations: number, detail: boolean): Promise<Outcome> {
  const cells = buildCells({ iterations: String(iterations) }, parseGrid(GRID, () => ''));
  const tasks = cells.flatMap((cell) => Array.from({ length: seeds }, (_, i) => ({ kind: 'run' as const, cell: { input: { ...cell.run.input, seed: String(i + 1) }, params: cell.run.params }, metrics: ['pnl.total', 'fills.count'], tool: TOOL })));
  const batch = v.batch ?? 1;
  const jobs = batch === 1 ? tasks : Array.from({ length: Math.ceil(tasks.length / batch) }, (_, i) => ({ kind: 'batch' as const, tasks: tasks.slice(i * batch, (i + 1) * batch) }));
  const before = tasksCpu();
  const busy0 = machineBusy();
  const cpu0 = process.cpuUsage();
  const t0 = performance.timeOrigin + performance.now();
  const file = v.file === undefined ? new URL('./sweep-probe-worker.js', import.meta.url).href : pathToFileURL(v.file).href;
  const pool = new Piscina({ filename: file, minThreads: workers, maxThreads: workers, idleTimeout: 60_000, ...(v.pool ?? {}) });
  const probes: Probe[] = [];
  let count = 0;
  await Promise.all(jobs.map(async (job) => {
    const r = (await pool.run(job)) as { probe?: Probe } | { probe?: Probe }[];
    for (const x of Array.isArray(r) ? r : [r]) {
      count++;
      if (x.probe !== undefined) probes.push(x.probe);
    }
  }));
  const t1 = performance.timeOrigin + performance.now();
  const after = tasksCpu();
  const cpuUsed = process.cpuUsage(cpu0);
  const others = Math.max(0, machineBusy() - busy0 - (cpuUsed.user + cpuUsed.system) / 1e6) / ((t1 - t0) / 1000);
  await pool.destroy();
  if (count !== tasks.length) throw new Error(`${count} of ${tasks.length}`);
  const wall = (t1 - t0) / 1000;
  let workersCpu = 0;
  let bgCpu = 0;
  let mainCpu = 0;
  for (const [tid, ms] of after) {
    const old = before.get(tid);
    if (old === undefined) workersCpu += ms;
    else if (tid === String(process.pid)) mainCpu += ms - old;
    else bgCpu += ms - old;
  }
  if (detail) {
    process.stdout.write(`  ${v.name} ${workers}w: wall ${wall.toFixed(2)} s, CPU workers ${(workersCpu / 1000).toFixed(2)} bg ${(bgCpu / 1000).toFixed(2)} main ${(mainCpu / 1000).toFixed(2)} s\n`);
    const byThread = new Map<number, Probe[]>();
    for (const p of probes) byThread.set(p.threadId, [...(byThread.get(p.threadId) ?? []), p]);
    for (const [id, ps] of byThread) {
      ps.sort((a, b) => a.start - b.start);
      let gaps = 0;
      for (let i = 1; i < ps.length; i++) gaps += ps[i]!.start - ps[i - 1]!.end;
      const dur = ps.map((p) => p.end - p.start);
      const last = ps[ps.length - 1]!;
      const first5 = dur.slice(0, 5).map((d) => d.toFixed(0)).join(' ');
      const rest = median(dur.slice(Math.floor(dur.length / 2)));
      process.stdout.write(`    thread ${id}: ${ps.length} runs, first start +${(ps[0]!.start - t0).toFixed(0)} ms, last end +${(last.end - t0).toFixed(0)} ms, first 5 runs ${first5} ms, median of 2nd half ${rest.toFixed(1)} ms, gaps ${gaps.toFixed(1)} ms total, GC ${last.gcCountTotal}× ${last.gcMsTotal.toFixed(0)} ms, result ${last.bytes} B\n`);
    }
  }
  return { wall, workersCpu: workersCpu / 1000, bgCpu: bgCpu / 1000, mainCpu: mainCpu / 1000, others };
}

const [seeds, iterations, rounds] = [process.argv[2] ?? '20', process.argv[3] ?? '120000', process.argv[4] ?? '1'].map(Number) as [number, number, number];
const variants = (process.env.PROBE_VARIANTS === undefined ? [{ name: 'probe' }] : JSON.parse(process.env.PROBE_VARIANTS)) as Variant[];
const detail = process.env.PROBE_DETAIL === '1';
const ratios = new Map<string, number[]>();
const quiet = Number(process.env.PROBE_QUIET ?? 'Infinity');
const until = Number(process.env.PROBE_UNTIL ?? 'Infinity');
for (let r = 0; r < rounds; r++) {
  for (const v of variants) {
    if (quiet !== Infinity && !(await waitQuiet(quiet, until))) break;
    const load = loadavg()[0]!;
    const a = await probeSweep(v, 1, seeds, iterations, detail);
    const b = await probeSweep(v, 2, seeds, iterations, detail);
    const ratio = a.wall / b.wall;
    ratios.set(v.name, [...(ratios.get(v.name) ?? []), ratio]);
    process.stdout.write(`round ${r + 1} ${v.name}: 1w ${a.wall.toFixed(2)} s (CPU w ${a.workersCpu.toFixed(2)} bg ${a.bgCpu.toFixed(2)}), 2w ${b.wall.toFixed(2)} s (CPU w ${b.workersCpu.toFixed(2)} bg ${b.bgCpu.toFixed(2)} main ${b.mainCpu.toFixed(2)}), ratio ${ratio.toFixed(3)}, load ${load.toFixed(2)}, others ${a.others.toFixed(2)}/${b.others.toFixed(2)} cores, at ${new Date().toISOString().slice(11, 19)}\n`);
  }
}
for (const [name, rs] of ratios) process.stdout.write(`${name}: median ratio ${median(rs).toFixed(3)} (${Math.min(...rs).toFixed(3)}–${Math.max(...rs).toFixed(3)}, ${rs.length} rounds)\n`);
