// Covers ccxtCatalog and ccxtInstrument on the saved loadMarkets() of binance, okx and kraken: grids, limits, contract size, fees, and the refusals (inverse, a grid finer than the ledger's 1e-12).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccxtCatalog, ccxtInstrument, ccxtInstrumentFees, type CcxtInstrumentDetails } from '../../../src/venues/ccxt/ccxt-instruments.js';
import { encodeCcxtMarketsFile, readCcxtMarketsFile } from '../../../src/venues/ccxt/ccxt-markets-file.js';
import { ROOT } from '../../helpers/cli.js';

const file = (id: string) => {
  const path = join(ROOT, `test/fixtures/ccxt/${id}-markets.json`);
  return readCcxtMarketsFile(JSON.parse(readFileSync(path, 'utf8')), id, path);
};

describe('ccxtCatalog', () => {
  it('lists the spot and the swap markets of each saved exchange, sorted', () => {
    expect(ccxtCatalog(file('binance'), 4, 'spot', 'p').symbols).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(ccxtCatalog(file('binance'), 4, 'swap', 'p').symbols).toEqual(['BTC/USDT:USDT']);
    expect(ccxtCatalog(file('okx'), 4, 'swap', 'p').symbols).toEqual(['BTC/USDT:USDT', 'ETH/USDT:USDT']);
    expect(ccxtCatalog(file('kraken'), 4, 'spot', 'p').symbols).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(ccxtCatalog(file('kraken'), 4, 'swap', 'p').symbols).toEqual([]);
  });

  it('gives Binance spot BTC/USDT the grid and limits of the exchangeInfo filters, fees 10/10 bps', () => {
    const btc = ccxtCatalog(file('binance'), 4, 'spot', 'p').find('BTC/USDT')!;
    expect(btc.spec).toEqual({ symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQty: '0.00001', maxQty: '9000', minNotional: '5' });
    expect(btc.details).toMatchObject({ id: 'BTCUSDT', settlement: 'spot', contractSize: '1', minPrice: '0.01', maxPrice: '1000000', maxCost: '9000000', maker: '0.001', taker: '0.001', offGrid: [] });
    expect(btc.startPrice).not.toBeNull();
    expect(ccxtInstrumentFees([btc])).toEqual({ makerBps: '10', takerBps: '10' });
  });

  it('simulates an OKX linear swap in base units: lot = 0.01 contracts × 0.01 BTC', () => {
    const swap = ccxtCatalog(file('okx'), 4, 'swap', 'p').find('BTC/USDT:USDT')!;
    expect(swap.spec).toMatchObject({ tickSize: '0.1', lotSize: '0.0001', minQty: '0.0001', maxQty: '1000000', minNotional: '0' });
    expect(swap.details).toMatchObject({ id: 'BTC-USDT-SWAP', settlement: 'linear', contractSize: '0.01', venueLot: '0.01' });
    expect(ccxtInstrumentFees([swap])).toEqual({ makerBps: '2', takerBps: '5' });
  });

  it('takes OKX and Kraken spot (tick × lot 1e-9 and 1e-10: a run counts in a finer quote unit), capping a stated maximum above 1e15 lots', () => {
    const okx = ccxtCatalog(file('okx'), 4, 'spot', 'p').find('BTC/USDT')!;
    expect(okx.spec).toMatchObject({ tickSize: '0.1', lotSize: '0.00000001', minQty: '0.00001', maxQty: '10000000' });
    expect((okx.details as CcxtInstrumentDetails).offGrid).toEqual(['limits.amount.max 9999999999 → 10000000 (capped at 1e15 lots: quantities are exact below 2^53 lots)']);
    expect(ccxtCatalog(file('kraken'), 4, 'spot', 'p').find('ETH/USDT')!.spec).toMatchObject({ tickSize: '0.01', lotSize: '0.00000001', minNotional: '0.5' });
  });

  it('refuses a market whose tick × lot is finer than the ledger unit 1e-12', () => {
    const market = { ...file('kraken').markets['BTC/USDT']!, precision: { price: 0.00001, amount: 1e-8 } };
    expect(() => ccxtInstrument(file('kraken'), 4, market, 'p')).toThrow("tick 0.00001 × lot 0.00000001 USDT is finer than the ledger's 1e-12 USDT");
  });

  it('reads Kraken fees from its first tier (maker 0.25 %, taker 0.4 %) and limits from ordermin/costmin', () => {
    const market = { ...file('kraken').markets['BTC/USDT']!, precision: { price: 0.1, amount: 0.0001 } };
    const i = ccxtInstrument(file('kraken'), 4, market, 'p');
    expect(i.spec).toMatchObject({ tickSize: '0.1', lotSize: '0.0001', minQty: '0.0001', minNotional: '0.5' });
    expect((i.details as CcxtInstrumentDetails).offGrid).toEqual(['limits.amount.min 0.00005 → 0.0001 (off the 0.0001 grid)']);
    expect(ccxtInstrumentFees([i])).toEqual({ makerBps: '25', takerBps: '40' });
  });

  it('refuses inverse contracts', () => {
    const inverse = { ...file('okx').markets['BTC/USDT:USDT']!, inverse: true, linear: false, settle: 'BTC' };
    expect(() => ccxtInstrument(file('okx'), 4, inverse, 'p')).toThrow('is an inverse contract (settled in BTC)');
  });

  it('has no shared fees when instruments differ', () => {
    const a = ccxtCatalog(file('binance'), 4, 'spot', 'p').find('BTC/USDT')!;
    const b = { ...a, details: { ...(a.details as CcxtInstrumentDetails), maker: '0.0009' } };
    expect(ccxtInstrumentFees([a, b])).toBeNull();
  });
});

