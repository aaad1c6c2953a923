// Covers normalizedLine: the replay line it builds by hand is byte for byte what encodeNormalizedRecord writes, for every record type (fuzzed), with JSON escaping of trade ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, normalizedLine } from '../../../src/feeds/import/normalized-line.js';
import { encodeNormalizedRecord, type NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';

const decimal = fc.tuple(fc.nat({ max: 10_000_000 }), fc.option(fc.stringMatching(/^[0-9]{1,8}$/), { nil: undefined })).map(([w, f]) => (f === undefined ? String(w) : `${w}.${f}`));
const signed = fc.tuple(fc.boolean(), decimal).map(([neg, d]) => (neg && /[1-9]/.test(d) ? `-${d}` : d));
const us = fc.integer({ min: 0, max: 4_102_444_800_000_000 });
const symbol = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,20}$/);
const levels = fc.array(fc.tuple(decimal, decimal), { maxLength: 6 });
const base = fc.record({ symbol, exchange_us: us, local_us: us });

const record: fc.Arbitrary<NormalizedRecord> = fc.oneof(
  fc.tuple(base, levels, levels).map(([b, bids, asks]) => ({ type: 'book_snapshot' as const, ...b, bids, asks })),
  fc.tuple(base, fc.boolean(), levels, levels).map(([b, is_snapshot, bids, asks]) => ({ type: 'book_update' as const, ...b, is_snapshot, bids, asks })),
  fc.tuple(base, fc.string({ maxLength: 40, unit: 'binary' }), fc.constantFrom('buy' as const, 'sell' as const, 'unknown' as const), decimal, decimal).map(([b, id, side, price, size]) => ({ type: 'trade' as const, ...b, id, side, price, size })),
  fc.tuple(base, fc.option(decimal, { nil: null }), fc.option(decimal, { nil: null }), fc.option(decimal, { nil: null }), fc.option(decimal, { nil: null })).map(([b, bid_price, bid_size, ask_price, ask_size]) => ({ type: 'quote' as const, ...b, bid_price, bid_size, ask_price, ask_size })),
  fc
    .tuple(base, fc.option(decimal, { nil: null }), fc.option(decimal, { nil: null }), fc.option(signed, { nil: null }), fc.option(us, { nil: null }), fc.option(decimal, { nil: null }))
    .map(([b, mark, index, rate, funding, oi]) => ({ type: 'derivative' as const, ...b, mark_price: mark, index_price: index, last_price: mark, funding_rate: rate, predicted_funding_rate: rate, funding_time_us: funding, open_interest: oi })),
);

describe('normalizedLine', () => {
  it('equals encodeNormalizedRecord on every record type (fuzzed)', () => {
    fc.assert(fc.property(record, (r) => normalizedLine(r) === encodeNormalizedRecord(r)), { numRuns: 2000 });
  });

  it('escapes trade ids as JSON.stringify does and passes plain ones through', () => {
    expect(['', 'abc-123', 'a"b', 'a\\b', 'tab\t', 'é', '\u{1F600}', '\ud800'].map(jsonText)).toEqual(['', 'abc-123', 'a"b', 'a\\b', 'tab\t', 'é', '\u{1F600}', '\ud800'].map((s) => JSON.stringify(s)));
  });
});
