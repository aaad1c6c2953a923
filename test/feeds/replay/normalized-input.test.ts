// Covers openNormalizedInput: a normalized replay read as JSONL or binary (by content) gives the same header and records; a raw-frame replay goes to the FramesNormalizer given, or is refused as bad usage.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BinaryRecordEncoder, encodeBinaryHeader } from '../../../src/feeds/replay/binary-record-encoder.js';
import { encodeNormalizedRecord, type NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import { openNormalizedInput, type NormalizedInput } from '../../../src/feeds/replay/normalized-input.js';
import { decodeReplay } from '../../../src/feeds/replay/replay-decoder.js';
import type { ReplayRecord } from '../../../src/feeds/replay/replay-format.js';
import { ROOT } from '../../helpers/cli.js';
import { NORMALIZED_HEADER } from '../../helpers/normalized-record-arbitraries.js';
import { thrown } from '../../helpers/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-normalized-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lines(input: NormalizedInput): string[] {
  const out: string[] = [];
  for (let r = input.next(); r !== null; r = input.next()) out.push(encodeNormalizedRecord(r));
  input.close();
  return out;
}

describe('openNormalizedInput', () => {
  it('reads a normalized replay as JSONL or as binary with the same header, count and records, positions by JSONL line', () => {
    const jsonl = join(ROOT, 'test/fixtures/replay/binance-vision-usdm-2024-03-01.jsonl');
    const { header, records } = decodeReplay(readFileSync(jsonl, 'utf8'));
    const encoder = new BinaryRecordEncoder();
    const bin = join(dir, 'vision.replay');
    writeFileSync(bin, Buffer.concat([encodeBinaryHeader(header), ...records.map((r) => Buffer.from(encoder.encode((r as Extract<ReplayRecord, { kind: 'normalized' }>).record)))]));
    const fromText = openNormalizedInput(jsonl);
    const fromBinary = openNormalizedInput(bin);
    expect([fromText.header, fromText.records]).toEqual([header, 300]);
    expect([fromBinary.header, fromBinary.records]).toEqual([header, 300]);
    expect(fromBinary.next()).not.toBeNull();
    expect(fromBinary.position).toBe('line 2');
    expect(lines(fromText).slice(1)).toEqual(lines(fromBinary));
  });

  it('hands a raw-frame replay to the frames normalizer given, and refuses it without one', () => {
    const frames = join(ROOT, 'test/fixtures/replay/binance-spot-2021-10-11.jsonl');
    const made: NormalizedRecord[] = [{ type: 'trade', symbol: 'NKNUSDT', exchange_us: 1, local_us: 1, id: '1', side: 'buy', price: '1', size: '1' }];
    const input = openNormalizedInput(frames, (source) => {
      expect(source.scan.header.venue).toBe('binance');
      let i = 0;
      return { header: NORMALIZED_HEADER, records: made.length, position: 'frame 0', next: () => made[i++] ?? null, close: () => undefined };
    });
    expect(lines(input)).toEqual(made.map(encodeNormalizedRecord));
    expect(thrown(() => openNormalizedInput(frames))).toEqual({ name: 'UsageError', code: 'E_USAGE', message: `'${frames}' holds raw venue frames (version 1): convert reads normalized replays (version 2, "data":"normalized", as \`shadow-exec import\` writes them); converting raw frames to normalized records is not supported yet` });
  });
});
