// LevelText: ASCII JSON text built in a byte buffer from the CSV's own bytes — a book side's levels ["price","size"],… and the record line around them — kept as byte ranges of slabs (record lines) or reused (scratch).
//
// Only ASCII is written into it (plain decimals, digits, checked symbols, JSON punctuation), so the bytes need no
// JSON escaping and read back as latin1 are the record's text.
// Two modes. Scratch (a side's levels gathered until the record is complete): one buffer, grown by doubling and
// reused from record to record (drain). Slab (a record line): nothing is reused — each record's bytes stay where
// they were written, read by its ImportedLine from slabBuf/textStart/textEnd before seal(); a full slab is left to
// the lines that point into it and a fresh one started (the text being written moved to it). No string per record,
// and a run of records written in slab order goes to the file straight from the slab (replay-line-writer.ts).
//
// Why words: a JavaScript loop moving single bytes costs ~2-4 ns a byte here, a native copy ~40-150 ns a call
// (its argument checks and views), so the constant parts of a line, the times and the asks are moved 4 bytes at a
// time through DataViews (words), whole words only when the source has 3 bytes to spare after them (the
// destination always has: room(n + 3)); bytes beyond the field that a word write puts in the destination are
// overwritten by what follows it. A level's price and amount (a few bytes each) go by single bytes (level): measured
// in place (bench file, same process, alternated), bytes there and words elsewhere beat words or bytes everywhere.

import { viewOf } from './byte-words.js';

/** Bytes per slab (slab mode): ~4,000 book update lines of the bench's size. */
export const SLAB_BYTES = 1 << 20;

/** Constant ASCII bytes copied by words: the bytes and a view over them, padded so a whole-word read never leaves the buffer. */
export interface WordBytes {
  readonly view: DataView;
  readonly length: number;
}

export function wordBytes(text: string): WordBytes {
  const bytes = Buffer.from(text, 'latin1');
  const padded = new Uint8Array(bytes.length + 4);
  padded.set(bytes);
  return { view: new DataView(padded.buffer), length: bytes.length };
}

export class LevelText {
  /** Levels written since the last drain/seal. */
  count = 0;
  private buf: Buffer;
  private view: DataView;
  private length = 0;
  /** Slab mode: where the text being written starts in `buf` (0 otherwise). */
  private begin = 0;

  /** `slab`: the record-line mode (slabBuf/textStart/textEnd, seal), else a scratch text reused by drain(). */
  constructor(private readonly slab = false) {
    this.buf = Buffer.allocUnsafe(slab ? SLAB_BYTES : 1 << 10);
    this.view = viewOf(this.buf);
  }

  /** Starts a level: `,` before all but the first, then `["`. */
  open(): void {
    this.room(3);
    const buf = this.buf;
    if (this.count > 0) buf[this.length++] = 0x2c;
    buf[this.length++] = 0x5b;
    buf[this.length++] = 0x22;
    this.count++;
  }

  /** Between price and size: `","`. */
  separate(): void {
    this.room(3);
    const buf = this.buf;
    buf[this.length++] = 0x22;
    buf[this.length++] = 0x2c;
    buf[this.length++] = 0x22;
  }

  /** Ends a level: `"]`. */
  close(): void {
    this.room(2);
    this.buf[this.length++] = 0x22;
    this.buf[this.length++] = 0x5d;
  }

  /**
   * A whole level `["price","amount"]` (`,` before all but the first) from a row's bytes: price at from[ps, pe) and
   * amount at from[as, ae) (plain decimals, checked by the caller). By single bytes: these fields are short.
   */
  level(from: Uint8Array, ps: number, pe: number, as: number, ae: number): void {
    this.room(pe - ps + ae - as + 8);
    const buf = this.buf;
    let at = this.length;
    if (this.count > 0) buf[at++] = 0x2c;
    buf[at++] = 0x5b;
    buf[at++] = 0x22;
    for (let i = ps; i < pe; i++) buf[at++] = from[i]!;
    buf[at++] = 0x22;
    buf[at++] = 0x2c;
    buf[at++] = 0x22;
    for (let i = as; i < ae; i++) buf[at++] = from[i]!;
    buf[at++] = 0x22;
    buf[at++] = 0x5d;
    this.length = at;
    this.count++;
  }

