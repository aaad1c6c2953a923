// Covers runConvert: any NormalizedInput written to binary or JSONL via OUT.partial and renamed; an abort (Ctrl-C) or a failing input removes the partial file and leaves OUT as it was.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBinaryReplay } from '../../../src/feeds/replay/binary-replay-source.js';
import type { NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import type { NormalizedInput } from '../../../src/feeds/replay/normalized-input.js';
import { ConvertAborted, CONVERT_YIELD_RECORDS, runConvert } from '../../../src/feeds/replay/replay-convert.js';
import { encodeReplay } from '../../../src/feeds/replay/replay-format.js';
import { asReplayRecords, NORMALIZED_HEADER } from '../../helpers/normalized-record-arbitraries.js';

const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-convert-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `count` trades one µs apart; `failAt`: next() throws there. */
function input(count: number, failAt = -1): NormalizedInput & { closed: boolean } {
  let i = 0;
  return {
    header: NORMALIZED_HEADER,
    records: count,
    closed: false,
    get position() {
      return `record ${i}`;
    },
    next(): NormalizedRecord | null {
      if (i === failAt) throw new Error(`input failed at record ${i}`);
      if (i >= count) return null;
      i++;
      return { type: 'trade', symbol: 'BTCUSDT', exchange_us: 1_000_000 + i, local_us: 1_000_000 + i, id: String(i), side: 'buy', price: '1.5', size: '2' };
    },
    close() {
      this.closed = true;
    },
  };
}

describe('runConvert', () => {
  it('writes every record of the input to binary or to canonical JSONL, and closes the input', async () => {
    const bin = join(dir, 'out.bin');
    const source = input(3);
    expect(await runConvert({ input: source, out: bin, to: 'binary' })).toEqual({ records: 3, bytes: readFileSync(bin).length });
    expect(source.closed).toBe(true);
    const decoded = decodeBinaryReplay(readFileSync(bin));
    const jsonl = join(dir, 'out.jsonl');
    await runConvert({ input: input(3), out: jsonl, to: 'jsonl' });
    expect(readFileSync(jsonl, 'utf8')).toBe(encodeReplay(NORMALIZED_HEADER, decoded.records));
    const expected: NormalizedRecord[] = [];
    const again = input(3);
    for (let r = again.next(); r !== null; r = again.next()) expected.push(r);
    expect(readFileSync(jsonl, 'utf8')).toBe(encodeReplay(NORMALIZED_HEADER, asReplayRecords(expected)));
  });

  it('stops on an abort between batches, removing the partial file and leaving OUT as it was', async () => {
    const out = join(dir, 'kept.bin');
    writeFileSync(out, 'before');
    const abort = new AbortController();
    let batches = 0;
    const run = runConvert({ input: input(CONVERT_YIELD_RECORDS * 3), out, to: 'binary', signal: abort.signal, onProgress: () => (++batches === 1 ? abort.abort() : undefined) });
    await expect(run).rejects.toEqual(new ConvertAborted(CONVERT_YIELD_RECORDS, `${out}.partial`));
    expect([readFileSync(out, 'utf8'), existsSync(`${out}.partial`)]).toEqual(['before', false]);
  });

  it('removes the partial file when the input fails', async () => {
    const out = join(dir, 'failed.jsonl');
    await expect(runConvert({ input: input(10, 4), out, to: 'jsonl' })).rejects.toThrow('input failed at record 4');
    expect([existsSync(out), existsSync(`${out}.partial`)]).toEqual([false, false]);
  });
});
