// Covers decimal.ts: strict plain-decimal parsing, exact unit conversion (E_OFF_GRID) and canonical formatting.
import { describe, it, expect } from 'vitest';
import { Decimal, formatDecimal, formatUnits, parseDecimal, toUnits } from '../../../src/core/money/decimal.js';
import { codeOf } from '../../helpers/error-code.js';

describe('parseDecimal', () => {
  it.each(['1e5', '1E5', 'NaN', 'Infinity', '-Infinity', '', ' ', '1.2.3', '0x10', '1,5', '- 1', 'abc', '.'])(
    'rejects %j with E_INVALID_DECIMAL',
    (text) => {
      expect(codeOf(() => parseDecimal(text, 'price'))).toBe('E_INVALID_DECIMAL');
    },
  );

  it('names the field and the text in the error message', () => {
    expect(() => parseDecimal('1e5', 'BTCUSDT tickSize')).toThrow("BTCUSDT tickSize: '1e5' is not a plain decimal number");
  });

  it.each([
    ['-0.25', '-0.25'],
    ['93500.5', '93500.5'],
    ['+1', '1'],
    ['.5', '0.5'],
    ['5.', '5'],
    [' 12.50 ', '12.5'],
    ['0.000000000001', '0.000000000001'],
  ])('accepts %j as %s', (text, expected) => {
    expect(parseDecimal(text, 'x').toFixed()).toBe(expected);
  });
});

describe('toUnits', () => {
  it('converts exact multiples of the unit to integers', () => {
    expect(toUnits(new Decimal('93500.5'), new Decimal('0.1'), 'price')).toBe(935005);
    expect(toUnits(new Decimal('0.001'), new Decimal('0.001'), 'qty')).toBe(1);
    expect(toUnits(new Decimal('-2.5'), new Decimal('0.5'), 'x')).toBe(-5);
    expect(toUnits(new Decimal('5'), new Decimal('1e-8'), 'notional')).toBe(500_000_000);
    expect(toUnits(new Decimal('0'), new Decimal('0.01'), 'x')).toBe(0);
  });

  it('refuses a value off the grid with E_OFF_GRID', () => {
    expect(codeOf(() => toUnits(new Decimal('0.15'), new Decimal('0.1'), 'price'))).toBe('E_OFF_GRID');
    expect(() => toUnits(new Decimal('0.0015'), new Decimal('0.001'), 'BTCUSDT qty')).toThrow(
      'BTCUSDT qty: 0.0015 is not a multiple of 0.001',
    );
  });

  it('refuses a unit count beyond Number.MAX_SAFE_INTEGER with E_OFF_GRID', () => {
    expect(codeOf(() => toUnits(new Decimal('9007199254740992'), new Decimal('1'), 'x'))).toBe('E_OFF_GRID');
    expect(toUnits(new Decimal('9007199254740991'), new Decimal('1'), 'x')).toBe(9007199254740991);
  });
});

describe('formatDecimal', () => {
  it('formats zero in any spelling as "0", never "-0"', () => {
    expect(formatDecimal(new Decimal('0.000'))).toBe('0');
    expect(formatDecimal(new Decimal('-0'))).toBe('0');
    expect(formatDecimal(new Decimal('-0.000'))).toBe('0');
    expect(formatDecimal(new Decimal('1.5').minus('1.5'))).toBe('0');
  });

  it('writes tiny and huge values without exponent notation', () => {
    expect(formatDecimal(new Decimal('1e-12'))).toBe('0.000000000001');
    expect(formatDecimal(new Decimal('-3e-12'))).toBe('-0.000000000003');
    expect(formatDecimal(new Decimal('1e25'))).toBe('10000000000000000000000000');
  });

  it('drops trailing fractional zeros', () => {
    expect(formatDecimal(new Decimal('1.50'))).toBe('1.5');
    expect(formatDecimal(new Decimal('100.000'))).toBe('100');
  });
});

describe('formatUnits', () => {
  it('formats number and bigint units of a decimal unit exactly', () => {
    expect(formatUnits(935005, new Decimal('0.1'))).toBe('93500.5');
    expect(formatUnits(1500, new Decimal('0.001'))).toBe('1.5');
    expect(formatUnits(-3n, new Decimal('1e-12'))).toBe('-0.000000000003');
    expect(formatUnits(123456789012345678901234n, new Decimal('1e-12'))).toBe('123456789012.345678901234');
    expect(formatUnits(0, new Decimal('0.1'))).toBe('0');
  });
});

describe('Decimal configuration', () => {
  it('rounds half to even at 40 significant digits', () => {
    expect(new Decimal(1).div(3).toFixed()).toBe('0.3333333333333333333333333333333333333333');
    expect(new Decimal('2.5').toDecimalPlaces(0).toFixed()).toBe('2');
    expect(new Decimal('3.5').toDecimalPlaces(0).toFixed()).toBe('4');
  });
});

describe('parseDecimal digit limit', () => {
  it('rejects inputs longer than 30 significant digits, which would round inside the 40-digit precision', () => {
    expect(() => parseDecimal('0.10000000000000000000000000000000000000000001', 'x')).toThrow(/more than 30 digits/);
    expect(parseDecimal('000000000000000000000000000000000001.5', 'x').toString()).toBe('1.5');
  });
});
