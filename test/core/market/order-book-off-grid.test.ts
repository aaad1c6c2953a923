// Covers OrderBook with levels off the tick grid: kept at their exact price, counted, best prices rounded passively (bid down, ask up), exact crossed checks, removals, depth and level reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../src/core/market/order-book.js';
import { compileUnitGrid, tryExactOffGrid } from '../../../src/core/money/fast-units.js';
import type { BookLevel, OffGridLevel } from '../../../src/core/model/market-data-event.js';

const TICK = compileUnitGrid('0.1'); // prices in ticks of 0.1: 100.0 = 1000

function off(side: 'bid' | 'ask', price: string, qtyLots: number): OffGridLevel {
  const exact = tryExactOffGrid(price, TICK);
  if (exact === null) throw new Error(`${price} is on the grid`);
  return { side, price: exact, qtyLots };
}

const held = (levels: readonly { price: { text: string }; qtyLots: number }[]): [string, number][] => levels.map((l) => [l.price.text, l.qtyLots]);

describe('OrderBook off-grid levels', () => {
  it('keeps them at their exact price beside the on-grid ladder, counts them, and includes them in the depth', () => {
    const book = new OrderBook('X');
    book.replace([[1000, 5], [999, 7]], [[1002, 2]], [off('bid', '99.95', 3), off('bid', '99.25', 4), off('ask', '100.35', 6), off('ask', '100.45', 0)]);
    expect(held(book.offGridBids())).toEqual([['99.95', 3], ['99.25', 4]]);
    expect(held(book.offGridAsks())).toEqual([['100.35', 6]]); // a snapshot's zero size is no level (and no removal)
    expect([book.bidDepth, book.askDepth, book.offGridDepth, book.offGridLevelsReceived, book.removedAbsent]).toEqual([4, 2, 3, 4, 0]);
    // The on-grid ladder reads as before: 100.0 is the best bid, its size at 100.0 is unchanged.
    expect([book.bestBidTicks(), book.bestBidLots(), book.bestAskTicks(), book.bestAskLots()]).toEqual([1000, 5, 1002, 2]);
    expect(book.topBids(5)).toEqual([[1000, 5], [999, 7]]);
  });

  it('rounds an off-grid best bid down and an off-grid best ask up onto the grid, with that level’s own size', () => {
    const book = new OrderBook('X');
    book.replace([[1000, 5]], [[1003, 2]], [off('bid', '100.05', 8), off('ask', '100.15', 9)]);
    // 100.05 is the best bid (above 100.0): read as 100.0 (down); 100.15 the best ask (below 100.3): read as 100.2 (up).
    expect([book.bestBidTicks(), book.bestBidLots(), book.bestAskTicks(), book.bestAskLots()]).toEqual([1000, 8, 1002, 9]);
    expect(book.isCrossed()).toBe(false);
    // Removing them gives the on-grid touch back.
    book.applyLevels([], [], [off('bid', '100.05', 0), off('ask', '100.15', 0)]);
    expect([book.bestBidTicks(), book.bestBidLots(), book.bestAskTicks(), book.bestAskLots()]).toEqual([1000, 5, 1003, 2]);
    expect([book.offGridDepth, book.offGridLevelsReceived, book.removedAbsent]).toEqual([0, 4, 0]);
  });

  it('updates an off-grid level in place, inserts new ones in price order and counts the removal of an absent one', () => {
    const book = new OrderBook('X');
    book.replace([[1000, 5]], [[1003, 2]], [off('ask', '100.55', 1)]);
    book.applyLevels([], [[1004, 3]], [off('ask', '100.55', 4), off('ask', '100.35', 2), off('ask', '100.75', 0)]);
    expect(held(book.offGridAsks())).toEqual([['100.35', 2], ['100.55', 4]]);
    expect([book.askDepth, book.offGridLevelsReceived, book.removedAbsent]).toEqual([4, 4, 1]);
  });

  it('detects a crossed book exactly whichever side is off the grid', () => {
    const crossed = (bids: [number, number][], asks: [number, number][], offGrid: OffGridLevel[]): boolean => {
      const book = new OrderBook('X');
      book.replace(bids, asks, offGrid);
      return book.isCrossed();
    };
    expect(crossed([[1000, 1]], [[1001, 1]], [off('bid', '100.05', 1)])).toBe(false); // 100.05 < 100.1
    expect(crossed([[1000, 1]], [[1001, 1]], [off('bid', '100.15', 1)])).toBe(true); // 100.15 ≥ 100.1
    expect(crossed([[1000, 1]], [[1002, 1]], [off('ask', '100.05', 1)])).toBe(false); // 100.0 < 100.05
    expect(crossed([[1001, 1]], [[1002, 1]], [off('ask', '100.05', 1)])).toBe(true); // 100.1 ≥ 100.05
    expect(crossed([], [], [off('bid', '100.05', 1), off('ask', '100.07', 1)])).toBe(false); // same ticks around, exact prices apart
    expect(crossed([], [], [off('bid', '100.07', 1), off('ask', '100.05', 1)])).toBe(true);
    expect(crossed([], [], [off('bid', '100.05', 1), off('ask', '100.05', 1)])).toBe(true); // locked
  });

  it('never crosses or locks the rounded touch of an uncrossed book', () => {
    const book = new OrderBook('X');
    book.replace([], [], [off('bid', '100.01', 1), off('ask', '100.09', 1)]);
    expect(book.isCrossed()).toBe(false);
    expect([book.bestBidTicks(), book.bestAskTicks()]).toEqual([1000, 1001]);
  });

  it('reads an on-grid level’s size with off-grid levels deeper: 0 inside the book, null beyond its worst (off-grid) level', () => {
    const book = new OrderBook('X');
    book.replace([[1000, 5]], [[1002, 2]], [off('bid', '99.25', 4), off('ask', '100.75', 1)]);
    expect(book.levelLots('bid', 1000)).toBe(5);
    expect(book.levelLots('bid', 993)).toBe(0); // 99.3: above the off-grid 99.25, inside the book
    expect(book.levelLots('bid', 992)).toBeNull(); // 99.2: below every bid the book holds
    expect(book.levelLots('ask', 1007)).toBe(0); // 100.7: below the off-grid 100.75
    expect(book.levelLots('ask', 1008)).toBeNull();
    // A side holding only off-grid levels still knows its extent.
    const only = new OrderBook('X');
    only.replace([], [], [off('bid', '99.25', 4)]);
    expect([only.levelLots('bid', 993), only.levelLots('bid', 992), only.levelLots('ask', 1000)]).toEqual([0, null, null]);
  });

  it('clears off-grid levels with the book and on a new snapshot, keeping the counters', () => {
    const book = new OrderBook('X');
    book.replace([[1000, 5]], [[1002, 2]], [off('bid', '99.25', 4)]);
    book.clear();
    expect([book.bidDepth, book.offGridDepth, book.bestBidTicks(), book.offGridLevelsReceived]).toEqual([0, 0, null, 1]);
    book.replace([[1000, 5]], [[1002, 2]], [off('ask', '100.35', 4)]);
    book.replace([[1000, 5]], [[1002, 2]]);
    expect([book.offGridDepth, book.askDepth, book.offGridLevelsReceived]).toEqual([0, 1, 2]);
  });

  it('agrees with a naive exact model under random on- and off-grid updates (prices in hundredths on a 0.1 tick)', () => {
    const upd = fc.record({ side: fc.constantFrom<'bid' | 'ask'>('bid', 'ask'), hundredths: fc.integer({ min: 9_950, max: 10_050 }), lots: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(fc.array(upd, { maxLength: 6 }), { minLength: 1, maxLength: 40 }), (batches) => {
        const book = new OrderBook('X');
        const model = { bid: new Map<number, number>(), ask: new Map<number, number>() };
        for (const batch of batches) {
          const bids: BookLevel[] = [];
          const asks: BookLevel[] = [];
          const offGrid: OffGridLevel[] = [];
          for (const u of batch) {
            if (u.hundredths % 10 === 0) (u.side === 'bid' ? bids : asks).push([u.hundredths / 10, u.lots]);
            else offGrid.push(off(u.side, (u.hundredths / 100).toFixed(2), u.lots));
            if (u.lots === 0) model[u.side].delete(u.hundredths);
            else model[u.side].set(u.hundredths, u.lots);
          }
          book.applyLevels(bids, asks, offGrid);
          const bidPrices = [...model.bid.keys()];
          const askPrices = [...model.ask.keys()];
          const bestBid = bidPrices.length === 0 ? null : Math.max(...bidPrices);
          const bestAsk = askPrices.length === 0 ? null : Math.min(...askPrices);
          expect(book.bestBidTicks()).toBe(bestBid === null ? null : Math.floor(bestBid / 10));
          expect(book.bestAskTicks()).toBe(bestAsk === null ? null : Math.ceil(bestAsk / 10));
          expect(book.bestBidLots()).toBe(bestBid === null ? 0 : model.bid.get(bestBid));
          expect(book.bestAskLots()).toBe(bestAsk === null ? 0 : model.ask.get(bestAsk));
          expect(book.isCrossed()).toBe(bestBid !== null && bestAsk !== null && bestBid >= bestAsk);
          expect([book.bidDepth, book.askDepth]).toEqual([model.bid.size, model.ask.size]);
          expect(book.offGridDepth).toBe([...bidPrices, ...askPrices].filter((h) => h % 10 !== 0).length);
          const offSorted = (side: 'bid' | 'ask'): string[] =>
            [...model[side].keys()].filter((h) => h % 10 !== 0).sort((x, y) => (side === 'bid' ? y - x : x - y)).map((h) => String(h / 100)); // shortest form: 99.51, 100.05
          expect(book.offGridBids().map((l) => l.price.text)).toEqual(offSorted('bid'));
          expect(book.offGridAsks().map((l) => l.price.text)).toEqual(offSorted('ask'));
        }
      }),
      { numRuns: 100, seed: 20261203 },
    );
  });
});
