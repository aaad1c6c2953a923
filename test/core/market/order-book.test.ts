// Covers OrderBook (and its BookSide ladders): snapshot replace, absolute level updates, removals of absent levels, best/top-N/depth/lotsAt, crossed detection, input checks, and a seeded comparison with a naive map model.
import { describe, it, expect } from 'vitest';
import { OrderBook } from '../../../src/core/market/order-book.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import type { BookLevel } from '../../../src/core/model/market-data-event.js';
import { codeOf } from '../../helpers/error-code.js';

function bookWith(bids: BookLevel[], asks: BookLevel[]): OrderBook {
  const book = new OrderBook('BTCUSDT');
  book.replace(bids, asks);
  return book;
}

describe('OrderBook', () => {
  describe('#replace', () => {
    it('loads a best-first snapshot and reads best prices, sizes, top levels and depth', () => {
      const book = bookWith(
        [[100, 5], [99, 7], [97, 1]],
        [[101, 2], [102, 4], [105, 9]],
      );
      expect(book.bestBidTicks()).toBe(100);
      expect(book.bestBidLots()).toBe(5);
      expect(book.bestAskTicks()).toBe(101);
      expect(book.bestAskLots()).toBe(2);
      expect(book.topBids(2)).toEqual([[100, 5], [99, 7]]);
      expect(book.topAsks(10)).toEqual([[101, 2], [102, 4], [105, 9]]);
      expect(book.bidDepth).toBe(3);
      expect(book.askDepth).toBe(3);
    });

    it('accepts levels in any order, skips 0-lot levels and lets a later duplicate price win', () => {
      const book = bookWith(
        [[97, 1], [100, 5], [99, 0], [98, 3], [100, 6]],
        [[105, 9], [101, 2], [103, 0]],
      );
      expect(book.topBids(10)).toEqual([[100, 6], [98, 3], [97, 1]]);
      expect(book.topAsks(10)).toEqual([[101, 2], [105, 9]]);
    });

    it('discards the previous levels', () => {
      const book = bookWith([[100, 5]], [[101, 2]]);
      book.replace([[90, 1]], []);
      expect(book.topBids(5)).toEqual([[90, 1]]);
      expect(book.bestAskTicks()).toBeNull();
      expect(book.bestAskLots()).toBe(0);
      expect(book.askDepth).toBe(0);
    });
  });

  describe('#applyLevels', () => {
    it('inserts new levels above, inside and below the book, updates existing ones and removes 0-lot ones', () => {
      const book = bookWith([[100, 5], [98, 3]], [[102, 4], [104, 1]]);
      book.applyLevels(
        [[101, 1], [99, 2], [90, 8], [98, 30], [100, 0]],
        [[103, 6], [110, 2], [102, 0]],
      );
      expect(book.topBids(10)).toEqual([[101, 1], [99, 2], [98, 30], [90, 8]]);
      expect(book.topAsks(10)).toEqual([[103, 6], [104, 1], [110, 2]]);
      expect(book.removedAbsent).toBe(0);
    });

    it('counts the removal of an absent level and otherwise ignores it', () => {
      const book = bookWith([[100, 5]], [[102, 4]]);
      book.applyLevels([[99, 0], [101, 0]], [[103, 0]]);
      book.setBid(50, 0);
      book.setAsk(200, 0);
      expect(book.removedAbsent).toBe(5);
      expect(book.topBids(10)).toEqual([[100, 5]]);
      expect(book.topAsks(10)).toEqual([[102, 4]]);
    });

    it('removes the best level and exposes the next one as best', () => {
      const book = bookWith([[100, 5], [99, 7]], [[101, 2], [102, 4]]);
      book.applyLevels([[100, 0]], [[101, 0]]);
      expect([book.bestBidTicks(), book.bestBidLots(), book.bestAskTicks(), book.bestAskLots()]).toEqual([99, 7, 102, 4]);
    });

    it('refuses negative, fractional or unsafe prices and sizes with E_INVARIANT', () => {
      const book = new OrderBook('BTCUSDT');
      expect(codeOf(() => book.applyLevels([[100.5, 1]], []))).toBe('E_INVARIANT');
      expect(codeOf(() => book.applyLevels([], [[100, -1]]))).toBe('E_INVARIANT');
      expect(codeOf(() => book.setBid(2 ** 53, 1))).toBe('E_INVARIANT');
      expect(codeOf(() => book.setAsk(100, Number.NaN))).toBe('E_INVARIANT');
    });
  });

  describe('#bidLotsAt / #askLotsAt', () => {
    it('returns the size at a price and 0 where there is no level', () => {
      const book = bookWith([[100, 5], [98, 3]], [[102, 4]]);
      expect(book.bidLotsAt(98)).toBe(3);
      expect(book.bidLotsAt(99)).toBe(0);
      expect(book.askLotsAt(102)).toBe(4);
      expect(book.askLotsAt(100)).toBe(0);
    });
  });

  describe('#levelLots', () => {
    it('answers sizes inside the depth the side holds (0 for an empty price, or one better than the best) and null beyond it', () => {
      const book = bookWith([[100, 5], [98, 3]], [[102, 4], [105, 1]]);
      expect(book.levelLots('bid', 100)).toBe(5);
      expect(book.levelLots('bid', 99)).toBe(0);
      expect(book.levelLots('bid', 101)).toBe(0);
      expect(book.levelLots('bid', 98)).toBe(3);
      expect(book.levelLots('bid', 97)).toBeNull();
      expect(book.levelLots('ask', 104)).toBe(0);
      expect(book.levelLots('ask', 105)).toBe(1);
      expect(book.levelLots('ask', 106)).toBeNull();
      expect(bookWith([], []).levelLots('bid', 100)).toBeNull();
    });
  });

  describe('#isCrossed', () => {
    it('is false for a normal book and for a book with an empty side', () => {
      expect(bookWith([[100, 1]], [[101, 1]]).isCrossed()).toBe(false);
      expect(bookWith([[100, 1]], []).isCrossed()).toBe(false);
      expect(bookWith([], []).isCrossed()).toBe(false);
    });

    it('is true when best bid equals best ask (locked) or exceeds it', () => {
      expect(bookWith([[101, 1]], [[101, 1]]).isCrossed()).toBe(true);
      expect(bookWith([[102, 1]], [[101, 1]]).isCrossed()).toBe(true);
    });
  });

  describe('#clear', () => {
    it('empties both sides but keeps the removed-absent count', () => {
      const book = bookWith([[100, 1]], [[101, 1]]);
      book.setBid(1, 0);
      book.clear();
      expect([book.bidDepth, book.askDepth, book.bestBidTicks(), book.removedAbsent]).toEqual([0, 0, null, 1]);
    });
  });

  it('matches a naive price→size map over 5000 seeded random updates', () => {
    const rng = new SeededRng('order-book-model');
    const book = new OrderBook('X');
    const bids = new Map<number, number>();
    const asks = new Map<number, number>();
    let absent = 0;
    const sorted = (m: Map<number, number>, desc: boolean): BookLevel[] =>
      [...m.entries()].sort((a, b) => (desc ? b[0] - a[0] : a[0] - b[0])).map(([p, q]) => [p, q] as const);
    for (let i = 0; i < 5000; i++) {
      const isBid = rng.next() < 0.5;
      const price = isBid ? 900 + Math.floor(rng.next() * 100) : 1000 + Math.floor(rng.next() * 100);
      const qty = rng.next() < 0.3 ? 0 : 1 + Math.floor(rng.next() * 50);
      const model = isBid ? bids : asks;
      if (qty === 0) {
        if (!model.delete(price)) absent++;
      } else model.set(price, qty);
      if (isBid) book.setBid(price, qty);
      else book.setAsk(price, qty);
    }
    expect(book.topBids(1000)).toEqual(sorted(bids, true));
    expect(book.topAsks(1000)).toEqual(sorted(asks, false));
    expect(book.removedAbsent).toBe(absent);
    expect(book.bestBidTicks()).toBe(Math.max(...bids.keys()));
    expect(book.bestAskTicks()).toBe(Math.min(...asks.keys()));
  });
});
