// CompactJsonScanner: reads venue frames in place, field by field, for the stream parsers' fast paths; any surprise fails and the caller falls back to JSON.parse.
//
// Contract: the fast paths accept only the compact form venues send (no whitespace, no escapes, keys in
// the venue's order), so whatever they accept, JSON.parse would have read to the same values. Every
// method returns false / NaN without guarantees about the cursor once it fails: the caller gives the
// whole frame up to its JSON.parse path, which then decides (and classifies) exactly as before.
import type { BookLevel } from '../model/market-data-event.js';
import type { SymbolGrid } from './symbol-grid.js';

const CH_QUOTE = 34;
const CH_BACKSLASH = 92;
const CH_COMMA = 44;
const CH_OPEN_BRACKET = 91;
const CH_CLOSE_BRACKET = 93;
const CH_0 = 48;
/** 16 digits hold every safe integer; longer integers are refused before they could lose precision. */
const MAX_INT_DIGITS = 16;

export class CompactJsonScanner {
  private text = '';
  /** Cursor: index of the next unread character. */
  pos = 0;
  /** Content bounds [strStart, strEnd) of the last string value read (quotes excluded). */
  strStart = 0;
  strEnd = 0;

  /** Starts reading `text` from its first character. */
  reset(text: string): void {
    this.text = text;
    this.pos = 0;
  }

  /** True once every character has been read. */
  get atEnd(): boolean {
    return this.pos === this.text.length;
  }

  /** Matches `literal` at the cursor (keys with their quotes, braces, commas) and moves past it. */
  lit(literal: string): boolean {
    if (!this.text.startsWith(literal, this.pos)) return false;
    this.pos += literal.length;
    return true;
  }

  /** A string value without escapes or control characters: its content bounds land in strStart/strEnd. */
  str(): boolean {
    const t = this.text;
    let i = this.pos;
    if (t.charCodeAt(i) !== CH_QUOTE) return false;
    const start = ++i;
    for (const len = t.length; i < len; i++) {
      const c = t.charCodeAt(i);
      if (c === CH_QUOTE) {
        this.strStart = start;
        this.strEnd = i;
        this.pos = i + 1;
        return true;
      }
      // An escape would change the value JSON.parse reads; a raw control character is not JSON at all.
      if (c === CH_BACKSLASH || c < 0x20) return false;
    }
    return false;
  }

  /** A JSON number that is a non-negative safe integer written without sign, fraction or exponent; NaN otherwise. */
  int(): number {
    const t = this.text;
    const start = this.pos;
    let i = start;
    let n = 0;
    for (const stop = Math.min(t.length, start + MAX_INT_DIGITS + 1); i < stop; i++) {
      const d = t.charCodeAt(i) - CH_0;
      if (d >>> 0 > 9) break;
      n = n * 10 + d;
    }
    const digits = i - start;
    // JSON has no leading zeros; 17 digits or more (or a value past 2^53) are left to JSON.parse.
    if (digits === 0 || digits > MAX_INT_DIGITS || (digits > 1 && t.charCodeAt(start) === CH_0) || n > Number.MAX_SAFE_INTEGER) return NaN;
    this.pos = i;
    return n;
  }

  /** int() when the value itself is not used (a venue time the event does not carry). */
  skipInt(): boolean {
    const n = this.int();
    return n === n;
  }

  /**
   * An array of [price, qty] string pairs on `grid` (`[]` allowed), as BookLevels; null when the shape
   * differs (a third element, a number, an escape), a decimal is off the grid or negative (the caller then reads
   * the frame the slow way, where a price off the tick grid is kept at its exact price).
   */
  levels(grid: SymbolGrid): BookLevel[] | null {
    const t = this.text;
    if (t.charCodeAt(this.pos) !== CH_OPEN_BRACKET) return null;
    this.pos++;
    const levels: BookLevel[] = [];
    if (t.charCodeAt(this.pos) === CH_CLOSE_BRACKET) {
      this.pos++;
      return levels;
    }
    // Each decimal runs to the next quote: the unit conversion refuses anything but digits and one dot,
    // so an escape or a control character inside (which would change JSON.parse's value) fails it.
    let i = this.pos;
    for (;;) {
      if (t.charCodeAt(i) !== CH_OPEN_BRACKET || t.charCodeAt(i + 1) !== CH_QUOTE) return null;
      const priceEnd = t.indexOf('"', i + 2);
      if (priceEnd < 0) return null;
      const price = grid.priceUnitsAt(t, i + 2, priceEnd);
      if (t.charCodeAt(priceEnd + 1) !== CH_COMMA || t.charCodeAt(priceEnd + 2) !== CH_QUOTE) return null;
      const qtyEnd = t.indexOf('"', priceEnd + 3);
      if (qtyEnd < 0) return null;
      const qty = grid.qtyUnitsAt(t, priceEnd + 3, qtyEnd);
      i = qtyEnd + 1;
      if (t.charCodeAt(i) !== CH_CLOSE_BRACKET || !(price >= 0) || !(qty >= 0)) return null;
      levels.push([price, qty]);
      const next = t.charCodeAt(i + 1);
      i += 2;
      if (next === CH_CLOSE_BRACKET) {
        this.pos = i;
        return levels;
      }
      if (next !== CH_COMMA) return null;
    }
  }
}
