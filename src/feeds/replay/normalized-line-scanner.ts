// NormalizedLineScanner: the canonical book_update, book_snapshot and trade lines of a normalized replay (as encodeNormalizedRecord writes them) read and validated by one left-to-right scan, without JSON.parse.
//
// Why: JSON.parse of a line and the validation of the object it gives (key sets, regexes per decimal) were ~75 % of a
// normalized replay's CPU, in both passes of replay-source.ts. A scan of the exact canonical layout checks every rule
// of normalizedRecordProblem on the way and builds the same object.
// Contract: scan() returns the record only when JSON.parse of the line followed by normalizedRecordProblem would give
// no problem and that same object (same keys in the same order, same values); null for anything else — another type
// (quote, derivative), other spacing or key order, an escape in a string, a number JSON.parse reads differently, a
// rule broken — and the caller decodes the line the general way, which gives the exact error message.
// test/feeds/replay/normalized-line-scanner.test.ts checks it against that path on generated and mutated lines.
import { MAX_DECIMAL_CHARS } from '../../core/money/fast-units.js';
import { MAX_RECORD_LEVELS, type NormalizedBookSnapshot, type NormalizedBookUpdate, type NormalizedLevel, type NormalizedTrade } from './normalized-record.js';

/** A record the scanner reads, with its `t` (JSON.parse keeps the key; the canonical object has it first). */
export type ScannedNormalizedRecord = (NormalizedBookSnapshot | NormalizedBookUpdate | NormalizedTrade) & { readonly t: number };

const MAX_SYMBOL_CHARS = 64;
const MAX_ID_CHARS = 128;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const DOT = 0x2e;
const ZERO = 0x30;
/** Symbol characters after the first: letters, digits, . _ : / - (normalized-record.ts SYMBOL). */
const SYMBOL_CHAR = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z0-9]/.test(ch)) table[c] = 2;
    else if ('._:/-'.includes(ch)) table[c] = 1;
  }
  return table;
})();

/** What read() returns in check mode: a record no one reads (check() answers a boolean). */
const NO_LEVELS: NormalizedLevel[] = [];
const CHECKED: ScannedNormalizedRecord = { t: 0, type: 'book_snapshot', symbol: '', exchange_us: 0, local_us: 0, bids: NO_LEVELS, asks: NO_LEVELS };

export class NormalizedLineScanner {
  private s = '';
  private i = 0;
  /** Characters [from, to) of the decimal last read by decimal(). */
  private from = 0;
  private to = 0;
  /** False: check only (a validating scan), make no strings or arrays. */
  private build = true;
  /** `t` of the line last checked by check(). */
  checkedT = 0;

  /** The record on `line`, or null when the line is not one the scanner reads (see the contract above). */
  scan(line: string): ScannedNormalizedRecord | null {
    this.build = true;
    return this.read(line);
  }

  /** Whether scan() would read `line` (then its `t` is in checkedT), making none of the record's strings and arrays. */
  check(line: string): boolean {
    this.build = false;
    return this.read(line) !== null;
  }

  private read(line: string): ScannedNormalizedRecord | null {
    this.s = line;
    this.i = 0;
    if (!this.lit('{"t":')) return null;
    const t = this.integer();
    if (t < 0 || !this.lit(',"type":"')) return null;
    const s = line;
    // The type's first letters tell it apart: book_snapshot, book_update, trade.
    let type: 'book_snapshot' | 'book_update' | 'trade';
    if (this.lit('book_update"')) type = 'book_update';
    else if (this.lit('book_snapshot"')) type = 'book_snapshot';
    else if (this.lit('trade"')) type = 'trade';
    else return null;
    if (!this.lit(',"symbol":"')) return null;
    const symbol = this.symbol();
    if (symbol === null || !this.lit(',"exchange_us":')) return null;
    const exchangeUs = this.integer();
    if (exchangeUs < 0 || !this.lit(',"local_us":')) return null;
    const localUs = this.integer();
    if (localUs < 0 || t !== Math.floor(localUs / 1000) || s.charCodeAt(this.i) !== COMMA) return null;
    this.i++;
    if (type === 'trade') {
      if (!this.lit('"id":"')) return null;
      const id = this.plainString(MAX_ID_CHARS);
      if (id === null || !this.lit(',"side":"')) return null;
      let side: 'buy' | 'sell' | 'unknown';
      if (this.lit('buy"')) side = 'buy';
      else if (this.lit('sell"')) side = 'sell';
      else if (this.lit('unknown"')) side = 'unknown';
      else return null;
      if (!this.lit(',"price":') || !this.decimal()) return null;
      const price = this.build ? s.slice(this.from, this.to) : '';
      if (!this.lit(',"size":') || !this.decimal()) return null;
      const size = this.build ? s.slice(this.from, this.to) : '';
      if (!this.end()) return null;
      this.checkedT = t;
      return !this.build ? CHECKED : { t, type, symbol, exchange_us: exchangeUs, local_us: localUs, id, side, price, size };
    }
    let isSnapshot = false;
    if (type === 'book_update') {
      if (this.lit('"is_snapshot":true,')) isSnapshot = true;
      else if (!this.lit('"is_snapshot":false,')) return null;
    }
    if (!this.lit('"bids":')) return null;
    const bids = this.levels();
    if (bids === null || !this.lit(',"asks":')) return null;
    const asks = this.levels();
    if (asks === null || !this.end()) return null;
    this.checkedT = t;
    if (!this.build) return CHECKED;
    return type === 'book_update'
      ? { t, type, symbol, exchange_us: exchangeUs, local_us: localUs, is_snapshot: isSnapshot, bids, asks }
      : { t, type, symbol, exchange_us: exchangeUs, local_us: localUs, bids, asks };
  }

