// Covers parseBybitInstrumentsInfo: the docs' linear and spot examples → exact specs, the spot post-only 5× rule, takenAt, status filter, and every malformed input → E_CONFIG naming the path.
import { describe, it, expect } from 'vitest';
import { parseBybitInstrumentsInfo, type BybitInstrument } from '../../../src/venues/bybit/bybit-instruments.js';
import { instrumentsDocs } from '../../helpers/bybit-instruments.js';
import { thrown } from '../../helpers/thrown.js';

/** Raw parsed JSON the tests mutate field by field. */
type Raw = any;

/** The first list item of a docs response (mutable). */
function item(response: Raw): Raw {
  return response.result.list[0];
}

function configError(json: unknown, category: 'linear' | 'spot' = 'linear'): { code: string; message: string } {
  const { code, message } = thrown(() => parseBybitInstrumentsInfo(json, category, 'saved.json'));
  return { code, message };
}

describe('parseBybitInstrumentsInfo on the docs examples', () => {
  // bybit-exchange/docs docs/v5/market/instrument.mdx, Linear response example.
  it('reads the linear BTCUSDT example into tick, qtyStep, min/max qty, minNotionalValue, price band and the date of `time`', () => {
    const expected: BybitInstrument = {
      category: 'linear',
      spec: {
        symbol: 'BTCUSDT',
        baseAsset: 'BTC',
        quoteAsset: 'USDT',
        tickSize: '0.10',
        lotSize: '0.001',
        minQty: '0.001',
        maxQty: '1190.000',
        minNotional: '5',
      },
      minPrice: '0.10',
      maxPrice: '1999999.80',
      postOnlyMaxQty: '1190.000',
      takenAt: '2025-01-02',
    };
    expect(parseBybitInstrumentsInfo(instrumentsDocs().linear, 'linear', 'docs')).toEqual([expected]);
  });

  // Spot tab: minOrderQty/maxOrderQty/maxOrderAmt are deprecated; Bybit checks basePrecision, minOrderAmt, maxLimitOrderQty.
  it('reads the spot BTCUSDT example with basePrecision as step and minimum, maxLimitOrderQty as maximum and postOnlyMaxLimitOrderSize', () => {
    const expected: BybitInstrument = {
      category: 'spot',
      spec: {
        symbol: 'BTCUSDT',
        baseAsset: 'BTC',
        quoteAsset: 'USDT',
        tickSize: '0.1',
        lotSize: '0.000001',
        minQty: '0.000001',
        maxQty: '83',
        minNotional: '5',
      },
      minPrice: null,
      maxPrice: null,
      postOnlyMaxQty: '60000',
      takenAt: '2025-10-09',
    };
    expect(parseBybitInstrumentsInfo(instrumentsDocs().spot, 'spot', 'docs')).toEqual([expected]);
  });

  // instrument.mdx, Spot maxLimitOrderQty: "For post-only … orders, the maximum limit order quantity is 5x maxLimitOrderQty".
  it('takes 5 × maxLimitOrderQty as the spot post-only maximum when postOnlyMaxLimitOrderSize is absent', () => {
    const spot = instrumentsDocs().spot as Raw;
    delete item(spot).lotSizeFilter.postOnlyMaxLimitOrderSize;
    expect(parseBybitInstrumentsInfo(spot, 'spot', 'docs')[0]!.postOnlyMaxQty).toBe('415');
    item(spot).lotSizeFilter.maxLimitOrderQty = '1229.2';
    expect(parseBybitInstrumentsInfo(spot, 'spot', 'docs')[0]!.postOnlyMaxQty).toBe('6146');
    item(spot).lotSizeFilter.postOnlyMaxLimitOrderSize = '';
    expect(parseBybitInstrumentsInfo(spot, 'spot', 'docs')[0]!.postOnlyMaxQty).toBe('6146');
  });

  it('falls back to the deprecated spot maxOrderQty when maxLimitOrderQty is absent', () => {
    const spot = instrumentsDocs().spot as Raw;
    delete item(spot).lotSizeFilter.maxLimitOrderQty;
    item(spot).lotSizeFilter.maxOrderQty = '71.5';
    const [btc] = parseBybitInstrumentsInfo(spot, 'spot', 'docs');
    expect(btc!.spec.maxQty).toBe('71.5');
    expect(btc!.postOnlyMaxQty).toBe('60000');
  });

  it('leaves takenAt null when the response has no usable `time`', () => {
    for (const time of [undefined, 0, -5, 1.5, '1735809771618']) {
      const linear = instrumentsDocs().linear as Raw;
      if (time === undefined) delete linear.time;
      else linear.time = time;
      expect(parseBybitInstrumentsInfo(linear, 'linear', 'docs')[0]!.takenAt).toBe(null);
    }
  });

  it('accepts a minimum notional of 0, which is not a step and may be zero', () => {
    const linear = instrumentsDocs().linear as Raw;
    item(linear).lotSizeFilter.minNotionalValue = '0';
    expect(parseBybitInstrumentsInfo(linear, 'linear', 'docs')[0]!.spec.minNotional).toBe('0');
  });
});

