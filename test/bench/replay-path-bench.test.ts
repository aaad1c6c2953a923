// Covers bench/replay-path-bench.ts as a smoke test: the seven sample files (the normalized one with a shallow and a deep book, two binary conversions) replay through the run command and the JSON.parse-only pass reads every JSON value they hold (no speed is asserted: CI machines vary).
import '../helpers/lazy-modules-setup.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReplayPath, jsonParsePass, measureReplayPaths } from '../../bench/replay-path-bench.js';
import { writeBookTickerFile, writeDiffDepthFile } from '../../bench/replay-inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'replay-path-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jsonParsePass', () => {
  it('parses every line and the frame or rest body inside it', () => {
    const file = join(dir, 'bt.jsonl');
    writeBookTickerFile(file, 100);
    expect(jsonParsePass(file)).toBe(1 + 2 * 100);
    const depth = join(dir, 'dd.jsonl');
    writeDiffDepthFile(depth, 100);
    expect(jsonParsePass(depth)).toBe(1 + 2 * 100);
  });
});

describe('measureReplayPaths', () => {
  it('replays the bookTicker, diff depth, Bybit delta, normalized, deep-book normalized and three binary samples with the run command, each with its target', async () => {
    const figures = await measureReplayPaths(2_000, 1);
    expect(figures.map((f) => [f.label, f.target])).toEqual([
      ['binance bookTicker + aggTrade (NKNUSDT spot)', 1],
      ['binance diff depth + aggTrade (NKNUSDT spot)', 1],
      ['bybit orderbook.50 deltas + publicTrade (BTCUSDT linear)', 1],
      ['normalized L2 + trades (import tardis, BTCUSDT usdm)', 0.75],
      ['normalized L2 + trades, deep book (import tardis, 1000 levels a side, updates to 800 deep)', 0.75],
      [expect.stringMatching(/^binance bookTicker \+ aggTrade \(NKNUSDT spot\) normalized by convert, as binary, vs the frames' JSON\.parse-only pass; \d+\.\d MiB binary$/), 1],
      [expect.stringMatching(/^binance diff depth \+ aggTrade \(NKNUSDT spot\) normalized by convert, as binary, vs the frames' JSON\.parse-only pass; \d+\.\d MiB binary$/), 1],
      [expect.stringMatching(/^normalized L2 \+ trades as binary \(import tardis, then convert to \.bin\); \d+\.\d MiB binary$/), 1],
    ]);
    for (const f of figures) {
      expect(f.records).toBeGreaterThan(1_000);
      expect(f.ratio).toBeGreaterThan(0);
      expect(formatReplayPath(f)).toMatch(/target replay ≥ \d\.\d\d× the JSON\.parse-only pass \(CPU\): (met|NOT met)/);
    }
  }, 120_000);
});
