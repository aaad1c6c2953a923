// The CPU-per-update bench figures: medians, verdict lines against their targets, and the in-memory symbol copies the symbols bench runs.
import { describe, it, expect } from 'vitest';
import { median, verdict } from '../../bench/cpu-run.js';
import { formatVenueCosts } from '../../bench/venue-cost-bench.js';
import { formatSymbolsCost, withCopies } from '../../bench/symbols-cost-bench.js';
import { validateRunConfig } from '../../src/app/config/validate-run-config.js';
import { loadAllVenues } from '../../src/app/venue-registry.js';

describe('cost bench figures', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('prints each real venue with its ratio to fake and the ≤ 1.3× verdict', () => {
    const text = formatVenueCosts([
      { label: 'fake', nsPerUpdate: 1000, samples: [1000] },
      { label: 'bybit linear', nsPerUpdate: 1200, samples: [1200] },
      { label: 'binance spot', nsPerUpdate: 1400, samples: [1400] },
    ]);
    expect(text).toContain('1.20× fake  target ≤ 1.3× fake: met');
    expect(text).toContain('1.40× fake  target ≤ 1.3× fake: NOT met');
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
