// ChangedSymbols lists each touched index once, in the order first touched, and starts with every index listed: equal to a Set-based reference after random touches and drains.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { ChangedSymbols } from '../../../src/core/risk/changed-symbols.js';

const drained = (changes: ChangedSymbols): number[] => {
  const out: number[] = [];
  changes.drain((symbol) => out.push(symbol));
  return out;
};

describe('ChangedSymbols', () => {
  it('lists every index at the start, then nothing until touched', () => {
    const changes = new ChangedSymbols(3);
    expect(drained(changes)).toEqual([0, 1, 2]);
    expect(drained(changes)).toEqual([]);
    changes.touch(2);
    changes.touch(0);
    changes.touch(2);
    expect(drained(changes)).toEqual([2, 0]);
  });

  it('drains what a Set of first touches (insertion order) would, after random touches and drains', () => {
    const step = fc.oneof(fc.integer({ min: 0, max: 7 }), fc.constant('drain' as const));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const changes = new ChangedSymbols(8);
        let reference = new Set<number>([0, 1, 2, 3, 4, 5, 6, 7]);
        for (const s of steps) {
          if (s === 'drain') {
            expect(drained(changes)).toEqual([...reference]);
            reference = new Set();
          } else {
            changes.touch(s);
            reference.add(s);
          }
        }
        expect(drained(changes)).toEqual([...reference]);
      }),
    );
  });
});
