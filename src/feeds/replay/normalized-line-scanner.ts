// NormalizedLineScanner: the canonical book_update, book_snapshot and trade lines of a normalized replay (as encodeNormalizedRecord writes them) read and validated in their bytes by one left-to-right scan, without a string of the line or JSON.parse.
//
// Why: JSON.parse of a line and the validation of the object it gives (key sets, regexes per decimal) were ~75 % of a
// normalized replay's CPU, in both passes of replay-source.ts; a scan of the line as text still cost ~45 % (decoding
// each line to a string, reading it back char by char, a string per price and size). This scan reads the bytes in
// place, checks every rule of normalizedRecordProblem on the way, and packs book levels as numbers
// (scanned-book-record.ts) instead of strings.
// Contract: scan() returns the record only when JSON.parse of the line (as UTF-8) followed by normalizedRecordProblem
// would give no problem and the same record (a book record as a ScannedBookRecord that reads as that object; a trade
// as that object, same keys in the same order); null for anything else — another type (quote, derivative), other
// spacing or key order, an escape or a non-ASCII byte in a string, a number JSON.parse reads differently, a decimal of
// more than MAX_PACKED_DIGITS digits, a rule broken — and the caller decodes the line the general way, which gives the
// exact error message. check() answers whether scan() would read the line, making nothing.
// test/feeds/replay/normalized-line-scanner.test.ts checks both against that path on generated and mutated lines.
import { MAX_RECORD_LEVELS, type NormalizedTrade } from './normalized-record.js';
import { MAX_PACKED_DIGITS, ScannedBookRecord } from './scanned-book-record.js';

/** A record the scanner reads, with its `t`: a book record packed, a trade as the plain object. */
export type ScannedNormalizedRecord = ScannedBookRecord | (NormalizedTrade & { readonly t: number });

const MAX_SYMBOL_CHARS = 64;
const MAX_ID_CHARS = 128;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const DOT = 0x2e;
const ZERO = 0x30;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
/** Symbol bytes: 2 letters and digits (any position), 1 . _ : / - (after the first); normalized-record.ts SYMBOL. */
const SYMBOL_BYTE = (() => {
  const table = new Uint8Array(256);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z0-9]/.test(ch)) table[c] = 2;
    else if ('._:/-'.includes(ch)) table[c] = 1;
  }
  return table;
})();

const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
// The fixed text between values, as few pieces as the layout allows (one comparison loop each).
const L_T = bytesOf('{"t":');
const L_TYPE_BOOK = bytesOf(',"type":"book_');
const L_UPDATE_SYMBOL = bytesOf('update","symbol":"');
const L_SNAPSHOT_SYMBOL = bytesOf('snapshot","symbol":"');
const L_TYPE_TRADE_SYMBOL = bytesOf(',"type":"trade","symbol":"');
const L_EXCHANGE_US = bytesOf(',"exchange_us":');
const L_LOCAL_US = bytesOf(',"local_us":');
const L_ID = bytesOf('"id":"');
const L_SIDE = bytesOf(',"side":"');
const L_BUY_PRICE = bytesOf('buy","price":');
const L_SELL_PRICE = bytesOf('sell","price":');
const L_UNKNOWN_PRICE = bytesOf('unknown","price":');
const L_SIZE = bytesOf(',"size":');
const L_IS_SNAPSHOT_TRUE_BIDS = bytesOf('"is_snapshot":true,"bids":');
const L_IS_SNAPSHOT_FALSE_BIDS = bytesOf('"is_snapshot":false,"bids":');
const L_BIDS = bytesOf('"bids":');
const L_ASKS = bytesOf(',"asks":');

const NO_BYTES = Buffer.alloc(0);
const NO_LEVELS: number[] = [];
/** What read() returns in check mode: a record no one reads (check() answers a boolean). */
const CHECKED = new ScannedBookRecord(0, 'book_snapshot', '', 0, 0, false, NO_LEVELS, NO_LEVELS);

export class NormalizedLineScanner {
  private b: Buffer = NO_BYTES;
  private i = 0;
  /** End of the line (exclusive). */
  private end = 0;
  /** The decimal last read by decimal(): its bytes [from, to), its digits as an integer and its fraction digits. */
  private from = 0;
  private to = 0;
  private mantissa = 0;
  private fraction = 0;
  /** False: check only (a validating scan), make no strings or arrays. */
  private build = true;
  /** The symbol string last made, reused while lines repeat it (no new string per line). */
  private lastSymbol = '';
  /** `t` of the line last checked by check(). */
  checkedT = 0;

  /** The record on bytes[start, end) (a line without its "\n"), or null when the line is not one the scanner reads (see the contract above). */
  scan(bytes: Buffer, start: number, end: number): ScannedNormalizedRecord | null {
    this.build = true;
    return this.read(bytes, start, end);
  }

