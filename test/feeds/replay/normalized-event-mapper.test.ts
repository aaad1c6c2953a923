// Covers NormalizedEventMapper's packed paths: a book record read by the byte scanner (levels packed as numbers), and a trade or quote read by the binary decoder (PackedTradeRecord, PackedQuoteRecord), map to the same events, class and detail as the same record with strings, off-grid prices, refused sizes and empty sides included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSymbolGridLookup } from '../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../src/core/model/market-data-event.js';
import { NormalizedEventMapper } from '../../../src/feeds/replay/normalized-event-mapper.js';
import { NormalizedLineScanner } from '../../../src/feeds/replay/normalized-line-scanner.js';
import { encodeNormalizedRecord, type NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import { plainBookRecord, ScannedBookRecord } from '../../../src/feeds/replay/scanned-book-record.js';
import { BTCUSDT_SPEC } from '../../helpers/instrument-specs.js';
import { BinaryRecordDecoder } from '../../../src/feeds/replay/binary-record-decoder.js';
import { BinaryRecordEncoder } from '../../../src/feeds/replay/binary-record-encoder.js';
import { PackedQuoteRecord, PackedTradeRecord, plainTradeQuoteRecord } from '../../../src/feeds/replay/packed-trade-quote-record.js';

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

const base = fc.record({ symbol: fc.constantFrom('BTCUSDT', 'COARSE', 'NOGRID'), exchange_us: fc.constant(1_700_000_000_000_000), local_us: fc.constant(1_700_000_000_001_000) });
const maybe = fc.option(decimal, { nil: null, freq: 6 });
const tradeOrQuote: fc.Arbitrary<NormalizedRecord> = fc.oneof(
  fc.tuple(base, fc.constantFrom('1', 'x'), fc.constantFrom('buy' as const, 'sell' as const, 'unknown' as const), decimal, decimal).map(([b, id, side, price, size]) => ({ ...b, type: 'trade' as const, id, side, price, size })),
  fc.tuple(base, maybe, maybe, maybe, maybe).map(([b, bid_price, bid_size, ask_price, ask_size]) => ({ ...b, type: 'quote' as const, bid_price, bid_size, ask_price, ask_size })),
);

describe('NormalizedEventMapper', () => {
  it('maps a packed trade or quote (binary decoder) exactly as the same record with strings', () => {
    fc.assert(
      fc.property(tradeOrQuote, (record) => {
        const bytes = new BinaryRecordEncoder().encode(record);
        expect(bytes[0]).toBeLessThan(128); // a one-byte length prefix: the body starts at byte 1
        const decoded = new BinaryRecordDecoder().decode(bytes, 1, bytes.length).record;
        expect(decoded instanceof PackedTradeRecord || decoded instanceof PackedQuoteRecord).toBe(true);
        const plain = plainTradeQuoteRecord(decoded as PackedTradeRecord | PackedQuoteRecord);
        expect(plain).toEqual(record);
        const byStrings = new NormalizedEventMapper(grids);
        const byPacked = new NormalizedEventMapper(grids);
        const expected: MarketDataEvent[] = [];
        const got: MarketDataEvent[] = [];
        expect(byPacked.map(decoded, 5, got)).toBe(byStrings.map(plain, 5, expected));
        expect(byPacked.lastDetail).toBe(byStrings.lastDetail);
        expect(got).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

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
