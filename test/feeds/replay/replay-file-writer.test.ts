// Covers ReplayFileWriter: header first, records buffered as whole lines and flushed, the canonical bytes of encodeReplay, close idempotent, decreasing t refused, and write errors as E_RECORD_WRITE.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplayFileWriter } from '../../../src/feeds/replay/replay-file-writer.js';
import { encodeReplay, type ReplayHeader, type ReplayRecord } from '../../../src/feeds/replay/replay-format.js';
import { decodeReplay } from '../../../src/feeds/replay/replay-decoder.js';
import { ShadowExecError } from '../../../src/core/errors/shadow-exec-error.js';
import { thrown } from '../../helpers/thrown.js';

const HEADER: ReplayHeader = { format: 'shadow-exec-replay', version: 1, venue: 'bybit', market: 'linear', url: 'ws://127.0.0.1:1/v5/public/linear' };
const RECORDS: ReplayRecord[] = [
  { kind: 'frame', t: 10, frame: '{"topic":"orderbook.50.BTCUSDT"}' },
  { kind: 'rest', t: 10, rest: 'GET /api/v3/depth?symbol=BTCUSDT&limit=1000', body: '{"lastUpdateId":1}' },
  { kind: 'frame', t: 12, frame: 'ünïcode "quoted"\n' },
];

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function path(): string {
  const dir = mkdtempSync(join(tmpdir(), 'replay-writer-'));
  dirs.push(dir);
  return join(dir, 'out.jsonl');
}

describe('ReplayFileWriter', () => {
  it('writes the header at once, records on flush, and the same bytes as encodeReplay', () => {
    const file = path();
    const writer = ReplayFileWriter.open(file, HEADER);
    expect(readFileSync(file, 'utf8')).toBe(`${encodeReplay(HEADER, [])}`);
    for (const r of RECORDS) writer.append(r);
    expect(writer.records).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe(encodeReplay(HEADER, []));
    writer.flush();
    writer.close();
    writer.close();
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(encodeReplay(HEADER, RECORDS));
    expect(writer.bytes).toBe(Buffer.byteLength(text));
    expect(decodeReplay(text).records).toEqual(RECORDS);
  });

  it('refuses a record before the previous one and appends after close', () => {
    const writer = ReplayFileWriter.open(path(), HEADER);
    writer.append({ kind: 'frame', t: 5, frame: 'a' });
    expect(thrown(() => writer.append({ kind: 'frame', t: 4, frame: 'b' }))).toMatchObject({ code: 'E_INVARIANT' });
    writer.close();
    expect(thrown(() => writer.append({ kind: 'frame', t: 6, frame: 'c' }))).toMatchObject({ code: 'E_INVARIANT' });
  });

  it('reports a file that cannot be created as E_RECORD_WRITE, not retryable (the path is wrong), with the advice', () => {
    const target = join(path(), 'no', 'such', 'dir.jsonl');
    let error: unknown;
    try {
      ReplayFileWriter.open(target, HEADER);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShadowExecError);
    expect(error).toMatchObject({
      code: 'E_RECORD_WRITE',
      retryable: false,
      advice: 'retrying will not help: fix the path',
      message: `cannot write the recording '${target}': no such file or directory (ENOENT)`,
    });
  });

  it('records to a device (/dev/null) and closes without failing on its fsync (EINVAL)', () => {
    const writer = ReplayFileWriter.open('/dev/null', HEADER);
    for (const r of RECORDS) writer.append(r);
    expect(() => writer.close()).not.toThrow();
    expect(writer.records).toBe(3);
  });
});