  /** Whether scan() would read bytes[start, end) (then its `t` is in checkedT), making none of the record's strings and arrays. */
  check(bytes: Buffer, start: number, end: number): boolean {
    this.build = false;
    return this.read(bytes, start, end) !== null;
  }

  /** scan() of a line given as text (tests; the replay reads bytes). */
  scanText(line: string): ScannedNormalizedRecord | null {
    const bytes = Buffer.from(line, 'utf8');
    return this.scan(bytes, 0, bytes.length);
  }

  /** check() of a line given as text (tests). */
  checkText(line: string): boolean {
    const bytes = Buffer.from(line, 'utf8');
    return this.check(bytes, 0, bytes.length);
  }

  private read(bytes: Buffer, start: number, end: number): ScannedNormalizedRecord | null {
    this.b = bytes;
    this.i = start;
    this.end = end;
    if (!this.lit(L_T)) return null;
    const t = this.integer();
    if (t < 0) return null;
    // The type's first letters tell it apart: book_snapshot, book_update, trade.
    let type: 'book_snapshot' | 'book_update' | 'trade';
    if (this.lit(L_TYPE_BOOK)) {
      if (this.lit(L_UPDATE_SYMBOL)) type = 'book_update';
      else if (this.lit(L_SNAPSHOT_SYMBOL)) type = 'book_snapshot';
      else return null;
    } else if (this.lit(L_TYPE_TRADE_SYMBOL)) type = 'trade';
    else return null;
    const symbol = this.symbol();
    if (symbol === null || !this.lit(L_EXCHANGE_US)) return null;
    const exchangeUs = this.integer();
    if (exchangeUs < 0 || !this.lit(L_LOCAL_US)) return null;
    const localUs = this.integer();
    if (localUs < 0 || t !== Math.floor(localUs / 1000) || this.i >= end || bytes[this.i] !== COMMA) return null;
    this.i++;
    if (type === 'trade') {
      if (!this.lit(L_ID)) return null;
      const id = this.plainString(MAX_ID_CHARS);
      if (id === null || !this.lit(L_SIDE)) return null;
      let side: 'buy' | 'sell' | 'unknown';
      if (this.lit(L_BUY_PRICE)) side = 'buy';
      else if (this.lit(L_SELL_PRICE)) side = 'sell';
      else if (this.lit(L_UNKNOWN_PRICE)) side = 'unknown';
      else return null;
      if (!this.decimal()) return null;
      const price = this.build ? this.text(this.from, this.to) : '';
      if (!this.lit(L_SIZE) || !this.decimal()) return null;
      const size = this.build ? this.text(this.from, this.to) : '';
      if (!this.atEnd()) return null;
      this.checkedT = t;
      return !this.build ? CHECKED : { t, type, symbol, exchange_us: exchangeUs, local_us: localUs, id, side, price, size };
    }
    let isSnapshot = false;
    if (type === 'book_update') {
      if (this.lit(L_IS_SNAPSHOT_FALSE_BIDS)) isSnapshot = false;
      else if (this.lit(L_IS_SNAPSHOT_TRUE_BIDS)) isSnapshot = true;
      else return null;
    } else if (!this.lit(L_BIDS)) return null;
    const bids = this.levels();
    if (bids === null || !this.lit(L_ASKS)) return null;
    const asks = this.levels();
    if (asks === null || !this.atEnd()) return null;
    this.checkedT = t;
    if (!this.build) return CHECKED;
    return new ScannedBookRecord(t, type, symbol, exchangeUs, localUs, isSnapshot, bids, asks);
  }

  /** Whether the bytes of `literal` are next (consumed when they are). */
  private lit(literal: Uint8Array): boolean {
    const b = this.b;
    const at = this.i;
    const n = literal.length;
    if (at + n > this.end) return false;
    for (let k = 0; k < n; k++) if (b[at + k] !== literal[k]) return false;
    this.i = at + n;
    return true;
  }

  /** The closing "}" is the line's last byte. */
  private atEnd(): boolean {
    return this.i === this.end - 1 && this.b[this.i] === CLOSE_BRACE;
  }

  /** ASCII bytes [from, to) as a string (the scan checked they are ASCII). */
  private text(from: number, to: number): string {
    return this.b.toString('latin1', from, to);
  }

