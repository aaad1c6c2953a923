// --series cost: the same synthetic run without a series and with `--series 1s` (and with it streamed as --series-out does: JSON Lines made between slices by the fast writer, or through record objects), the two runs of a pair interleaved slice by slice in this process, CPU time of each, median of `rounds` pairs.
//
// Interleaved, not one run after the other: on a shared machine the CPU a run takes drifts by ±25 % from one second
// to the next (other jobs, caches), more than the cost measured; two runs alternating every slice (16,384 events, a
// few ms) see the same drift, so their ratio holds still. Each slice's CPU time is charged to the run that ran it.
// The run started first is charged a few % more (measured with an observer that does nothing: −5 % and +8 % by
// order), so each estimate is the mean of two pairs, one in each order.
import { composeRun } from '../src/app/compose.js';
import type { RunInput } from '../src/app/config/run-input.js';
import { validateRunConfig } from '../src/app/config/validate-run-config.js';
import { formatSeriesRows } from '../src/core/report/series-format.js';
import type { SeriesSampler } from '../src/engine/series-sampler.js';
import { median, verdict } from './cpu-run.js';
import { chargeInterleaved, SLICE_EVENTS } from './interleaved-cpu.js';

const TOOL = { name: 'shadow-exec', version: 'bench' };

/** sampled: --series 1s, records made after the run (untimed); streamed: JSON Lines bytes taken after every slice (the fast writer); streamedRecords: the same through record objects (the plain path). */
type Mode = 'sampled' | 'streamed' | 'streamedRecords';
const MODES: readonly Mode[] = ['sampled', 'streamed', 'streamedRecords'];

export interface SeriesCost {
  readonly updates: number;
  readonly rounds: number;
  /** Updates per CPU second without a series (median over the pairs). */
  readonly plainRate: number;
  /** Per two pairs (one in each order), the throughput the mode costs: 1 − (updates per CPU s with it) ÷ (updates per CPU s without) = 1 − CPU without ÷ CPU with, averaged. */
  readonly cost: Readonly<Record<Mode, readonly number[]>>;
  readonly samples: number;
  /** CPU ms to make every record of a sampled run JSON Lines after it, fast writer (median). */
  readonly formatMs: number;
  readonly bytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function take(series: SeriesSampler, mode: Mode | null): number {
  if (mode === 'streamed') return series.takeText('jsonl').length;
  if (mode === 'streamedRecords') return formatSeriesRows(series.takeRecords(), 'jsonl').length;
  return 0;
}

/** Runs `modes` (null: no series) to the end, interleaved slice by slice; the CPU µs each took, and its run's sampler. */
async function interleaved(options: RunInput, modes: readonly (Mode | null)[]): Promise<{ micros: number[]; updates: number; series: (SeriesSampler | null)[] }> {
  const runs = modes.map((mode) => composeRun(validateRunConfig(options), TOOL, { seriesEveryMs: mode === null ? null : 1000 }));
  const series = runs.map((run) => run.series ?? null);
  gc?.();
  // The run's records are taken (streamed modes) after each slice and after its report, charged to it.
  const hooks = runs.map((_, i) => {
    const sampler = series[i]!;
    if (sampler === null) return {};
    const collect = (): void => void take(sampler, modes[i]!);
    return { onSlice: collect, onEnd: collect };
  });
  const micros = await chargeInterleaved(runs, hooks, SLICE_EVENTS);
  return { micros, updates: runs[0]!.loop.counters.marketUpdates, series };
}

/** `rounds` estimates (two pairs each) for the target's figure (sampled), `streamRounds` for each streamed one (informational, slower). */
export async function measureSeriesCost(iterations: number, rounds: number, streamRounds = 2): Promise<SeriesCost> {
  const options: RunInput = { iterations: String(iterations), symbols: 'BTCUSDT,ETHUSDT' };
  for (const mode of MODES) await interleaved({ ...options, iterations: String(Math.min(iterations, 100_000)) }, [null, mode]); // warm-up: every path's code
  const cost: Record<Mode, number[]> = { sampled: [], streamed: [], streamedRecords: [] };
  const plainRates: number[] = [];
  const formats: number[] = [];
  let updates = 0;
  let samples = 0;
  let bytes = 0;
  for (let i = 0; i < 2 * rounds; i++) {
    for (const mode of MODES) {
      if (mode !== 'sampled' && i >= 2 * streamRounds) continue;
      // Who goes first flips each round.
      const pair: (Mode | null)[] = i % 2 === 0 ? [null, mode] : [mode, null];
      const r = await interleaved(options, pair);
      const plain = r.micros[pair.indexOf(null)]!;
      const with_ = r.micros[pair.indexOf(mode)]!;
      updates = r.updates;
      plainRates.push(updates / (plain / 1e6));
      cost[mode].push(1 - plain / with_);
      const series = r.series[pair.indexOf(mode)]!;
      if (mode === 'sampled') {
        samples = series.sampleCount;
        const start = process.cpuUsage();
        bytes = series.takeText('jsonl').length;
        const spent = process.cpuUsage(start);
        formats.push((spent.user + spent.system) / 1000);
      }
    }
  }
  const estimates = (pairs: readonly number[]): number[] => pairs.filter((_, i) => i % 2 === 0).map((first, k) => (first + pairs[2 * k + 1]!) / 2);
  return {
    updates,
    rounds,
    plainRate: median(plainRates),
    cost: { sampled: estimates(cost.sampled), streamed: estimates(cost.streamed), streamedRecords: estimates(cost.streamedRecords) },
    samples,
    formatMs: median(formats),
    bytes,
  };
}

export function formatSeriesCost(c: SeriesCost): string {
  const pct = (values: readonly number[]): string => `${(100 * median(values)).toFixed(1)} % (${(100 * Math.min(...values)).toFixed(1)}–${(100 * Math.max(...values)).toFixed(1)})`;
  const sampled = median(c.cost.sampled);
  return [
    `--series 1s (2 symbols, ${c.updates.toLocaleString('en-US')} updates, 100 ms apart: a sample per symbol every 10 updates; with and without interleaved slice by slice, CPU time; median and range of ${c.rounds} estimates, ${c.cost.streamed.length} for the streamed figures, each two pairs in either order)`,
    `  without ${Math.round(c.plainRate).toLocaleString('en-US')} updates/s · --series 1s costs ${pct(c.cost.sampled)} of the loop's throughput`,
    `  the ${c.cost.sampled.length} estimates, in the order measured: ${c.cost.sampled.map((v) => `${(100 * v).toFixed(1)} %`).join(', ')}`,
    `  ${verdict('--series 1s costs ≤ 10 % of the loop\'s throughput', sampled <= 0.1)}`,
    `  streamed as --series-out does (JSON Lines made between slices, no disk): ${pct(c.cost.streamed)}; through record objects (the plain path): ${pct(c.cost.streamedRecords)} (no target: informational)`,
    `  after a run: its ${c.samples.toLocaleString('en-US')} samples and the fills, ${(c.bytes / 1e6).toFixed(1)} MB of JSON Lines, in ${c.formatMs.toFixed(0)} ms CPU`,
  ].join('\n');
}
