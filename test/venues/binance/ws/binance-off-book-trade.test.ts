// Covers the off-book trade reader: which trade frames are off-book (X present and not MARKET), and seeded property tests that any well-formed one becomes exactly one event carrying the venue's strings and any mistyped field none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSymbolGrid } from '../../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../../src/core/model/market-data-event.js';
import { isOffBookTrade, readOffBookTrade } from '../../../../src/venues/binance/ws/binance-off-book-trade.js';
import type { BinanceTradeWire } from '../../../../src/venues/binance/ws/binance-ws-wire.js';
import { gridSpec } from '../../../helpers/market-grids.js';

const GRID = buildSymbolGrid(gridSpec('OPUSDT', 'OP', 'USDT', '0.0001', '0.1'));
const decimal = fc.tuple(fc.nat(10_000_000), fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined })).map(([whole, frac]) => (frac === undefined ? `${whole}` : `${whole}.${frac}`));
const origin = fc.oneof(fc.constantFrom('INSURANCE_FUND', 'ADL', 'NA'), fc.stringMatching(/^[A-Z_]{1,20}$/)).filter((x) => x !== 'MARKET');
const id = fc.nat(Number.MAX_SAFE_INTEGER);

describe('isOffBookTrade', () => {
  it('is true only when X is present and not MARKET', () => {
    const w = (X?: unknown): BinanceTradeWire => (X === undefined ? { e: 'trade' } : { e: 'trade', X });
    expect([w(), w('MARKET'), w('INSURANCE_FUND'), w('ADL'), w('NA'), w(''), w(5)].map(isOffBookTrade)).toEqual([false, false, true, true, true, true, true]);
  });
});

describe('readOffBookTrade', () => {
  it('turns every well-formed off-book trade into one event with the venue strings, whatever the grid (seeded)', () => {
    fc.assert(
      fc.property(id, id, origin, decimal, decimal, fc.boolean(), (E, t, X, p, q, m) => {
        const out: MarketDataEvent[] = [];
        expect(readOffBookTrade({ e: 'trade', E, T: E, s: 'OPUSDT', t, p, q, X, m }, GRID, out)).toBe(true);
        expect(out).toEqual([{ kind: 'off-book-trade', symbol: 'OPUSDT', ts: E, origin: X, tradeId: String(t), price: p, qty: q }]);
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('appends nothing when any one field is mistyped (seeded)', () => {
    const junk = fc.constantFrom<unknown>(null, undefined, -1, -1.5, 1e300, '1e3', '', 'x', true, [], {});
    const good: BinanceTradeWire = { e: 'trade', E: 1704282915916, s: 'OPUSDT', t: 460859189, p: '3.7041208', q: '3.5', X: 'INSURANCE_FUND', m: true };
    fc.assert(
      fc.property(fc.constantFrom('E', 't', 'p', 'q', 'X'), junk, (key, value) => {
        if (key === 'X' && typeof value === 'string' && value !== '') return;
        const out: MarketDataEvent[] = [];
        expect(readOffBookTrade({ ...good, [key]: value }, GRID, out)).toBe(false);
        expect(out).toEqual([]);
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});
