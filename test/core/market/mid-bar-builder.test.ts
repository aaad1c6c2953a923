// Covers MidBarBuilder: epoch-aligned bars of mids — exact OHLC, volume 0, emission on the first mid of a later interval, several resolutions, symbols apart, empty intervals skipped, input guards.
import { describe, expect, it } from 'vitest';
import { MidBarBuilder } from '../../../src/core/market/mid-bar-builder.js';
import type { BarEvent } from '../../../src/core/model/market-data-event.js';

const M = 60_000;

function bar(symbol: string, resolutionMs: number, openTs: number, [o, h, l, c]: [number, number, number, number]): BarEvent {
  return { kind: 'bar', symbol, ts: openTs + resolutionMs, resolutionMs, openTs, openTicks: o, highTicks: h, lowTicks: l, closeTicks: c, volumeLots: 0, tradeCount: 0, source: 'buffer', closed: true };
}

describe('MidBarBuilder', () => {
  it('builds one bar per interval: open the first mid, close the last, high and low the extremes, volume 0', () => {
    const b = new MidBarBuilder([M]);
    expect(b.onMid('BTCUSDT', 0, 100)).toEqual([]);
    expect(b.onMid('BTCUSDT', 10_000, 104)).toEqual([]);
    expect(b.onMid('BTCUSDT', 20_000, 97)).toEqual([]);
    expect(b.onMid('BTCUSDT', 59_999, 101)).toEqual([]);
    expect(b.onMid('BTCUSDT', M, 102)).toEqual([bar('BTCUSDT', M, 0, [100, 104, 97, 101])]);
  });

  it('emits every resolution a mid completes, shortest first, each over its own interval', () => {
    const b = new MidBarBuilder([5 * M, M]);
    for (let i = 0; i < 5; i++) b.onMid('ETHUSDT', i * M, 10 + i);
    const out = b.onMid('ETHUSDT', 5 * M, 50);
    expect(out).toEqual([bar('ETHUSDT', M, 4 * M, [14, 14, 14, 14]), bar('ETHUSDT', 5 * M, 0, [10, 14, 10, 14])]);
  });

  it('keeps symbols apart and skips intervals without a mid (no flat bar)', () => {
    const b = new MidBarBuilder([M]);
    b.onMid('A', 0, 5);
    b.onMid('B', 30_000, 7);
    expect(b.onMid('A', 3 * M, 6)).toEqual([bar('A', M, 0, [5, 5, 5, 5])]);
    expect(b.onMid('B', 3 * M + 1, 8)).toEqual([bar('B', M, 0, [7, 7, 7, 7])]);
    expect(b.onMid('A', 4 * M, 9)).toEqual([bar('A', M, 3 * M, [6, 6, 6, 6])]);
  });

  it('refuses no resolution, a repeated one, and a mid before its open bar', () => {
    expect(() => new MidBarBuilder([])).toThrow('at least one resolution');
    expect(() => new MidBarBuilder([M, M])).toThrow('given twice');
    const b = new MidBarBuilder([M]);
    b.onMid('A', 2 * M, 1);
    expect(() => b.onMid('A', M, 1)).toThrow('before its open bar');
  });
});
