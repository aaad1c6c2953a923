// Covers FrameEnvelopeScanner: on any line it accepts, t and frame equal what JSON.parse of the line's text gives; the lines it leaves to the text decoder (escapes it does not read, other shapes) are refused, never misread.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameEnvelopeScanner } from '../../../src/feeds/replay/frame-envelope-scanner.js';
import { ReplayDecoder } from '../../../src/feeds/replay/replay-decoder.js';

/** What JSON.parse says of the line (decoded as the text path decodes it): a canonical {t, frame} record, or null. */
function oracle(bytes: Buffer): { t: number; frame: string } | null {
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const keys = Object.keys(value);
  const record = value as { t?: unknown; frame?: unknown };
  if (keys.length !== 2 || keys[0] !== 't' || keys[1] !== 'frame' || typeof record.frame !== 'string' || !Number.isSafeInteger(record.t)) return null;
  return { t: record.t as number, frame: record.frame };
}

function scan(bytes: Buffer, text = true): { t: number; frame: string } | null {
  const scanner = new FrameEnvelopeScanner();
  // Inside a larger buffer, as the line reader hands lines over.
  const padded = Buffer.concat([Buffer.from('xx\n'), bytes, Buffer.from('\nyy')]);
  return scanner.scan(padded, 3, 3 + bytes.length, text) ? { t: scanner.t, frame: scanner.frame } : null;
}

const line = (t: number, frame: string): Buffer => Buffer.from(JSON.stringify({ t, frame }), 'utf8');

describe('FrameEnvelopeScanner', () => {
  it('reads t and the unescaped frame of canonical lines exactly as JSON.parse does (any text, quotes, backslashes, multi-byte UTF-8)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.string({ unit: 'binary', maxLength: 60 }), (t, frame) => {
        const bytes = line(t, frame);
        const got = scan(bytes);
        // A frame needing \u escapes (control characters, lone surrogates) is left to the text decoder.
        if (got === null) expect(/[\u0000-\u0007\u000b\u000e-\u001f\ud800-\udfff]/.test(frame) || JSON.stringify(frame).includes('\\u')).toBe(true);
        else expect(got).toEqual(oracle(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('never accepts a line JSON.parse reads differently: mutated canonical lines and arbitrary bytes', () => {
    const mutated = fc
      .tuple(fc.integer({ min: 0, max: 1e15 }), fc.string({ maxLength: 30 }), fc.nat(), fc.integer({ min: 0, max: 255 }))
      .map(([t, frame, at, byte]) => {
        const bytes = line(t, frame);
        bytes[at % bytes.length] = byte;
        return bytes;
      });
    const arbitrary = fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.concat([Buffer.from('{"t":1,"frame":"'), Buffer.from(a), Buffer.from('"}')]));
    fc.assert(
      fc.property(fc.oneof(mutated, arbitrary), (bytes) => {
        const got = scan(bytes);
        if (got !== null) expect(got).toEqual(oracle(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('with text false checks the same lines and reads t, leaving frame empty', () => {
    expect(scan(line(17, 'a"b'), false)).toEqual({ t: 17, frame: '' });
    expect(scan(Buffer.from('{"t":17,"frame":"a\nb"}'), false)).toBeNull();
  });

  it('with text false accepts exactly the lines it reads with text true (the check table against the unescaping copy), on hostile bytes', () => {
    // Bytes around the escapes and classes the check tells apart: quotes, backslashes, every escape letter, controls, high bytes.
    const piece = fc.constantFrom('\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u0041', '\\x', '\\', '"', '\u0001', '\u001f', ' ', '!', '#', '[', ']', '~', '\u007f', 'é', '𝄞', 'a');
    const literal = fc.array(fc.oneof(piece, fc.uint8Array({ maxLength: 3 }).map((a) => Buffer.from(a).toString('latin1'))), { maxLength: 12 });
    fc.assert(
      fc.property(literal, (parts) => {
        const bytes = Buffer.concat([Buffer.from('{"t":3,"frame":"'), ...parts.map((p) => Buffer.from(p, /[^\u0000-\u00ff]/.test(p) ? 'utf8' : 'latin1')), Buffer.from('"}')]);
        const read = scan(bytes, true);
        const checked = scan(bytes, false);
        expect(checked === null ? null : checked.t).toEqual(read === null ? null : read.t);
        if (read !== null) expect(read).toEqual(oracle(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses what it leaves to the text decoder: \\u escapes, a "\\r", spaces, other keys, 16 digits, a leading zero, an escaped closing quote', () => {
    for (const text of ['{"t":1,"frame":"\\u0041"}', '{"t":1,"frame":"a"}\r', '{"t":1, "frame":"a"}', '{"t":1,"frame":"a" }', '{"t":1,"rest":"a","body":"b"}', '{"t":1234567890123456,"frame":"a"}', '{"t":01,"frame":"a"}', '{"t":1,"frame":"a\\"}', '{"t":1,"frame":"a"b"}']) {
      expect(scan(Buffer.from(text)), text).toBeNull();
    }
  });
});

describe('ReplayDecoder.nextBytes', () => {
  it('gives the records next() gives for the same lines, frames read from bytes or not', () => {
    const lines = ['{"format":"shadow-exec-replay","version":1,"venue":"binance","market":"spot"}', '{"t":5,"frame":"{\\"a\\":\\"é\\"}"}', '{"t":6,"frame":"\\u0041"}', '{"t":6,"rest":"GET /x","body":"{}"}', ''];
    const byText = new ReplayDecoder('f');
    const byBytes = new ReplayDecoder('f');
    for (const text of lines) {
      const bytes = Buffer.from(`#${text}#`);
      expect(byBytes.nextBytes(bytes, 1, bytes.length - 1)).toEqual(byText.next(text));
    }
  });

  it('throws the errors next() throws: t after MAX_RECORD_T, t going back', () => {
    const decoder = new ReplayDecoder('f');
    decoder.next('{"format":"shadow-exec-replay","version":1,"venue":"binance","market":"spot"}');
    const bytes = (text: string): [Buffer, number, number] => [Buffer.from(text), 0, Buffer.byteLength(text)];
    decoder.nextBytes(...bytes('{"t":10,"frame":"a"}'));
    expect(() => decoder.nextBytes(...bytes('{"t":9,"frame":"a"}'))).toThrow(/line 3: "t" 9 is before the previous record's 10/);
    expect(() => new ReplayDecoder('f').nextBytes(...bytes('{"t":9,"frame":"a"}'))).toThrow(/line 1/);
    const late = new ReplayDecoder('f');
    late.next('{"format":"shadow-exec-replay","version":1,"venue":"binance","market":"spot"}');
    expect(() => late.nextBytes(...bytes('{"t":999999999999999,"frame":"a"}'))).toThrow(/line 2: "t" 999999999999999 is after 253402300799999/);
  });
});
