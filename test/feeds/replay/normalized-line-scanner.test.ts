// Covers NormalizedLineScanner: scan() and check() agree; on every line it reads, the record equals JSON.parse of the line passed by normalizedRecordProblem; lines the general path refuses or reads differently are never read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NormalizedLineScanner } from '../../../src/feeds/replay/normalized-line-scanner.js';
import { encodeNormalizedRecord, normalizedRecordProblem, type NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import { MAX_PACKED_DIGITS, plainBookRecord, ScannedBookRecord } from '../../../src/feeds/replay/scanned-book-record.js';

/** The general path: JSON.parse, then the validation; the object when valid, null otherwise. */
function oracle(line: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (!Number.isSafeInteger(record['t']) || (record['t'] as number) < 0) return null;
  return normalizedRecordProblem(record) === null ? value : null;
}

const scanner = new NormalizedLineScanner();

/** Scanner result, checked against the oracle: equal objects (keys in the same order) when the scanner reads the line. */
function check(line: string): unknown {
  const scanned = scanner.scanText(line);
  // A book record is packed: it reads as (and its plain form is) the object JSON.parse gives.
  const got = scanned instanceof ScannedBookRecord ? plainBookRecord(scanned) : scanned;
  if (scanned instanceof ScannedBookRecord) expect(encodeNormalizedRecord(scanned as NormalizedRecord)).toBe(line);
  // check() (the validating scan) answers the same, with the same t.
  expect(scanner.checkText(line)).toBe(got !== null);
  if (got !== null) expect(scanner.checkedT).toBe(got.t);
  if (got !== null) {
    const expected = oracle(line);
    expect(got).toEqual(expected);
    expect(Object.keys(got)).toEqual(Object.keys(expected as object));
  }
  return got;
}

const decimal = fc.oneof(
  fc.constantFrom('0', '0.000', '95000.1', '1.5', '10'),
  fc.tuple(fc.nat({ max: 10 ** 9 }), fc.option(fc.stringMatching(/^[0-9]{1,10}$/), { nil: undefined })).map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`)),
);
const level = fc.tuple(decimal, decimal);
const symbol = fc.oneof(fc.constantFrom('BTCUSDT', 'ETH-PERP', 'a.b_c:d/e'), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,70}$/));
const base = fc.record({ symbol, exchange_us: fc.nat({ max: Number.MAX_SAFE_INTEGER }), local_us: fc.nat({ max: Number.MAX_SAFE_INTEGER }) });
const record: fc.Arbitrary<NormalizedRecord> = fc.oneof(
  fc.tuple(base, fc.boolean(), fc.array(level, { maxLength: 6 }), fc.array(level, { maxLength: 6 })).map(([b, is_snapshot, bids, asks]) => ({ ...b, type: 'book_update' as const, is_snapshot, bids, asks })),
  fc.tuple(base, fc.array(level, { maxLength: 6 }), fc.array(level, { maxLength: 6 })).map(([b, bids, asks]) => ({ ...b, type: 'book_snapshot' as const, bids, asks })),
  fc.tuple(base, fc.string({ maxLength: 130 }), fc.constantFrom('buy' as const, 'sell' as const, 'unknown' as const), decimal, decimal).map(([b, id, side, price, size]) => ({ ...b, type: 'trade' as const, id, side, price, size })),
  fc.tuple(base, fc.option(decimal), fc.option(decimal), fc.option(decimal), fc.option(decimal)).map(([b, bid_price, bid_size, ask_price, ask_size]) => ({ ...b, type: 'quote' as const, bid_price, bid_size, ask_price, ask_size })),
);

/** The canonical line of a record (or, when the record breaks a rule, the line JSON.stringify would write for it). */
function lineOf(r: NormalizedRecord): string {
  try {
    return encodeNormalizedRecord(r);
  } catch {
    const { symbol: s, exchange_us, local_us, type, ...rest } = r;
    return JSON.stringify({ t: Math.floor(local_us / 1000), type, symbol: s, exchange_us, local_us, ...rest });
  }
}

/** The decimal strings of a generated record. */
function decimalsOf(r: NormalizedRecord): string[] {
  if (r.type === 'trade') return [r.price, r.size];
  if (r.type === 'book_update' || r.type === 'book_snapshot') return [...r.bids, ...r.asks].flat();
  if (r.type === 'quote') return [r.bid_price, r.bid_size, r.ask_price, r.ask_size].filter((d): d is string => d !== null);
  return [];
}

describe('NormalizedLineScanner', () => {
  it('reads canonical book_update, book_snapshot, trade and quote lines as JSON.parse + validation do', () => {
    fc.assert(
      fc.property(record, (r) => {
        const line = lineOf(r);
        const got = check(line);
        // Every valid line of printable ASCII without an escape and with decimals of at most 15 digits is read.
        if (oracle(line) !== null && /^[\x20-\x5b\x5d-\x7e]*$/.test(line) && decimalsOf(r).every((d) => d.replace('.', '').length <= MAX_PACKED_DIGITS)) expect(got).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('never reads a mutated line differently from the general path', () => {
    fc.assert(
      fc.property(record, fc.nat(), fc.integer({ min: 0x20, max: 0x7e }), fc.boolean(), (r, at, code, insert) => {
        const line = lineOf(r);
        const k = at % line.length;
        const ch = String.fromCharCode(code);
        check(insert ? line.slice(0, k) + ch + line.slice(k) : line.slice(0, k) + ch + line.slice(k + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves other records and unusual spellings to the general path', () => {
    for (const line of [
      '{"t":1,"type":"derivative","symbol":"X","exchange_us":1000,"local_us":1000,"mark_price":"1","index_price":null,"last_price":null,"funding_rate":"-0.1","predicted_funding_rate":null,"funding_time_us":null,"open_interest":null}',
      '{"t":1,"type":"quote","symbol":"X","exchange_us":1000,"local_us":1000,"bid_price":"1","bid_size":"1","ask_price":"2","ask_size":"1","x":1}',
      '{"t":1,"type":"quote","symbol":"X","exchange_us":1000,"local_us":1000,"bid_price":"1","bid_size":"01","ask_price":"2","ask_size":"1"}',
      '{"t":1,"type":"quote","symbol":"X","exchange_us":1000,"local_us":1000,"bid_price":nul,"bid_size":"1","ask_price":"2","ask_size":"1"}',
      '{"t":1,"type":"trade","symbol":"X","exchange_us":1000,"local_us":1000,"id":"a\\u0041","side":"buy","price":"1","size":"1"}',
      '{"t":1, "type":"trade","symbol":"X","exchange_us":1000,"local_us":1000,"id":"a","side":"buy","price":"1","size":"1"}',
      '{"t":1,"type":"trade","symbol":"X","exchange_us":1000,"local_us":1000.0,"id":"a","side":"buy","price":"1","size":"1"}',
      '{"t":1,"type":"trade","symbol":"X","exchange_us":1000,"local_us":1e3,"id":"a","side":"buy","price":"1","size":"1"}',
      '{"t":1,"type":"trade","symbol":"X","exchange_us":1000,"local_us":9007199254740993,"id":"a","side":"buy","price":"1","size":"1"}',
      '{"t":2,"type":"trade","symbol":"X","exchange_us":1000,"local_us":1000,"id":"a","side":"buy","price":"1","size":"1"}',
      '{"t":1,"type":"book_update","symbol":"X","exchange_us":1000,"local_us":1000,"is_snapshot":false,"bids":[["01","1"]],"asks":[]}',
      '{"t":1,"type":"book_update","symbol":"X","exchange_us":1000,"local_us":1000,"is_snapshot":false,"bids":[["1.","1"]],"asks":[]}',
      '{"t":1,"type":"trade","symbol":"X","exchange_us":1000,"local_us":1000,"id":"é","side":"buy","price":"1","size":"1"}',
      '{"t":1,"type":"book_update","symbol":"X","exchange_us":1000,"local_us":1000,"is_snapshot":false,"bids":[["1234567890.123456","1"]],"asks":[]}',
    ]) {
      expect(check(line), line).toBeNull();
    }
    expect(check('{"t":1,"type":"book_update","symbol":"X","exchange_us":1000,"local_us":1000,"is_snapshot":false,"bids":[["123456789.123456","0.000"]],"asks":[]}')).not.toBeNull();
    expect(check('{"t":1,"type":"quote","symbol":"X","exchange_us":1000,"local_us":1000,"bid_price":"1","bid_size":"1","ask_price":"2","ask_size":"1"}')).toEqual({ t: 1, type: 'quote', symbol: 'X', exchange_us: 1000, local_us: 1000, bid_price: '1', bid_size: '1', ask_price: '2', ask_size: '1' });
    expect(check('{"t":1,"type":"quote","symbol":"X","exchange_us":1000,"local_us":1000,"bid_price":null,"bid_size":null,"ask_price":"2.50","ask_size":"0"}')).toEqual({ t: 1, type: 'quote', symbol: 'X', exchange_us: 1000, local_us: 1000, bid_price: null, bid_size: null, ask_price: '2.50', ask_size: '0' });
    expect(check('{"t":9007199254740,"type":"trade","symbol":"X","exchange_us":1,"local_us":9007199254740991,"id":"","side":"buy","price":"1","size":"1"}')).not.toBeNull();
  });
});
