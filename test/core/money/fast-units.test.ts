// Covers fast-units.ts: grid compilation, exact string→units conversion (NaN / E_INVALID_DECIMAL / E_OFF_GRID), the 2^53 limit, half-even rounding, and equivalence with decimal.js on seeded random values.
import { describe, it, expect } from 'vitest';
import { Decimal, parseDecimal, toUnits } from '../../../src/core/money/decimal.js';
import {
  compileUnitGrid,
  decimalToUnits,
  tryDecimalRangeToUnits,
  tryDecimalToUnits,
  tryDecimalToUnitsRounded,
  tryScaledToUnits,
  MAX_DECIMAL_CHARS,
} from '../../../src/core/money/fast-units.js';
import fc from 'fast-check';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import { codeOf } from '../../helpers/error-code.js';

const TICK_0_0001 = compileUnitGrid('0.0001');

describe('compileUnitGrid', () => {
  it.each([
    ['0.0001', 4, 1],
    ['0.00010000', 4, 1],
    ['0.5', 1, 5],
    ['0.00025', 5, 25],
    ['1', 0, 1],
    ['10', 0, 10],
    ['1.50', 1, 15],
    ['0.00000001', 8, 1],
  ])('compiles %s to scale %i and stepScaled %i', (step, scale, stepScaled) => {
    expect(compileUnitGrid(step)).toEqual({ step, scale, stepScaled });
  });

  it('refuses zero, negative and malformed steps', () => {
    expect(codeOf(() => compileUnitGrid('0'))).toBe('E_CONFIG');
    expect(codeOf(() => compileUnitGrid('-0.1'))).toBe('E_CONFIG');
    expect(codeOf(() => compileUnitGrid('1e-5'))).toBe('E_INVALID_DECIMAL');
    expect(codeOf(() => compileUnitGrid('abc'))).toBe('E_INVALID_DECIMAL');
    expect(codeOf(() => compileUnitGrid(`0.${'0'.repeat(22)}1`))).toBe('E_CONFIG');
    expect(compileUnitGrid(`0.${'0'.repeat(21)}1`).scale).toBe(22);
  });
});