describe('readCcxtMarketsFile', () => {
  it('round-trips a saved file through encodeCcxtMarketsFile byte for byte', () => {
    const path = join(ROOT, 'test/fixtures/ccxt/okx-markets.json');
    const text = readFileSync(path, 'utf8');
    expect(encodeCcxtMarketsFile(readCcxtMarketsFile(JSON.parse(text), 'okx', path))).toBe(text);
  });

  it('reads a bare loadMarkets() dump, its precision mode left to the class', () => {
    const bare = { ...file('binance').markets };
    expect(readCcxtMarketsFile(bare, 'binance', 'b.json')).toMatchObject({ precisionMode: null, ccxt: null });
  });

  it('refuses another exchange\'s file, an empty one and an entry that is not a market of its key', () => {
    const path = join(ROOT, 'test/fixtures/ccxt/okx-markets.json');
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(() => readCcxtMarketsFile(json, 'kraken', 'f.json')).toThrow("'f.json' holds the markets of ccxt:okx, not ccxt:kraken");
    expect(() => readCcxtMarketsFile({}, 'okx', 'f.json')).toThrow('holds no market');
    expect(() => readCcxtMarketsFile({ 'BTC/USDT': { symbol: 'ETH/USDT' } }, 'okx', 'f.json')).toThrow("has an entry 'BTC/USDT' that is not a ccxt market of that symbol");
  });
});

describe('markets files of any shape', () => {
  it('are read or refused with ShadowExecError, and every market they hold is built or refused with one (fast-check)', async () => {
    const fc = (await import('fast-check')).default;
    const { ShadowExecError } = await import('../../../src/core/errors/shadow-exec-error.js');
    const real = file('okx').markets['BTC/USDT:USDT']!;
    const number = fc.oneof(fc.double(), fc.integer(), fc.constant(undefined), fc.string({ maxLength: 6 }), fc.constant(null));
    const market = fc.record({
      symbol: fc.constant('X/USDT'),
      type: fc.constantFrom('spot', 'swap', 'future'),
      contract: fc.boolean(),
      inverse: fc.oneof(fc.boolean(), fc.constant(undefined)),
      contractSize: number,
      precision: fc.record({ price: number, amount: number }),
      limits: fc.record({ amount: fc.record({ min: number, max: number }), price: fc.record({ min: number, max: number }), cost: fc.record({ min: number, max: number }) }),
      maker: number,
      taker: number,
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), market.map((m) => ({ 'X/USDT': { ...real, ...m } }))), fc.constantFrom(2, 3, 4), (json, mode) => {
        try {
          const f = readCcxtMarketsFile(json, 'okx', 'f.json');
          for (const m of Object.values(f.markets)) ccxtInstrument(f, mode, m, 'p');
        } catch (error) {
          expect(error).toBeInstanceOf(ShadowExecError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
