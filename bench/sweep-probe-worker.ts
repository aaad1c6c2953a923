// Diagnostic worker for bench/sweep-probe.ts: the sweep worker (or a batch of its tasks run one after another), each result carrying where its time went (wall span, this thread's CPU, GC pauses, result size).
import { readFileSync, writeSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';
import sweepWorker, { type SweepWorkerTask } from '../src/app/sweep/sweep-worker.js';

let gcMs = 0;
let gcCount = 0;
let runs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcMs += e.duration;
    gcCount++;
  }
}).observe({ entryTypes: ['gc'] });

/** This thread's CPU milliseconds (utime + stime, 10 ms ticks). */
function threadCpuMs(): number {
  const s = readFileSync('/proc/thread-self/stat', 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

async function one(task: SweepWorkerTask): Promise<unknown> {
  const start = performance.timeOrigin + performance.now();
  const cpu0 = threadCpuMs();
  const result = await sweepWorker(task);
  const end = performance.timeOrigin + performance.now();
  // PROBE_MARK=1: a line between runs on fd 1, to place V8's --trace-* lines (run under `stdbuf -oL`) in time.
  if (process.env['PROBE_MARK'] === '1') writeSync(1, `@@ thread ${threadId} run ${++runs} ended (${(end - start).toFixed(0)} ms)\n`);
  return { ...result, probe: { threadId, start, end, cpuMs: threadCpuMs() - cpu0, gcMsTotal: gcMs, gcCountTotal: gcCount, bytes: JSON.stringify(result).length } };
}

export default async function probe(task: SweepWorkerTask | { kind: 'batch'; tasks: SweepWorkerTask[] }): Promise<unknown> {
  if (task.kind !== 'batch') return one(task);
  const out: unknown[] = [];
  for (const t of task.tasks) out.push(await one(t));
  return out;
}
