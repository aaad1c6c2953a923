// Covers bigint-math: divRoundHalfEven on halves (to even), non-halves (to nearest) of both signs, and absBig.
import { describe, it, expect } from 'vitest';
import { absBig, divRoundHalfEven } from '../../../src/core/money/bigint-math.js';

describe('divRoundHalfEven', () => {
  it.each([
    [5n, 2n, 2n], // 2.5 → 2 (even)
    [7n, 2n, 4n], // 3.5 → 4 (even)
    [-5n, 2n, -2n], // −2.5 → −2
    [-7n, 2n, -4n], // −3.5 → −4
    [1n, 2n, 0n], // 0.5 → 0
    [3n, 2n, 2n], // 1.5 → 2
    [-1n, 2n, 0n], // −0.5 → 0
    [-3n, 2n, -2n], // −1.5 → −2
    [10n, 3n, 3n], // 3.33… → 3
    [-10n, 3n, -3n], // −3.33… → −3
    [11n, 3n, 4n], // 3.67 → 4
    [-11n, 3n, -4n], // −3.67 → −4
    [12n, 3n, 4n], // exact
    [-12n, 3n, -4n], // exact
    [0n, 7n, 0n],
    [25n, 10n, 2n], // 2.5 → 2
    [35n, 10n, 4n], // 3.5 → 4
    [26n, 10n, 3n], // 2.6 → 3
    [24n, 10n, 2n], // 2.4 → 2
  ])('%d / %d = %d', (n, d, expected) => {
    expect(divRoundHalfEven(n, d)).toBe(expected);
  });

  it('stays exact far beyond 2^53', () => {
    const big = 10n ** 30n;
    expect(divRoundHalfEven(big * 3n + 1n, 2n)).toBe(big + big / 2n); // (3e30 + 1) / 2 = 1.5e30 + 0.5 → 1.5e30 (even)
    expect(divRoundHalfEven(big * 3n + 3n, 2n)).toBe(big + big / 2n + 2n); // 1.5e30 + 1.5 → 1.5e30 + 2
  });
});

describe('absBig', () => {
  it('returns the magnitude', () => {
    expect(absBig(-5n)).toBe(5n);
    expect(absBig(5n)).toBe(5n);
    expect(absBig(0n)).toBe(0n);
  });
});
