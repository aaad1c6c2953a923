// --series cost: the same synthetic run without a series, with `--series 1s`, and with `--series 1s` streamed as --series-out does (records made as JSON Lines between slices, by the fast writer and by the plain record path), alternated in this process, CPU time, median of `rounds`.
import { composeRun } from '../src/app/compose.js';
import type { RunInput } from '../src/app/config/run-input.js';
import { validateRunConfig } from '../src/app/config/validate-run-config.js';
import { formatSeriesRows } from '../src/core/report/series-format.js';
import { runSession } from '../src/engine/run-session.js';
import type { SeriesSampler } from '../src/engine/series-sampler.js';
import { median, verdict } from './cpu-run.js';

const TOOL = { name: 'shadow-exec', version: 'bench' };
/** The run command's slice (run-session.ts default): --series-out takes the records after each. */
const SLICE_EVENTS = 16_384;

/** plain: no series; sampled: --series 1s, records made after the run (untimed here); streamed: JSON Lines text taken after every slice (the fast writer); streamedRecords: the same through record objects (the plain path). */
type Mode = 'plain' | 'sampled' | 'streamed' | 'streamedRecords';
const MODES: readonly Mode[] = ['plain', 'sampled', 'streamed', 'streamedRecords'];

export interface SeriesCost {
  readonly updates: number;
  readonly rounds: number;
  /** Updates per CPU second without a series (median of the rounds). */
  readonly plainRate: number;
  /** Per round, 1 − rate / the same round's plain rate: the throughput each costs. */
  readonly sampled: readonly number[];
  readonly streamed: readonly number[];
  readonly streamedRecords: readonly number[];
  readonly records: number;
  /** CPU ms to make every record of a sampled run JSON Lines after it, fast writer (median). */
  readonly formatMs: number;
  readonly bytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function take(series: SeriesSampler, mode: Mode): number {
  if (mode === 'streamed') return series.takeText('jsonl').length;
  if (mode === 'streamedRecords') return formatSeriesRows(series.takeRecords(), 'jsonl').length;
  return 0;
}

async function once(options: RunInput, mode: Mode): Promise<{ updates: number; micros: number; records: number; formatMicros: number; chars: number }> {
  const run = composeRun(validateRunConfig(options), TOOL, { seriesEveryMs: mode === 'plain' ? null : 1000 });
  const series = run.series ?? null;
  let chars = 0;
  // Each run starts on a collected heap: the garbage of the one before is not charged to it.
  gc?.();
  const before = process.cpuUsage();
  await runSession(run, {
    stopRequested: () => false,
    yieldSlice: () => Promise.resolve(),
    sliceEvents: mode === 'streamed' || mode === 'streamedRecords' ? SLICE_EVENTS : 1 << 20,
    onProgress: () => {
      if (series !== null) chars += take(series, mode);
    },
  });
  if (series !== null) chars += take(series, mode);
  const used = process.cpuUsage(before);
  let formatMicros = 0;
  let records = 0;
  if (series !== null && mode === 'sampled') {
    records = series.sampleCount;
    const start = process.cpuUsage();
    chars = series.takeText('jsonl').length;
    const spent = process.cpuUsage(start);
    formatMicros = spent.user + spent.system;
  }
  return { updates: run.loop.counters.marketUpdates, micros: used.user + used.system, records, formatMicros, chars };
}

export async function measureSeriesCost(iterations: number, rounds: number): Promise<SeriesCost> {
  const options: RunInput = { iterations: String(iterations), symbols: 'BTCUSDT,ETHUSDT' };
  for (const mode of MODES) await once({ ...options, iterations: String(Math.min(iterations, 100_000)) }, mode); // warm-up: every path's code
  const rates: Record<Mode, number[]> = { plain: [], sampled: [], streamed: [], streamedRecords: [] };
  const formats: number[] = [];
  let updates = 0;
  let records = 0;
  let bytes = 0;
  for (let i = 0; i < rounds; i++) {
    // Alternated, the order rotated each round: drift on a shared machine hits every mode alike.
    for (let k = 0; k < MODES.length; k++) {
      const mode = MODES[(i + k) % MODES.length]!;
      const r = await once(options, mode);
      updates = r.updates;
      rates[mode].push(r.updates / (r.micros / 1e6));
      if (mode === 'sampled') {
        formats.push(r.formatMicros / 1000);
        records = r.records;
        bytes = r.chars;
      }
    }
  }
  const cost = (mode: Mode): number[] => rates[mode].map((rate, i) => 1 - rate / rates.plain[i]!);
  return {
    updates,
    rounds,
    plainRate: median(rates.plain),
    sampled: cost('sampled'),
    streamed: cost('streamed'),
    streamedRecords: cost('streamedRecords'),
    records,
    formatMs: median(formats),
    bytes,
  };
}

export function formatSeriesCost(c: SeriesCost): string {
  const pct = (values: readonly number[]): string => `${(100 * median(values)).toFixed(1)} % (rounds ${(100 * Math.min(...values)).toFixed(1)}–${(100 * Math.max(...values)).toFixed(1)})`;
  const sampled = median(c.sampled);
  return [
    `--series 1s (2 symbols, ${c.updates.toLocaleString('en-US')} updates, 100 ms apart: a sample per symbol every 10 updates; modes alternated, ${c.rounds} rounds, CPU time, median of per-round costs)`,
    `  without ${Math.round(c.plainRate).toLocaleString('en-US')} updates/s · --series 1s costs ${pct(c.sampled)} of the loop's throughput`,
    `  ${verdict('--series 1s costs ≤ 10 % of the loop\'s throughput', sampled <= 0.1)}`,
    `  streamed as --series-out does (JSON Lines made between slices, no disk): ${pct(c.streamed)}; through record objects (the plain path): ${pct(c.streamedRecords)} (no target: informational)`,
    `  after a run: its ${c.records.toLocaleString('en-US')} samples and the fills, ${(c.bytes / 1e6).toFixed(1)} MB of JSON Lines, in ${c.formatMs.toFixed(0)} ms CPU`,
  ].join('\n');
}
