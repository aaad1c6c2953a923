// Covers the spot OCO: renderOco for SELL and BUY (which leg is above), the price relationship against the last price with its boundaries, checkBinanceOco's filters/flags, and reading the docs' OCO response example.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { BinanceInstrument } from '../../../src/venues/binance/binance-instruments.js';
import { checkBinanceOco, checkOcoPrices, renderOco, type BinanceOcoOrder } from '../../../src/venues/binance/binance-oco.js';
import { readBinanceOcoResponse, type BinanceOcoResponseWire } from '../../../src/venues/binance/binance-oco-wire.js';
import { binanceQueryString } from '../../../src/venues/binance/binance-signing.js';
import { bundled } from '../../helpers/binance-instruments.js';
import { thrown } from '../../helpers/thrown.js';

const SPOT_BTC = bundled('spot', 'BTCUSDT');

/** A SELL OCO protecting a long at last price 95000: take profit at 96000, stop at 94000 limited at 93900. */
const SELL: BinanceOcoOrder = {
  symbol: 'BTCUSDT',
  side: 'SELL',
  quantity: '0.01000',
  limitMakerPrice: '96000.00',
  stopPrice: '94000.00',
  stopLimitPrice: '93900.00',
  stopTimeInForce: 'GTC',
  listClientOrderId: 'se42-L-1',
  limitMakerClientOrderId: 'se42-O-1',
  stopClientOrderId: 'se42-O-2',
};

const BUY: BinanceOcoOrder = { ...SELL, side: 'BUY', limitMakerPrice: '94000.00', stopPrice: '96000.00', stopLimitPrice: '96100.00' };

describe('renderOco', () => {
  it('puts a SELL OCO LIMIT_MAKER above and its STOP_LOSS_LIMIT below, in the parameter table order', () => {
    const request = renderOco(SELL);
    expect([request.method, request.path]).toEqual(['POST', '/api/v3/orderList/oco']);
    expect(binanceQueryString(request.params)).toBe(
      'symbol=BTCUSDT&listClientOrderId=se42-L-1&side=SELL&quantity=0.01000' +
        '&aboveType=LIMIT_MAKER&aboveClientOrderId=se42-O-1&abovePrice=96000.00' +
        '&belowType=STOP_LOSS_LIMIT&belowClientOrderId=se42-O-2&belowPrice=93900.00&belowStopPrice=94000.00&belowTimeInForce=GTC',
    );
  });

  it('puts a BUY OCO STOP_LOSS_LIMIT above and its LIMIT_MAKER below, and omits unset client ids', () => {
    const request = renderOco({ ...BUY, listClientOrderId: null, limitMakerClientOrderId: null, stopClientOrderId: null });
    expect(binanceQueryString(request.params)).toBe(
      'symbol=BTCUSDT&side=BUY&quantity=0.01000' +
        '&aboveType=STOP_LOSS_LIMIT&abovePrice=96100.00&aboveStopPrice=96000.00&aboveTimeInForce=GTC' +
        '&belowType=LIMIT_MAKER&belowPrice=94000.00',
    );
  });
});

describe('checkOcoPrices', () => {
  const wrong = { code: -2010, msg: 'The relationship of the prices for the orders is not correct.' };

  it('accepts a SELL with LIMIT_MAKER price > last > stopPrice and refuses equality on either side', () => {
    expect(checkOcoPrices('SELL', '96000.00', '94000.00', '95000.00')).toBeNull();
    expect(checkOcoPrices('SELL', '95000.00', '94000.00', '95000.00')).toEqual(wrong);
    expect(checkOcoPrices('SELL', '96000.00', '95000.00', '95000.00')).toEqual(wrong);
    expect(checkOcoPrices('SELL', '94000.00', '96000.00', '95000.00')).toEqual(wrong);
  });

  it('accepts a BUY with LIMIT_MAKER price < last < stopPrice and refuses equality on either side', () => {
    expect(checkOcoPrices('BUY', '94000.00', '96000.00', '95000.00')).toBeNull();
    expect(checkOcoPrices('BUY', '95000.00', '96000.00', '95000.00')).toEqual(wrong);
    expect(checkOcoPrices('BUY', '94000.00', '95000.00', '95000.00')).toEqual(wrong);
    expect(checkOcoPrices('BUY', '96000.00', '94000.00', '95000.00')).toEqual(wrong);
  });
});

