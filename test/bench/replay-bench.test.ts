// Covers bench/replay-bench.ts as a smoke test: both synthesised samples replay through feed and loop with deterministic counts (no speed is asserted: CI machines vary).
import '../helpers/lazy-modules-setup.js';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReplayThroughput, measureReplayThroughput } from '../../bench/replay-bench.js';

describe('measureReplayThroughput', () => {
  it('measures the bookTicker and orderbook.50 samples through the feed and the loop next to JSON.parse', () => {
    const results = measureReplayThroughput(fileURLToPath(new URL('../../', import.meta.url)), 2_000);
    expect(results.map((r) => [r.label, r.frames, r.quotes])).toEqual([
      ['binance bookTicker (NKNUSDT, 2021 capture)', 2_000, 2_000],
      ['bybit orderbook.50 deltas (synthesised)', 2_000, 1_550],
    ]);
    for (const r of results) {
      expect(r.orders).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.replayFramesPerSec / r.jsonParseFramesPerSec, 10);
      expect(r.feedRatio).toBeCloseTo(r.feedFramesPerSec / r.jsonParseFramesPerSec, 10);
      expect(formatReplayThroughput(r)).toContain(r.label);
    }
  });
});
