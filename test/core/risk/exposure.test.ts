// Covers exposure.ts: worst-case lots on each side and the worst-case notional in QUOTE_E8.
import { describe, it, expect } from 'vitest';
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
