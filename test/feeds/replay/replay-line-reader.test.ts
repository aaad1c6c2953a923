// Covers ReplayLineReader: lines split on "\n" bytes across chunk boundaries (multi-byte UTF-8 intact), a BOM skipped, the last line without "\n" flagged, offsets, the per-line cap, an end offset, and each line's latin1 text at its place in a window string.
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readerInput, readLines, referenceLines } from '../../../bench/replay-fuzz.js';
import { CHUNK_BYTES, MAX_LINE_BYTES, ReplayLineReader, TEXT_WINDOW_BYTES, type ReplayLineReaderOptions } from '../../../src/feeds/replay/replay-line-reader.js';
import { thrown } from '../../helpers/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'replay-line-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

interface Line {
  readonly text: string;
  readonly lineNo: number;
  readonly terminated: boolean;
  readonly offset: number;
}

/** Every line of `content` read with `options`. */
function readAll(content: string | Buffer, options: ReplayLineReaderOptions = {}): Line[] {
  const path = join(dir, `f${files++}.jsonl`);
  writeFileSync(path, content);
  const fd = openSync(path, 'r');
  try {
    const reader = new ReplayLineReader(fd, path, options);
    const lines: Line[] = [];
    for (let text = reader.next(); text !== null; text = reader.next()) lines.push({ text, lineNo: reader.lineNo, terminated: reader.terminated, offset: reader.offset });
    expect(reader.next()).toBeNull();
    return lines;
  } finally {
    closeSync(fd);
  }
}

const texts = (lines: readonly Line[]): string[] => lines.map((l) => l.text);

describe('ReplayLineReader', () => {
  it('reads 1 MiB at a time and caps a line at 64 MiB', () => {
    expect([CHUNK_BYTES, MAX_LINE_BYTES]).toEqual([1_048_576, 67_108_864]);
  });

  it('returns each line without its newline, with its number, whether a newline ended it, and the byte offset after it', () => {
    expect(readAll('ab\ncd\r\n\nlast')).toEqual([
      { text: 'ab', lineNo: 1, terminated: true, offset: 3 },
      { text: 'cd\r', lineNo: 2, terminated: true, offset: 7 },
      { text: '', lineNo: 3, terminated: true, offset: 8 },
      { text: 'last', lineNo: 4, terminated: false, offset: 12 },
    ]);
    expect(readAll('')).toEqual([]);
    expect(readAll('\n')).toEqual([{ text: '', lineNo: 1, terminated: true, offset: 1 }]);
  });

  it('gives the same lines whatever the chunk size, lines spanning many chunks included', () => {
    const content = 'first line\nsecond, a longer line than the chunk\n\nx\nend';
    const expected = readAll(content);
    for (const chunkBytes of [1, 2, 3, 5, 7, 11, 64]) expect(readAll(content, { chunkBytes })).toEqual(expected);
  });

  it('decodes a multi-byte UTF-8 character cut by a chunk boundary whole', () => {
    // "é" is 2 bytes, "€" 3, "𝄞" 4 (a surrogate pair in JS): every chunk size cuts some of them.
    const content = 'é€𝄞\n{"frame":"prix 12 €, clé 𝄞"}\n€';
    for (const chunkBytes of [1, 2, 3, 4, 5, 6, 7]) expect(texts(readAll(content, { chunkBytes }))).toEqual(['é€𝄞', '{"frame":"prix 12 €, clé 𝄞"}', '€']);
    expect(readAll(content, { chunkBytes: 2 }).map((l) => l.offset)).toEqual([10, 45, 48]);
  });

  it('skips a UTF-8 byte order mark at the start of the file only (its bytes still count in the offsets)', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    for (const chunkBytes of [1, 2, 4, CHUNK_BYTES]) {
      expect(readAll(Buffer.concat([bom, Buffer.from('{"a":1}\n\ufeffb\n')]), { chunkBytes })).toEqual([
        { text: '{"a":1}', lineNo: 1, terminated: true, offset: 11 },
        { text: '\ufeffb', lineNo: 2, terminated: true, offset: 16 },
      ]);
      expect(readAll(bom, { chunkBytes })).toEqual([]);
      expect(readAll(Buffer.concat([bom, Buffer.from('\n')]), { chunkBytes })).toEqual([{ text: '', lineNo: 1, terminated: true, offset: 4 }]);
    }
  });

  it('refuses a line longer than the cap with E_REPLAY_FORMAT naming the file and line, before reading it all', () => {
    const path = join(dir, 'long.jsonl');
    writeFileSync(path, `ok\n${'x'.repeat(100)}\n`);
    const fd = openSync(path, 'r');
    try {
      const reader = new ReplayLineReader(fd, path, { chunkBytes: 8, maxLineBytes: 99 });
      expect(reader.next()).toBe('ok');
      expect(thrown(() => reader.next())).toEqual({
        name: 'ShadowExecError',
        code: 'E_REPLAY_FORMAT',
        message: `replay file '${path}' line 2: longer than 99 bytes without a newline (no venue frame is that long: a corrupted file, or not a replay)`,
      });
    } finally {
      closeSync(fd);
    }
    expect(texts(readAll(`ok\n${'x'.repeat(99)}`, { chunkBytes: 8, maxLineBytes: 99 }))).toEqual(['ok', 'x'.repeat(99)]);
  });

  it('property: any bytes (broken UTF-8, BOMs, CR), any chunk size and cap give the lines of TextDecoder over the whole buffer split on "\\n"', () => {
    fc.assert(
      fc.property(readerInput, (input) => {
        expect(readLines(input)).toEqual(referenceLines(input));
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('stops at the end offset: a line ending there is the last one, bytes after it are not read', () => {
    expect(readAll('a\nbc\nde', { endOffset: 5, chunkBytes: 2 })).toEqual([
      { text: 'a', lineNo: 1, terminated: true, offset: 2 },
      { text: 'bc', lineNo: 2, terminated: true, offset: 5 },
    ]);
  });

  it('latin1Window gives each line at lineStart - textBase of a string of the bytes from a line on, reused inside a window, whatever the chunk size', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 30 }), fc.constantFrom(3, 16, 64, 1 << 20), fc.boolean(), (parts, chunkBytes, long) => {
        const lines = parts.map((p) => Buffer.from(p.map((b) => (b === 10 ? 32 : b))));
        if (long) lines.push(Buffer.alloc(TEXT_WINDOW_BYTES + 5, 0x41), Buffer.from('after'));
        const content = Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));
        const path = join(dir, `w${files++}.jsonl`);
        writeFileSync(path, content);
        const fd = openSync(path, 'r');
        try {
          const reader = new ReplayLineReader(fd, path, { chunkBytes });
          const seen: string[] = [];
          const made = new Set<string>();
          while (reader.nextBytes()) {
            const text = reader.latin1Window();
            made.add(text);
            seen.push(text.slice(reader.lineStart - reader.textBase, reader.lineEnd - reader.textBase));
          }
          // Lines without a BOM at the start: the first bytes are read as they are.
          if (!(content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf)) expect(seen).toEqual(lines.map((l) => l.toString('latin1')));
          // One string per window, not per line, when lines share a chunk.
          if (chunkBytes === 1 << 20 && !long) expect(made.size).toBeLessThanOrEqual(1);
        } finally {
          closeSync(fd);
        }
      }),
      { numRuns: 200 },
    );
  });
});
