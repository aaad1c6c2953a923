// Covers openReplayFile / ReplaySource: a validating scan (header, count, time range) then the records streamed again; unreadable paths, malformed and changed files.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeReplay } from '../../../src/feeds/replay/replay-decoder.js';
import type { ReplayRecord } from '../../../src/feeds/replay/replay-format.js';
import type { ReplayRecordSource } from '../../../src/feeds/replay/replay-record-source.js';
import { openReplayFile } from '../../../src/feeds/replay/replay-source.js';
import { BINANCE_SPOT_HEADER, frame, replayText } from '../../helpers/replay-frames.js';
import { thrown } from '../../helpers/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'replay-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function write(content: string | Buffer): string {
  const path = join(dir, `r${files++}.jsonl`);
  writeFileSync(path, content);
  return path;
}

function drain(source: ReplayRecordSource): { record: ReplayRecord; line: number }[] {
  const out: { record: ReplayRecord; line: number }[] = [];
  for (let record = source.next(); record !== null; record = source.next()) out.push({ record, line: source.line });
  return out;
}

const HEADER_LINE = JSON.stringify(BINANCE_SPOT_HEADER);

describe('openReplayFile', () => {
  it('scans the header, record count and first/last receive time, then streams the records with their lines', () => {
    const path = write(replayText(BINANCE_SPOT_HEADER, [frame(5, '{}'), frame(6, 'x'), frame(9, 'y')]));
    const source = openReplayFile(path);
    expect(source.scan).toEqual({ header: BINANCE_SPOT_HEADER, records: 3, firstRecordMs: 5, lastRecordMs: 9, warnings: [] });
    expect(drain(source.records())).toEqual([
      { record: frame(5, '{}'), line: 2 },
      { record: frame(6, 'x'), line: 3 },
      { record: frame(9, 'y'), line: 4 },
    ]);
    // Each records() call is a fresh pass from the start.
    expect(drain(source.records()).length).toBe(3);
  });

  it('gives the same records for any chunk size, with CRLF lines, a BOM and multi-byte frames', () => {
    const records = [frame(5, '{"s":"clé €"}'), frame(6, '𝄞'.repeat(40))];
    const text = replayText(BINANCE_SPOT_HEADER, records).replaceAll('\n', '\r\n');
    const path = write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    for (const chunkBytes of [1, 3, 7, 64, 1 << 20]) {
      const source = openReplayFile(path, { chunkBytes });
      expect(source.scan.records).toBe(2);
      expect(drain(source.records()).map((r) => r.record)).toEqual(records);
    }
  });

  it('replays a last record that only misses its newline, as before', () => {
    const path = write(`${HEADER_LINE}\n{"t":5,"frame":"{}"}`);
    const source = openReplayFile(path);
    expect(source.scan.warnings).toEqual([]);
    expect(drain(source.records())).toEqual([{ record: frame(5, '{}'), line: 2 }]);
  });

  it('replays the complete lines of a file whose last line was cut, warning with the file and line', () => {
    const path = write(`${HEADER_LINE}\n{"t":5,"frame":"a"}\n{"t":6,"frame":"b"}\n{"t":7,"fra`);
    const source = openReplayFile(path);
    expect(source.scan).toEqual({
      header: BINANCE_SPOT_HEADER,
      records: 2,
      firstRecordMs: 5,
      lastRecordMs: 6,
      warnings: [`replay file '${path}' line 4: cut short (the file ends inside this line, no newline; a recorder stopped mid-write?): its 11 bytes are skipped, the 2 complete records before it are replayed`],
    });
    expect(drain(source.records())).toEqual([
      { record: frame(5, 'a'), line: 2 },
      { record: frame(6, 'b'), line: 3 },
    ]);
    // Cut inside a multi-byte character and inside a line spanning chunks: the same.
    const cutChar = write(Buffer.concat([Buffer.from(`${HEADER_LINE}\n{"t":5,"frame":"a"}\n{"t":6,"frame":"€`), Buffer.from('€').subarray(0, 2)]));
    expect(openReplayFile(cutChar, { chunkBytes: 4 }).scan.warnings).toEqual([`replay file '${cutChar}' line 3: cut short (the file ends inside this line, no newline; a recorder stopped mid-write?): its 21 bytes are skipped, the 1 complete records before it are replayed`]);
  });

  it('warns that a header-only file holds no market data, also when its only record was cut', () => {
    const path = write(`${HEADER_LINE}\n`);
    expect(openReplayFile(path).scan).toEqual({ header: BINANCE_SPOT_HEADER, records: 0, firstRecordMs: null, lastRecordMs: null, warnings: [`replay file '${path}' holds no market data: no record after its header (line 1)`] });
    const cut = write(`${HEADER_LINE}\n{"t":5,`);
    expect(openReplayFile(cut).scan.warnings).toEqual([
      `replay file '${cut}' line 2: cut short (the file ends inside this line, no newline; a recorder stopped mid-write?): its 7 bytes are skipped, the 0 complete records before it are replayed`,
      `replay file '${cut}' holds no market data: no record after its header (line 1)`,
    ]);
  });

  it('still fails on a malformed last line that is whole JSON, and on a cut header', () => {
    expect(thrown(() => openReplayFile(write(`${HEADER_LINE}\n{"t":5,"frame":1}`))).message).toMatch(/line 2: a record is \{"t","frame"\}/);
    expect(thrown(() => openReplayFile(write(HEADER_LINE.slice(0, 20)))).message).toMatch(/line 1: not valid JSON$/);
    // A last line nested a million deep is refused before any JSON.parse, not taken for a cut record.
    expect(thrown(() => openReplayFile(write(`${HEADER_LINE}\n{"t":5,"frame":"a"}\n${'['.repeat(1_000_000)}`))).message).toMatch(/line 3: arrays or objects nested deeper than 32 levels/);
  });

  it('reads a FIFO once, in order, keeping its records (it cannot be read twice), a BOM included', async () => {
    const records = [frame(5, 'a'), frame(6, 'b')];
    const text = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(replayText(BINANCE_SPOT_HEADER, records))]);
    for (const content of [text, text.subarray(3)]) {
      const fifo = join(dir, `fifo${files++}`);
      const source = write(content);
      execFileSync('mkfifo', [fifo]);
      const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', source, fifo], { stdio: 'ignore' });
      const exited = new Promise((resolve) => writer.on('exit', resolve));
      const replay = openReplayFile(fifo, { chunkBytes: 16 });
      await exited;
      expect(replay.scan.records).toBe(2);
      expect(drain(replay.records())).toEqual([
        { record: records[0], line: 2 },
        { record: records[1], line: 3 },
      ]);
      expect(drain(replay.records()).length).toBe(2);
    }
  });

  it('refuses a missing file or a directory as bad usage, naming the path and the reason', () => {
    expect(thrown(() => openReplayFile(join(dir, 'missing.jsonl')))).toEqual({ name: 'UsageError', code: 'E_USAGE', message: `replay file '${join(dir, 'missing.jsonl')}' cannot be read: no such file or directory (ENOENT)` });
    expect(thrown(() => openReplayFile(dir)).message).toBe(`replay file '${dir}' cannot be read: it is a directory (EISDIR)`);
  });

  it('fails the scan on a malformed line, naming the file and the line', () => {
    const path = write(`${HEADER_LINE}\n{"t":5,"frame":"{}"}\n{"t":4,"frame":"{}"}\n`);
    expect(thrown(() => openReplayFile(path))).toEqual({ name: 'ShadowExecError', code: 'E_REPLAY_FORMAT', message: `replay file '${path}' line 3: "t" 4 is before the previous record's 5` });
    expect(thrown(() => openReplayFile(write(''))).message).toMatch(/line 1: empty file: the header line is missing$/);
    expect(thrown(() => openReplayFile(write(`${HEADER_LINE}\n{"t":5,"frame":"{}"}\n\n`))).message).toMatch(/line 3: blank line inside the file$/);
  });

  it('streams only the bytes the scan validated: lines appended since are not read', () => {
    const path = write(replayText(BINANCE_SPOT_HEADER, [frame(5, 'a')]));
    const source = openReplayFile(path);
    appendFileSync(path, '{"t":6,"frame":"b"}\nnot json\n');
    expect(drain(source.records())).toEqual([{ record: frame(5, 'a'), line: 2 }]);
  });

  it('fails with E_REPLAY_READ when the file was shortened or replaced after the scan', () => {
    const path = write(replayText(BINANCE_SPOT_HEADER, [frame(5, 'a'), frame(6, 'b')]));
    const shortened = openReplayFile(path);
    truncateSync(path, HEADER_LINE.length + 3);
    const error = thrown(() => drain(shortened.records()));
    expect([error.code, error.message]).toEqual(['E_REPLAY_READ', `replay file '${path}' changed after it was validated (it is now ${HEADER_LINE.length + 3} bytes, ${HEADER_LINE.length + 1 + 2 * 20} were validated): replay a file no one is rewriting`]);

    const replaced = openReplayFile(write(replayText(BINANCE_SPOT_HEADER, [frame(5, 'a')])));
    const other = write(replayText(BINANCE_SPOT_HEADER, [frame(5, 'a'), frame(6, 'b')]));
    renameSync(other, replaced.path);
    expect(thrown(() => drain(replaced.records())).message).toBe(`replay file '${replaced.path}' changed after it was validated (another file is at that path now): replay a file no one is rewriting`);
  });
});

