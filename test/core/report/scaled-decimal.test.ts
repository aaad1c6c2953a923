// Covers formatScaled / formatCount: the same canonical decimal text as formatUnits (decimal.js) for any integer and unit, without decimal.js.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, formatUnits } from '../../../src/core/money/decimal.js';
import { formatCount, formatScaled, scaledUnit } from '../../../src/core/report/scaled-decimal.js';

describe('formatScaled', () => {
  it('places the point, drops trailing zeros, keeps the sign and writes zero as "0"', () => {
    expect([formatScaled(935000, 1), formatScaled(-5, 3), formatScaled(0n, 12), formatScaled(1_500_000_000_000n, 12), formatScaled(7, 0), formatScaled(-0, 4)]).toEqual(['93500', '-0.005', '0', '1.5', '7', '0']);
  });

  it('equals formatUnits for any integer and power-of-ten unit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 14 }), (units, scale) => {
        expect(formatScaled(units, scale)).toBe(formatUnits(units, new Decimal(10).pow(-scale)));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});

describe('formatCount', () => {
  it('equals formatUnits for counts of any tick or lot size, 0.5 and 0.0025 included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('0.1', '0.5', '0.0025', '1', '25', '0.00000001', '0.001'), (count, step) => {
        expect(formatCount(count, scaledUnit(new Decimal(step)))).toBe(formatUnits(count, new Decimal(step)));
      }),
      { numRuns: 3000, seed: 6 },
    );
  });
});