  /** n bytes of the buffer `from` views, from `start`, as they are (a field of a row, a constant). */
  words(from: DataView, start: number, n: number): void {
    this.room(n + 3);
    this.length = this.move(from, start, n, this.length);
  }

  /** Constant bytes (a part of a line). */
  constant(c: WordBytes): void {
    this.words(c.view, 0, c.length);
  }

  /** Bytes from[start, end) as they are (a plain decimal) by single bytes: the slow path. */
  copy(from: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.room(n);
    const buf = this.buf;
    let at = this.length;
    for (let i = start; i < end; i++) buf[at++] = from[i]!;
    this.length = at;
  }

  /** An ASCII string (a plain decimal plainDecimal rebuilt). */
  ascii(text: string): void {
    this.room(text.length);
    this.length += this.buf.write(text, this.length, 'latin1');
  }

  /** One ASCII byte. */
  byte(c: number): void {
    this.room(1);
    this.buf[this.length++] = c;
  }

  /** A non-negative safe integer in decimal digits (JSON's form of it): split in 8-digit halves, each written with int32 arithmetic. */
  integer(n: number): void {
    this.room(16);
    if (n < 1e8) {
      this.int32(n, 0);
      return;
    }
    const high = Math.floor(n / 1e8);
    this.int32(high, 0);
    this.int32(n - high * 1e8, 8);
  }

  /** What another (scratch) LevelText holds (its levels), which is then reset. */
  drain(from: LevelText): void {
    this.words(from.view, 0, from.length);
    from.length = 0;
    from.count = 0;
  }

  /** ASCII bytes (a constant part of a line, encoded once) by single bytes. */
  bytes(from: Uint8Array): void {
    this.copy(from, 0, from.length);
  }

  /** Slab mode: the slab holding the text being written, and where the text starts and ends in it. */
  get slabBuf(): Buffer {
    return this.buf;
  }

  get textStart(): number {
    return this.begin;
  }

  get textEnd(): number {
    return this.length;
  }

  /** Slab mode: ends the text being written (its range read from slabBuf/textStart/textEnd first); it is never written over. */
  seal(): void {
    this.begin = this.length;
    this.count = 0;
  }

  /** Copies n bytes of `from` at `start` to `at`: by words while the source has 3 bytes to spare, else by bytes; the end. */
  private move(from: DataView, start: number, n: number, at: number): number {
    const to = this.view;
    if (start + n + 3 <= from.byteLength) {
      for (let i = 0; i < n; i += 4) to.setInt32(at + i, from.getInt32(start + i, true), true);
    } else {
      for (let i = 0; i < n; i++) to.setUint8(at + i, from.getUint8(start + i));
    }
    return at + n;
  }

  /** Writes 0 <= n < 10^8 in digits, zero-padded to `width` (0: no padding). */
  private int32(n: number, width: number): void {
    let digits = 1;
    for (let m = n; m >= 10; m = (m / 10) | 0) digits++;
    if (digits < width) digits = width;
    const buf = this.buf;
    let at = this.length + digits;
    this.length = at;
    for (let i = 0; i < digits; i++) {
      const q = (n / 10) | 0;
      buf[--at] = 0x30 + n - q * 10;
      n = q;
    }
  }

  /** Room for n more bytes (and 3 to spare for a whole-word write) after `length`. */
  private room(n: number): void {
    if (this.length + n + 3 <= this.buf.length) return;
    if (this.slab) {
      // A fresh slab, the text being written moved to its start; the old one stays with the lines taken from it.
      const used = this.length - this.begin;
      const fresh = Buffer.allocUnsafe(Math.max(SLAB_BYTES, 2 * (used + n + 3)));
      this.buf.copy(fresh, 0, this.begin, this.length);
      this.buf = fresh;
      this.begin = 0;
      this.length = used;
    } else {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n + 3));
      this.buf.copy(grown, 0, 0, this.length);
      this.buf = grown;
    }
    this.view = viewOf(this.buf);
  }
}
