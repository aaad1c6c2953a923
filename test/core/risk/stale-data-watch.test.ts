// Covers StaleDataWatch (symbols by index, named by watch): watch start times, data moving only forward, the strict > staleMs rule, the stalest symbol and its name tie-break.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { StaleDataWatch } from '../../../src/core/risk/stale-data-watch.js';

const T0 = 1_735_689_600_000;

describe('StaleDataWatch', () => {
  it('reports nothing before any symbol is watched or seen', () => {
    expect(new StaleDataWatch().stalest(T0 + 3_600_000, 1000)).toBeNull();
  });

  it('counts a watched symbol with no data from the watch start, strictly more than staleMs', () => {
    const watch = new StaleDataWatch();
    watch.watch(['BTCUSDT'], T0);
    expect(watch.stalest(T0 + 1000, 1000)).toBeNull();
    expect(watch.stalest(T0 + 1001, 1000)).toEqual({ symbol: 'BTCUSDT', ageMs: 1001, lastMs: T0 });
  });

  it('does not restart the clock of a symbol already seen when watched again', () => {
    const watch = new StaleDataWatch();
    watch.onData(0, T0 + 10); // BTCUSDT, seen before the run's symbols are named
    watch.watch(['BTCUSDT', 'ETHUSDT'], T0 + 500);
    expect(watch.stalest(T0 + 1011, 1000)).toEqual({ symbol: 'BTCUSDT', ageMs: 1001, lastMs: T0 + 10 });
    expect(watch.symbols()).toEqual(['BTCUSDT', 'ETHUSDT']);
  });

  it('keeps the latest data time: an older timestamp does not move it back', () => {
    const watch = new StaleDataWatch();
    watch.watch(['BTCUSDT'], T0);
    watch.onData(0, T0 + 3000);
    watch.onData(0, T0 + 1000);
    expect(watch.stalest(T0 + 8000, 5000)).toBeNull();
    expect(watch.stalest(T0 + 8001, 5000)).toEqual({ symbol: 'BTCUSDT', ageMs: 5001, lastMs: T0 + 3000 });
  });

  it('refuses to name a symbol index it was not told the name of', () => {
    const watch = new StaleDataWatch();
    watch.onData(0, T0);
    expect(() => watch.stalest(T0 + 2000, 1000)).toThrow('stale-data watch has data for symbol index 0 but was not told its name');
  });

  it('names the stalest symbol, and the first by name when ages tie', () => {
    const watch = new StaleDataWatch();
    watch.watch(['SOLUSDT', 'ETHUSDT', 'BTCUSDT'], T0);
    watch.onData(2, T0 + 4000); // BTCUSDT
    expect(watch.stalest(T0 + 6000, 5000)).toEqual({ symbol: 'ETHUSDT', ageMs: 6000, lastMs: T0 });
    watch.onData(1, T0 + 6000); // ETHUSDT
    expect(watch.stalest(T0 + 9500, 5000)).toEqual({ symbol: 'SOLUSDT', ageMs: 9500, lastMs: T0 });
  });
});

describe('StaleDataWatch heap', () => {
  type Step = { readonly kind: 'data' | 'ask'; readonly symbol: number; readonly dt: number; readonly lag: number };
  const stepArb: fc.Arbitrary<Step> = fc.record({
    kind: fc.constantFrom('data', 'data', 'ask'),
    symbol: fc.integer({ min: 0, max: 7 }),
    dt: fc.integer({ min: 0, max: 50 }),
    lag: fc.integer({ min: 0, max: 80 }),
  });
  const NAMES = ['SOLUSDT', 'BTCUSDT', 'XRPUSDT', 'ETHUSDT', 'ADAUSDT', 'BNBUSDT', 'DOGEUSDT', 'LTCUSDT'];

  it('names the same stalest symbol as the scan over every symbol, for data out of order, ties and data before watch', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), fc.array(stepArb, { maxLength: 200 }), fc.integer({ min: 1, max: 60 }), fc.boolean(), (before, after, staleMs, askFirst) => {
        const watch = new StaleDataWatch();
        let now = 1_000;
        if (askFirst) expect(watch.stalest(now, staleMs)).toBeNull(); // the heap starts before any data
        for (const s of before) if (s.kind === 'data') watch.onData(s.symbol, (now += s.dt) - s.lag);
        watch.watch(NAMES, now);
        for (const s of after) {
          now += s.dt;
          if (s.kind === 'data') watch.onData(s.symbol, now - s.lag);
          else expect(watch.stalest(now, staleMs)).toEqual(watch.stalestByScan(now, staleMs));
        }
        expect(watch.stalest(now + 100, staleMs)).toEqual(watch.stalestByScan(now + 100, staleMs));
      }),
      { numRuns: 300, seed: 21 },
    );
  });
});
