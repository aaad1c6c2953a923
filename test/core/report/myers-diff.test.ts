// diffLines (Myers): a shortest edit script (seeded fast-check against an LCS table), deletions before insertions in a change, and a valid one-block replacement past its bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../src/core/report/myers-diff.js';

describe('diffLines', () => {
  it('writes a changed run as its deletions, then its insertions', () => {
    expect(diffLines(['a', 'x', 'y', 'b'], ['a', 'p', 'q', 'r', 'b'])).toEqual({ edits: [' ', '-', '-', '+', '+', '+', ' '], minimal: true });
  });

  it('past maxEdits keeps the common head and tail and replaces the middle', () => {
    expect(diffLines(['h', 'a', 'b', 'c', 't'], ['h', 'b', 'x', 'c', 'y', 't'], { maxEdits: 1 })).toEqual({ edits: [' ', '-', '-', '-', '+', '+', '+', '+', ' '], minimal: false });
  });

  it('changes n + m − 2·LCS lines: a shortest edit script', () => {
    const lcs = (a: string[], b: string[]) => {
      const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
      return t[0]![0]!;
    };
    const arr = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 });
    fc.assert(
      fc.property(arr, arr, (a, b) => {
        const { edits, minimal } = diffLines(a, b);
        expect(minimal).toBe(true);
        expect(edits.filter((e) => e !== ' ').length).toBe(a.length + b.length - 2 * lcs(a, b));
      }),
      { seed: 14, numRuns: 2000 },
    );
  });
});
