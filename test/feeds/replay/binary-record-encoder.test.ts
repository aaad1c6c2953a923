// Covers BinaryRecordEncoder with BinaryRecordDecoder: canonical normalized records (all five types, nulls, negative funding, long decimals, ids of every kind) go JSONL → binary → JSONL byte for byte and binary → JSONL → binary to the same bytes; invalid records are refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BinaryRecordEncoder, encodeBinaryHeader } from '../../../src/feeds/replay/binary-record-encoder.js';
import { decodeBinaryReplay } from '../../../src/feeds/replay/binary-replay-source.js';
import type { NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import { decodeReplay } from '../../../src/feeds/replay/replay-decoder.js';
import { encodeReplay, type ReplayHeader, type ReplayRecord } from '../../../src/feeds/replay/replay-format.js';
import { ScannedBookRecord } from '../../../src/feeds/replay/scanned-book-record.js';
import { asReplayRecords, NORMALIZED_HEADER, normalizedRecords } from '../../helpers/normalized-record-arbitraries.js';
import { ROOT } from '../../helpers/cli.js';

function toBinary(header: ReplayHeader, records: readonly ReplayRecord[]): Buffer {
  const encoder = new BinaryRecordEncoder();
  const parts = [encodeBinaryHeader(header)];
  for (const r of records) parts.push(Buffer.from(encoder.encode((r as Extract<ReplayRecord, { kind: 'normalized' }>).record)));
  return Buffer.concat(parts);
}

function jsonlToBinary(text: string): Buffer {
  const { header, records } = decodeReplay(text);
  return toBinary(header, records);
}

function binaryToJsonl(bytes: Buffer): string {
  const { header, records, warnings } = decodeBinaryReplay(bytes);
  expect(warnings).toEqual([]);
  return encodeReplay(header, records);
}

describe('BinaryRecordEncoder', () => {
  it.each(['tardis-binance-futures-2024-03-01.jsonl', 'binance-vision-usdm-2024-03-01.jsonl'])('gives %s back byte for byte through binary, in under a quarter of its bytes', (name) => {
    const text = readFileSync(join(ROOT, 'test/fixtures/replay', name), 'utf8');
    const bytes = jsonlToBinary(text);
    expect(binaryToJsonl(bytes)).toBe(text);
    expect(jsonlToBinary(binaryToJsonl(bytes)).equals(bytes)).toBe(true);
    expect(bytes.length).toBeLessThan(text.length / 4);
  });

  it('round-trips generated canonical records: JSONL → binary → JSONL identical, binary → JSONL → binary identical', () => {
    fc.assert(
      fc.property(normalizedRecords, (records) => {
        const text = encodeReplay(NORMALIZED_HEADER, asReplayRecords(records));
        const bytes = jsonlToBinary(text);
        expect(binaryToJsonl(bytes)).toBe(text);
        expect(jsonlToBinary(binaryToJsonl(bytes)).equals(bytes)).toBe(true);
        // the records as given, encoded directly, give the same bytes as through the JSONL scanner's packed books
        expect(toBinary(NORMALIZED_HEADER, asReplayRecords(records)).equals(bytes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes all-packed books to ScannedBookRecord and books with a long decimal to plain levels', () => {
    const base = { symbol: 'BTCUSDT', exchange_us: 1_000_000, local_us: 1_000_500 } as const;
    const records: NormalizedRecord[] = [
      { ...base, type: 'book_snapshot', bids: [['61999.30', '1.5']], asks: [['62000.1', '0.000']] },
      { ...base, type: 'book_update', is_snapshot: true, bids: [['0.0000000000000001', '1']], asks: [] },
    ];
    const { records: decoded } = decodeBinaryReplay(toBinary(NORMALIZED_HEADER, asReplayRecords(records)));
    const [first, second] = decoded.map((r) => (r as Extract<ReplayRecord, { kind: 'normalized' }>).record);
    expect(first).toBeInstanceOf(ScannedBookRecord);
    expect((first as ScannedBookRecord).packedBids).toEqual([6199930, 2, 15, 1]);
    expect(second).not.toBeInstanceOf(ScannedBookRecord);
    expect(second).toEqual({ ...base, type: 'book_update', is_snapshot: true, bids: [['0.0000000000000001', '1']], asks: [] });
  });

  it('stores negative funding rates, nulls and the funding time exactly', () => {
    const record: NormalizedRecord = { type: 'derivative', symbol: 'BTCUSDT', exchange_us: 5, local_us: 1_000, mark_price: '62000.5', index_price: null, last_price: '0', funding_rate: '-0.000100', predicted_funding_rate: '-0', funding_time_us: 1_709_280_000_000_000, open_interest: null };
    const { records } = decodeBinaryReplay(toBinary(NORMALIZED_HEADER, asReplayRecords([record])));
    expect(records).toEqual([{ kind: 'normalized', t: 1, record }]);
  });

  it('refuses an invalid record or one whose t goes back, writing nothing', () => {
    const encoder = new BinaryRecordEncoder();
    const trade = { type: 'trade', symbol: 'BTCUSDT', exchange_us: 2_000_000, local_us: 2_000_000, id: '1', side: 'buy', price: '1', size: '1' } as const;
    expect(() => encoder.encode({ ...trade, price: '01' })).toThrow(TypeError);
    expect(() => encoder.encode({ ...trade, symbol: 'BTC USDT' })).toThrow(TypeError);
    encoder.encode(trade);
    expect(() => encoder.encode({ ...trade, local_us: 1_999_000 })).toThrow('"t" 1999 is before the previous record\'s 2000');
    expect(() => encodeBinaryHeader({ ...NORMALIZED_HEADER, data: 'frames' })).toThrow('its header needs "version":2,"data":"normalized"');
  });
});
