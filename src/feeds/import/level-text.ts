// LevelText: ASCII JSON text built in a byte buffer from the CSV's own bytes — a book side's levels ["price","size"],… and the record line around them — taken as one flat string per record.
//
// Only ASCII is written into it (plain decimals, digits, checked symbols, JSON punctuation), so the bytes are read
// back as latin1, the cheapest decode, and the string needs no JSON escaping and no flattening when written. The buffer grows by doubling and is reused from record to record.

/** buf[0, length) as latin1 text: Buffer's own latin1Slice, without toString's encoding lookup (per record, it shows). */
function latin1Text(buf: Buffer, length: number): string {
  return (buf as unknown as { latin1Slice(start: number, end: number): string }).latin1Slice(0, length);
}

export class LevelText {
  /** Levels written since the last take(). */
  count = 0;
  private buf = Buffer.allocUnsafe(1 << 10);
  private length = 0;

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

  /** Bytes from[start, end) as they are (a plain decimal); a loop, cheaper than a native copy for these few bytes. */
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

  /** What another LevelText holds (its levels), which is then reset. */
  drain(from: LevelText): void {
    this.copy(from.buf, 0, from.length);
    from.length = 0;
    from.count = 0;
  }

  /** ASCII bytes (a constant part of a line, encoded once). */
  bytes(from: Uint8Array): void {
    this.copy(from, 0, from.length);
  }

  /** The text written since the last take(), and a fresh start. */
  take(): string {
    const text = this.length === 0 ? '' : latin1Text(this.buf, this.length);
    this.length = 0;
    this.count = 0;
    return text;
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(grown, 0, 0, this.length);
    this.buf = grown;
  }
}
