// Covers NormalizedEventMapper's packed path: a book record read by the byte scanner (levels packed as numbers) maps to the same events, class and detail as the same record with string levels, off-grid prices and refused sizes included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSymbolGridLookup } from '../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../src/core/model/market-data-event.js';
import { NormalizedEventMapper } from '../../../src/feeds/replay/normalized-event-mapper.js';
import { NormalizedLineScanner } from '../../../src/feeds/replay/normalized-line-scanner.js';
import { encodeNormalizedRecord, type NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import { plainBookRecord, ScannedBookRecord } from '../../../src/feeds/replay/scanned-book-record.js';
import { BTCUSDT_SPEC } from '../../helpers/instrument-specs.js';

const grids = buildSymbolGridLookup([BTCUSDT_SPEC, { ...BTCUSDT_SPEC, symbol: 'COARSE', tickSize: '0.5', lotSize: '10' }]);

/** Prices and sizes on, off and far off the BTCUSDT grid (tick 0.1, lot 0.001) and the COARSE one (tick 0.5, lot 10). */
const decimal = fc.oneof(
  fc.constantFrom('0', '0.000', '95000.1', '95000.15', '95000.10', '1.5', '10', '20', '0.0001', '900719925474099', '90071992547409.9', '99999999999999.9'),
  fc.tuple(fc.nat({ max: 10 ** 7 }), fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined })).map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`)),
);
const level = fc.tuple(decimal, decimal);
const book: fc.Arbitrary<NormalizedRecord> = fc
  .tuple(fc.constantFrom('BTCUSDT', 'COARSE', 'NOGRID'), fc.constantFrom('book_update' as const, 'book_snapshot' as const), fc.boolean(), fc.array(level, { maxLength: 6 }), fc.array(level, { maxLength: 6 }))
  .map(([symbol, type, is_snapshot, bids, asks]) => {
    const base = { symbol, exchange_us: 1_700_000_000_000_000, local_us: 1_700_000_000_001_000 };
    return type === 'book_update' ? { ...base, type, is_snapshot, bids, asks } : { ...base, type, bids, asks };
  });

describe('NormalizedEventMapper', () => {
  it('maps a packed book record exactly as the same record with string levels, across snapshot groups', () => {
    const scanner = new NormalizedLineScanner();
    fc.assert(
      fc.property(fc.array(book, { minLength: 1, maxLength: 5 }), (records) => {
        const byStrings = new NormalizedEventMapper(grids);
        const byPacked = new NormalizedEventMapper(grids);
        for (const record of records) {
          const scanned = scanner.scanText(encodeNormalizedRecord(record));
          expect(scanned).toBeInstanceOf(ScannedBookRecord);
          const plain = plainBookRecord(scanned as ScannedBookRecord);
          const expected: MarketDataEvent[] = [];
          const got: MarketDataEvent[] = [];
          expect(byPacked.map(scanned as NormalizedRecord, 5, got)).toBe(byStrings.map(plain, 5, expected));
          expect(byPacked.lastDetail).toBe(byStrings.lastDetail);
          expect(got).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps an off-grid price exactly and names a size off the lot grid as the line spells it', () => {
    const scanner = new NormalizedLineScanner();
    const line = (bids: string): string => `{"t":1700000000001,"type":"book_update","symbol":"BTCUSDT","exchange_us":1,"local_us":1700000000001000,"is_snapshot":false,"bids":${bids},"asks":[]}`;
    const mapper = new NormalizedEventMapper(grids);
    const out: MarketDataEvent[] = [];
    expect(mapper.map(scanner.scanText(line('[["95000.15","1.000"]]')) as NormalizedRecord, 1, out)).toBe('market-data');
    expect(out).toMatchObject([{ kind: 'book-delta', bids: [], offGrid: [{ side: 'bid', qtyLots: 1000, price: { text: '95000.15' } }] }]);
    expect(mapper.map(scanner.scanText(line('[["95000.1","0.00010"]]')) as NormalizedRecord, 1, out)).toBe('invalid-value');
    expect(mapper.lastDetail).toBe('BTCUSDT bid size 0.00010 off the lot grid');
  });
});