describe('parseBybitInstrumentsInfo status filter', () => {
  // instrument.mdx, status: "linear & inverse & spot By default returns only Trading symbols".
  it('skips a symbol whose status is not Trading (the pre-market PreLaunch example) and keeps the Trading ones in order', () => {
    const docs = instrumentsDocs() as Raw;
    const mixed = docs.linear;
    mixed.result.list = [item(docs.linear_pre_market), item(docs.linear), { ...item(docs.linear), symbol: 'ETHUSDT', baseCoin: 'ETH' }];
    expect(parseBybitInstrumentsInfo(mixed, 'linear', 'docs').map((i) => i.spec.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
  });

  it('keeps a symbol that carries no status field', () => {
    const linear = instrumentsDocs().linear as Raw;
    delete item(linear).status;
    expect(parseBybitInstrumentsInfo(linear, 'linear', 'docs').map((i) => i.spec.symbol)).toEqual(['BTCUSDT']);
  });

  it('does not check the fields of a skipped symbol', () => {
    const docs = instrumentsDocs() as Raw;
    const pre = item(docs.linear_pre_market);
    delete pre.priceFilter;
    docs.linear.result.list = [pre, item(docs.linear)];
    expect(parseBybitInstrumentsInfo(docs.linear, 'linear', 'docs')).toHaveLength(1);
  });
});

describe('parseBybitInstrumentsInfo errors', () => {
  it('refuses an error response (retCode other than 0)', () => {
    const linear = instrumentsDocs().linear as Raw;
    linear.retCode = 10001;
    expect(configError(linear)).toEqual({ code: 'E_CONFIG', message: 'saved.json: retCode must be 0 (a successful response), got 10001' });
    delete linear.retCode;
    expect(configError(linear).message).toBe('saved.json: retCode must be 0 (a successful response), got undefined');
  });

  it('refuses a response of another category than --category', () => {
    expect(configError(instrumentsDocs().spot, 'linear')).toEqual({
      code: 'E_CONFIG',
      message: `saved.json: result.category must be 'linear' for --category linear, got "spot"`,
    });
    expect(configError(instrumentsDocs().linear, 'spot').message).toBe(`saved.json: result.category must be 'spot' for --category spot, got "linear"`);
  });

  it('refuses an empty or missing list', () => {
    const linear = instrumentsDocs().linear as Raw;
    linear.result.list = [];
    expect(configError(linear)).toEqual({ code: 'E_CONFIG', message: 'saved.json: result.list must be a non-empty array' });
    linear.result.list = { symbol: 'BTCUSDT' };
    expect(configError(linear).message).toBe('saved.json: result.list must be a non-empty array');
  });

  it('refuses a top level, result or list item that is not an object', () => {
    expect(configError([])).toEqual({ code: 'E_CONFIG', message: 'saved.json: (top level) must be an object' });
    expect(configError(null).message).toBe('saved.json: (top level) must be an object');
    expect(configError({ retCode: 0, result: 'x' }).message).toBe('saved.json: result must be an object');
    expect(configError({ retCode: 0, result: { category: 'linear', list: [item(instrumentsDocs().linear), 7] } }).message).toBe(
      'saved.json: result.list[1] must be an object',
    );
  });

  it('names a missing tickSize, and a number where a decimal string belongs', () => {
    const linear = instrumentsDocs().linear as Raw;
    delete item(linear).priceFilter.tickSize;
    expect(configError(linear)).toEqual({ code: 'E_CONFIG', message: 'saved.json: result.list[0].priceFilter.tickSize must be a non-empty string' });
    item(linear).priceFilter.tickSize = 0.1;
    expect(configError(linear).message).toBe('saved.json: result.list[0].priceFilter.tickSize must be a non-empty string');
  });

  it('names a missing priceFilter and a missing symbol', () => {
    const linear = instrumentsDocs().linear as Raw;
    delete item(linear).symbol;
    expect(configError(linear).message).toBe('saved.json: result.list[0].symbol must be a non-empty string');
    delete item(linear).priceFilter;
    expect(configError(linear).message).toBe('saved.json: result.list[0].priceFilter must be an object');
  });

  it('refuses exponent notation and signs in a decimal field', () => {
    const spot = instrumentsDocs().spot as Raw;
    item(spot).lotSizeFilter.basePrecision = '1e-5';
    expect(configError(spot, 'spot')).toEqual({
      code: 'E_CONFIG',
      message: "saved.json: result.list[0].lotSizeFilter.basePrecision must be a plain decimal string, got '1e-5'",
    });
    const linear = instrumentsDocs().linear as Raw;
    item(linear).priceFilter.minPrice = '-0.10';
    expect(configError(linear).message).toBe("saved.json: result.list[0].priceFilter.minPrice must be a plain decimal string, got '-0.10'");
  });

  it('refuses a zero qtyStep', () => {
    const linear = instrumentsDocs().linear as Raw;
    item(linear).lotSizeFilter.qtyStep = '0';
    expect(configError(linear)).toEqual({ code: 'E_CONFIG', message: "saved.json: result.list[0].lotSizeFilter.qtyStep must be greater than 0, got '0'" });
    item(linear).lotSizeFilter.qtyStep = '0.000';
    expect(configError(linear).message).toBe("saved.json: result.list[0].lotSizeFilter.qtyStep must be greater than 0, got '0.000'");
  });

  it('refuses a spot symbol with neither maxLimitOrderQty nor the deprecated maxOrderQty', () => {
    const spot = instrumentsDocs().spot as Raw;
    delete item(spot).lotSizeFilter.maxLimitOrderQty;
    delete item(spot).lotSizeFilter.maxOrderQty;
    expect(configError(spot, 'spot')).toEqual({
      code: 'E_CONFIG',
      message: 'saved.json: result.list[0].lotSizeFilter.maxLimitOrderQty must be a non-empty string (or the deprecated maxOrderQty)',
    });
  });

  it('refuses a symbol listed twice, naming the second entry', () => {
    const linear = instrumentsDocs().linear as Raw;
    linear.result.list = [item(linear), item(instrumentsDocs().linear)];
    expect(configError(linear)).toEqual({ code: 'E_CONFIG', message: 'saved.json: result.list[1].symbol repeats BTCUSDT' });
  });
});

describe('parseBybitInstrumentsInfo on hostile values', () => {
  it('refuses a 20,000-deep array as retCode with E_CONFIG, not a RangeError', () => {
    const response = instrumentsDocs().linear as Raw;
    response.retCode = JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    expect(configError(response)).toEqual({ code: 'E_CONFIG', message: expect.stringContaining('retCode must be 0 (a successful response), got an array') });
  });
});

describe('parseBybitInstrumentsInfo on long decimals (found by the fuzz run)', () => {
  it('refuses a decimal longer than 64 characters without reading it', () => {
    const response = instrumentsDocs().linear as Raw;
    item(response).priceFilter.tickSize = `0.${'1'.repeat(1_000_000)}`;
    expect(configError(response).message).toContain('priceFilter.tickSize must be a plain decimal string of at most 64 characters, got 1000002');
  });
});