describe('checkBinanceOco', () => {
  it('accepts a well-formed OCO on a symbol that allows it', () => {
    expect(checkBinanceOco(SELL, SPOT_BTC, 0, '95000.00')).toBeNull();
    expect(checkBinanceOco(BUY, SPOT_BTC, 0, '95000.00')).toBeNull();
  });

  it('runs the symbol filters on both legs and on the stopPrice before the price relationship', () => {
    expect(checkBinanceOco({ ...SELL, stopLimitPrice: '93900.005' }, SPOT_BTC, 0, '1')).toEqual({ code: -1013, msg: 'Filter failure: PRICE_FILTER' });
    expect(checkBinanceOco({ ...SELL, stopPrice: '94000.001' }, SPOT_BTC, 0, '1')).toEqual({ code: -1013, msg: 'Filter failure: PRICE_FILTER' });
    expect(checkBinanceOco({ ...SELL, quantity: '0.00001' }, SPOT_BTC, 0, '95000.00')).toEqual({ code: -1013, msg: 'Filter failure: NOTIONAL' });
  });

  it('counts an OCO as 2 orders against MAX_NUM_ORDERS', () => {
    expect(checkBinanceOco(SELL, SPOT_BTC, 198, '95000.00')).toBeNull();
    expect(checkBinanceOco(SELL, SPOT_BTC, 199, '95000.00')).toEqual({ code: -1013, msg: 'Filter failure: MAX_NUM_ORDERS' });
  });

  it('refuses an OCO on a symbol whose ocoAllowed is false, and any OCO on USD-M', () => {
    const noOco: BinanceInstrument = { ...SPOT_BTC, ocoAllowed: false };
    expect(checkBinanceOco(SELL, noOco, 0, '95000.00')).toEqual({ code: -2010, msg: 'OCO orders are not supported for this symbol' });
    expect(thrown(() => checkBinanceOco(SELL, bundled('usdm', 'BTCUSDT'), 0, '95000.00'))).toEqual({
      name: 'ShadowExecError',
      code: 'E_ORDER_OPTIONS',
      message: 'OCO is a spot order list; USD-M futures have no OCO endpoint',
    });
  });
});

interface RestDocsFixture {
  readonly examples: readonly { readonly heading: string; readonly payload: unknown }[];
}

function docsOcoResponse(): BinanceOcoResponseWire {
  const fixture = JSON.parse(readFileSync(new URL('../../fixtures/venues/binance_spot_rest_docs_examples.json', import.meta.url), 'utf8')) as RestDocsFixture;
  const example = fixture.examples.find((e) => e.heading === 'New Order list - OCO (TRADE)');
  if (example === undefined) throw new Error('no OCO example in the fixture');
  return example.payload as BinanceOcoResponseWire;
}

describe('readBinanceOcoResponse', () => {
  // rest-api.md "New Order list - OCO (TRADE)", RESULT response example (LTCBTC, a SELL OCO).
  it('reads the docs example into the list id and both legs', () => {
    expect(readBinanceOcoResponse(docsOcoResponse())).toEqual({
      orderListId: 1,
      listClientOrderId: 'lH1YDkuQKWiXVXHPSKYEIp',
      legs: [
        { orderId: 10, clientOrderId: '44nZvqpemY7sVYgPYbvPih', type: 'STOP_LOSS_LIMIT', side: 'SELL', price: '1.00000000', stopPrice: '1.00000000', status: 'NEW' },
        { orderId: 11, clientOrderId: 'NuMp0nVYnciDiFmVqfpBqK', type: 'LIMIT_MAKER', side: 'SELL', price: '3.00000000', stopPrice: null, status: 'NEW' },
      ],
    });
  });

  it("finds the docs example's prices consistent with the SELL rule for a last price between them", () => {
    expect(checkOcoPrices('SELL', '3.00000000', '1.00000000', '2.00000000')).toBeNull();
  });

  it('treats a response without two legs as a broken invariant', () => {
    const response = { ...docsOcoResponse(), orders: docsOcoResponse().orders.slice(0, 1) };
    expect(thrown(() => readBinanceOcoResponse(response))).toEqual({
      name: 'ShadowExecError',
      code: 'E_INVARIANT',
      message: 'invariant violated: OCO response has 1 orders and 2 orderReports, expected 2 and 2',
    });
  });
});
