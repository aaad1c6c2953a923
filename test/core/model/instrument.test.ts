// Covers buildInstrument (integer grid: atomE8, atomPico, lot limits, min notional) at the default and finer run quote scales, its config errors, and price/qty helpers.
import { describe, it, expect } from 'vitest';
import { buildInstrument, DEFAULT_QUOTE_SCALE, formatPrice, formatQty, instrumentQuoteScale, priceToTicks, QUOTE_E8, runQuoteScale } from '../../../src/core/model/instrument.js';
import { Decimal } from '../../../src/core/money/decimal.js';
import { codeOf } from '../../helpers/error-code.js';
import { BTCUSDT_SPEC as BTC } from '../../helpers/instrument-specs.js';

describe('buildInstrument', () => {
  it('derives the BTCUSDT grid exactly', () => {
    const btc = buildInstrument(BTC);
    expect(btc.symbol).toBe('BTCUSDT');
    expect(btc.spec).toBe(BTC);
    expect(btc.tickSize.toFixed()).toBe('0.1');
    expect(btc.lotSize.toFixed()).toBe('0.001');
    expect(btc.atomE8).toBe(10_000); // 0.1 × 0.001 = 1e-4 quote = 10 000 × 1e-8
    expect(btc.atomPico).toBe(100_000_000n); // 1e-4 / 1e-12
    expect(btc.minQtyLots).toBe(1);
    expect(btc.maxQtyLots).toBe(100_000);
    expect(btc.minNotionalE8).toBe(500_000_000);
  });

  it('derives a sub-cent grid exactly (tick 0.00001, lot 1)', () => {
    const doge = buildInstrument({ ...BTC, symbol: 'DOGEUSDT', tickSize: '0.00001', lotSize: '1', minQty: '1', maxQty: '10000000' });
    expect(doge.atomE8).toBe(1_000);
    expect(doge.atomPico).toBe(10_000_000n);
    expect(doge.minQtyLots).toBe(1);
    expect(doge.maxQtyLots).toBe(10_000_000);
  });

  it('accepts a tick × lot of exactly 1e-8', () => {
    const fine = buildInstrument({ ...BTC, tickSize: '0.0001', lotSize: '0.0001', minQty: '0.0001' });
    expect(fine.atomE8).toBe(1);
    expect(fine.atomPico).toBe(10_000n);
  });

  it('refuses a tick × lot that is not a multiple of 1e-8 with E_CONFIG', () => {
    expect(codeOf(() => buildInstrument({ ...BTC, tickSize: '0.0001', lotSize: '0.00001', minQty: '0.00001' }))).toBe('E_CONFIG');
    expect(() => buildInstrument({ ...BTC, tickSize: '0.00015', lotSize: '0.0001', minQty: '0.0001' })).toThrow(
      'BTCUSDT: tick × lot (0.000000015) must be a multiple of 1e-8',
    );
  });

  it('refuses a zero or negative tick or lot with E_CONFIG', () => {
    expect(codeOf(() => buildInstrument({ ...BTC, tickSize: '0' }))).toBe('E_CONFIG');
    expect(codeOf(() => buildInstrument({ ...BTC, lotSize: '-0.001' }))).toBe('E_CONFIG');
  });

  it('refuses a non-decimal tick with E_INVALID_DECIMAL', () => {
    expect(codeOf(() => buildInstrument({ ...BTC, tickSize: '1e-1' }))).toBe('E_INVALID_DECIMAL');
  });

  it('refuses limits off the lot or 1e-8 grid with E_OFF_GRID', () => {
    expect(codeOf(() => buildInstrument({ ...BTC, minQty: '0.0015' }))).toBe('E_OFF_GRID');
    expect(codeOf(() => buildInstrument({ ...BTC, minNotional: '0.000000001' }))).toBe('E_OFF_GRID');
  });
});

describe('price and quantity helpers', () => {
  const btc = buildInstrument(BTC);

  it('converts a price to ticks exactly and refuses an off-tick price', () => {
    expect(priceToTicks(btc, new Decimal('93500.5'))).toBe(935005);
    expect(codeOf(() => priceToTicks(btc, new Decimal('93500.55')))).toBe('E_OFF_GRID');
  });

  it('formats ticks and lots as canonical decimals', () => {
    expect(formatPrice(btc, 935005)).toBe('93500.5');
    expect(formatPrice(btc, 935000)).toBe('93500');
    expect(formatQty(btc, 1500)).toBe('1.5');
    expect(formatQty(btc, -7)).toBe('-0.007');
    expect(formatQty(btc, 0)).toBe('0');
  });
});

describe('the run quote scale', () => {
  const spec = (symbol: string, tickSize: string, lotSize: string, minNotional = '0') => ({ ...BTC, symbol, tickSize, lotSize, minQty: lotSize, maxQty: lotSize, minNotional });

  it('is 8 for grids on 1e-8 and the smallest finer one otherwise, up to 12', () => {
    expect(instrumentQuoteScale(BTC)).toBe(8);
    expect(instrumentQuoteScale(spec('OKX BTC/USDT', '0.1', '0.00000001'))).toBe(9);
    expect(instrumentQuoteScale(spec('Kraken ETH/USDT', '0.01', '0.00000001'))).toBe(10);
    expect(instrumentQuoteScale(spec('pico', '0.0001', '0.00000001'))).toBe(12);
    expect(instrumentQuoteScale(spec('sub-pico', '0.00001', '0.00000001'))).toBeNull();
  });

  it('of a run is the largest its instruments need, and a grid finer than 1e-12 is refused', () => {
    expect(runQuoteScale([])).toBe(DEFAULT_QUOTE_SCALE);
    expect(runQuoteScale([BTC, spec('OKX BTC/USDT', '0.1', '0.00000001'), spec('Kraken ETH/USDT', '0.01', '0.00000001')])).toBe(10);
    expect(codeOf(() => runQuoteScale([BTC, spec('sub-pico', '0.00001', '0.00000001')]))).toBe('E_CONFIG');
  });

  it('counts atom and min notional in 10^-scale of the quote; the default keeps every 1e-8 figure', () => {
    const okx = buildInstrument(spec('OKX BTC/USDT', '0.1', '0.00000001', '0.5'), { quoteScale: 9 });
    expect([okx.atomE8, okx.minNotionalE8, okx.quoteUnit.toFixed(), okx.atomPico]).toEqual([1, 500_000_000, '0.000000001', 1000n]);
    const kraken = buildInstrument(spec('Kraken ETH/USDT', '0.01', '0.00000001', '0.5'), { quoteScale: 10 });
    expect([kraken.atomE8, kraken.minNotionalE8, kraken.atomPico]).toEqual([1, 5_000_000_000, 100n]);
    // BTCUSDT (1e-4) at scale 10: 1e6 units per atom, the same pico atom.
    expect([buildInstrument(BTC, { quoteScale: 10 }).atomE8, buildInstrument(BTC, { quoteScale: 10 }).atomPico]).toEqual([1_000_000, 100_000_000n]);
    expect(buildInstrument(BTC).quoteUnit).toBe(QUOTE_E8);
    expect(codeOf(() => buildInstrument(spec('OKX BTC/USDT', '0.1', '0.00000001')))).toBe('E_CONFIG');
    expect(codeOf(() => buildInstrument(BTC, { quoteScale: 13 }))).toBe('E_INVARIANT');
    expect(codeOf(() => buildInstrument(BTC, { quoteScale: 7 }))).toBe('E_INVARIANT');
  });
});
