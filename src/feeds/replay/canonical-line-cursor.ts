// CanonicalLineCursor: reads one canonical JSON line's bytes left to right in place — fixed literals, JSON integers, symbols, plain strings, quoted plain decimals (kept as mantissa and fraction digits), packed book levels — each answering whether the bytes are exactly what the canonical encoder writes.
//
// The primitives of NormalizedLineScanner (normalized-line-scanner.ts), which says why a byte scan and what its contract is.
import { MAX_RECORD_LEVELS } from './normalized-record.js';
import { MAX_PACKED_DIGITS } from './scanned-book-record.js';

const MAX_SYMBOL_CHARS = 64;
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

/** The bytes of an ASCII literal. */
export const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
const L_NULL = bytesOf('null');
const NO_BYTES = Buffer.alloc(0);
/** The levels check mode returns (no array is made). */
export const NO_LEVELS: number[] = [];

export class CanonicalLineCursor {
  protected b: Buffer = NO_BYTES;
  protected i = 0;
  /** End of the line (exclusive). */
  protected end = 0;
  /** The decimal last read by decimal(): its bytes [from, to), its digits as an integer and its fraction digits. */
  protected from = 0;
  protected to = 0;
  protected mantissa = 0;
  protected fraction = 0;
  /** False: check only (a validating scan), make no strings or arrays. */
  protected build = true;
  /** The symbol string last made, reused while lines repeat it (no new string per line). */
  protected lastSymbol = '';

  /** Starts reading bytes[start, end). */
  protected begin(bytes: Buffer, start: number, end: number): void {
    this.b = bytes;
    this.i = start;
    this.end = end;
  }

  /** Whether the bytes of `literal` are next (consumed when they are). */
  protected lit(literal: Uint8Array): boolean {
    const b = this.b;
    const at = this.i;
    const n = literal.length;
    if (at + n > this.end) return false;
    for (let k = 0; k < n; k++) if (b[at + k] !== literal[k]) return false;
    this.i = at + n;
    return true;
  }

  /** The closing "}" is the line's last byte. */
  protected atEnd(): boolean {
    return this.i === this.end - 1 && this.b[this.i] === CLOSE_BRACE;
  }

  /** ASCII bytes [from, to) as a string (the scan checked they are ASCII). */
  protected text(from: number, to: number): string {
    return this.b.toString('latin1', from, to);
  }

  /** A non-negative safe integer as JSON writes it (0 or no leading zero; no sign, fraction or exponent); -1 otherwise. */
  protected integer(): number {
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
  protected symbol(): string | null {
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
  protected plainString(max: number): string | null {
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
  protected decimal(): boolean {
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

  /** null, or a decimal() as its string ('' in check mode); undefined when neither is next. */
  protected nullableDecimal(): string | null | undefined {
    if (this.lit(L_NULL)) return null;
    if (!this.decimal()) return undefined;
    return this.build ? this.text(this.from, this.to) : '';
  }

  /** [] or [["price","size"],…], at most MAX_RECORD_LEVELS pairs, packed (scanned-book-record.ts: 4 numbers a level). */
  protected levels(): number[] | null {
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
