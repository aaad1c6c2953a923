// Covers CcxtStreamStats: counts, the rate over the time open as decimal text (half-up, 3 places) and the age of the last update at the time asked.
import { describe, expect, it } from 'vitest';
import { CcxtStreamStats } from '../../../src/venues/ccxt/ccxt-stream-stats.js';

describe('CcxtStreamStats', () => {
  it('reports nothing received before the first update, and no rate before 1 ms has passed', () => {
    const stats = new CcxtStreamStats('watchTrades', 1000);
    expect(stats.toJson(1000)).toEqual({ method: 'watchTrades', updates: 0, records: 0, updates_per_s: null, last_update_age_ms: null, errors: 0, retries: 0, last_error: null });
  });

  it('gives updates per second over the time open and the age of the last update', () => {
    const stats = new CcxtStreamStats('watchOrderBook', 1000);
    stats.update(1100);
    stats.update(1400);
    stats.records += 3;
    stats.errors = 1;
    stats.retries = 1;
    stats.lastError = 'NetworkError: x';
    // 2 updates in 3 s → 0.6666… → 0.667
    expect(stats.toJson(4000)).toEqual({ method: 'watchOrderBook', updates: 2, records: 3, updates_per_s: '0.667', last_update_age_ms: 2600, errors: 1, retries: 1, last_error: 'NetworkError: x' });
  });
});
