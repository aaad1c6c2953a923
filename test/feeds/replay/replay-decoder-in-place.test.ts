// Covers ReplayDecoder.nextInPlace / frameOf and StreamingRecords.nextInPlace: a frame record taken in place gives the same t, frame text, line and errors as nextBytes on any line (canonical, hostile, arbitrary bytes), and a replay read in place delivers the same events as one read through next().
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ReplayDecoder, type InPlaceLine } from '../../../src/feeds/replay/replay-decoder.js';
import { openReplayFile } from '../../../src/feeds/replay/replay-source.js';
import type { FrameInPlace } from '../../../src/feeds/replay/replay-record-source.js';

const HEADER = '{"format":"shadow-exec-replay","version":1,"venue":"binance","market":"spot"}';

type Outcome = { t: number; frame: string } | { error: string } | { other: unknown };

/** Line `bytes` (after the header and a record at t=5) through nextInPlace + frameOf, falling back to nextBytes as the reader does. */
function inPlace(bytes: Buffer): Outcome {
  const decoder = new ReplayDecoder('f');
  decoder.next(HEADER);
  decoder.next('{"t":5,"frame":"x"}');
  const into: InPlaceLine = { t: 0, start: 0, end: 0 };
  // Inside a larger buffer, as the line reader hands lines over: the bounds are indexes into it.
  const padded = Buffer.concat([Buffer.from('{"t":1,"frame":"x"}\n'), bytes, Buffer.from('\n"}"}\n')]);
  const from = 20;
  try {
    if (decoder.nextInPlace(padded, from, from + bytes.length, into)) {
      expect([into.start, into.end]).toEqual([from + bytes.indexOf(',"frame":"') + 10, from + bytes.length - 2]);
      return { t: into.t, frame: decoder.frameOf(padded, from, from + bytes.length) };
    }
    return outcome(decoder.nextBytes(padded, from, from + bytes.length));
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The same line through nextBytes only (the path every record took before). */
function viaBytes(bytes: Buffer): Outcome {
  const decoder = new ReplayDecoder('f');
  decoder.next(HEADER);
  decoder.next('{"t":5,"frame":"x"}');
  try {
    return outcome(decoder.nextBytes(bytes, 0, bytes.length));
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function outcome(item: unknown): Outcome {
  const record = item as { kind?: string; t?: number; frame?: string };
  return record !== null && record.kind === 'frame' ? { t: record.t!, frame: record.frame! } : { other: item };
}

const canonical = fc.tuple(fc.oneof(fc.nat(), fc.constantFrom(0, 4, 5, 253_402_300_799_999, 253_402_300_800_000, 999_999_999_999_999)), fc.string({ unit: 'binary', maxLength: 40 }))
  .map(([t, frame]) => Buffer.from(JSON.stringify({ t, frame })));
const mutated = fc.tuple(canonical, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([bytes, at, byte]) => {
  const copy = Buffer.from(bytes);
  copy[at % copy.length] = byte;
  return copy;
});
const arbitrary = fc.uint8Array({ maxLength: 30 }).map((a) => Buffer.concat([Buffer.from('{"t":7,"frame":"'), Buffer.from(a), Buffer.from('"}')]));

describe('ReplayDecoder.nextInPlace', () => {
  it('gives what nextBytes gives — t, frame text or the same error — on canonical, mutated and arbitrary lines', () => {
    fc.assert(
      fc.property(fc.oneof(canonical, mutated, arbitrary), (bytes) => {
        expect(inPlace(bytes)).toEqual(viaBytes(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes canonical frame lines only: a rest record, CRLF, spacing and extra keys go to nextBytes untouched', () => {
    const into: InPlaceLine = { t: 0, start: 0, end: 0 };
    const decoder = new ReplayDecoder('f');
    decoder.next(HEADER);
    for (const line of ['{"t":1,"rest":"GET /x","body":"{}"}', '{"t":1,"frame":"x"}\r', '{"t": 1,"frame":"x"}', '{"t":01,"frame":"x"}', '{"t":1,"frame":"x","y":1}'.slice(0, 19)]) {
      expect(decoder.nextInPlace(Buffer.from(line), 0, line.length, into)).toBe(false);
    }
    const line = Buffer.from('{"t":9,"frame":"{\\"a\\":1}"}');
    expect(decoder.nextInPlace(line, 0, line.length, into)).toBe(true);
    expect(into).toEqual({ t: 9, start: 16, end: line.length - 2 });
    expect(decoder.frameOf(line, 0, line.length)).toBe('{"a":1}');
  });
});

describe('StreamingRecords.nextInPlace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-in-place-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hands over the records next() gives, frames in place (same t, text and line; the literal at its bounds in the window text), others as records, whatever the chunk size', () => {
    const frames = ['{"u":1}', 'clé € "quoted" \\ back', '\u0001\u2028𝄞', ''];
    const lines = [HEADER, ...frames.map((frame, i) => JSON.stringify({ t: 10 + i, frame })), '{"t":20,"rest":"GET /api/v3/depth?symbol=X","body":"{}"}', '{"t":21,"frame":"\\u0041"}'];
    const path = join(dir, 'r.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    // Lines carried over chunks (7 bytes), several lines a chunk (64), the whole file in one chunk.
    for (const chunkBytes of [7, 64, 65_536]) {
      const source = openReplayFile(path, { chunkBytes });
      const plain = source.records();
      const placed = source.records();
      for (;;) {
        const expected = plain.next();
        const got = placed.nextInPlace!();
        if (expected === null) {
          expect(got).toBeNull();
          break;
        }
        expect(placed.line).toBe(plain.line);
        if (got !== null && got.kind === 'frame-in-place') {
          const frame = got as FrameInPlace;
          expect({ kind: 'frame', t: frame.t, frame: frame.frame() }).toEqual(expected);
          // The text (a latin1 window of the chunk from this line on, or a carried line's) holds the frame's literal at [start, end).
          const line = lines[placed.line - 1]!;
          expect(frame.text.slice(frame.start, frame.end)).toBe(Buffer.from(line.slice(line.indexOf(',"frame":"') + 10, -2), 'utf8').toString('latin1'));
        } else {
          expect(got).toEqual(expected);
        }
      }
    }
  });
});
