// Bench: CPU per market update of the synthetic fake-venue run at 1, 10, 100 and 1000 symbols, the same total updates, against the ≤ 1.5× one-symbol target.
import type { RunConfig } from '../src/app/config/run-config.js';
import { cpuRun, median, verdict } from './cpu-run.js';

/** Target of the issue (#21): 1000 symbols cost at most 1.5× one symbol per update. */
export const SYMBOLS_RATIO_TARGET = 1.5;
export const SYMBOL_COUNTS: readonly number[] = [1, 10, 100, 1000];

/** The config's one instrument (BTCUSDT) copied under `count` names (S0000USDT …): in-memory instruments, same grid and market. */
export function withCopies(count: number): (config: RunConfig) => RunConfig {
  return (config) => {
    const base = config.venue.instruments[0]!;
    const feed = config.feed;
    if (feed.kind !== 'synthetic') throw new Error('the symbols bench needs the synthetic feed');
    const names = Array.from({ length: count }, (_, i) => `S${String(i).padStart(4, '0')}USDT`);
    const start = feed.startPrices[base.spec.symbol]!;
    const sigma = feed.volatilityBps[base.spec.symbol]!;
    return {
      ...config,
      symbols: names,
      venue: { ...config.venue, instruments: names.map((symbol) => ({ ...base, spec: { ...base.spec, symbol } })) },
      feed: { ...feed, startPrices: Object.fromEntries(names.map((n) => [n, start])), volatilityBps: Object.fromEntries(names.map((n) => [n, sigma])) },
    };
  };
}

export interface SymbolsCost {
  readonly symbols: number;
  readonly updates: number;
  /** Median CPU nanoseconds per market update over the rounds. */
  readonly nsPerUpdate: number;
  readonly samples: readonly number[];
}

/** Each symbol count run `rounds` times, alternating counts within a round; `totalUpdates` split evenly over the symbols. */
export async function measureSymbolsCost(totalUpdates: number, rounds: number): Promise<SymbolsCost[]> {
  const samples = SYMBOL_COUNTS.map(() => [] as number[]);
  const updates = SYMBOL_COUNTS.map(() => 0);
  const runOnce = (count: number, total: number): ReturnType<typeof cpuRun> =>
    cpuRun({ iterations: String(Math.max(1, Math.round(total / count))) }, withCopies(count));
  for (const count of SYMBOL_COUNTS) await runOnce(count, Math.min(totalUpdates, 50_000)); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < SYMBOL_COUNTS.length; i++) {
      const run = await runOnce(SYMBOL_COUNTS[i]!, totalUpdates);
      samples[i]!.push((run.cpuMicros * 1000) / run.updates);
      updates[i] = run.updates;
    }
  }
  return SYMBOL_COUNTS.map((symbols, i) => ({ symbols, updates: updates[i]!, nsPerUpdate: median(samples[i]!), samples: samples[i]! }));
}

export function formatSymbolsCost(costs: readonly SymbolsCost[]): string {
  const one = costs[0]!.nsPerUpdate;
  return costs
    .map((c) => {
      const ratio = c.nsPerUpdate / one;
      const head = `${String(c.symbols).padStart(5)} symbols ${c.updates.toLocaleString('en-US').padStart(10)} updates ${(c.nsPerUpdate / 1000).toFixed(2).padStart(6)} µs CPU/update (median of ${c.samples.length}; spread ${(Math.min(...c.samples) / 1000).toFixed(2)}–${(Math.max(...c.samples) / 1000).toFixed(2)})  ${ratio.toFixed(2)}× one symbol`;
      return c.symbols === SYMBOL_COUNTS[SYMBOL_COUNTS.length - 1] ? `${head}  ${verdict(`≤ ${SYMBOLS_RATIO_TARGET}× one symbol`, ratio <= SYMBOLS_RATIO_TARGET)}` : head;
    })
    .join('\n');
}