describe('tryDecimalToUnits', () => {
  it('converts venue strings to exact units of the step', () => {
    expect(tryDecimalToUnits('0.35130000', TICK_0_0001)).toBe(3513);
    expect(tryDecimalToUnits('0.3513', TICK_0_0001)).toBe(3513);
    expect(tryDecimalToUnits('93500.5', compileUnitGrid('0.1'))).toBe(935005);
    expect(tryDecimalToUnits('93500.5', compileUnitGrid('0.5'))).toBe(187001);
    expect(tryDecimalToUnits('6195.00000000', compileUnitGrid('1'))).toBe(6195);
    expect(tryDecimalToUnits('6200', compileUnitGrid('10'))).toBe(620);
    expect(tryDecimalToUnits('0.00000001', compileUnitGrid('0.00000001'))).toBe(1);
    expect(tryDecimalToUnits('0.00075', compileUnitGrid('0.00025'))).toBe(3);
  });

  it('accepts the same plain forms as parseDecimal: sign, leading dot, trailing dot', () => {
    expect(tryDecimalToUnits('-2.5', compileUnitGrid('0.5'))).toBe(-5);
    expect(tryDecimalToUnits('+1', TICK_0_0001)).toBe(10000);
    expect(tryDecimalToUnits('.5', compileUnitGrid('0.1'))).toBe(5);
    expect(tryDecimalToUnits('5.', compileUnitGrid('0.1'))).toBe(50);
  });

  it('has no 30-digit cap, unlike parseDecimal: trailing zeros cost nothing', () => {
    const text = '0.3513' + '0'.repeat(30);
    expect(tryDecimalToUnits(text, TICK_0_0001)).toBe(3513);
    expect(codeOf(() => parseDecimal(text, 'x'))).toBe('E_INVALID_DECIMAL');
  });

  it('refuses a decimal longer than MAX_DECIMAL_CHARS before reading its digits, however many zeros it has', () => {
    const atLimit = '0.0001' + '0'.repeat(MAX_DECIMAL_CHARS - 6);
    expect(tryDecimalToUnits(atLimit, TICK_0_0001)).toBe(1);
    expect(tryDecimalToUnits(atLimit + '0', TICK_0_0001)).toBeNaN();
    expect(tryDecimalRangeToUnits(`"${atLimit}0"`, 1, atLimit.length + 2, TICK_0_0001)).toBeNaN();
    expect(tryDecimalToUnitsRounded(atLimit + '0', TICK_0_0001)).toBeNaN();
  });

  it('refuses a 10 M-digit decimal (a BigInt of it took seconds) with a message that does not echo it', () => {
    const huge = '9'.repeat(10_000_000);
    expect(tryDecimalToUnits(huge, TICK_0_0001)).toBeNaN();
    expect(tryDecimalToUnitsRounded(huge, TICK_0_0001)).toBeNaN();
    let message = '';
    try {
      decimalToUnits(huge, TICK_0_0001, 'price');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(`price: a decimal of 10000000 characters is longer than ${MAX_DECIMAL_CHARS}`);
  });

  it('gives 0, never -0, for zero', () => {
    expect(Object.is(tryDecimalToUnits('-0', TICK_0_0001), 0)).toBe(true);
    expect(Object.is(tryDecimalToUnits('-0.0000', TICK_0_0001), 0)).toBe(true);
    expect(tryDecimalToUnits('0.00000000', TICK_0_0001)).toBe(0);
  });

  it('returns NaN for values off the grid', () => {
    expect(tryDecimalToUnits('0.35135', TICK_0_0001)).toBeNaN();
    expect(tryDecimalToUnits('0.351300001', TICK_0_0001)).toBeNaN();
    expect(tryDecimalToUnits('93500.3', compileUnitGrid('0.5'))).toBeNaN();
    expect(tryDecimalToUnits('6205', compileUnitGrid('10'))).toBeNaN();
  });

  it.each(['1e-5', '1E5', '', ' ', ' 1', '1 ', '.', '-', '+', '1.2.3', '0x10', '1,5', '- 1', 'NaN', 'Infinity', 'abc', '1.5x', '--1'])(
    'returns NaN for the malformed text %j',
    (text) => {
      expect(tryDecimalToUnits(text, TICK_0_0001)).toBeNaN();
    },
  );

  it.each([null, undefined, 5, {}, [], true])('returns NaN for the non-string %j', (value) => {
    expect(tryDecimalToUnits(value, TICK_0_0001)).toBeNaN();
  });

  it('is exact up to MAX_SAFE_INTEGER units and refuses one more', () => {
    const one = compileUnitGrid('1');
    expect(tryDecimalToUnits('9007199254740991', one)).toBe(9007199254740991);
    expect(tryDecimalToUnits('9007199254740992', one)).toBeNaN();
    expect(tryDecimalToUnits('-9007199254740991', one)).toBe(-9007199254740991);
    expect(tryDecimalToUnits('900719925474099.1', compileUnitGrid('0.1'))).toBe(9007199254740991);
    expect(tryDecimalToUnits('900719925474099.2', compileUnitGrid('0.1'))).toBeNaN();
    expect(tryDecimalToUnits('1' + '0'.repeat(400), one)).toBeNaN();
  });

  it('stays exact when value × 10^scale passes 2^53 but the units do not (step > 1 unit)', () => {
    const half = compileUnitGrid('0.5');
    // N = 9007199254740990 × 5 is far above 2^53; the quotient 9007199254740990 is safe.
    expect(tryDecimalToUnits('4503599627370495', half)).toBe(9007199254740990);
    expect(tryDecimalToUnits('4503599627370495.5', half)).toBe(9007199254740991);
    expect(tryDecimalToUnits('4503599627370496', half)).toBeNaN();
    expect(tryDecimalToUnits('4503599627370495.3', half)).toBeNaN();
    expect(tryDecimalToUnits('90071992547409900', compileUnitGrid('10'))).toBe(9007199254740990);
  });
});

describe('decimalToUnits', () => {
  it('returns the units on success', () => {
    expect(decimalToUnits('0.35130000', TICK_0_0001, 'NKNUSDT price')).toBe(3513);
  });

  it('throws E_INVALID_DECIMAL for malformed text and E_OFF_GRID for off-grid or too-large values', () => {
    expect(codeOf(() => decimalToUnits('1e-5', TICK_0_0001, 'price'))).toBe('E_INVALID_DECIMAL');
    expect(codeOf(() => decimalToUnits(' 1', TICK_0_0001, 'price'))).toBe('E_INVALID_DECIMAL');
    expect(codeOf(() => decimalToUnits('0.35135', TICK_0_0001, 'price'))).toBe('E_OFF_GRID');
    expect(codeOf(() => decimalToUnits('9007199254740992', compileUnitGrid('1'), 'qty'))).toBe('E_OFF_GRID');
  });

  it('names the field, the text and the step in the message', () => {
    expect(() => decimalToUnits('0.35135', TICK_0_0001, 'NKNUSDT price')).toThrow(
      'NKNUSDT price: 0.35135 is not a multiple of 0.0001 within 9007199254740991 units',
    );
    expect(() => decimalToUnits('1e-5', TICK_0_0001, 'NKNUSDT price')).toThrow('NKNUSDT price: "1e-5" is not a plain decimal number');
  });
});

describe('tryDecimalToUnitsRounded', () => {
  const tick01 = compileUnitGrid('0.1');
  it.each([
    ['28552.81', 285528],
    ['28552.85', 285528],
    ['28552.75', 285528],
    ['28552.851', 285529],
    ['28552.849999', 285528],
    ['28552.8', 285528],
    ['-0.05', 0],
    ['-0.15', -2],
    ['0', 0],
  ])('rounds %s half-even to %i ticks of 0.1', (text, ticks) => {
    expect(tryDecimalToUnitsRounded(text, tick01)).toBe(ticks);
  });

  it('rounds half-even to a step that is not a power of ten', () => {
    const half = compileUnitGrid('0.5');
    expect(tryDecimalToUnitsRounded('29023.60', half)).toBe(58047);
    expect(tryDecimalToUnitsRounded('0.25', half)).toBe(0);
    expect(tryDecimalToUnitsRounded('0.75', half)).toBe(2);
    expect(tryDecimalToUnitsRounded('0.7500001', half)).toBe(2);
    expect(tryDecimalToUnitsRounded('0.2500001', half)).toBe(1);
  });

  it('returns NaN for malformed text and results beyond MAX_SAFE_INTEGER', () => {
    expect(tryDecimalToUnitsRounded('1e5', tick01)).toBeNaN();
    expect(tryDecimalToUnitsRounded('', tick01)).toBeNaN();
    expect(tryDecimalToUnitsRounded(7, tick01)).toBeNaN();
    expect(tryDecimalToUnitsRounded('9007199254740991.4', compileUnitGrid('1'))).toBe(9007199254740991);
    expect(tryDecimalToUnitsRounded('9007199254740991.5', compileUnitGrid('1'))).toBeNaN();
  });
});

/** A random plain decimal: up to 16 integer digits, up to 12 decimals, optional sign, sometimes trailing zeros. */
function randomDecimal(rng: SeededRng): string {
  const intDigits = Math.floor(rng.next() * 17);
  const fracDigits = Math.floor(rng.next() * 13);
  let text = rng.next() < 0.1 ? '-' : '';
  for (let i = 0; i < intDigits; i++) text += String(Math.floor(rng.next() * 10));
  if (intDigits === 0) text += '0';
  if (fracDigits > 0) {
    text += '.';
    for (let i = 0; i < fracDigits; i++) text += String(Math.floor(rng.next() * 10));
    if (rng.next() < 0.3) text += '0000';
  }
  return text;
}

const STEPS = ['0.00000001', '0.0001', '0.01', '0.1', '0.5', '1', '10', '0.00025', '0.001', '5'];

/** The reference: decimal.js via parseDecimal + toUnits, with failures as NaN. */
function reference(text: string, step: string): number {
  try {
    const units = toUnits(parseDecimal(text, 'x'), new Decimal(step), 'x');
    return units === 0 ? 0 : units;
  } catch {
    return NaN;
  }
}

describe('equivalence with parseDecimal + toUnits', () => {
  it('agrees on 20,000 seeded random values across ten steps', () => {
    const rng = new SeededRng('fast-units-equivalence');
    let agreedSuccesses = 0;
    for (let i = 0; i < 20_000; i++) {
      const step = STEPS[i % STEPS.length] ?? '1';
      const grid = compileUnitGrid(step);
      // Half the values are snapped onto the grid so both paths exercise success, not only off-grid.
      let text = randomDecimal(rng);
      if (i % 2 === 0) text = new Decimal(text).div(step).toDecimalPlaces(0, Decimal.ROUND_DOWN).times(step).toFixed();
      const expected = reference(text, step);
      const actual = tryDecimalToUnits(text, grid);
      if (!Object.is(actual, expected)) throw new Error(`${text} / ${step}: fast ${actual}, reference ${expected}`);
      if (!Number.isNaN(actual)) agreedSuccesses++;
    }
    expect(agreedSuccesses).toBeGreaterThan(9_000);
  });

  it('agrees with decimal.js half-even rounding on 20,000 seeded random values', () => {
    const rng = new SeededRng('fast-units-rounding');
    for (let i = 0; i < 20_000; i++) {
      const step = STEPS[i % STEPS.length] ?? '1';
      const text = randomDecimal(rng);
      const rounded = new Decimal(text).div(step).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
      const expected = rounded.abs().gt(Number.MAX_SAFE_INTEGER) ? NaN : rounded.toNumber() || 0;
      const actual = tryDecimalToUnitsRounded(text, compileUnitGrid(step));
      if (!Object.is(actual, expected)) throw new Error(`${text} / ${step}: fast ${actual}, reference ${expected}`);
    }
  });

  it('agrees on every value in the capture-like range 0.00000001 … 99999.99999999 at the edges of each power of ten', () => {
    const grid = compileUnitGrid('0.00000001');
    for (let e = -8; e <= 4; e++) {
      const base = new Decimal(10).pow(e);
      for (const v of [base, base.minus('0.00000001'), base.plus('0.00000001')]) {
        if (v.lte(0)) continue;
        const text = v.toFixed(8);
        expect(tryDecimalToUnits(text, grid)).toBe(reference(text, '0.00000001'));
      }
    }
  });
});

describe('tryDecimalRangeToUnits', () => {
  it('converts a range in place exactly as tryDecimalToUnits converts the substring', () => {
    const tick = compileUnitGrid('0.00001');
    const values = ['0.35210000', '0', '-0', '+1.5', '.5', '5.', '', '-', '1e5', '0.000001', '0.35215', '90071992547.40991', '1 ', '12a'];
    for (const value of values) {
      const text = `"x":"${value}",`;
      expect(tryDecimalRangeToUnits(text, 5, 5 + value.length, tick)).toBe(tryDecimalToUnits(value, tick));
    }
  });
});

describe('tryScaledToUnits', () => {
  /** mantissa × 10^-fracDigits spelled as a plain decimal (what a byte scanner packed it from). */
  const text = (mantissa: number, fracDigits: number): string => {
    const digits = String(mantissa).padStart(fracDigits + 1, '0');
    return fracDigits === 0 ? digits : `${digits.slice(0, -fracDigits)}.${digits.slice(-fracDigits)}`;
  };
  const steps = ['0.1', '0.001', '0.5', '0.00025', '1', '10', '0.00000001', '25', '0.0000000000000001'];

  it('gives what tryDecimalToUnits gives for the decimal text, NaN included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...steps),
        fc.oneof(fc.nat({ max: 10_000 }), fc.nat({ max: 10 ** 15 - 1 }), fc.constantFrom(0, 999_999_999_999_999, 900_719_925_474_099)),
        fc.nat({ max: 15 }),
        (step, mantissa, fracDigits) => {
          const grid = compileUnitGrid(step);
          expect(tryScaledToUnits(mantissa, fracDigits, grid)).toBe(tryDecimalToUnits(text(mantissa, fracDigits), grid));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('keeps trailing zeros beyond the step, refuses other digits there, and redoes products past 2^53 exactly', () => {
    const grid = compileUnitGrid('0.1');
    expect(tryScaledToUnits(6_199_930, 2, grid)).toBe(619_993);
    expect(tryScaledToUnits(6_199_931, 2, grid)).toBeNaN();
    expect(tryScaledToUnits(0, 3, grid)).toBe(0);
    const fine = compileUnitGrid('0.0000000000000001');
    const coarse = compileUnitGrid('25');
    expect(tryScaledToUnits(999_999_999_999_999, 0, fine)).toBe(tryDecimalToUnits('999999999999999', fine));
    expect(tryScaledToUnits(900_719_925_474_099, 0, compileUnitGrid('0.1'))).toBe(9_007_199_254_740_990);
    expect(tryScaledToUnits(250, 0, coarse)).toBe(10);
  });
});
