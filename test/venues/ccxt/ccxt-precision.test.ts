// Covers precisionStep and precisionModeRefusal: TICK_SIZE as given, DECIMAL_PLACES n as exactly 10^-n, SIGNIFICANT_DIGITS refused naming the mode.
import { describe, expect, it } from 'vitest';
import { precisionModeRefusal, precisionStep } from '../../../src/venues/ccxt/ccxt-precision.js';

describe('precisionStep', () => {
  it('reads a TICK_SIZE float as the decimal of its shortest round-trip text', () => {
    expect(precisionStep(0.1, 4, 'okx', 'BTC/USDT', 'price').toFixed()).toBe('0.1');
    expect(precisionStep(1e-8, 4, 'okx', 'BTC/USDT', 'amount').toFixed()).toBe('0.00000001');
    expect(precisionStep(0.00025, 4, 'x', 'S', 'price').toFixed()).toBe('0.00025');
  });

  it('maps DECIMAL_PLACES n to the step 10^-n exactly', () => {
    expect(precisionStep(2, 2, 'x', 'S', 'price').toFixed()).toBe('0.01');
    expect(precisionStep(0, 2, 'x', 'S', 'amount').toFixed()).toBe('1');
    expect(precisionStep(8, 2, 'x', 'S', 'amount').toFixed()).toBe('0.00000001');
  });

  it('refuses a missing step, a non-positive tick and a fractional count of decimals, naming the market', () => {
    expect(() => precisionStep(undefined, 4, 'okx', 'BTC/USDT', 'price')).toThrow('ccxt:okx market BTC/USDT: precision.price is missing');
    expect(() => precisionStep(0, 4, 'okx', 'BTC/USDT', 'price')).toThrow('is not a positive step (TICK_SIZE mode)');
    expect(() => precisionStep(1.5, 2, 'x', 'S', 'amount')).toThrow('is not a count of decimal places from 0 to 30 (DECIMAL_PLACES mode)');
  });

  it('refuses SIGNIFICANT_DIGITS exchanges with the mode named', () => {
    expect(() => precisionStep(5, 3, 'bitfinex', 'BTC/USD', 'price')).toThrow('ccxt:bitfinex gives its precision as SIGNIFICANT_DIGITS');
  });
});

describe('precisionModeRefusal', () => {
  it('accepts TICK_SIZE and DECIMAL_PLACES, refuses the others with their names', () => {
    expect(precisionModeRefusal(4, 'okx')).toBeNull();
    expect(precisionModeRefusal(2, 'x')).toBeNull();
    expect(precisionModeRefusal(3, 'bithumb')).toContain('SIGNIFICANT_DIGITS (a count of significant digits');
    expect(precisionModeRefusal(9, 'y')).toContain('precisionMode 9; shadow-exec maps TICK_SIZE and DECIMAL_PLACES only');
  });
});
