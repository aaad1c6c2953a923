// Covers bench/parse-bench.ts as a smoke test: both samples load and are measured (no speed is asserted: CI machines vary).
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { formatParseThroughput, measureParseThroughput } from '../../bench/parse-bench.js';

describe('measureParseThroughput', () => {
  it('measures the Binance bookTicker and Bybit orderbook.50 samples next to JSON.parse', () => {
    const results = measureParseThroughput(fileURLToPath(new URL('../../', import.meta.url)), 2_000);
    expect(results.map((r) => [r.label, r.sampleFrames, r.measuredFrames])).toEqual([
      ['binance bookTicker (2021 capture)', 84, 2_016],
      ['bybit orderbook.50 delta (docs)', 1, 2_000],
    ]);
    for (const r of results) {
      expect(r.parserFramesPerSec).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.parserFramesPerSec / r.jsonParseFramesPerSec, 10);
      expect(formatParseThroughput(r)).toContain(r.label);
    }
  });
});
