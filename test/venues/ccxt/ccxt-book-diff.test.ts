// Covers CcxtBookDiff: the first book is a snapshot, later ones only their changed levels; applying the updates to the first book gives every later book (fast-check), and values off the grid are counted, not rounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/money/decimal.js';
import { CcxtBookDiff } from '../../../src/venues/ccxt/ccxt-book-diff.js';
import { GridCheck } from '../../../src/venues/ccxt/ccxt-grid-check.js';

const grid = (): GridCheck => new GridCheck(new Decimal('0.01'), new Decimal('0.001'), new Decimal(1));

describe('CcxtBookDiff', () => {
  it('gives the first book whole, then the changed levels with "0" for a level gone, best first', () => {
    const diff = new CcxtBookDiff(grid());
    expect(diff.next({ bids: [[100.02, 1], [100.01, 2]], asks: [[100.03, 0.5]] })).toEqual({ snapshot: true, bids: [['100.02', '1'], ['100.01', '2']], asks: [['100.03', '0.5']] });
    expect(diff.next({ bids: [[100.02, 1.5], [99.99, 3]], asks: [[100.03, 0.5]] })).toEqual({ snapshot: false, bids: [['100.02', '1.5'], ['100.01', '0'], ['99.99', '3']], asks: [] });
    expect(diff.next({ bids: [[100.02, 1.5], [99.99, 3]], asks: [[100.03, 0.5]] })).toBeNull();
  });

  it('starts from a snapshot again after reset', () => {
    const diff = new CcxtBookDiff(grid());
    diff.next({ bids: [[1, 1]], asks: [] });
    diff.reset();
    expect(diff.next({ bids: [[1, 1]], asks: [] })?.snapshot).toBe(true);
  });

  it('counts prices off the tick and sizes off the lot, and keeps their exact values', () => {
    const g = grid();
    const diff = new CcxtBookDiff(g);
    expect(diff.next({ bids: [[100.005, 0.0015]], asks: [[Number.NaN, 1]] })).toEqual({ snapshot: true, bids: [['100.005', '0.0015']], asks: [] });
    expect(g.counts).toEqual({ offTickPrices: 1, offLotSizes: 1, invalid: 1 });
  });

  it('rebuilds every book from the snapshot and the updates (any sequence of books)', () => {
    const level = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5000 }));
    const side = fc.uniqueArray(level, { selector: (l) => l[0], maxLength: 12 });
    const book = fc.record({ bids: side, asks: side });
    fc.assert(
      fc.property(fc.array(book, { minLength: 1, maxLength: 8 }), (books) => {
        const diff = new CcxtBookDiff(grid());
        const state = { bids: new Map<string, string>(), asks: new Map<string, string>() };
        const asBook = (b: { bids: [number, number][]; asks: [number, number][] }) => ({
          bids: b.bids.map(([p, q]) => [Number((p / 100).toFixed(2)), q / 1000] as [number, number]).sort((x, y) => y[0] - x[0]),
          asks: b.asks.map(([p, q]) => [Number((100 + p / 100).toFixed(2)), q / 1000] as [number, number]).sort((x, y) => x[0] - y[0]),
        });
        for (const raw of books) {
          const b = asBook(raw);
          const d = diff.next(b);
          if (d !== null) {
            if (d.snapshot) {
              state.bids.clear();
              state.asks.clear();
            }
            for (const [p, q] of d.bids) q === '0' ? state.bids.delete(p) : state.bids.set(p, q);
            for (const [p, q] of d.asks) q === '0' ? state.asks.delete(p) : state.asks.set(p, q);
          }
          const expected = (levels: [number, number][]) => new Map(levels.map(([p, q]) => [new Decimal(String(p)).toFixed(), new Decimal(String(q)).toFixed()]));
          expect(state.bids).toEqual(expected(b.bids));
          expect(state.asks).toEqual(expected(b.asks));
        }
      }),
      { numRuns: 200 },
    );
  });
});
