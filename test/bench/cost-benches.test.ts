// The CPU-per-update bench figures: medians, verdict lines against their targets, and the in-memory symbol copies the symbols bench runs.
import { describe, it, expect } from 'vitest';
import { median, verdict } from '../../bench/cpu-run.js';
import { formatVenueCosts, measureVenueCosts } from '../../bench/venue-cost-bench.js';
import { interleavedCpuRuns } from '../../bench/interleaved-cpu.js';
import { formatSymbolsCost, withCopies } from '../../bench/symbols-cost-bench.js';
import { validateRunConfig } from '../../src/app/config/validate-run-config.js';
import { loadAllVenues } from '../../src/app/venue-registry.js';

describe('cost bench figures', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('prints each real venue with the median of its per-round ratios to fake, their range, the ≤ 1.3× verdict and the load', () => {
    const text = formatVenueCosts({
      mode: 'children',
      updates: 1000,
      load: [1.5, 2.25],
      venues: [
        { label: 'fake', nsPerUpdate: 1000, samples: [1000, 900, 1100], ratios: [1, 1, 1] },
        { label: 'bybit linear', nsPerUpdate: 1200, samples: [1200, 1080, 1650], ratios: [1.2, 1.2, 1.5] },
        { label: 'binance spot', nsPerUpdate: 1400, samples: [1400, 1170, 1320], ratios: [1.4, 1.3, 1.2] },
      ],
    }).split('\n');
    expect(text[0]).toBe('(each venue in a process of its own; 3 rounds, load average 1.50 → 2.25)');
    expect(text[1]).toBe('fake             1.00 µs CPU/update (median; spread 0.90–1.10)');
    expect(text[2]).toBe("bybit linear     1.20 µs CPU/update (median; spread 1.08–1.65)  1.20× fake (median of the rounds' ratios; 1.20–1.50)  target ≤ 1.3× fake: met");
    expect(text[3]).toBe("binance spot     1.40 µs CPU/update (median; spread 1.17–1.40)  1.30× fake (median of the rounds' ratios; 1.20–1.40)  target ≤ 1.3× fake: met");
  });

  it('runs interleaved runs each to its own end and charges each its own CPU', async () => {
    await loadAllVenues();
    const runs = await interleavedCpuRuns([{ iterations: '3000' }, { iterations: '500', exchange: 'bybit', category: 'linear' }], 256);
    expect(runs.map((r) => r.updates)).toEqual([3000, 500]);
    expect(runs.every((r) => r.cpuMicros > 0)).toBe(true);
  });

  it('measures every venue in every round, with the fake venue as the ratios\' base, in this process', async () => {
    await loadAllVenues();
    const costs = await measureVenueCosts(1000, 3, 'in-process');
    expect(costs.venues.map((v) => [v.label, v.samples.length, v.ratios.length])).toEqual([['fake', 3, 3], ['bybit linear', 3, 3], ['binance spot', 3, 3]]);
    expect(costs.venues[0]!.ratios).toEqual([1, 1, 1]);
  });

  it('prints the 1000-symbol verdict against one symbol', () => {
    const text = formatSymbolsCost([1, 10, 100, 1000].map((symbols, i) => ({ symbols, updates: 1000, nsPerUpdate: 1000 + 200 * i, samples: [1] })));
    expect(text).toContain('1.60× one symbol  target ≤ 1.5× one symbol: NOT met');
    expect(verdict('x', true)).toBe('target x: met');
  });

  it('copies the one instrument under numbered names with their synthetic settings', async () => {
    await loadAllVenues();
    const config = withCopies(3)(validateRunConfig({ iterations: '10' }));
    expect(config.symbols).toEqual(['S0000USDT', 'S0001USDT', 'S0002USDT']);
    expect(config.venue.instruments.map((i) => i.spec.symbol)).toEqual(config.symbols);
    expect(config.feed.kind === 'synthetic' && Object.keys(config.feed.startPrices)).toEqual(config.symbols);
  });
});
