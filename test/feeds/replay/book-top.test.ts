// Covers BookTop: publishes a two-sided top once, then only on a price or size change; one-sided books and invalidation force the next publication.
import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../src/core/market/order-book.js';
import { BookTop } from '../../../src/feeds/replay/book-top.js';

describe('BookTop', () => {
  it('reports a change for the first two-sided top and then only when the best price or size moves', () => {
    const book = new OrderBook('X');
    const top = new BookTop();
    book.replace([[100, 5], [99, 1]], [[101, 7]]);
    expect(top.update(book)).toBe(true);
    expect([top.bidTicks, top.bidLots, top.askTicks, top.askLots]).toEqual([100, 5, 101, 7]);
    book.setBid(99, 3);
    expect(top.update(book)).toBe(false);
    book.setAsk(101, 8);
    expect(top.update(book)).toBe(true);
    book.setBid(100, 0);
    expect(top.update(book)).toBe(true);
    expect([top.bidTicks, top.bidLots]).toEqual([99, 3]);
  });

  it('publishes nothing for a one-sided book and republishes an equal top after it or after invalidate()', () => {
    const book = new OrderBook('X');
    const top = new BookTop();
    book.replace([[100, 5]], [[101, 7]]);
    expect(top.update(book)).toBe(true);
    book.setAsk(101, 0);
    expect(top.update(book)).toBe(false);
    expect(top.valid).toBe(false);
    book.setAsk(101, 7);
    expect(top.update(book)).toBe(true);
    top.invalidate();
    expect(top.update(book)).toBe(true);
  });
});
