// Covers the fake venue's built-in instruments: all build on a valid grid, start prices sit on their tick, lookup by symbol.
import { describe, it, expect } from 'vitest';
import { FAKE_INSTRUMENTS, findFakeInstrument } from '../../../src/venues/fake/fake-instruments.js';
import { buildInstrument, priceToTicks } from '../../../src/core/model/instrument.js';
import { parseDecimal } from '../../../src/core/money/decimal.js';

describe('FAKE_INSTRUMENTS', () => {
  it('lists ten USDT instruments in help order', () => {
    expect(FAKE_INSTRUMENTS.map((i) => i.symbol)).toEqual([
      'BTCUSDT',
      'ETHUSDT',
      'SOLUSDT',
      'BNBUSDT',
      'XRPUSDT',
      'DOGEUSDT',
      'ADAUSDT',
      'LINKUSDT',
      'LTCUSDT',
      'AVAXUSDT',
    ]);
    for (const i of FAKE_INSTRUMENTS) {
      expect(i.quoteAsset).toBe('USDT');
      expect(i.symbol).toBe(`${i.baseAsset}USDT`);
      expect(i.minQty).toBe(i.lotSize);
      expect(i.minNotional).toBe('5');
    }
  });

  it('builds every instrument and puts every start price on its tick grid', () => {
    for (const spec of FAKE_INSTRUMENTS) {
      const instrument = buildInstrument(spec);
      expect(instrument.minQtyLots).toBe(1);
      expect(Number.isInteger(priceToTicks(instrument, parseDecimal(spec.startPrice, 'start')))).toBe(true);
      expect(spec.marketSpreadTicks).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives BTCUSDT the documented grid', () => {
    const btc = buildInstrument(findFakeInstrument('BTCUSDT')!);
    expect(btc.atomE8).toBe(10_000);
    expect(btc.maxQtyLots).toBe(100_000);
    expect(priceToTicks(btc, parseDecimal(findFakeInstrument('BTCUSDT')!.startPrice, 'start'))).toBe(935_000);
  });
});

describe('findFakeInstrument', () => {
  it('finds a listed symbol and returns undefined for others', () => {
    expect(findFakeInstrument('ETHUSDT')?.tickSize).toBe('0.01');
    expect(findFakeInstrument('ethusdt')).toBeUndefined();
    expect(findFakeInstrument('PEPEUSDT')).toBeUndefined();
  });
});
