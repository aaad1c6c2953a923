// Covers StrategyBook: the feed's book read by symbol index — depth best first, "cannot tell" as null, bad arguments refused.
import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../src/core/market/order-book.js';
import type { Side } from '../../src/core/model/order.js';
import { NO_BOOK_VIEW, type BookView } from '../../src/ports/book-view.js';
import { StrategyBook } from '../../src/engine/strategy-book.js';

/** One OrderBook for ETHUSDT behind the BookView port. */
function bookOf(book: OrderBook): BookView {
  const side = (s: Side): 'bid' | 'ask' => (s === 'BUY' ? 'bid' : 'ask');
  return {
    levelLots: (symbol, s, priceTicks) => (symbol === book.symbol ? book.levelLots(side(s), priceTicks) : null),
    forEachLevel: (symbol, s, n, visit) => (symbol === book.symbol ? book.forEachLevel(side(s), n, visit) : null),
  };
}

describe('StrategyBook', () => {
  const book = new OrderBook('ETHUSDT');
  book.replace([[100, 5], [98, 7], [99, 1]], [[103, 4], [101, 2]]);
  const view = new StrategyBook(bookOf(book), ['BTCUSDT', 'ETHUSDT']);

  it('lists a side best first, up to maxLevels: bids highest first for BUY, asks lowest first for SELL', () => {
    expect(view.levels(1, 'BUY', 10)).toEqual([{ priceTicks: 100, qtyLots: 5 }, { priceTicks: 99, qtyLots: 1 }, { priceTicks: 98, qtyLots: 7 }]);
    expect(view.levels(1, 'SELL', 1)).toEqual([{ priceTicks: 101, qtyLots: 2 }]);
    const seen: number[][] = [];
    expect(view.forEachLevel(1, 'SELL', 5, (p, q, depth) => void seen.push([p, q, depth]))).toBe(2);
    expect(seen).toEqual([[101, 2, 0], [103, 4, 1]]);
    expect(view.levelLots(1, 'BUY', 99)).toBe(1);
  });

  it('answers null when the feed cannot tell: a symbol without a book, an index out of range, a feed that keeps none', () => {
    expect(view.levels(0, 'BUY', 3)).toBeNull();
    expect(view.forEachLevel(7, 'BUY', 3, () => undefined)).toBeNull();
    expect(new StrategyBook(NO_BOOK_VIEW, ['ETHUSDT']).levels(0, 'SELL', 3)).toBeNull();
    expect(new StrategyBook({ levelLots: () => 0 }, ['ETHUSDT']).levels(0, 'SELL', 3)).toBeNull();
  });

  it('refuses a maxLevels that is not a whole number ≥ 0, and a side that is not BUY or SELL', () => {
    expect(() => view.levels(1, 'BUY', -1)).toThrow('book.forEachLevel: maxLevels must be a whole number ≥ 0, got -1');
    expect(() => view.levels(1, 'BUY', 1.5)).toThrow('got 1.5');
    expect(() => view.levels(1, 'bid' as Side, 1)).toThrow('book.forEachLevel: side must be BUY (the bids) or SELL (the asks), got bid');
  });
});
