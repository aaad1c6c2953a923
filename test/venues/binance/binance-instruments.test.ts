// Covers parseBinanceExchangeInfo and the bundled instruments: the docs' USD-M and spot examples → exact instruments, NOTIONAL vs MIN_NOTIONAL, status filter, market mix-ups, every malformed field → E_CONFIG naming the path, and the bundled grids.
import { describe, it, expect } from 'vitest';
import { buildInstrument } from '../../../src/core/model/instrument.js';
import { BINANCE_BUNDLED_INSTRUMENTS } from '../../../src/venues/binance/binance-bundled-instruments.js';
import { parseBinanceExchangeInfo, type BinanceInstrument } from '../../../src/venues/binance/binance-instruments.js';
import type { BinanceMarket } from '../../../src/venues/binance/binance-market.js';
import { exchangeInfoDocs, spotDocsWithFilters, type Raw } from '../../helpers/binance-instruments.js';
import { thrown } from '../../helpers/thrown.js';

function configError(json: unknown, market: BinanceMarket): { code: string; message: string } {
  const { code, message } = thrown(() => parseBinanceExchangeInfo(json, market, 'saved.json'));
  return { code, message };
}

function filter(response: Raw, type: string): Raw {
  return response.symbols[0].filters.find((f: Raw) => f.filterType === type);
}

describe('parseBinanceExchangeInfo on the docs examples', () => {
  // usds-margined-futures market-data rest-api Exchange-Information, Response Example (BLZUSDT).
  it('reads the USD-M BLZUSDT example: PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL.notional, MAX_NUM_ORDERS.limit and the date of serverTime', () => {
    const expected: BinanceInstrument = {
      market: 'usdm',
      spec: { symbol: 'BLZUSDT', baseAsset: 'BLZ', quoteAsset: 'USDT', tickSize: '0.0001', lotSize: '1', minQty: '1', maxQty: '10000000', minNotional: '5.0' },
      priceFilter: { minPrice: '0.0001', maxPrice: '300', tickSize: '0.0001' },
      lotSize: { minQty: '1', maxQty: '10000000', stepSize: '1' },
      notional: { filter: 'MIN_NOTIONAL', min: '5.0', max: null },
      icebergParts: null,
      maxNumOrders: 200,
      icebergAllowed: false,
      ocoAllowed: false,
      orderTypes: ['LIMIT', 'MARKET', 'STOP', 'STOP_MARKET', 'TAKE_PROFIT', 'TAKE_PROFIT_MARKET', 'TRAILING_STOP_MARKET'],
      takenAt: '2019-08-12',
    };
    expect(parseBinanceExchangeInfo(exchangeInfoDocs().usdm, 'usdm', 'docs')).toEqual([expected]);
  });

  // rest-api.md's ETHBTC leaves `filters` empty ("These are defined in the Filters section").
  it('refuses the spot docs example as given: it has no PRICE_FILTER to take a price grid from', () => {
    expect(configError(exchangeInfoDocs().spot, 'spot')).toEqual({
      code: 'E_CONFIG',
      message: 'saved.json: symbols[0].filters[PRICE_FILTER] is missing (the simulator needs its tickSize as the price grid)',
    });
  });

  it("reads the spot ETHBTC example completed with filters.md's examples, keeping Binance's padded strings and preferring NOTIONAL", () => {
    const expected: BinanceInstrument = {
      market: 'spot',
      spec: {
        symbol: 'ETHBTC',
        baseAsset: 'ETH',
        quoteAsset: 'BTC',
        tickSize: '0.00000100',
        lotSize: '0.00100000',
        minQty: '0.00100000',
        maxQty: '100000.00000000',
        minNotional: '10.00000000',
      },
      priceFilter: { minPrice: '0.00000100', maxPrice: '100000.00000000', tickSize: '0.00000100' },
      lotSize: { minQty: '0.00100000', maxQty: '100000.00000000', stepSize: '0.00100000' },
      notional: { filter: 'NOTIONAL', min: '10.00000000', max: '10000.00000000' },
      icebergParts: 10,
      maxNumOrders: 25,
      icebergAllowed: true,
      ocoAllowed: true,
      orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT'],
      takenAt: '2019-08-08',
    };
    expect(parseBinanceExchangeInfo(spotDocsWithFilters(), 'spot', 'docs')).toEqual([expected]);
  });

  it('falls back to the legacy spot MIN_NOTIONAL.minNotional, with no maximum, when NOTIONAL is absent', () => {
    const response = spotDocsWithFilters();
    response.symbols[0].filters = response.symbols[0].filters.filter((f: Raw) => f.filterType !== 'NOTIONAL');
    const [ethbtc] = parseBinanceExchangeInfo(response, 'spot', 'docs');
    expect(ethbtc?.notional).toEqual({ filter: 'MIN_NOTIONAL', min: '0.00100000', max: null });
    expect(ethbtc?.spec.minNotional).toBe('0.00100000');
  });

  it('has no notional rule and minNotional "0" when neither notional filter is present ("All filters are optional")', () => {
    const response = spotDocsWithFilters();
    response.symbols[0].filters = response.symbols[0].filters.filter((f: Raw) => !['NOTIONAL', 'MIN_NOTIONAL', 'ICEBERG_PARTS', 'MAX_NUM_ORDERS'].includes(f.filterType));
    const [ethbtc] = parseBinanceExchangeInfo(response, 'spot', 'docs');
    expect([ethbtc?.notional, ethbtc?.spec.minNotional, ethbtc?.icebergParts, ethbtc?.maxNumOrders]).toEqual([null, '0', null, null]);
  });

  it('keeps minPrice/maxPrice "0" (rule disabled) as given', () => {
    const response = spotDocsWithFilters();
    Object.assign(filter(response, 'PRICE_FILTER'), { minPrice: '0.00000000', maxPrice: '0.00000000' });
    expect(parseBinanceExchangeInfo(response, 'spot', 'docs')[0]?.priceFilter).toEqual({ minPrice: '0.00000000', maxPrice: '0.00000000', tickSize: '0.00000100' });
  });

  it('gives takenAt null when the response has no serverTime', () => {
    const response = exchangeInfoDocs().usdm;
    delete response.serverTime;
    expect(parseBinanceExchangeInfo(response, 'usdm', 'docs')[0]?.takenAt).toBeNull();
  });

  it('keeps only TRADING symbols and refuses a response with none', () => {
    const response = exchangeInfoDocs().usdm;
    const second = JSON.parse(JSON.stringify(response.symbols[0]));
    second.symbol = 'OLDUSDT';
    second.status = 'SETTLING';
    response.symbols.push(second);
    expect(parseBinanceExchangeInfo(response, 'usdm', 'docs').map((i) => i.spec.symbol)).toEqual(['BLZUSDT']);
    response.symbols[0].status = 'PENDING_TRADING';
    expect(configError(response, 'usdm')).toEqual({ code: 'E_CONFIG', message: 'saved.json: symbols has no symbol with status "TRADING"' });
  });
});

