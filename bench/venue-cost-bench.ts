// Bench: CPU per market update of the same synthetic run on the fake venue, Bybit linear and Binance spot, and each real venue's ratio to fake.
import type { RunInput } from '../src/app/config/run-input.js';
import { cpuRun, median, verdict } from './cpu-run.js';

/** The venues compared, with the flags that select them (defaults otherwise). */
const VENUES: readonly { readonly label: string; readonly flags: RunInput }[] = [
  { label: 'fake', flags: {} },
  { label: 'bybit linear', flags: { exchange: 'bybit', category: 'linear' } },
  { label: 'binance spot', flags: { exchange: 'binance', market: 'spot' } },
];

/** Target of the issue (#21): a real venue's rules cost at most 1.3× the fake venue's per update. */
export const VENUE_RATIO_TARGET = 1.3;

export interface VenueCost {
  readonly label: string;
  /** Median CPU nanoseconds per market update over the rounds. */
  readonly nsPerUpdate: number;
  readonly samples: readonly number[];
}

/** Alternates the venues round by round (so load drifts hit all three alike) and keeps each one's median. */
export async function measureVenueCosts(iterations: number, rounds: number, common: RunInput = {}): Promise<VenueCost[]> {
  const samples = VENUES.map(() => [] as number[]);
  for (const v of VENUES) await cpuRun({ ...common, ...v.flags, iterations: String(Math.min(iterations, 50_000)) }); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < VENUES.length; i++) {
      const run = await cpuRun({ ...common, ...VENUES[i]!.flags, iterations: String(iterations) });
      samples[i]!.push((run.cpuMicros * 1000) / run.updates);
    }
  }
  return VENUES.map((v, i) => ({ label: v.label, nsPerUpdate: median(samples[i]!), samples: samples[i]! }));
}

export function formatVenueCosts(costs: readonly VenueCost[]): string {
  const fake = costs[0]!.nsPerUpdate;
  return costs
    .map((c, i) => {
      const head = `${c.label.padEnd(14)} ${(c.nsPerUpdate / 1000).toFixed(2).padStart(6)} µs CPU/update (median of ${c.samples.length}; spread ${(Math.min(...c.samples) / 1000).toFixed(2)}–${(Math.max(...c.samples) / 1000).toFixed(2)})`;
      if (i === 0) return head;
      const ratio = c.nsPerUpdate / fake;
      return `${head}  ${ratio.toFixed(2)}× fake  ${verdict(`≤ ${VENUE_RATIO_TARGET}× fake`, ratio <= VENUE_RATIO_TARGET)}`;
    })
    .join('\n');
}
