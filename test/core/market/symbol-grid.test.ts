// Covers symbol-grid.ts: grids compiled from InstrumentSpecs, the lookup (unknown → undefined, duplicates refused) and its last-hit cache.
import { describe, it, expect } from 'vitest';
import { buildSymbolGrid, buildSymbolGridLookup, CachedSymbolGrids } from '../../../src/core/market/symbol-grid.js';
import { BTCUSDT_SPEC } from '../../helpers/instrument-specs.js';
import { gridSpec } from '../../helpers/market-grids.js';
import { codeOf } from '../../helpers/error-code.js';

describe('buildSymbolGrid', () => {
  it('converts prices to ticks and quantities to lots of the spec, NaN off the grid', () => {
    const grid = buildSymbolGrid(BTCUSDT_SPEC);
    expect(grid.symbol).toBe('BTCUSDT');
    expect(grid.priceUnits('93500.50')).toBe(935005);
    expect(grid.qtyUnits('0.125')).toBe(125);
    expect(grid.priceUnits('93500.55')).toBeNaN();
    expect(grid.qtyUnits('0.0005')).toBeNaN();
    expect(grid.priceUnits(undefined)).toBeNaN();
  });

  it('converts quote fields like priceUnits/qtyUnits whatever was converted before (one-entry memo per field)', () => {
    const grid = buildSymbolGrid(BTCUSDT_SPEC);
    expect([grid.bidPriceUnits(''), grid.askPriceUnits(''), grid.bidQtyUnits(''), grid.askQtyUnits('')]).toEqual([NaN, NaN, NaN, NaN]);
    expect([grid.bidPriceUnits('0'), grid.askQtyUnits('0')]).toEqual([0, 0]);
    const texts = ['100.1', '100.1', '100.2', 'bad', '100.2', '100.15', '100.2', '100.1'];
    expect(texts.map((t) => grid.bidPriceUnits(t))).toEqual([1001, 1001, 1002, NaN, 1002, NaN, 1002, 1001]);
    expect(texts.map((t) => grid.askPriceUnits(t))).toEqual(texts.map((t) => grid.priceUnits(t)));
    const qtys = ['0.001', '0.001', '0.0015', '0.002', null];
    expect(qtys.map((t) => grid.bidQtyUnits(t))).toEqual([1, 1, NaN, 2, NaN]);
    expect(qtys.map((t) => grid.askQtyUnits(t))).toEqual(qtys.map((t) => grid.qtyUnits(t)));
  });

  it('rounds reference prices half-even to the tick', () => {
    const grid = buildSymbolGrid(BTCUSDT_SPEC);
    expect(grid.refPriceUnits('28552.81')).toBe(285528);
    expect(grid.refPriceUnits('28552.85')).toBe(285528);
    expect(grid.refPriceUnits('28552.95')).toBe(285530);
  });

  it('refuses a spec with a bad tick or lot size', () => {
    expect(codeOf(() => buildSymbolGrid(gridSpec('X', 'X', 'Y', '0', '1')))).toBe('E_CONFIG');
    expect(codeOf(() => buildSymbolGrid(gridSpec('X', 'X', 'Y', '0.1', '1e-3')))).toBe('E_INVALID_DECIMAL');
  });
});

describe('buildSymbolGridLookup', () => {
  it('finds configured symbols exactly and returns undefined for others', () => {
    const lookup = buildSymbolGridLookup([BTCUSDT_SPEC, gridSpec('ETHUSDT', 'ETH', 'USDT', '0.01', '0.0001')]);
    expect(lookup('ETHUSDT')?.priceUnits('3000.01')).toBe(300001);
    expect(lookup('ethusdt')).toBeUndefined();
    expect(lookup('SOLUSDT')).toBeUndefined();
  });

  it('refuses a duplicate symbol with E_CONFIG', () => {
    expect(codeOf(() => buildSymbolGridLookup([BTCUSDT_SPEC, BTCUSDT_SPEC]))).toBe('E_CONFIG');
  });
});

describe('CachedSymbolGrids', () => {
  it('asks the lookup once for consecutive requests of one symbol, including unknown ones', () => {
    const asked: string[] = [];
    const inner = buildSymbolGridLookup([BTCUSDT_SPEC]);
    const cached = new CachedSymbolGrids((s) => {
      asked.push(s);
      return inner(s);
    });
    expect(cached.get('BTCUSDT')?.symbol).toBe('BTCUSDT');
    expect(cached.get('BTCUSDT')?.symbol).toBe('BTCUSDT');
    expect(cached.get('FOO')).toBeUndefined();
    expect(cached.get('FOO')).toBeUndefined();
    expect(cached.get('BTCUSDT')?.symbol).toBe('BTCUSDT');
    expect(asked).toEqual(['BTCUSDT', 'FOO', 'BTCUSDT']);
  });
});
