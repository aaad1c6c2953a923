// ScannedBookRecord: a book_snapshot or book_update record as NormalizedLineScanner reads it from a line's bytes — prices and sizes packed as numbers, their decimal strings made only when asked for.
//
// Why: a tardis L2 record is mostly levels, and making two strings and a pair per level, then reading the strings
// again to get ticks and lots, was about a tenth of a normalized replay's CPU (profile). The scanner checks each decimal's digits
// anyway, so it keeps the value as (mantissa, fraction digits) — "61999.30" is (6199930, 2), exact as long as the
// decimal has at most MAX_PACKED_DIGITS digits — and NormalizedEventMapper converts those to ticks and lots
// (SymbolGrid.priceUnitsScaled), with the same results and the same messages as from the strings.
// It reads as the NormalizedBookSnapshot / NormalizedBookUpdate JSON.parse gives: `bids` and `asks` make the
// [price, size] strings on each read (canonical decimals have one spelling, so the text is the line's).
// plainBookRecord() gives the plain object (keys in canonical order), for tests and anything that copies records.
import type { NormalizedBookSnapshot, NormalizedBookUpdate, NormalizedLevel } from './normalized-record.js';

/** Most digits (integer and fraction) a packed decimal holds: below 10^15 every mantissa is an exact double. */
export const MAX_PACKED_DIGITS = 15;

/** Numbers per level in a packed side: price mantissa, price fraction digits, size mantissa, size fraction digits. */
export const PACKED_LEVEL_STRIDE = 4;

export class ScannedBookRecord {
  constructor(
    /** The line's `t` (JSON.parse keeps the key; the canonical object has it first). */
    readonly t: number,
    readonly type: 'book_snapshot' | 'book_update',
    readonly symbol: string,
    readonly exchange_us: number,
    readonly local_us: number,
    /** book_update's key; false for a book_snapshot (which has no such key: see plainBookRecord). */
    readonly is_snapshot: boolean,
    /** PACKED_LEVEL_STRIDE numbers per level, best first. */
    readonly packedBids: readonly number[],
    readonly packedAsks: readonly number[],
  ) {}

  get bids(): NormalizedLevel[] {
    return unpackLevels(this.packedBids);
  }

  get asks(): NormalizedLevel[] {
    return unpackLevels(this.packedAsks);
  }
}

/** The record as the plain object JSON.parse of its line gives (with `t`, keys in canonical order). */
export function plainBookRecord(record: ScannedBookRecord): (NormalizedBookSnapshot | NormalizedBookUpdate) & { readonly t: number } {
  const { t, symbol, exchange_us, local_us } = record;
  return record.type === 'book_update'
    ? { t, type: 'book_update', symbol, exchange_us, local_us, is_snapshot: record.is_snapshot, bids: record.bids, asks: record.asks }
    : { t, type: 'book_snapshot', symbol, exchange_us, local_us, bids: record.bids, asks: record.asks };
}

/** The canonical text of mantissa × 10^-fracDigits as the line spelled it: (6199930, 2) → "61999.30", (0, 3) → "0.000". */
export function packedDecimalText(mantissa: number, fracDigits: number): string {
  const digits = String(mantissa);
  if (fracDigits === 0) return digits;
  const padded = digits.length > fracDigits ? digits : '0'.repeat(fracDigits + 1 - digits.length) + digits;
  return `${padded.slice(0, padded.length - fracDigits)}.${padded.slice(padded.length - fracDigits)}`;
}

function unpackLevels(packed: readonly number[]): NormalizedLevel[] {
  const levels: NormalizedLevel[] = [];
  for (let i = 0; i < packed.length; i += PACKED_LEVEL_STRIDE) {
    levels.push([packedDecimalText(packed[i]!, packed[i + 1]!), packedDecimalText(packed[i + 2]!, packed[i + 3]!)]);
  }
  return levels;
}
