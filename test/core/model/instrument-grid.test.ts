// Covers InstrumentGrid: decimal prices and sizes to ticks and lots with each rounding mode, and back; notional to lots; unknown symbols.
import { describe, expect, it } from 'vitest';
import { buildInstrument } from '../../../src/core/model/instrument.js';
import { InstrumentGrid } from '../../../src/core/model/instrument-grid.js';

const BTC = buildInstrument({ symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.1', lotSize: '0.001', minQty: '0.001', maxQty: '100', minNotional: '5' });
const grid = new InstrumentGrid([BTC]);

describe('InstrumentGrid', () => {
  it('converts an on-grid price and size exactly, and refuses an off-grid one in exact mode', () => {
    expect(grid.priceToTicks(0, '65000.1')).toBe(650001);
    expect(grid.qtyToLots(0, '0.015')).toBe(15);
    expect(() => grid.priceToTicks(0, '65000.15')).toThrow('65000.15 is not a multiple of 0.1');
  });

  it.each([
    ['down', 650001],
    ['up', 650002],
    ['half-even', 650002],
  ] as const)('rounds 65000.15 %s to %i ticks', (rounding, ticks) => {
    expect(grid.priceToTicks(0, '65000.15', rounding)).toBe(ticks);
  });

  it('rounds half-even to the even neighbour and negative values toward −∞ when down', () => {
    expect(grid.priceToTicks(0, '65000.25', 'half-even')).toBe(650002);
    expect(grid.qtyToLots(0, '-0.0015', 'down')).toBe(-2);
  });

  it('formats ticks and lots back to canonical decimals', () => {
    expect(grid.ticksToPrice(0, 650001)).toBe('65000.1');
    expect(grid.lotsToQty(0, 1500)).toBe('1.5');
  });

  it('sizes an order to the largest whole lot within a notional: 500 USDT at 65000.0 is 7 lots (0.007 BTC = 455 USDT)', () => {
    expect(grid.lotsForNotional(0, 650000, 500e8)).toBe(7);
    expect(grid.lotsForNotional(0, 0, 500e8)).toBe(0);
  });

  it('names a symbol index the run does not have', () => {
    expect(() => grid.ticksToPrice(3, 1)).toThrow("symbol index 3 is not one of the run's 1 symbols");
  });
});