describe('parseBinanceExchangeInfo refusals', () => {
  const cases: ReadonlyArray<readonly [string, BinanceMarket, (r: Raw) => Raw, string]> = [
    ['a non-object', 'usdm', () => [], '(top level) must be an object'],
    ['no symbols', 'usdm', (r) => ({ ...r, symbols: [] }), 'symbols must be a non-empty array'],
    ['a symbol without status', 'usdm', (r) => (delete r.symbols[0].status, r), 'symbols[0].status must be a non-empty string'],
    ['a spot response read as USD-M', 'usdm', () => spotDocsWithFilters(), 'symbols[0].contractType must be a non-empty string (every GET /fapi/v1/exchangeInfo symbol has one; is this a spot response?)'],
    ['a USD-M response read as spot', 'spot', (r) => r, 'symbols[0].contractType is a USD-M field: this looks like a GET /fapi/v1/exchangeInfo response, not spot'],
    ['a tickSize of 0', 'usdm', (r) => ((filter(r, 'PRICE_FILTER').tickSize = '0'), r), 'symbols[0].filters[PRICE_FILTER].tickSize is 0 (tick rule disabled); the simulator needs a positive price grid'],
    ['a number instead of a decimal string', 'usdm', (r) => ((filter(r, 'PRICE_FILTER').tickSize = 0.0001), r), 'symbols[0].filters[PRICE_FILTER].tickSize must be a non-empty string'],
    ['an exponent', 'usdm', (r) => ((filter(r, 'PRICE_FILTER').minPrice = '1e-4'), r), "symbols[0].filters[PRICE_FILTER].minPrice must be a plain decimal string, got '1e-4'"],
    ['a stepSize of 0', 'usdm', (r) => ((filter(r, 'LOT_SIZE').stepSize = '0'), r), "symbols[0].filters[LOT_SIZE].stepSize must be greater than 0, got '0'"],
    ['no LOT_SIZE', 'usdm', (r) => ((r.symbols[0].filters = r.symbols[0].filters.filter((f: Raw) => f.filterType !== 'LOT_SIZE')), r), 'symbols[0].filters[LOT_SIZE] is missing (the simulator needs its stepSize as the quantity grid)'],
    ['a repeated filter', 'usdm', (r) => (r.symbols[0].filters.push({ filterType: 'LOT_SIZE' }), r), 'symbols[0].filters[6].filterType repeats LOT_SIZE'],
    ['USD-M MIN_NOTIONAL without notional', 'usdm', (r) => ((filter(r, 'MIN_NOTIONAL').minNotional = '5'), delete filter(r, 'MIN_NOTIONAL').notional, r), 'symbols[0].filters[MIN_NOTIONAL].notional must be a non-empty string'],
    ['USD-M MAX_NUM_ORDERS named like spot', 'usdm', (r) => ((filter(r, 'MAX_NUM_ORDERS').maxNumOrders = 200), delete filter(r, 'MAX_NUM_ORDERS').limit, r), 'symbols[0].filters[MAX_NUM_ORDERS].limit must be a positive integer, got undefined'],
    ['a repeated symbol', 'usdm', (r) => (r.symbols.push(r.symbols[0]), r), 'symbols[1].symbol repeats BLZUSDT'],
  ];
  for (const [what, market, mutate, message] of cases) {
    it(`names the bad field for ${what}`, () => {
      expect(configError(mutate(exchangeInfoDocs().usdm), market)).toEqual({ code: 'E_CONFIG', message: `saved.json: ${message}` });
    });
  }

  it('requires the spot flags icebergAllowed and ocoAllowed and a positive ICEBERG_PARTS limit', () => {
    const noFlag = spotDocsWithFilters();
    delete noFlag.symbols[0].ocoAllowed;
    expect(configError(noFlag, 'spot').message).toBe('saved.json: symbols[0].ocoAllowed must be true or false, got undefined');
    const zeroParts = spotDocsWithFilters();
    filter(zeroParts, 'ICEBERG_PARTS').limit = 0;
    expect(configError(zeroParts, 'spot').message).toBe('saved.json: symbols[0].filters[ICEBERG_PARTS].limit must be a positive integer, got 0');
  });

  it('parses the docs ETHBTC grid, which the engine then refuses: tick × lot = 1e-9 is finer than 1e-8', () => {
    const [ethbtc] = parseBinanceExchangeInfo(spotDocsWithFilters(), 'spot', 'docs');
    expect(thrown(() => buildInstrument(ethbtc!.spec)).message).toBe('ETHBTC: tick × lot (0.000000001) must be a multiple of 1e-8');
  });
});