  /** Whether `text` is next (consumed when it is). */
  private lit(text: string): boolean {
    if (!this.s.startsWith(text, this.i)) return false;
    this.i += text.length;
    return true;
  }

  /** The closing "}" is the line's last character. */
  private end(): boolean {
    return this.i === this.s.length - 1 && this.s.charCodeAt(this.i) === 0x7d;
  }

  /** A non-negative safe integer as JSON writes it (0 or no leading zero; no sign, fraction or exponent); -1 otherwise. */
  private integer(): number {
    const s = this.s;
    const start = this.i;
    let i = start;
    let n = 0;
    let last = 0;
    for (; i < s.length; i++) {
      const d = s.charCodeAt(i) - ZERO;
      if (d >>> 0 > 9) break;
      if (i - start === 15) last = n; // n holds the first 15 digits
      n = n * 10 + d;
    }
    const digits = i - start;
    if (digits === 0 || digits > 16 || (digits > 1 && s.charCodeAt(start) === ZERO)) return -1;
    // 16 digits: exact only up to MAX_SAFE_INTEGER (9007199254740991).
    if (digits === 16 && (last > 900_719_925_474_099 || (last === 900_719_925_474_099 && s.charCodeAt(i - 1) - ZERO > 1))) return -1;
    // A fraction or exponent would make another number (or a non-integer).
    const c = s.charCodeAt(i);
    if (c === DOT || c === 0x65 || c === 0x45) return -1;
    this.i = i;
    return n;
  }

  /** The symbol (the opening quote already read) up to its closing quote: 1-64 of [A-Za-z0-9][A-Za-z0-9._:/-]*. */
  private symbol(): string | null {
    const s = this.s;
    const start = this.i;
    let i = start;
    const first = s.charCodeAt(i);
    if (!(first < 128 && SYMBOL_CHAR[first] === 2)) return null;
    for (i++; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) break;
      if (!(c < 128 && SYMBOL_CHAR[c] !== 0)) return null;
    }
    if (i - start > MAX_SYMBOL_CHARS || i >= s.length) return null;
    this.i = i + 1;
    return this.build ? s.slice(start, i) : '';
  }

  /** A string without escapes or control characters, at most `max` characters (the opening quote already read). */
  private plainString(max: number): string | null {
    const s = this.s;
    const start = this.i;
    let i = start;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH || c < 0x20) return null;
    }
    if (i >= s.length || i - start > max) return null;
    this.i = i + 1;
    return this.build ? s.slice(start, i) : '';
  }

  /** "<plain unsigned decimal>" (0|[1-9][0-9]*)(\.[0-9]+)?, at most MAX_DECIMAL_CHARS, quotes included in the scan; its digits are s[from, to). */
  private decimal(): boolean {
    const s = this.s;
    if (s.charCodeAt(this.i) !== QUOTE) return false;
    const start = this.i + 1;
    let i = start;
    for (; i < s.length; i++) if ((s.charCodeAt(i) - ZERO) >>> 0 > 9) break;
    const intDigits = i - start;
    if (intDigits === 0 || (intDigits > 1 && s.charCodeAt(start) === ZERO)) return false;
    if (s.charCodeAt(i) === DOT) {
      const fracStart = ++i;
      for (; i < s.length; i++) if ((s.charCodeAt(i) - ZERO) >>> 0 > 9) break;
      if (i === fracStart) return false;
    }
    if (s.charCodeAt(i) !== QUOTE || i - start > MAX_DECIMAL_CHARS) return false;
    this.from = start;
    this.to = i;
    this.i = i + 1;
    return true;
  }

  /** [] or [["price","size"],…], at most MAX_RECORD_LEVELS pairs. */
  private levels(): NormalizedLevel[] | null {
    const s = this.s;
    if (s.charCodeAt(this.i) !== 0x5b) return null;
    this.i++;
    const build = this.build;
    const levels: NormalizedLevel[] = build ? [] : NO_LEVELS;
    if (s.charCodeAt(this.i) === 0x5d) {
      this.i++;
      return levels;
    }
    for (let count = 1; ; count++) {
      if (s.charCodeAt(this.i) !== 0x5b) return null;
      this.i++;
      if (!this.decimal() || s.charCodeAt(this.i) !== COMMA) return null;
      const priceFrom = this.from;
      const priceTo = this.to;
      this.i++;
      if (!this.decimal() || s.charCodeAt(this.i) !== 0x5d) return null;
      this.i++;
      if (count > MAX_RECORD_LEVELS) return null;
      if (build) levels.push([s.slice(priceFrom, priceTo), s.slice(this.from, this.to)]);
      const c = s.charCodeAt(this.i++);
      if (c === 0x5d) return levels;
      if (c !== COMMA) return null;
    }
  }
}
