// --series cost: the same synthetic run with and without `--series 1s` (100 ms updates: a sample every 10 updates per symbol), alternated in this process, CPU time, median of `rounds`; and the one-off cost of turning the samples into JSON Lines.
import { composeRun } from '../src/app/compose.js';
import type { RunInput } from '../src/app/config/run-input.js';
import { validateRunConfig } from '../src/app/config/validate-run-config.js';
import { toJsonLines } from '../src/core/report/series-format.js';
import { runSession } from '../src/engine/run-session.js';
import { median, verdict } from './cpu-run.js';

const TOOL = { name: 'shadow-exec', version: 'bench' };

export interface SeriesCost {
  readonly updates: number;
  /** Updates per CPU second, without and with the sampler (medians). */
  readonly plainRate: number;
  readonly sampledRate: number;
  /** 1 − sampled / plain: the throughput the sampler costs. */
  readonly overhead: number;
  readonly records: number;
  /** CPU ms to format every record as JSON Lines, after the run (median). */
  readonly formatMs: number;
}

async function once(options: RunInput, everyMs: number | null): Promise<{ updates: number; micros: number; records: number; formatMicros: number }> {
  const run = composeRun(validateRunConfig(options), TOOL, { seriesEveryMs: everyMs });
  const before = process.cpuUsage();
  await runSession(run, { stopRequested: () => false, yieldSlice: () => Promise.resolve(), sliceEvents: 1 << 20, onProgress: () => undefined });
  const used = process.cpuUsage(before);
  let records = 0;
  let formatMicros = 0;
  if (run.series) {
    const start = process.cpuUsage();
    const all = run.series.records();
    records = all.length;
    toJsonLines(all);
    const spent = process.cpuUsage(start);
    formatMicros = spent.user + spent.system;
  }
  return { updates: run.loop.counters.marketUpdates, micros: used.user + used.system, records, formatMicros };
}

export async function measureSeriesCost(iterations: number, rounds: number): Promise<SeriesCost> {
  const options: RunInput = { iterations: String(iterations), symbols: 'BTCUSDT,ETHUSDT' };
  await once({ ...options, iterations: String(Math.min(iterations, 100_000)) }, 1000); // warm-up: the sampler's code too
  const plain: number[] = [];
  const sampled: number[] = [];
  const formats: number[] = [];
  let updates = 0;
  let records = 0;
  for (let i = 0; i < rounds; i++) {
    // Alternated, the order flipped each round: drift on a shared machine hits both sides alike.
    const pair = i % 2 === 0 ? [null, 1000] : [1000, null];
    for (const everyMs of pair) {
      const r = await once(options, everyMs);
      updates = r.updates;
      if (everyMs === null) plain.push(r.updates / (r.micros / 1e6));
      else {
        sampled.push(r.updates / (r.micros / 1e6));
        formats.push(r.formatMicros / 1000);
        records = r.records;
      }
    }
  }
  const plainRate = median(plain);
  const sampledRate = median(sampled);
  return { updates, plainRate, sampledRate, overhead: 1 - sampledRate / plainRate, records, formatMs: median(formats) };
}

export function formatSeriesCost(c: SeriesCost): string {
  const rate = (n: number): string => Math.round(n).toLocaleString('en-US');
  return [
    `--series 1s (2 symbols, ${c.updates.toLocaleString('en-US')} updates, 100 ms apart; with and without alternated, CPU time, median)`,
    `  without ${rate(c.plainRate)} updates/s · with ${rate(c.sampledRate)} updates/s · cost ${(100 * c.overhead).toFixed(1)} % of the loop's throughput`,
    `  ${verdict('--series 1s costs ≤ 10 % of the loop\'s throughput', c.overhead <= 0.1)}`,
    `  then ${c.records.toLocaleString('en-US')} records to JSON Lines in ${c.formatMs.toFixed(0)} ms CPU (once, after the run; no target: informational)`,
  ].join('\n');
}
