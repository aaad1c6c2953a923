// Covers binary replays read by openReplayFile (picked by their magic bytes, not their name): the two passes give the JSONL's records and lines, a cut last record warns, malformed files fail naming record and byte, a changed file fails pass 2, a FIFO is read once.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BinaryRecordEncoder, encodeBinaryHeader } from '../../../src/feeds/replay/binary-record-encoder.js';
import type { NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import { decodeReplay } from '../../../src/feeds/replay/replay-decoder.js';
import { encodeReplayRecord, type ReplayRecord } from '../../../src/feeds/replay/replay-format.js';
import type { ReplayRecordSource } from '../../../src/feeds/replay/replay-record-source.js';
import { openReplayFile } from '../../../src/feeds/replay/replay-source.js';
import { ROOT } from '../../helpers/cli.js';
import { NORMALIZED_HEADER } from '../../helpers/normalized-record-arbitraries.js';
import { thrown } from '../../helpers/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-binary-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
function write(content: Buffer | string, name = `f${files++}.replay`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const trade = (local_us: number, id = '1'): NormalizedRecord => ({ type: 'trade', symbol: 'BTCUSDT', exchange_us: local_us, local_us, id, side: 'buy', price: '62000.1', size: '0.5' });

function binary(records: readonly NormalizedRecord[]): Buffer {
  const encoder = new BinaryRecordEncoder();
  return Buffer.concat([encodeBinaryHeader(NORMALIZED_HEADER), ...records.map((r) => Buffer.from(encoder.encode(r)))]);
}

function drain(source: ReplayRecordSource): { line: string; at: number }[] {
  const out: { line: string; at: number }[] = [];
  for (let r = source.next(); r !== null; r = source.next()) out.push({ line: encodeReplayRecord(r as ReplayRecord), at: source.line });
  return out;
}

describe('binary replays in openReplayFile', () => {
  it.each(['tardis-binance-futures-2024-03-01', 'binance-vision-usdm-2024-03-01'])('reads %s as binary whatever its name: the JSONL\'s records, at its line numbers, in both passes', (name) => {
    const text = readFileSync(join(ROOT, 'test/fixtures/replay', `${name}.jsonl`), 'utf8');
    const { header, records } = decodeReplay(text);
    const encoder = new BinaryRecordEncoder();
    const bytes = Buffer.concat([encodeBinaryHeader(header), ...records.map((r) => Buffer.from(encoder.encode((r as Extract<ReplayRecord, { kind: 'normalized' }>).record)))]);
    for (const path of [write(bytes, `${name}.bin`), write(bytes, `${name}.jsonl`)]) {
      const source = openReplayFile(path, { chunkBytes: 64 });
      expect(source.scan).toEqual({ header, records: records.length, firstRecordMs: records[0]!.t, lastRecordMs: records.at(-1)!.t, warnings: [] });
      const expected = text.trimEnd().split('\n').slice(1).map((line, i) => ({ line, at: i + 2 }));
      expect(drain(source.records())).toEqual(expected);
      expect(drain(source.records())).toEqual(expected);
    }
  });

  it('warns about a last record the file ends inside and replays the complete ones before it', () => {
    const bytes = binary([trade(1_000_000), trade(1_000_100), trade(1_001_000)]);
    for (const cut of [1, 5, 12]) {
      const path = write(bytes.subarray(0, bytes.length - cut));
      const source = openReplayFile(path);
      expect(source.scan.records).toBe(2);
      expect(source.scan.warnings).toEqual([expect.stringMatching(new RegExp(`^replay file '.*' record 3 \\(byte \\d+\\): cut short .*its \\d+ bytes are skipped, the 2 complete records before it are replayed$`))]);
      expect(drain(source.records()).length).toBe(2);
    }
    expect(openReplayFile(write(binary([]))).scan.warnings).toEqual([expect.stringMatching(/holds no market data: no record after its header$/)]);
  });

  it('fails the scan on a malformed record, naming the file, the record and its byte offset', () => {
    const head = encodeBinaryHeader(NORMALIZED_HEADER);
    const encoder = new BinaryRecordEncoder();
    const first = Buffer.from(encoder.encode(trade(2_000_000)));
    const second = Buffer.from(encoder.encode(trade(2_001_000)));
    const at = head.length + first.length;
    // the second record's local_us delta (1000 µs) turned backwards: 1_999_000 µs, t 1999
    second[1]! |= 0x08;
    const path = write(Buffer.concat([head, first, second]));
    expect(thrown(() => openReplayFile(path))).toEqual({ name: 'ShadowExecError', code: 'E_REPLAY_FORMAT', message: `replay file '${path}' record 2 (byte ${at}): "t" 1999 is before the previous record's 2000` });
    // a trailing byte in a record: its length says one more than its fields take
    const padded = Buffer.concat([head, Buffer.from([first[0]! + 1]), first.subarray(1), Buffer.from([0])]);
    expect(thrown(() => openReplayFile(write(padded))).message).toMatch(/record 1 \(byte \d+\): 1 bytes after the record's last field$/);
    expect(thrown(() => openReplayFile(write(Buffer.from('SXRB\x02', 'latin1')))).message).toMatch(/header: unsupported binary version 2 \(this build reads 1\)$/);
    const framesHeader = Buffer.from(JSON.stringify({ format: 'shadow-exec-replay', version: 1, venue: 'binance', market: 'spot' }));
    expect(thrown(() => openReplayFile(write(Buffer.concat([Buffer.from('SXRB\x01', 'latin1'), Buffer.from([framesHeader.length]), framesHeader])))).message).toMatch(/header: a binary replay holds normalized records/);
    const huge = Buffer.concat([encodeBinaryHeader(NORMALIZED_HEADER), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f])]);
    expect(thrown(() => openReplayFile(write(huge))).message).toMatch(/record 1 \(byte \d+\): a record length of 1 to 67108864 bytes must start it$/);
  });

  it('takes a record length past the end of the file for a cut record, without allocating it', () => {
    const bytes = Buffer.concat([encodeBinaryHeader(NORMALIZED_HEADER), Buffer.from([0x80, 0x80, 0x80, 0x1f])]);
    expect(openReplayFile(write(bytes)).scan.warnings[0]).toMatch(/record 1 .*cut short.*its 4 bytes are skipped/);
  });

  it('fails pass 2 with E_REPLAY_READ when the file was shortened, and reads no bytes appended after the scan', () => {
    const bytes = binary([trade(1_000_000), trade(1_000_100)]);
    const path = write(bytes);
    const source = openReplayFile(path);
    appendFileSync(path, binary([trade(1_000_200)]).subarray(encodeBinaryHeader(NORMALIZED_HEADER).length));
    expect(drain(source.records()).length).toBe(2);
    writeFileSync(path, bytes.subarray(0, 40));
    const shortened = thrown(() => drain(source.records()));
    expect([shortened.code, shortened.message]).toEqual(['E_REPLAY_READ', expect.stringMatching(/changed after it was validated \(it is now 40 bytes/)]);
  });

  it('reads a binary FIFO once, keeping its records', async () => {
    const bytes = binary([trade(1_000_000, '7'), trade(1_000_100, 'x')]);
    const fifo = join(dir, `fifo${files++}`);
    const source = write(bytes);
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', source, fifo], { stdio: 'ignore' });
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    const replay = openReplayFile(fifo, { chunkBytes: 16 });
    await exited;
    expect(replay.scan.records).toBe(2);
    expect(drain(replay.records()).map((r) => r.at)).toEqual([2, 3]);
    expect(drain(replay.records()).length).toBe(2);
  });
});