  /** A non-negative safe integer as JSON writes it (0 or no leading zero; no sign, fraction or exponent); -1 otherwise. */
  private integer(): number {
    const b = this.b;
    const end = this.end;
    const start = this.i;
    let i = start;
    let n = 0;
    let last = 0;
    for (; i < end; i++) {
      const d = b[i]! - ZERO;
      if (d >>> 0 > 9) break;
      if (i - start === 15) last = n; // n holds the first 15 digits
      n = n * 10 + d;
    }
    const digits = i - start;
    if (digits === 0 || digits > 16 || (digits > 1 && b[start] === ZERO)) return -1;
    // 16 digits: exact only up to MAX_SAFE_INTEGER (9007199254740991).
    if (digits === 16 && (last > 900_719_925_474_099 || (last === 900_719_925_474_099 && b[i - 1]! - ZERO > 1))) return -1;
    // A fraction or exponent would make another number (or a non-integer).
    if (i < end) {
      const c = b[i];
      if (c === DOT || c === 0x65 || c === 0x45) return -1;
    }
    this.i = i;
    return n;
  }

  /** The symbol (the opening quote already read) up to its closing quote: 1-64 of [A-Za-z0-9][A-Za-z0-9._:/-]*. */
  private symbol(): string | null {
    const b = this.b;
    const end = this.end;
    const start = this.i;
    let i = start;
    if (i >= end || SYMBOL_BYTE[b[i]!] !== 2) return null;
    for (i++; i < end; i++) {
      const c = b[i]!;
      if (c === QUOTE) break;
      if (SYMBOL_BYTE[c] === 0) return null;
    }
    const length = i - start;
    if (length > MAX_SYMBOL_CHARS || i >= end) return null;
    this.i = i + 1;
    if (!this.build) return '';
    // Lines of one symbol follow each other: match the last symbol's bytes before making a string.
    const last = this.lastSymbol;
    if (last.length === length) {
      let k = 0;
      while (k < length && last.charCodeAt(k) === b[start + k]) k++;
      if (k === length) return last;
    }
    this.lastSymbol = this.text(start, i);
    return this.lastSymbol;
  }

  /** A string of printable ASCII without escapes, at most `max` characters (the opening quote already read); null otherwise (non-ASCII text goes the general way). */
  private plainString(max: number): string | null {
    const b = this.b;
    const end = this.end;
    const start = this.i;
    let i = start;
    for (; i < end; i++) {
      const c = b[i]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH || c < 0x20 || c > 0x7e) return null;
    }
    if (i >= end || i - start > max) return null;
    this.i = i + 1;
    return this.build ? this.text(start, i) : '';
  }

  /**
   * "<plain unsigned decimal>" (0|[1-9][0-9]*)(\.[0-9]+)? of at most MAX_PACKED_DIGITS digits, quotes included in the
   * scan; its bytes are [from, to), its value mantissa × 10^-fraction.
   */
  private decimal(): boolean {
    const b = this.b;
    const end = this.end;
    if (this.i >= end || b[this.i] !== QUOTE) return false;
    const start = this.i + 1;
    let i = start;
    let n = 0;
    let d = 0;
    for (; i < end; i++) {
      d = b[i]! - ZERO;
      if (d >>> 0 > 9) break;
      n = n * 10 + d;
    }
    const intDigits = i - start;
    if (intDigits === 0 || (intDigits > 1 && b[start] === ZERO)) return false;
    let fraction = 0;
    if (i < end && b[i] === DOT) {
      const fracStart = ++i;
      for (; i < end; i++) {
        d = b[i]! - ZERO;
        if (d >>> 0 > 9) break;
        n = n * 10 + d;
      }
      fraction = i - fracStart;
      if (fraction === 0) return false;
    }
    if (i >= end || b[i] !== QUOTE || intDigits + fraction > MAX_PACKED_DIGITS) return false;
    this.from = start;
    this.to = i;
    this.mantissa = n;
    this.fraction = fraction;
    this.i = i + 1;
    return true;
  }

  /** [] or [["price","size"],…], at most MAX_RECORD_LEVELS pairs, packed (scanned-book-record.ts: 4 numbers a level). */
  private levels(): number[] | null {
    const b = this.b;
    const end = this.end;
    if (this.i + 1 >= end || b[this.i] !== OPEN_BRACKET) return null;
    this.i++;
    const build = this.build;
    const levels: number[] = build ? [] : NO_LEVELS;
    if (b[this.i] === CLOSE_BRACKET) {
      this.i++;
      return levels;
    }
    for (let count = 1; ; count++) {
      if (this.i >= end || b[this.i] !== OPEN_BRACKET) return null;
      this.i++;
      if (!this.decimal() || this.i >= end || b[this.i] !== COMMA) return null;
      const priceMantissa = this.mantissa;
      const priceFraction = this.fraction;
      this.i++;
      if (!this.decimal() || this.i >= end || b[this.i] !== CLOSE_BRACKET) return null;
      this.i++;
      if (count > MAX_RECORD_LEVELS) return null;
      if (build) levels.push(priceMantissa, priceFraction, this.mantissa, this.fraction);
      if (this.i >= end) return null;
      const c = b[this.i++];
      if (c === CLOSE_BRACKET) return levels;
      if (c !== COMMA) return null;
    }
  }
}
