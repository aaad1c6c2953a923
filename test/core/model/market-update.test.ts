// Covers midTicks: the mid of a top of book, floored to a whole tick.
import { describe, it, expect } from 'vitest';
import { midTicks, type TopOfBook } from '../../../src/core/model/market-update.js';

function book(bidTicks: number, askTicks: number): TopOfBook {
  return { symbol: 'BTCUSDT', ts: 0, bidTicks, askTicks, bidLots: 1, askLots: 1 };
}

describe('midTicks', () => {
  it('is exact for an even sum and floored for an odd one', () => {
    expect(midTicks(book(935000, 935002))).toBe(935001);
    expect(midTicks(book(935000, 935001))).toBe(935000);
    expect(midTicks(book(1, 2))).toBe(1);
  });
});
