// Covers BarBuffer: epoch-aligned boundaries, OHLCV by trade time, emission on later trade / advanceTo / flush, symbols and resolutions, emission order, late ticks, empty intervals (skip, carry, cap), exact decimals, input guards.
import { describe, it, expect } from 'vitest';
import { BarBuffer, type BarBufferOptions } from '../../../src/core/market/bar-buffer.js';
import type { BarEvent, TradeEvent } from '../../../src/core/model/market-data-event.js';
import { Decimal, formatUnits, parseDecimal, toUnits } from '../../../src/core/money/decimal.js';
import { codeOf } from '../../helpers/error-code.js';

const S = 1_000;
const M = 60_000;

let tradeSeq = 0;
function trade(symbol: string, ts: number, priceTicks: number, qtyLots: number): TradeEvent {
  tradeSeq++;
  return { kind: 'trade', symbol, ts, priceTicks, qtyLots, takerSide: 'buy', tradeId: `t-${tradeSeq}` };
}

function bar(symbol: string, resolutionMs: number, openTs: number, ohlc: [number, number, number, number], volumeLots: number, tradeCount: number): BarEvent {
  const [openTicks, highTicks, lowTicks, closeTicks] = ohlc;
  return {
    kind: 'bar', symbol, ts: openTs + resolutionMs, resolutionMs, openTs, openTicks, highTicks, lowTicks, closeTicks,
    volumeLots, tradeCount, source: 'buffer', closed: true,
  };
}

function buffer(options: Partial<BarBufferOptions> = {}): BarBuffer {
  return new BarBuffer({ resolutionsMs: [M], ...options });
}