describe('openReplayFile: the validating scan that only counts frame lines (ReplayDecoder.frameBytes) against the text decoder', () => {
  // Frame lines (canonical, with escapes, with t going back or too late, mutated), rest records and blank lines.
  const frameLine = fc.tuple(fc.oneof(fc.nat({ max: 30 }), fc.constantFrom(253_402_300_799_999, 253_402_300_800_000)), fc.string({ unit: 'binary', maxLength: 12 })).map(([t, f]) => JSON.stringify({ t, frame: f }));
  const mutatedLine = fc.tuple(frameLine, fc.nat(), fc.integer({ min: 0, max: 127 })).map(([line, at, code]) => {
    const i = at % line.length;
    return line.slice(0, i) + String.fromCharCode(code) + line.slice(i + 1);
  });
  const restLine = fc.nat({ max: 30 }).map((t) => JSON.stringify({ t, rest: 'GET /api/v3/depth?symbol=X', body: '{}' }));
  const lines = fc.array(fc.oneof({ arbitrary: frameLine, weight: 5 }, mutatedLine, restLine, fc.constant('')), { maxLength: 8 });

  /** An error message from its line number on (the file's name or label before it differs between the two). */
  const sameLine = (message: string): string => message.replace(/^.*?line (\d+)/, 'line $1');

  it('gives the count, first and last t decodeReplay gives, or the same error, on any lines', () => {
    fc.assert(
      fc.property(lines, fc.boolean(), (body, terminated) => {
        const text = [HEADER_LINE, ...body].join('\n') + (terminated ? '\n' : '');
        const path = write(text);
        let expected: unknown;
        try {
          const { records } = decodeReplay(text.endsWith('\n') ? text : `${text}\n`);
          expected = { records: records.length, first: records[0]?.t ?? null, last: records[records.length - 1]?.t ?? null };
        } catch (error) {
          expected = { error: sameLine((error as Error).message) };
        }
        let got: unknown;
        try {
          const { scan } = openReplayFile(path);
          // A last line without "\n" that is not JSON is a cut line (warned, not an error): only compare clean files.
          if (scan.warnings.some((w) => w.includes('cut short'))) return;
          got = { records: scan.records, first: scan.firstRecordMs, last: scan.lastRecordMs };
        } catch (error) {
          got = { error: sameLine((error as Error).message) };
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('reads long hostile frame lines in time linear in their length (a 2 MB literal of escapes, a 200 k-digit t)', () => {
    const escapes = '\\"'.repeat(1_000_000);
    const path = write(`${HEADER_LINE}\n{"t":1,"frame":"${escapes}"}\n{"t":${'9'.repeat(200_000)},"frame":"x"}\n`);
    expect(() => openReplayFile(path)).toThrow(/line 3/);
    const ok = write(`${HEADER_LINE}\n{"t":1,"frame":"${escapes}"}\n`);
    expect(openReplayFile(ok).scan.records).toBe(1);
  });
});
