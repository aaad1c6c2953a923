// FrameEnvelopeScanner: the canonical frame record line `{"t":<digits>,"frame":"<JSON string>"}` read from its UTF-8 bytes in one pass — the receive time and the unescaped frame text — without making a string of the line or calling JSON.parse.
//
// Why: a replay spends most of its file-reading time on the record envelope (the line decoded to a string, then the
// frame's string literal sliced out and JSON.parse'd to unescape it, in both passes of replay-source.ts). Reading the
// bytes once, unescaping as they are copied, leaves one string to make: the frame's.
// Contract: scan() returns true only for a line on which decodeReplayRecord's canonical path gives {t, frame} and
// then `t` and `frame` hold exactly what it gives (test/feeds/replay/frame-envelope-scanner.test.ts checks it
// against JSON.parse on generated lines). Anything else — a \u escape, a raw control character, any other key,
// order or spacing, a "\r", more than 15 digits — returns false, and the caller decodes the line as text (the
// exact errors stay there). UTF-8: escapes are ASCII, so removing a backslash never joins or splits a multi-byte
// sequence and decoding the unescaped bytes gives what decoding the line then unescaping gives (invalid
// sequences included: both turn them into U+FFFD).
const PREFIX = [0x7b, 0x22, 0x74, 0x22, 0x3a]; // {"t":
const FRAME_KEY = [0x2c, 0x22, 0x66, 0x72, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22]; // ,"frame":"
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Most digits of `t` read here: 15 digits stay below 2^53 (exact) and cover every valid t (MAX_RECORD_T has 15). */
const MAX_T_DIGITS = 15;
/** JSON's one-character escapes (after "\"), by byte: what they stand for; 0 for none (\u and invalid ones). */
const ESCAPES = (() => {
  const table = new Uint8Array(128);
  table[0x22] = 0x22; // \"
  table[0x5c] = 0x5c; // \\
  table[0x2f] = 0x2f; // \/
  table[0x62] = 0x08; // \b
  table[0x66] = 0x0c; // \f
  table[0x6e] = 0x0a; // \n
  table[0x72] = 0x0d; // \r
  table[0x74] = 0x09; // \t
  return table;
})();

export class FrameEnvelopeScanner {
  /** The record last scanned: receive time (ms) and frame text ('' when scanned with text false). */
  t = 0;
  frame = '';
  private out = Buffer.allocUnsafe(64 * 1024);

  /**
   * Reads bytes[start, end) as a canonical frame record; false when the line is anything else.
   * @param text false: check the line and read `t` only (a validating scan), leaving `frame` ''.
   */
  scan(bytes: Buffer, start: number, end: number, text: boolean): boolean {
    let i = start;
    if (end - start < PREFIX.length + FRAME_KEY.length + 3) return false;
    for (let k = 0; k < PREFIX.length; k++) if (bytes[i + k] !== PREFIX[k]) return false;
    i += PREFIX.length;
    // t: 0 or [1-9][0-9]{0,14}
    let t = 0;
    const digitsStart = i;
    for (; i < end; i++) {
      const d = bytes[i]! - 0x30;
      if (d < 0 || d > 9) break;
      t = t * 10 + d;
    }
    const digits = i - digitsStart;
    if (digits === 0 || digits > MAX_T_DIGITS || (digits > 1 && bytes[digitsStart] === 0x30)) return false;
    if (end - i < FRAME_KEY.length + 2) return false;
    for (let k = 0; k < FRAME_KEY.length; k++) if (bytes[i + k] !== FRAME_KEY[k]) return false;
    i += FRAME_KEY.length;
    // The literal must close at end - 2, followed by "}" at end - 1.
    if (bytes[end - 1] !== 0x7d || bytes[end - 2] !== QUOTE) return false;
    const last = end - 2;
    if (!text) {
      if (!literalIsPlain(bytes, i, last)) return false;
      this.t = t;
      this.frame = '';
      return true;
    }
    if (this.out.length < last - i) this.out = Buffer.allocUnsafe(Math.max(last - i, this.out.length * 2));
    const n = unescapeLiteral(bytes, i, last, this.out);
    if (n < 0) return false;
    this.t = t;
    this.frame = n >= ASCII_FLAG ? this.out.toString('latin1', 0, n - ASCII_FLAG) : this.out.toString('utf8', 0, n);
    return true;
  }
}

/** Added to unescapeLiteral's length when every byte was ASCII (then latin1 decoding is exact and cheaper). */
const ASCII_FLAG = 2 ** 30;

/** By byte: 0 for a byte a JSON string holds as it is, 1 for the backslash, 2 for what it cannot hold raw (the quote, control characters). */
const BYTE_CLASS = (() => {
  const table = new Uint8Array(256);
  table.fill(2, 0, 0x20);
  table[QUOTE] = 2;
  table[BACKSLASH] = 1;
  return table;
})();

/**
 * Whether bytes[i, last) is the body of a JSON string this scanner reads: no raw quote or control character, only
 * one-character escapes. One table load a byte (BYTE_CLASS) instead of two comparisons: most bytes are plain.
 */
function literalIsPlain(bytes: Buffer, i: number, last: number): boolean {
  while (i < last) {
    const kind = BYTE_CLASS[bytes[i]!]!;
    if (kind === 0) {
      i++;
      continue;
    }
    // A raw quote before `last` ends the string early; a raw control character is not JSON. \u (or an invalid escape):
    // left to JSON.parse. A backslash at last - 1 would escape the closing quote: not this layout.
    if (kind === 2 || i + 1 >= last) return false;
    const e = bytes[i + 1]!;
    if (e >= 128 || ESCAPES[e] === 0) return false;
    i += 2;
  }
  return true;
}

/** The unescaped bytes of bytes[i, last) written to out (long enough); their count (+ ASCII_FLAG when all ASCII), or -1 as literalIsPlain refuses. */
function unescapeLiteral(bytes: Buffer, i: number, last: number, out: Buffer): number {
  let n = 0;
  let high = 0;
  while (i < last) {
    const b = bytes[i]!;
    if (b > QUOTE && b !== BACKSLASH) {
      out[n++] = b;
      high |= b;
      i++;
    } else if (b === BACKSLASH) {
      const e = bytes[i + 1]!;
      const unescaped = e < 128 ? ESCAPES[e]! : 0;
      if (unescaped === 0 || i + 1 >= last) return -1;
      out[n++] = unescaped;
      i += 2;
    } else if (b === QUOTE || b < 0x20) {
      return -1;
    } else {
      out[n++] = b;
      i++;
    }
  }
  return high < 0x80 ? n + ASCII_FLAG : n;
}