describe('BINANCE_BUNDLED_INSTRUMENTS', () => {
  it('bundles BTCUSDT, ETHUSDT and SOLUSDT on both markets, each saying it is unverified and undated', () => {
    for (const market of ['spot', 'usdm'] as const) {
      const bundles = BINANCE_BUNDLED_INSTRUMENTS[market];
      const parsed = bundles.flatMap((b) => parseBinanceExchangeInfo(b.response, market, 'bundled'));
      expect(parsed.map((i) => i.spec.symbol)).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT']);
      expect(parsed.every((i) => i.takenAt === null && i.market === market)).toBe(true);
      for (const b of bundles) expect(b.provenance).toContain('NOT verified');
    }
  });

  it('builds an engine grid for every bundled instrument (tick × lot a multiple of 1e-8)', () => {
    const atoms = (['spot', 'usdm'] as const).flatMap((market) =>
      BINANCE_BUNDLED_INSTRUMENTS[market].flatMap((b) => parseBinanceExchangeInfo(b.response, market, 'bundled')).map((i) => `${market} ${i.spec.symbol} ${buildInstrument(i.spec).atomE8}`),
    );
    expect(atoms).toEqual(['spot BTCUSDT 10', 'spot ETHUSDT 100', 'spot SOLUSDT 1000', 'usdm BTCUSDT 10000', 'usdm ETHUSDT 1000', 'usdm SOLUSDT 1000000']);
  });

  it('carries the spot iceberg, order-count and notional filters and the USD-M minimum notional', () => {
    const parsed = parseBinanceExchangeInfo(BINANCE_BUNDLED_INSTRUMENTS.spot[0]!.response, 'spot', 'bundled');
    expect(parsed.map((i) => [i.icebergParts, i.maxNumOrders, i.notional?.filter, i.notional?.min, i.notional?.max, i.icebergAllowed, i.ocoAllowed])).toEqual([
      [10, 200, 'NOTIONAL', '5.00000000', '9000000.00000000', true, true],
      [10, 200, 'NOTIONAL', '5.00000000', '9000000.00000000', true, true],
      [10, 200, 'NOTIONAL', '5.00000000', '9000000.00000000', true, true],
    ]);
    const usdm = parseBinanceExchangeInfo(BINANCE_BUNDLED_INSTRUMENTS.usdm[0]!.response, 'usdm', 'bundled');
    expect(usdm.map((i) => [i.spec.minNotional, i.maxNumOrders, i.icebergParts])).toEqual([
      ['100', 200, null],
      ['20', 200, null],
      ['5', 200, null],
    ]);
  });
});

describe('parseBinanceExchangeInfo on hostile values', () => {
  it('refuses a 20,000-deep array as a filter limit with E_CONFIG, not a RangeError', () => {
    const response = spotDocsWithFilters();
    const filter = response.symbols[0].filters.find((f: Raw) => f.filterType === 'MAX_NUM_ORDERS');
    filter.maxNumOrders = JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    expect(configError(response, 'spot')).toEqual({ code: 'E_CONFIG', message: expect.stringContaining('must be a positive integer, got an array') });
  });
});
