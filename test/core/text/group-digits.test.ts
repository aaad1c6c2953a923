// Covers groupDigits: prints integers exactly as toLocaleString('en-US') does (seeded fast-check and fixed cases), without ICU.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../../src/core/text/group-digits.js';

describe('groupDigits', () => {
  it('groups by thousands with commas', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(1000)).toBe('1,000');
    expect(groupDigits(3_000_000)).toBe('3,000,000');
    expect(groupDigits(-1234567)).toBe('-1,234,567');
    expect(groupDigits(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991');
  });

  it('agrees with toLocaleString("en-US") on every safe integer, and hands other numbers to it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -100_000, max: 100_000 }), fc.double({ noNaN: true })), (n) => groupDigits(n) === n.toLocaleString('en-US')),
      { seed: 14, numRuns: 500 },
    );
  });
});
