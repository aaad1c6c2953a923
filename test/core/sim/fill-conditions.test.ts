// Covers marketCrosses: a resting buy is crossed by an ask at or below it, a resting sell by a bid at or above it.
import { describe, it, expect } from 'vitest';
import { marketCrosses } from '../../../src/core/sim/fill-conditions.js';
import type { TopOfBook } from '../../../src/core/model/market-update.js';
import { makeOrder as order } from '../../helpers/orders.js';

function book(bidTicks: number, askTicks: number): TopOfBook {
  return { symbol: 'BTCUSDT', ts: 0, bidTicks, askTicks, bidLots: 1, askLots: 1 };
}

describe('marketCrosses', () => {
  it('crosses a buy when the ask is at or below its price, not when above', () => {
    expect(marketCrosses(order('BUY', 1000), book(990, 1001))).toBe(false);
    expect(marketCrosses(order('BUY', 1000), book(990, 1000))).toBe(true);
    expect(marketCrosses(order('BUY', 1000), book(990, 999))).toBe(true);
  });

  it('crosses a sell when the bid is at or above its price, not when below', () => {
    expect(marketCrosses(order('SELL', 1000), book(999, 1010))).toBe(false);
    expect(marketCrosses(order('SELL', 1000), book(1000, 1010))).toBe(true);
    expect(marketCrosses(order('SELL', 1000), book(1001, 1010))).toBe(true);
  });

  it('ignores the far side of the book', () => {
    expect(marketCrosses(order('BUY', 1000), book(1005, 1010))).toBe(false);
    expect(marketCrosses(order('SELL', 1000), book(990, 995))).toBe(false);
  });
});
