// Normalized replay records (format version 2, `"data":"normalized"`): venue-neutral book, trade, quote and derivative records, their validating decoder and canonical encoder.
//
// One record per line, keys in this order (docs/replay-format.md, docs/replay-format.schema.json):
//   {"t":<ms>,"type":"book_snapshot","symbol":"BTCUSDT","exchange_us":<µs>,"local_us":<µs>,"bids":[["<price>","<size>"],…],"asks":[…]}
//   {"t":…,"type":"book_update",…,"is_snapshot":false,"bids":[…],"asks":[…]}
//   {"t":…,"type":"trade",…,"id":"<venue trade id>","side":"buy"|"sell"|"unknown","price":"<price>","size":"<size>"}
//   {"t":…,"type":"quote",…,"bid_price":…,"bid_size":…,"ask_price":…,"ask_size":…}              (each a decimal or null)
//   {"t":…,"type":"derivative",…,"mark_price":…,"index_price":…,"last_price":…,"funding_rate":…,"predicted_funding_rate":…,"funding_time_us":…,"open_interest":…}
// Rules: `local_us` is the receive time and `exchange_us` the venue's time, both integer µs since the epoch (the
// precision tardis.dev and Binance public data carry), kept apart; `t` is `local_us` truncated to ms (the replay's
// clock, checked: it must equal floor(local_us / 1000)). Prices and sizes are plain decimal strings (no exponent,
// no sign; a funding rate may be negative), at most MAX_DECIMAL_CHARS long. Book level sizes are absolute: "0"
// removes a level in an update. A `book_update` with `is_snapshot` true is part of a snapshot: after a non-snapshot
// update it replaces the book, after another snapshot update of the same symbol it adds to it (tardis'
// incremental_book_L2 rule). Anything else — a missing or extra key, a wrong type, a bad decimal — is an error
// message (the caller wraps it as E_REPLAY_FORMAT naming the line).
import { MAX_DECIMAL_CHARS } from '../../core/money/fast-units.js';

/** A book level as stored: [price, size], decimal strings. */
export type NormalizedLevel = readonly [price: string, size: string];

interface NormalizedBase {
  readonly symbol: string;
  /** Venue time, integer µs since the epoch (tardis `timestamp`; the event/transaction time of Binance files). */
  readonly exchange_us: number;
  /** Receive time, integer µs since the epoch (tardis `local_timestamp`; = exchange_us when the source has none). */
  readonly local_us: number;
}

/** A full replacement of the book, or of its top N levels (tardis book_snapshot_5/25). Best first. */
export interface NormalizedBookSnapshot extends NormalizedBase {
  readonly type: 'book_snapshot';
  readonly bids: readonly NormalizedLevel[];
  readonly asks: readonly NormalizedLevel[];
}

/** Absolute sizes for the listed levels, grouped by receive time; `is_snapshot` marks the groups of an initial snapshot. */
export interface NormalizedBookUpdate extends NormalizedBase {
  readonly type: 'book_update';
  readonly is_snapshot: boolean;
  readonly bids: readonly NormalizedLevel[];
  readonly asks: readonly NormalizedLevel[];
}

export interface NormalizedTrade extends NormalizedBase {
  readonly type: 'trade';
  /** Venue trade id as text ("" when the source has none). */
  readonly id: string;
  /** Side of the aggressor; "unknown" when the source does not say (such trades are not delivered). */
  readonly side: 'buy' | 'sell' | 'unknown';
  readonly price: string;
  readonly size: string;
}

/** Best bid and ask; a side the venue had empty is null. */
export interface NormalizedQuote extends NormalizedBase {
  readonly type: 'quote';
  readonly bid_price: string | null;
  readonly bid_size: string | null;
  readonly ask_price: string | null;
  readonly ask_size: string | null;
}

/** Derivative context: mark, index and last price, funding, open interest (null where the source had none). */
export interface NormalizedDerivative extends NormalizedBase {
  readonly type: 'derivative';
  readonly mark_price: string | null;
  readonly index_price: string | null;
  readonly last_price: string | null;
  /** Signed decimal ("-0.0001"). */
  readonly funding_rate: string | null;
  readonly predicted_funding_rate: string | null;
  /** Next funding time, integer µs since the epoch. */
  readonly funding_time_us: number | null;
  readonly open_interest: string | null;
}

export type NormalizedRecord = NormalizedBookSnapshot | NormalizedBookUpdate | NormalizedTrade | NormalizedQuote | NormalizedDerivative;
export type NormalizedRecordType = NormalizedRecord['type'];

/** Most levels per side of one book record (a full Binance REST snapshot has 5000; tardis groups are far smaller). */
export const MAX_RECORD_LEVELS = 100_000;
/** Longest symbol and trade id. */
const MAX_SYMBOL_CHARS = 64;
const MAX_ID_CHARS = 128;
const SYMBOL = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;
const UNSIGNED_DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const SIGNED_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

const BASE_KEYS = ['t', 'type', 'symbol', 'exchange_us', 'local_us'] as const;
/** Keys after the base ones, in canonical order, per type. */
const TYPE_KEYS: Readonly<Record<NormalizedRecordType, readonly string[]>> = {
  book_snapshot: ['bids', 'asks'],
  book_update: ['is_snapshot', 'bids', 'asks'],
  trade: ['id', 'side', 'price', 'size'],
  quote: ['bid_price', 'bid_size', 'ask_price', 'ask_size'],
  derivative: ['mark_price', 'index_price', 'last_price', 'funding_rate', 'predicted_funding_rate', 'funding_time_us', 'open_interest'],
};

