// Covers bench/replay-fuzz.ts: a small seeded run of the replay parser fuzzing (binary replays included) finds no crash, hang or wrong answer, and its oracles agree with hand-picked cases.
import { describe, expect, it } from 'vitest';
import { formatFuzz, fuzzReplayParsers, headerAccepted, readLines, referenceLines, referenceNormalized, referenceRecord } from '../../bench/replay-fuzz.js';

describe('fuzzReplayParsers', () => {
  it('runs 200 seeded inputs per parser (hostile values up to 2,000 deep and 10,000 characters) with no crash, hang or wrong accept/reject', () => {
    const figures = fuzzReplayParsers(200, 13, { maxDepth: 2_000, maxStringChars: 10_000 });
    expect(figures.map((f) => [f.parser, f.inputs, f.crashes, f.hangs, f.wrongAccepts, f.wrongRejects, f.firstProblem])).toEqual([
      ['replay line reader', 200, 0, 0, 0, 0, null],
      ['replay header', 200, 0, 0, 0, 0, null],
      ['replay records', 200, 0, 0, 0, 0, null],
      ['replay normalized records', 200, 0, 0, 0, 0, null],
      ['replay binary records', 200, 0, 0, 0, 0, null],
    ]);
    expect(formatFuzz(figures[0]!)).toMatch(/^replay line reader +inputs +200 {2}crashes +0 {2}hangs>100ms +0 {2}wrong accepts +0 {2}wrong rejects +0 {2}slowest /);
  });
});

describe('the fuzz oracles', () => {
  it('split like TextDecoder over the whole buffer, BOM skipped, cap on bytes', () => {
    const input = { bytes: [0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xe2, 0x82, 0xac, 0x0a], chunkBytes: 1, maxLineBytes: 3 };
    expect(referenceLines(input)).toEqual({ lines: ['a', '€'], terminated: [true, true] });
    expect(readLines(input)).toEqual(referenceLines(input));
    expect(referenceLines({ ...input, maxLineBytes: 2 })).toEqual({ refusedAt: 2 });
    expect(readLines({ ...input, maxLineBytes: 2 })).toEqual({ refusedAt: 2 });
  });

  it('accept exactly the documented headers and records', () => {
    expect(headerAccepted('{"format":"shadow-exec-replay","version":1,"venue":"bybit","market":"linear","url":"u"}')).toBe(true);
    expect(headerAccepted('{"format":"shadow-exec-replay","version":1,"venue":"bybit","market":"usdm"}')).toBe(false);
    expect(referenceRecord('{"t":253402300799999,"frame":"x"}')).toEqual({ kind: 'frame', t: 253_402_300_799_999, frame: 'x' });
    expect(referenceRecord('{"t":9000000000000000,"frame":"x"}')).toBeNull();
    expect(referenceRecord('{"t":1,"rest":"GET /x","body":""}')).toEqual({ kind: 'rest', t: 1, rest: 'GET /x', body: '' });
    expect(referenceRecord('{"t":1,"rest":"GET /x y","body":""}')).toBeNull();
    expect(headerAccepted('{"format":"shadow-exec-replay","version":2,"venue":"bybit","market":"linear","data":"normalized"}')).toBe(true);
    expect(headerAccepted('{"format":"shadow-exec-replay","version":1,"venue":"bybit","market":"linear","data":"frames"}')).toBe(false);
    expect(referenceNormalized('{"t":1,"type":"trade","symbol":"BTCUSDT","exchange_us":1000,"local_us":1999,"id":"7","side":"sell","price":"1.5","size":"2"}')).toBe(true);
    expect(referenceNormalized('{"t":2,"type":"trade","symbol":"BTCUSDT","exchange_us":1000,"local_us":1999,"id":"7","side":"sell","price":"1.5","size":"2"}')).toBe(false);
    expect(referenceNormalized('{"t":1,"type":"book_update","symbol":"BTCUSDT","exchange_us":1000,"local_us":1999,"is_snapshot":true,"bids":[["1.0","0"]],"asks":[["1e2","1"]]}')).toBe(false);
  });
});
