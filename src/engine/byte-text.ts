// ByteText: text appended as UTF-8 into one growing byte buffer, a few kilobytes at a time — a batch of --series lines without one string that holds every line (a rope of them all cost more in garbage collection than making them).

/** Pieces are joined into a string of about this many characters, then encoded at once (a Buffer write per line cost more than the line). */
const PENDING_CHARS = 1 << 14;

export class ByteText {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private pending = '';

  add(text: string): void {
    this.pending += text;
    if (this.pending.length >= PENDING_CHARS) this.flush();
  }

  /** Appends an integer's decimal digits (String(n)'s text). */
  int(n: number): void {
    this.add(`${n}`);
  }

  /** The bytes added so far (a view of the buffer: read it before adding more). */
  bytes(): Uint8Array {
    this.flush();
    return this.buffer.subarray(0, this.used);
  }

  private flush(): void {
    const text = this.pending;
    if (text.length === 0) return;
    this.pending = '';
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    const room = text.length * 3;
    if (this.used + room > this.buffer.length) {
      let size = this.buffer.length * 2;
      while (size < this.used + room) size *= 2;
      const bigger = Buffer.allocUnsafe(size);
      this.buffer.copy(bigger, 0, 0, this.used);
      this.buffer = bigger;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }
}
