// formatScaled and formatUnits' power-of-ten path give decimal.js's canonical strings for any integer units, signs, zero and digit counts included.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { Decimal, formatDecimal, formatUnits } from '../../../src/core/money/decimal.js';
import { formatScaled } from '../../../src/core/money/format-scaled.js';

/** The simple version: the units multiplied by 10⁻ᵏ in decimal.js. */
const reference = (units: bigint | number, decimals: number): string => formatDecimal(new Decimal(units.toString()).times(new Decimal(10).pow(-decimals)));

const bigUnits = fc.oneof(fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }), fc.bigInt({ min: -1_000_000n, max: 1_000_000n }), fc.constantFrom(0n, -1n, 1n, 10n ** 12n, -(10n ** 12n)));
const numberUnits = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.constantFrom(0, -0, 100, -100));

describe('formatScaled', () => {
  it('equals decimal.js for bigint units up to 40 digits and declines beyond', () => {
    fc.assert(
      fc.property(bigUnits, fc.integer({ min: 0, max: 14 }), (units, decimals) => {
        const fast = formatScaled(units, decimals);
        const digits = (units < 0n ? -units : units).toString().length;
        if (digits > 40) expect(fast).toBeNull();
        else expect(fast).toBe(reference(units, decimals));
      }),
    );
  });

  it('equals decimal.js for safe-integer numbers (-0 prints "0")', () => {
    fc.assert(
      fc.property(numberUnits, fc.integer({ min: 0, max: 14 }), (units, decimals) => {
        expect(formatScaled(units, decimals)).toBe(reference(units, decimals));
      }),
    );
  });

  it('declines non-integers, unsafe numbers and negative shifts', () => {
    expect(formatScaled(1.5, 2)).toBeNull();
    expect(formatScaled(2 ** 60, 2)).toBeNull();
    expect(formatScaled(5n, -1)).toBeNull();
  });

  it('formats the report amounts it is used for', () => {
    expect(formatScaled(-1_234_500_000_000n, 12)).toBe('-1.2345');
    expect(formatScaled(5n, 12)).toBe('0.000000000005');
    expect(formatScaled(81_353, 4)).toBe('8.1353');
    expect(formatScaled(-20_000, 4)).toBe('-2');
  });
});

describe('formatUnits', () => {
  it('equals the decimal.js product for power-of-ten and other units', () => {
    const units = ['1', '0.1', '0.01', '0.001', '0.000000000001', '0.5', '0.25', '10', '5', '0.0005'].map((u) => new Decimal(u));
    fc.assert(
      fc.property(fc.oneof(bigUnits, numberUnits), fc.constantFrom(...units), (value, unit) => {
        expect(formatUnits(value, unit)).toBe(formatDecimal(new Decimal(value.toString()).times(unit)));
      }),
    );
  });
});
