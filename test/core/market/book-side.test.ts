// Covers BookSide against a naive price→size map (fast-check): deep ladders (shifts moved by loop and by copyWithin, capacity growth), snapshots best-first or not, clears, and every read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BookSide, type BookSideName } from '../../../src/core/market/book-side.js';
import type { BookLevel } from '../../../src/core/model/market-data-event.js';

type Op = { kind: 'set'; price: number; qty: number } | { kind: 'replace'; levels: BookLevel[]; bestFirst: boolean } | { kind: 'clear' };

const price = fc.oneof({ weight: 1, arbitrary: fc.nat({ max: 40 }) }, { weight: 6, arbitrary: fc.nat({ max: 3000 }) }, { weight: 1, arbitrary: fc.constant(0) });
const qty = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 1_000_000 }) });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 400, arbitrary: fc.record({ kind: fc.constant('set' as const), price, qty }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), levels: fc.array(fc.tuple(price, qty), { maxLength: 300, size: 'max' }), bestFirst: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
);

/** The model's levels best first. */
function sorted(model: Map<number, number>, side: BookSideName): BookLevel[] {
  return [...model.entries()].sort((a, b) => (side === 'bid' ? b[0] - a[0] : a[0] - b[0]));
}

describe('BookSide', () => {
  it('holds what a price→size map holds after any sequence of sets, replaces and clears, on both sides', () => {
    let deepest = 0;
    fc.assert(
      fc.property(fc.constantFrom<BookSideName>('bid', 'ask'), fc.array(op, { minLength: 100, maxLength: 2500, size: 'max' }), fc.array(price, { maxLength: 20 }), (side, ops, probes) => {
        const book = new BookSide(side);
        const model = new Map<number, number>();
        // Indexes of the sets whose answer (changed or not) differed from the model's, checked once per run (an expect per set cost seconds).
        const wrongSets: number[] = [];
        for (const [index, o] of ops.entries()) {
          if (o.kind === 'set') {
            if (book.set(o.price, o.qty) !== (o.qty !== 0 || model.has(o.price))) wrongSets.push(index);
            if (o.qty === 0) model.delete(o.price);
            else model.set(o.price, o.qty);
          } else if (o.kind === 'replace') {
            // Best first (the copied path) or as generated (per-level sets: a later duplicate wins).
            const unique = [...new Map(o.levels).entries()];
            const levels = o.bestFirst ? sorted(new Map(unique), side) : o.levels;
            book.replace(levels);
            model.clear();
            for (const [p, q] of levels) {
              if (q === 0) model.delete(p);
              else model.set(p, q);
            }
          } else {
            book.clear();
            model.clear();
          }
        }
        expect(wrongSets).toEqual([]);
        const levels = sorted(model, side);
        deepest = Math.max(deepest, levels.length);
        expect(book.depth).toBe(levels.length);
        expect(book.top(10_000)).toEqual(levels);
        expect(book.bestTicks()).toBe(levels.length === 0 ? null : levels[0]![0]);
        expect(book.bestLots()).toBe(levels.length === 0 ? 0 : levels[0]![1]);
        expect(book.worstTicks()).toBe(levels.length === 0 ? null : levels[levels.length - 1]![0]);
        const visited: BookLevel[] = [];
        expect(book.forEachTop(5, (p, q, depth) => visited.push([p, q + depth * 0]))).toBe(Math.min(5, levels.length));
        expect(visited).toEqual(levels.slice(0, 5));
        for (const p of probes) expect(book.lotsAt(p)).toBe(model.get(p) ?? 0);
      }),
      { numRuns: 40 },
    );
    // The runs reached ladders past the initial capacity (64) and shifts past the loop's length (16).
    expect(deepest).toBeGreaterThan(200);
  });
});