describe('BarBuffer', () => {
  describe('boundaries', () => {
    it('aggregates one interval into OHLCV and emits it when the first trade of a later interval arrives', () => {
      const bars = buffer();
      expect(bars.onTrade(trade('BTC', 120_000, 100, 2))).toEqual([]);
      expect(bars.onTrade(trade('BTC', 130_000, 105, 1))).toEqual([]);
      expect(bars.onTrade(trade('BTC', 150_000, 98, 4))).toEqual([]);
      expect(bars.onTrade(trade('BTC', 179_999, 101, 3))).toEqual([]);
      expect(bars.onTrade(trade('BTC', 185_000, 99, 1))).toEqual([bar('BTC', M, 120_000, [100, 105, 98, 101], 10, 4)]);
    });

    it('opens a new bar for a trade exactly on the boundary', () => {
      const bars = buffer();
      bars.onTrade(trade('BTC', 59_999, 100, 1));
      expect(bars.onTrade(trade('BTC', 60_000, 200, 1))).toEqual([bar('BTC', M, 0, [100, 100, 100, 100], 1, 1)]);
      expect(bars.flush()).toEqual([bar('BTC', M, 60_000, [200, 200, 200, 200], 1, 1)]);
    });

    it('takes open and close from the earliest and latest trade times, equal times by arrival', () => {
      const bars = buffer();
      bars.onTrade(trade('BTC', 30_000, 100, 1));
      bars.onTrade(trade('BTC', 10_000, 90, 1)); // earlier in the same bar: becomes the open
      bars.onTrade(trade('BTC', 40_000, 110, 1));
      bars.onTrade(trade('BTC', 40_000, 107, 1)); // same time as the latest, arrived later: becomes the close
      bars.onTrade(trade('BTC', 10_000, 95, 1)); // same time as the open, arrived later: not the open
      expect(bars.flush()).toEqual([bar('BTC', M, 0, [90, 110, 90, 107], 5, 5)]);
    });
  });

  describe('symbols and resolutions', () => {
    it('keeps one series per symbol and orders bars ending together by resolution then symbol', () => {
      const bars = buffer({ resolutionsMs: [M, S] });
      bars.onTrade(trade('ETH', 59_500, 20, 1));
      bars.onTrade(trade('BTC', 59_100, 10, 1));
      bars.onTrade(trade('BTC', 59_800, 11, 2));
      expect(bars.advanceTo(60_000)).toEqual([
        bar('BTC', S, 59_000, [10, 11, 10, 11], 3, 2),
        bar('ETH', S, 59_000, [20, 20, 20, 20], 1, 1),
        bar('BTC', M, 0, [10, 11, 10, 11], 3, 2),
        bar('ETH', M, 0, [20, 20, 20, 20], 1, 1),
      ]);
    });

    it('orders bars by end time before resolution and symbol', () => {
      const bars = buffer({ resolutionsMs: [S] });
      bars.onTrade(trade('ZZZ', 1_100, 1, 1));
      bars.onTrade(trade('AAA', 2_100, 2, 1));
      expect(bars.advanceTo(5_000)).toEqual([bar('ZZZ', S, 1_000, [1, 1, 1, 1], 1, 1), bar('AAA', S, 2_000, [2, 2, 2, 2], 1, 1)]);
    });

    it('emits the bars one trade completes at several resolutions, shorter first', () => {
      const bars = buffer({ resolutionsMs: [5 * M, M, S] });
      bars.onTrade(trade('BTC', 299_999, 7, 1));
      expect(bars.onTrade(trade('BTC', 300_000, 8, 1))).toEqual([
        bar('BTC', S, 299_000, [7, 7, 7, 7], 1, 1),
        bar('BTC', M, 240_000, [7, 7, 7, 7], 1, 1),
        bar('BTC', 5 * M, 0, [7, 7, 7, 7], 1, 1),
      ]);
    });
  });

  describe('late trades', () => {
    it('drops and counts a trade older than the open bar without reopening the emitted one', () => {
      const bars = buffer();
      bars.onTrade(trade('BTC', 10_000, 100, 1));
      const emitted = bars.onTrade(trade('BTC', 70_000, 101, 1));
      expect(emitted).toEqual([bar('BTC', M, 0, [100, 100, 100, 100], 1, 1)]);
      expect(bars.onTrade(trade('BTC', 59_000, 50, 9))).toEqual([]);
      expect(bars.counters().lateDropped).toBe(1);
      expect(bars.flush()).toEqual([bar('BTC', M, 60_000, [101, 101, 101, 101], 1, 1)]);
    });

    it('drops a trade in an interval already emitted by advanceTo or flush', () => {
      const bars = buffer();
      bars.onTrade(trade('BTC', 10_000, 100, 1));
      expect(bars.advanceTo(60_000)).toHaveLength(1);
      expect(bars.onTrade(trade('BTC', 59_999, 1, 1))).toEqual([]);
      bars.onTrade(trade('BTC', 61_000, 100, 1));
      expect(bars.flush()).toHaveLength(1);
      expect(bars.onTrade(trade('BTC', 61_500, 1, 1))).toEqual([]);
      expect(bars.counters()).toEqual({ trades: 4, lateDropped: 2, barsEmitted: 2, carryBars: 0, carryBarsSkipped: 0 });
    });

    it('judges lateness per series: late for 1s, still counted in the open 1m bar', () => {
      const bars = buffer({ resolutionsMs: [S, M] });
      bars.onTrade(trade('BTC', 1_500, 100, 1));
      bars.onTrade(trade('BTC', 2_500, 101, 1));
      expect(bars.onTrade(trade('BTC', 1_900, 99, 5))).toEqual([]);
      expect(bars.counters().lateDropped).toBe(1);
      expect(bars.flush()).toEqual([
        bar('BTC', S, 2_000, [101, 101, 101, 101], 1, 1),
        bar('BTC', M, 0, [100, 101, 99, 101], 7, 3),
      ]);
    });
  });

  describe('empty intervals', () => {
    it("'skip' emits nothing for intervals without trades", () => {
      const bars = buffer({ emptyIntervals: 'skip' });
      bars.onTrade(trade('BTC', 0, 100, 1));
      expect(bars.onTrade(trade('BTC', 4 * M + 1, 103, 1))).toEqual([bar('BTC', M, 0, [100, 100, 100, 100], 1, 1)]);
      expect(bars.advanceTo(10 * M)).toEqual([bar('BTC', M, 4 * M, [103, 103, 103, 103], 1, 1)]);
    });

    it("'carry' emits a flat bar at the previous close for each empty interval before the next trade", () => {
      const bars = buffer({ emptyIntervals: 'carry' });
      bars.onTrade(trade('BTC', 0, 100, 1));
      bars.onTrade(trade('BTC', 30_000, 102, 1));
      expect(bars.onTrade(trade('BTC', 3 * M, 103, 1))).toEqual([
        bar('BTC', M, 0, [100, 102, 100, 102], 2, 2),
        bar('BTC', M, M, [102, 102, 102, 102], 0, 0),
        bar('BTC', M, 2 * M, [102, 102, 102, 102], 0, 0),
      ]);
      expect(bars.counters().carryBars).toBe(2);
    });

    it("'carry' emits flat bars up to the clock on advanceTo, and none before a series' first bar", () => {
      const bars = buffer({ emptyIntervals: 'carry' });
      expect(bars.advanceTo(5 * M)).toEqual([]);
      bars.onTrade(trade('BTC', 5 * M + 10, 100, 1));
      expect(bars.advanceTo(8 * M - 1)).toEqual([
        bar('BTC', M, 5 * M, [100, 100, 100, 100], 1, 1),
        bar('BTC', M, 6 * M, [100, 100, 100, 100], 0, 0),
      ]);
      expect(bars.advanceTo(8 * M)).toEqual([bar('BTC', M, 7 * M, [100, 100, 100, 100], 0, 0)]);
      expect(bars.advanceTo(8 * M)).toEqual([]);
      // the carried interval is emitted: a trade inside it is late
      expect(bars.onTrade(trade('BTC', 7 * M + 5, 1, 1))).toEqual([]);
      expect(bars.counters().lateDropped).toBe(1);
    });

    it("'carry' emits at most maxCarryBars flat bars per gap, the most recent, and counts the rest", () => {
      const bars = buffer({ emptyIntervals: 'carry', maxCarryBars: 2, resolutionsMs: [S] });
      bars.onTrade(trade('BTC', 0, 100, 1));
      expect(bars.onTrade(trade('BTC', 10 * S, 101, 1))).toEqual([
        bar('BTC', S, 0, [100, 100, 100, 100], 1, 1),
        bar('BTC', S, 8 * S, [100, 100, 100, 100], 0, 0),
        bar('BTC', S, 9 * S, [100, 100, 100, 100], 0, 0),
      ]);
      expect(bars.counters()).toEqual({ trades: 2, lateDropped: 0, barsEmitted: 3, carryBars: 2, carryBarsSkipped: 7 });
    });
  });

  describe('advanceTo and flush', () => {
    it('advanceTo emits only bars whose end is at or before the clock', () => {
      const bars = buffer({ resolutionsMs: [S, M] });
      bars.onTrade(trade('BTC', 500, 100, 1));
      expect(bars.advanceTo(999)).toEqual([]);
      expect(bars.advanceTo(1_000)).toEqual([bar('BTC', S, 0, [100, 100, 100, 100], 1, 1)]);
      expect(bars.advanceTo(59_999)).toEqual([]);
      expect(bars.advanceTo(30_000)).toEqual([]); // the clock going back changes nothing
      expect(bars.advanceTo(60_000)).toEqual([bar('BTC', M, 0, [100, 100, 100, 100], 1, 1)]);
    });

    it('flush emits every open bar in order and leaves nothing open', () => {
      const bars = buffer({ resolutionsMs: [M, S] });
      bars.onTrade(trade('ETH', 61_000, 5, 1));
      bars.onTrade(trade('BTC', 61_200, 6, 1));
      expect(bars.flush()).toEqual([
        bar('BTC', S, 61_000, [6, 6, 6, 6], 1, 1),
        bar('ETH', S, 61_000, [5, 5, 5, 5], 1, 1),
        bar('BTC', M, 60_000, [6, 6, 6, 6], 1, 1),
        bar('ETH', M, 60_000, [5, 5, 5, 5], 1, 1),
      ]);
      expect(bars.flush()).toEqual([]);
    });
  });

  it('keeps decimal prices and sizes exact through ticks and lots', () => {
    const tick = new Decimal('0.01');
    const lot = new Decimal('0.00001');
    const bars = buffer();
    const fills: [string, string][] = [['93500.10', '0.00003'], ['93500.30', '0.10000'], ['93499.99', '0.00007']];
    fills.forEach(([price, qty], i) => {
      bars.onTrade(trade('BTC', 1_000 * i, toUnits(parseDecimal(price, 'p'), tick, 'p'), toUnits(parseDecimal(qty, 'q'), lot, 'q')));
    });
    const [b] = bars.flush();
    expect(b === undefined ? [] : [b.openTicks, b.highTicks, b.lowTicks, b.closeTicks].map((t) => formatUnits(t, tick))).toEqual([
      '93500.1', '93500.3', '93499.99', '93499.99',
    ]);
    expect(b === undefined ? '' : formatUnits(b.volumeLots, lot)).toBe('0.1001');
  });

  it('refuses a bar volume beyond 2^53 lots with E_INVARIANT and leaves the bar unchanged', () => {
    const bars = buffer();
    bars.onTrade(trade('BTC', 0, 100, Number.MAX_SAFE_INTEGER - 1));
    expect(codeOf(() => bars.onTrade(trade('BTC', 1, 200, 2)))).toBe('E_INVARIANT');
    expect(bars.flush()).toEqual([bar('BTC', M, 0, [100, 100, 100, 100], Number.MAX_SAFE_INTEGER - 1, 1)]);
  });

  it('refuses bad resolutions, trades and clock values with E_INVARIANT', () => {
    expect(codeOf(() => new BarBuffer({ resolutionsMs: [] }))).toBe('E_INVARIANT');
    expect(codeOf(() => new BarBuffer({ resolutionsMs: [M, M] }))).toBe('E_INVARIANT');
    expect(codeOf(() => new BarBuffer({ resolutionsMs: [0] }))).toBe('E_INVARIANT');
    const bars = buffer();
    expect(codeOf(() => bars.onTrade(trade('BTC', -1, 100, 1)))).toBe('E_INVARIANT');
    expect(codeOf(() => bars.onTrade(trade('BTC', 0, 1.5, 1)))).toBe('E_INVARIANT');
    expect(codeOf(() => bars.onTrade(trade('BTC', 0, 100, 0)))).toBe('E_INVARIANT');
    expect(codeOf(() => bars.advanceTo(Number.NaN))).toBe('E_INVARIANT');
  });
});
