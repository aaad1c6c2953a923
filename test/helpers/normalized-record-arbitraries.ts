// fast-check arbitraries of canonical normalized records (all five types, nulls, negative funding, long and short decimals, numeric and text ids) and of whole normalized replays in receive-time order.
import fc from 'fast-check';
import type { NormalizedLevel, NormalizedRecord } from '../../src/feeds/replay/normalized-record.js';
import { NORMALIZED_REPLAY_VERSION, REPLAY_FORMAT, type ReplayHeader, type ReplayRecord } from '../../src/feeds/replay/replay-format.js';

/** A canonical unsigned decimal of at most 64 characters: short ones (packed in binary) and long ones (stored as text). */
export const unsignedDecimal: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '0.000', '61999.30', '1.5', '10', '0.00000001', '123456789012345', '1234567890.12345', '0.00000000000001', '0.000000000000001'),
  fc.tuple(fc.nat({ max: 10 ** 9 }), fc.option(fc.stringMatching(/^[0-9]{1,10}$/), { nil: undefined })).map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`)),
  fc.tuple(fc.stringMatching(/^(0|[1-9][0-9]{0,30})$/), fc.option(fc.stringMatching(/^[0-9]{1,30}$/), { nil: undefined })).map(([i, f]) => (f === undefined ? i : `${i}.${f}`)),
);
export const signedDecimal: fc.Arbitrary<string> = fc.tuple(fc.boolean(), unsignedDecimal).map(([negative, d]) => (negative && d.length < 64 ? `-${d}` : d));
const nullable = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null, freq: 4 });
const level: fc.Arbitrary<NormalizedLevel> = fc.tuple(unsignedDecimal, unsignedDecimal);
const levels = fc.array(level, { maxLength: 6 });
export const symbolText: fc.Arbitrary<string> = fc.oneof(fc.constantFrom('BTCUSDT', 'ETHUSDT', 'ETH-PERP', 'a.b_c:d/e'), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/));
const tradeId: fc.Arbitrary<string> = fc.oneof(
  fc.nat({ max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.constantFrom('', '007', '9007199254740992', 'a-b-c', 'é', '\ud800', 'x\udc00y', '😀'),
  fc.string({ maxLength: 64, unit: 'binary' }),
);

type Body = Omit<NormalizedRecord, 'symbol' | 'exchange_us' | 'local_us'>;
const body: fc.Arbitrary<Body> = fc.oneof(
  fc.tuple(fc.boolean(), levels, levels).map(([is_snapshot, bids, asks]) => ({ type: 'book_update' as const, is_snapshot, bids, asks })),
  fc.tuple(levels, levels).map(([bids, asks]) => ({ type: 'book_snapshot' as const, bids, asks })),
  fc.tuple(tradeId, fc.constantFrom('buy' as const, 'sell' as const, 'unknown' as const), unsignedDecimal, unsignedDecimal).map(([id, side, price, size]) => ({ type: 'trade' as const, id, side, price, size })),
  fc.tuple(nullable(unsignedDecimal), nullable(unsignedDecimal), nullable(unsignedDecimal), nullable(unsignedDecimal)).map(([bid_price, bid_size, ask_price, ask_size]) => ({ type: 'quote' as const, bid_price, bid_size, ask_price, ask_size })),
  fc
    .tuple(nullable(unsignedDecimal), nullable(unsignedDecimal), nullable(unsignedDecimal), nullable(signedDecimal), nullable(signedDecimal), nullable(fc.nat({ max: Number.MAX_SAFE_INTEGER })), nullable(unsignedDecimal))
    .map(([mark_price, index_price, last_price, funding_rate, predicted_funding_rate, funding_time_us, open_interest]) => ({ type: 'derivative' as const, mark_price, index_price, last_price, funding_rate, predicted_funding_rate, funding_time_us, open_interest })),
);

/** Records whose `t` never decreases (local_us may go back within a millisecond; exchange_us before or after it). */
export const normalizedRecords: fc.Arbitrary<NormalizedRecord[]> = fc
  .tuple(
    fc.nat({ max: 4_000_000_000_000 }),
    fc.array(fc.tuple(fc.oneof(fc.constant(0), fc.nat({ max: 5 }), fc.nat({ max: 1e9 })), fc.nat({ max: 999 }), fc.integer({ min: -5_000_000, max: 5_000_000 }), fc.nat({ max: 3 }), body), { maxLength: 30 }),
    fc.array(symbolText, { minLength: 1, maxLength: 4 }),
  )
  .map(([startMs, steps, symbols]) => {
    let ms = startMs;
    return steps.map(([stepMs, us, exchangeOffset, symbolAt, b]) => {
      ms += stepMs;
      const local_us = ms * 1000 + us;
      const exchange_us = Math.max(0, local_us + exchangeOffset);
      return { ...b, symbol: symbols[symbolAt % symbols.length]!, exchange_us, local_us } as NormalizedRecord;
    });
  });

export const NORMALIZED_HEADER: ReplayHeader = { format: REPLAY_FORMAT, version: NORMALIZED_REPLAY_VERSION, venue: 'binance', market: 'usdm', data: 'normalized', source: 'fast-check' };

/** The replay records of `records` (their `t` from local_us). */
export function asReplayRecords(records: readonly NormalizedRecord[]): ReplayRecord[] {
  return records.map((record) => ({ kind: 'normalized', t: Math.floor(record.local_us / 1000), record }));
}