/** Whether a decoded JSON object is meant as a normalized record (it has a "type" key), so errors can speak of one. */
export function looksNormalized(value: Record<string, unknown>): boolean {
  return Object.hasOwn(value, 'type');
}

/** `t` of a record: its receive time in ms (local_us truncated). */
export function recordT(record: NormalizedRecord): number {
  return Math.floor(record.local_us / 1000);
}

/** One record line, without its "\n": keys in canonical order (TYPE_KEYS), JSON.stringify escaping. */
export function encodeNormalizedRecord(record: NormalizedRecord): string {
  const ordered: Record<string, unknown> = { t: recordT(record), type: record.type, symbol: record.symbol, exchange_us: record.exchange_us, local_us: record.local_us };
  for (const key of TYPE_KEYS[record.type]) ordered[key] = (record as unknown as Record<string, unknown>)[key];
  const problem = normalizedRecordProblem(ordered);
  if (problem !== null) throw new TypeError(`not a valid normalized record: ${problem}`);
  return JSON.stringify(ordered);
}

/**
 * Why the parsed object `value` is not a valid normalized record, or null when it is (then it can be read as a
 * NormalizedRecord plus its `t`). O(size of the value); never serialises it.
 */
export function normalizedRecordProblem(value: Record<string, unknown>): string | null {
  const type = value['type'];
  if (typeof type !== 'string' || !Object.hasOwn(TYPE_KEYS, type)) return `"type" must be one of ${Object.keys(TYPE_KEYS).join(', ')}`;
  const expected = [...BASE_KEYS, ...TYPE_KEYS[type as NormalizedRecordType]];
  const keys = Object.keys(value);
  for (const key of keys) if (!expected.includes(key)) return `unknown key ${key.length > 40 ? `${JSON.stringify(key.slice(0, 40))}…` : `'${key}'`} in a ${type} record`;
  for (const key of expected) if (!Object.hasOwn(value, key)) return `a ${type} record needs "${key}"`;
  const symbol = value['symbol'];
  if (typeof symbol !== 'string' || symbol.length > MAX_SYMBOL_CHARS || !SYMBOL.test(symbol)) return `"symbol" must be 1-${MAX_SYMBOL_CHARS} characters of letters, digits and . _ : / -`;
  for (const key of ['exchange_us', 'local_us'] as const) {
    const us = value[key];
    if (!Number.isSafeInteger(us) || (us as number) < 0) return `"${key}" must be a non-negative integer (µs since the epoch)`;
  }
  if (value['t'] !== Math.floor((value['local_us'] as number) / 1000)) return `"t" must be local_us truncated to ms (${Math.floor((value['local_us'] as number) / 1000)})`;
  switch (type as NormalizedRecordType) {
    case 'book_snapshot':
    case 'book_update':
      if (type === 'book_update' && typeof value['is_snapshot'] !== 'boolean') return '"is_snapshot" must be true or false';
      return levelsProblem(value['bids'], 'bids') ?? levelsProblem(value['asks'], 'asks');
    case 'trade': {
      const id = value['id'];
      if (typeof id !== 'string' || id.length > MAX_ID_CHARS) return `"id" must be a string of at most ${MAX_ID_CHARS} characters`;
      if (value['side'] !== 'buy' && value['side'] !== 'sell' && value['side'] !== 'unknown') return '"side" must be "buy", "sell" or "unknown"';
      return decimalProblem(value['price'], 'price', false, false) ?? decimalProblem(value['size'], 'size', false, false);
    }
    case 'quote':
      for (const key of TYPE_KEYS.quote) {
        const problem = decimalProblem(value[key], key, true, false);
        if (problem !== null) return problem;
      }
      return null;
    case 'derivative':
      for (const key of TYPE_KEYS.derivative) {
        if (key === 'funding_time_us') {
          const us = value[key];
          if (us !== null && (!Number.isSafeInteger(us) || (us as number) < 0)) return `"funding_time_us" must be null or a non-negative integer (µs since the epoch)`;
          continue;
        }
        const problem = decimalProblem(value[key], key, true, key === 'funding_rate' || key === 'predicted_funding_rate');
        if (problem !== null) return problem;
      }
      return null;
  }
}

function decimalProblem(text: unknown, key: string, nullable: boolean, signed: boolean): string | null {
  if (text === null && nullable) return null;
  if (typeof text !== 'string' || text.length > MAX_DECIMAL_CHARS || !(signed ? SIGNED_DECIMAL : UNSIGNED_DECIMAL).test(text)) {
    return `"${key}" must be ${nullable ? 'null or ' : ''}a plain ${signed ? '' : 'unsigned '}decimal string of at most ${MAX_DECIMAL_CHARS} characters`;
  }
  return null;
}

function levelsProblem(levels: unknown, key: string): string | null {
  if (!Array.isArray(levels)) return `"${key}" must be an array of ["price","size"] pairs`;
  if (levels.length > MAX_RECORD_LEVELS) return `"${key}" has ${levels.length} levels, more than ${MAX_RECORD_LEVELS}`;
  for (let i = 0; i < levels.length; i++) {
    const level: unknown = levels[i];
    if (!Array.isArray(level) || level.length !== 2) return `"${key}"[${i}] must be a ["price","size"] pair`;
    const problem = decimalProblem(level[0], `${key}[${i}] price`, false, false) ?? decimalProblem(level[1], `${key}[${i}] size`, false, false);
    if (problem !== null) return problem;
  }
  return null;
}
