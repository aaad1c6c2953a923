// Covers exposure.ts: worst-case lots on each side and the worst-case notional in quote units, decided exactly against limits up to 2^53 - 1 at any quote scale.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { worstBuyLots, worstCaseNotionalE8, worstSellLots } from '../../../src/core/risk/exposure.js';

describe('exposure', () => {
  it('adds open buys to, and subtracts open sells from, the position', () => {
    expect(worstBuyLots(3, 5)).toBe(8);
    expect(worstBuyLots(-10, 4)).toBe(-6);
    expect(worstSellLots(3, 5)).toBe(-2);
    expect(worstSellLots(-10, 4)).toBe(-14);
  });

  it('takes the larger magnitude of the two sides times mark and atom', () => {
    // max(|3+5|, |3−20|) = 17 lots × 935 000 ticks × 10 000
    expect(worstCaseNotionalE8(3, 5, 20, 935000, 10_000)).toBe(158_950_000_000);
    // max(|−4+10|, |−4−1|) = 6
    expect(worstCaseNotionalE8(-4, 10, 1, 100, 1)).toBe(600);
    expect(worstCaseNotionalE8(0, 0, 0, 935000, 10_000)).toBe(0);
  });
});

describe('worstCaseNotionalE8 against a limit, at any quote scale', () => {
  // The limits a run takes are at most 2^53 - 1 quote units (compose refuses more above scale 8); the products may pass
  // 2^53 (a position far over the limit) and round, but a double product rounds monotonically, so "over the limit" is
  // decided exactly: the differential against BigInt arithmetic below is the proof (fast-check, 2000 cases).
  it('decides "above the limit" exactly as BigInt arithmetic for limits up to 2^53 - 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: 0, max: 2 ** 30 }),
        fc.integer({ min: 0, max: 2 ** 30 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 10 ** 6 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (pos, buys, sells, mark, atom, limit) => {
          const lots = BigInt(Math.max(Math.abs(pos + buys), Math.abs(pos - sells)));
          const exact = lots * BigInt(mark) * BigInt(atom) > BigInt(limit);
          return (worstCaseNotionalE8(pos, buys, sells, mark, atom) > limit) === exact;
        },
      ),
      { numRuns: 2000, seed: 19 },
    );
  });

  it('decides it exactly right at the limit too: limits within 3 units of the exact product, products around 2^53', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 27 }), fc.integer({ min: 1, max: 2 ** 27 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: -3, max: 3 }), (lots, mark, atom, d) => {
        const product = BigInt(lots) * BigInt(mark) * BigInt(atom);
        const limit = product + BigInt(d);
        if (limit < 0n || limit > BigInt(Number.MAX_SAFE_INTEGER)) return true;
        return (worstCaseNotionalE8(lots, 0, 0, mark, atom) > Number(limit)) === product > limit;
      }),
      { numRuns: 5000, seed: 53 },
    );
  });
});
