// Covers the 24hrTicker reader: seeded property tests that any well-formed frame becomes one ticker event (prices rounded half-even to the tick, volumes kept as text) and any mistyped or out-of-range field none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSymbolGrid } from '../../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../../src/core/model/market-data-event.js';
import { readTicker24h } from '../../../../src/venues/binance/ws/binance-ticker-24h.js';
import type { BinanceTicker24hWire } from '../../../../src/venues/binance/ws/binance-ws-wire.js';
import { gridSpec } from '../../../helpers/market-grids.js';

const GRID = buildSymbolGrid(gridSpec('BTCUSDT', 'BTC', 'USDT', '0.1', '0.001'));
const DAY = 86_400_000;
/** A price as [text, ticks half-even]: whole ticks plus a finer tail of 0..99 hundredths of a tick. */
const price = fc.tuple(fc.nat(100_000_000), fc.nat(99)).map(([ticks, tail]) => {
  const text = `${Math.floor(ticks / 10)}.${ticks % 10}${String(tail).padStart(2, '0')}`;
  const rounded = tail > 50 || (tail === 50 && ticks % 2 === 1) ? ticks + 1 : ticks;
  return [text, rounded] as const;
});
const volume = fc.tuple(fc.nat(1_000_000_000), fc.nat(99_999_999)).map(([w, f]) => `${w}.${String(f).padStart(8, '0')}`);

describe('readTicker24h', () => {
  it('turns every well-formed 24hrTicker into one ticker event (seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: DAY, max: 2 ** 45 }), price, price, price, price, volume, volume, fc.nat(10_000_000), (E, c, o, h, l, v, q, n) => {
        const out: MarketDataEvent[] = [];
        const w: BinanceTicker24hWire = { e: '24hrTicker', E, s: 'BTCUSDT', c: c[0], o: o[0], h: h[0], l: l[0], v, q, O: E - DAY, C: E, n };
        expect(readTicker24h(w, GRID, out)).toBe(true);
        expect(out).toEqual([{
          kind: 'ticker', symbol: 'BTCUSDT', ts: E, windowOpenTs: E - DAY, windowCloseTs: E,
          lastTicks: c[1], openTicks: o[1], highTicks: h[1], lowTicks: l[1], baseVolume: v, quoteVolume: q, tradeCount: n,
        }]);
      }),
      { seed: 24, numRuns: 200 },
    );
  });

  it('appends nothing when any one field is mistyped or out of range (seeded)', () => {
    const junk = fc.constantFrom<unknown>(null, undefined, -1, 1.5, '1e3', '', 'x', true, [], {});
    const good: BinanceTicker24hWire = { e: '24hrTicker', E: 2 * DAY, s: 'BTCUSDT', c: '1.0', o: '1.0', h: '1.0', l: '1.0', v: '1', q: '1', O: DAY, C: 2 * DAY, n: 1 };
    fc.assert(
      fc.property(fc.constantFrom('E', 'c', 'o', 'h', 'l', 'v', 'q', 'O', 'C', 'n'), junk, (key, value) => {
        const out: MarketDataEvent[] = [];
        const w = { ...good, [key]: value };
        expect(readTicker24h(w, GRID, out)).toBe(false);
        expect(out).toEqual([]);
      }),
      { seed: 25, numRuns: 200 },
    );
  });
});
