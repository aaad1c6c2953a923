// Covers fee-schedule: bps strings to exact ppm (max 2 decimals), and ppm back to a bps string.
import { describe, it, expect } from 'vitest';
import { bpsToPpm, ppmToBps } from '../../../src/core/sim/fee-schedule.js';
import { ShadowExecError } from '../../../src/core/errors/shadow-exec-error.js';

describe('bpsToPpm', () => {
  it.each([
    ['2', 200],
    ['5.5', 550],
    ['0.01', 1],
    ['0', 0],
    ['-1.25', -125],
  ])('converts %s bps to %i ppm', (bps, ppm) => {
    expect(bpsToPpm(bps, 'maker fee')).toBe(ppm);
  });

  it('refuses more than two decimals of a bps with E_CONFIG', () => {
    let caught: unknown;
    try {
      bpsToPpm('0.015', 'maker fee');
    } catch (e) {
      caught = e;
    }
    expect((caught as ShadowExecError).code).toBe('E_CONFIG');
    expect((caught as ShadowExecError).message).toBe("maker fee: '0.015' has more than 2 decimals of a bps");
  });

  it('refuses a non-decimal with E_INVALID_DECIMAL', () => {
    expect(() => bpsToPpm('2bps', 'taker fee')).toThrow(ShadowExecError);
    expect(() => bpsToPpm('2bps', 'taker fee')).toThrow("taker fee: '2bps' is not a plain decimal number");
  });
});

describe('ppmToBps', () => {
  it.each([
    [200, '2'],
    [550, '5.5'],
    [1, '0.01'],
    [0, '0'],
    [-125, '-1.25'],
  ])('formats %i ppm as %s bps', (ppm, bps) => {
    expect(ppmToBps(ppm)).toBe(bps);
  });
});
