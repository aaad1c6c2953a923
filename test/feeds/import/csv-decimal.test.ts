// Covers plainDecimal: CSV number text → the replay format's plain decimals, exactly (exponents expanded, signs and leading zeros dropped), or null.
import { describe, expect, it } from 'vitest';
import { plainDecimal } from '../../../src/feeds/import/csv-decimal.js';

describe('plainDecimal', () => {
  it.each([
    ['95000.10', '95000.10'],
    ['0', '0'],
    ['007', '7'],
    ['+.5', '0.5'],
    ['5.', '5'],
    ['1e-8', '0.00000001'],
    ['1.25E+3', '1250'],
    ['12.5e-1', '1.25'],
    ['-0', '0'],
    ['0.000', '0.000'],
  ])('reads %j as %j', (text, want) => {
    expect(plainDecimal(text)).toBe(want);
  });

  it('keeps a sign only where it is allowed, and refuses what is not a number or too long', () => {
    expect(plainDecimal('-0.0001', true)).toBe('-0.0001');
    expect(plainDecimal('-1e-4', true)).toBe('-0.0001');
    for (const bad of ['-1', '', '.', 'e5', '1e', '1.2.3', 'NaN', 'Infinity', '0x10', '1,5', ' 1', '1e999', `1.${'0'.repeat(70)}`]) expect([bad, plainDecimal(bad)]).toEqual([bad, null]);
  });
});
