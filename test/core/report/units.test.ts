// Covers report units: pico-quote and bps×10⁴ integers as decimal strings, virtual ms as ISO-8601 UTC.
import { describe, it, expect } from 'vitest';
import { bpsE4, isoUtc, pico } from '../../../src/core/report/units.js';

describe('pico', () => {
  it('formats pico-quote as quote-currency decimals', () => {
    expect(pico(1n)).toBe('0.000000000001');
    expect(pico(1_000_000_000_000n)).toBe('1');
    expect(pico(-468_500_000_000_000n)).toBe('-468.5');
    expect(pico(0n)).toBe('0');
  });
});

describe('bpsE4', () => {
  it('divides by 10 000', () => {
    expect(bpsE4(123_456)).toBe('12.3456');
    expect(bpsE4(-5_000)).toBe('-0.5');
    expect(bpsE4(100_000)).toBe('10');
    expect(bpsE4(1)).toBe('0.0001');
    expect(bpsE4(0)).toBe('0');
  });
});

describe('isoUtc', () => {
  it('formats a virtual instant as ISO-8601 UTC with milliseconds', () => {
    expect(isoUtc(1_735_689_600_000)).toBe('2025-01-01T00:00:00.000Z');
    expect(isoUtc(1_735_689_601_500)).toBe('2025-01-01T00:00:01.500Z');
  });
});
