// Covers the tick-and-lot-size rules on the docs' own examples, the minimum value, and price rounding to a valid price.
import { describe, expect, it } from 'vitest';
import { checkHyperliquidPerpOrder, perpPriceProblem, roundPerpPrice, significantFigures } from '../../../src/venues/hyperliquid/hyperliquid-order-rules.js';

describe('perpPriceProblem (tick-and-lot-size, "Perp price examples")', () => {
  it('1234.5 is valid but 1234.56 is not (too many significant figures)', () => {
    expect(perpPriceProblem('1234.5', 0)).toBeNull();
    expect(perpPriceProblem('1234.56', 0)).toBe('price 1234.56 has 6 significant figures, more than 5');
  });

  it('0.001234 is valid, but 0.0012345 is not (more than 6 decimal places)', () => {
    expect(perpPriceProblem('0.001234', 0)).toBeNull();
    expect(perpPriceProblem('0.0012345', 0)).toBe('price 0.0012345 has 7 decimals, more than 6 - szDecimals 0 = 6');
  });

  it('if szDecimals = 1, 0.01234 is valid but 0.012345 is not', () => {
    expect(perpPriceProblem('0.01234', 1)).toBeNull();
    expect(perpPriceProblem('0.012345', 1)).not.toBeNull();
  });

  it('integer prices are always allowed: 123456 is valid even though 12345.6 is not', () => {
    expect(perpPriceProblem('123456', 5)).toBeNull();
    expect(perpPriceProblem('12345.6', 1)).toBe('price 12345.6 has 6 significant figures, more than 5');
    expect(perpPriceProblem('95000.0', 5)).toBeNull();
  });

  it('counts significant figures without leading or trailing zeros', () => {
    expect(significantFigures('0.001234')).toBe(4);
    expect(significantFigures('1000.10')).toBe(5);
    expect(significantFigures('100.5')).toBe(4);
  });
});

describe('checkHyperliquidPerpOrder', () => {
  it('answers a bad price with the Tick text and a value under $10 with the MinTradeNtl text', () => {
    expect(checkHyperliquidPerpOrder({ price: '3000.05', size: '1' }, 4, 1)).toEqual({ code: 'tickRejected', message: 'Price must be divisible by tick size.', detail: 'price 3000.05 has 6 significant figures, more than 5 (asset=1)' });
    expect(checkHyperliquidPerpOrder({ price: '3000.5', size: '0.003' }, 4, 1)).toEqual({ code: 'minTradeNtlRejected', message: 'Order must have minimum value of $10.', detail: 'order value 9.0015 is below 10 USDC (asset=1)' });
    expect(checkHyperliquidPerpOrder({ price: '3000.5', size: '0.0034' }, 4, 1)).toBeNull();
  });
});

describe('roundPerpPrice', () => {
  it('rounds to min(5 significant figures, 6 - szDecimals decimals) in the asked direction; integers stay', () => {
    expect(roundPerpPrice('1234.56', 0, true)).toBe('1234.5');
    expect(roundPerpPrice('1234.56', 0, false)).toBe('1234.6');
    expect(roundPerpPrice('0.0012345', 0, true)).toBe('0.001234');
    expect(roundPerpPrice('95123.7', 5, true)).toBe('95123');
    expect(roundPerpPrice('95123', 5, true)).toBe('95123');
    for (const p of ['1234.56', '0.0012345', '95123.7', '2.11055']) expect(perpPriceProblem(roundPerpPrice(p, 1, false), 1)).toBeNull();
  });
});
