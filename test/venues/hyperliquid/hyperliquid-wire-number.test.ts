// Covers the wire text of prices and sizes: the rust SDK's float_to_string_for_hashing vectors, python float_to_wire's refusal, and exact decimals.
import { describe, expect, it } from 'vitest';
import { decimalToWire, floatToWire } from '../../../src/venues/hyperliquid/hyperliquid-wire-number.js';

describe('floatToWire', () => {
  it('matches every case of rust helpers.rs float_to_string_for_hashing_test (hyperliquid-rust-sdk @ aac7558)', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [-0.0, '0'],
      [0.00076, '0.00076'],
      [0.00000001, '0.00000001'],
      [0.12345678, '0.12345678'],
      [87654321.12345678, '87654321.12345678'],
      [987654321.0, '987654321'],
      [87654321.1234, '87654321.1234'],
      [0.00076, '0.00076'],
      [987654321, '987654321'],
    ];
    for (const [x, wire] of cases) expect(floatToWire(x)).toBe(wire);
  });

  it('refuses a float that 8 decimals would round (python float_to_wire: "float_to_wire causes rounding")', () => {
    expect(() => floatToWire(0.123456789)).toThrow(/causes rounding/);
    expect(() => floatToWire(Number.NaN)).toThrow(/not finite/);
  });
});

describe('decimalToWire', () => {
  it('strips trailing zeros and a bare point, keeps significant digits, writes -0 as 0', () => {
    expect(decimalToWire('2000.0')).toBe('2000');
    expect(decimalToWire('1670.10')).toBe('1670.1');
    expect(decimalToWire('0.0147')).toBe('0.0147');
    expect(decimalToWire('-0.000')).toBe('0');
    expect(decimalToWire('-1.50')).toBe('-1.5');
    expect(decimalToWire('007')).toBe('7');
    expect(decimalToWire('0.123456780000')).toBe('0.12345678');
  });

  it('refuses more than 8 significant decimals and anything that is not a plain decimal', () => {
    expect(() => decimalToWire('0.123456789')).toThrow(/more than 8 decimals/);
    expect(() => decimalToWire('1e5')).toThrow(/not a plain decimal/);
    expect(() => decimalToWire('')).toThrow(/not a plain decimal/);
  });
});
