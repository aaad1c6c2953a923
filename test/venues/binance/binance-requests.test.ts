// Covers the Binance request renderers: the spot and USD-M docs' signed examples reproduced byte for byte, post-only/iceberg/reduce-only params, cancel, cancel-all, modify, option refusals and amend support.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  binanceAmendSupport,
  checkBinanceOptions,
  renderCancelAll,
  renderCancelOrder,
  renderModifyOrder,
  renderNewOrder,
  type BinanceNewOrder,
  type BinanceOrderOptions,
} from '../../../src/venues/binance/binance-requests.js';
import { binanceQueryString, signBinanceRequest, withBinanceTiming } from '../../../src/venues/binance/binance-signing.js';
import { thrown } from '../../helpers/thrown.js';

interface BinanceVector {
  apiKey: string;
  secret: string;
  queryString: string;
  expected_signature_hex: string;
}
const vector = (
  JSON.parse(readFileSync(new URL('../../fixtures/venues/signing_examples.json', import.meta.url), 'utf8')) as { binance: { vector: BinanceVector } }
).binance.vector;

const GTC: BinanceOrderOptions = { timeInForce: 'GTC', postOnly: false, reduceOnly: false, icebergQty: null };

function order(overrides: Partial<BinanceNewOrder>): BinanceNewOrder {
  return { market: 'spot', symbol: 'BTCUSDT', side: 'SELL', quantity: '0.01000', price: '93500.50', options: GTC, newClientOrderId: 'se42-O-1', ...overrides };
}

function query(params: readonly (readonly [string, string])[]): string {
  return binanceQueryString(params);
}

describe('renderNewOrder against the docs signed examples', () => {
  it('renders the spot LTCBTC LIMIT example in the docs order and reproduces signature c8db5682…', () => {
    const request = renderNewOrder(order({ symbol: 'LTCBTC', side: 'BUY', quantity: '1', price: '0.1', newClientOrderId: null }));
    expect([request.method, request.path]).toEqual(['POST', '/api/v3/order']);
    const queryString = query(withBinanceTiming(request.params, 1499827319559, 5000));
    expect(queryString).toBe(vector.queryString);
    expect(queryString).toBe('symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559');
    expect(signBinanceRequest({ apiKey: vector.apiKey, apiSecret: vector.secret, queryString }).signature).toBe(vector.expected_signature_hex);
  });

  // usds-margined-futures general-info, "SIGNED Endpoint Examples for POST /fapi/v1/order - HMAC Keys", Example 1.
  it('renders the USD-M BTCUSDT LIMIT example in the docs order and reproduces signature 3c661234…', () => {
    const request = renderNewOrder(order({ market: 'usdm', side: 'BUY', quantity: '1', price: '9000', newClientOrderId: null }));
    expect([request.method, request.path]).toEqual(['POST', '/fapi/v1/order']);
    const queryString = query(withBinanceTiming(request.params, 1591702613943, 5000));
    expect(queryString).toBe('symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943');
    const signed = signBinanceRequest({
      apiKey: 'dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83',
      apiSecret: '2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9',
      queryString,
    });
    expect(signed.signature).toBe('3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9');
  });
});

describe('renderNewOrder options', () => {
  it('sends spot post-only as type LIMIT_MAKER without timeInForce', () => {
    expect(query(renderNewOrder(order({ options: { ...GTC, postOnly: true } })).params)).toBe(
      'symbol=BTCUSDT&side=SELL&type=LIMIT_MAKER&quantity=0.01000&price=93500.50&newClientOrderId=se42-O-1',
    );
  });

  it('sends spot IOC/FOK as timeInForce and the decimal strings exactly as given', () => {
    expect(query(renderNewOrder(order({ options: { ...GTC, timeInForce: 'FOK' } })).params)).toBe(
      'symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=FOK&quantity=0.01000&price=93500.50&newClientOrderId=se42-O-1',
    );
  });

  it('appends icebergQty last on spot, on a GTC LIMIT and on a LIMIT_MAKER', () => {
    expect(query(renderNewOrder(order({ options: { ...GTC, icebergQty: '0.00200' } })).params)).toBe(
      'symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.01000&price=93500.50&newClientOrderId=se42-O-1&icebergQty=0.00200',
    );
    expect(query(renderNewOrder(order({ options: { ...GTC, postOnly: true, icebergQty: '0.00200' } })).params)).toBe(
      'symbol=BTCUSDT&side=SELL&type=LIMIT_MAKER&quantity=0.01000&price=93500.50&newClientOrderId=se42-O-1&icebergQty=0.00200',
    );
  });

  it('sends USD-M post-only as timeInForce GTX and reduceOnly as the string "true"', () => {
    expect(query(renderNewOrder(order({ market: 'usdm', options: { ...GTC, postOnly: true, reduceOnly: true } })).params)).toBe(
      'symbol=BTCUSDT&side=SELL&type=LIMIT&quantity=0.01000&price=93500.50&timeInForce=GTX&reduceOnly=true&newClientOrderId=se42-O-1',
    );
    expect(query(renderNewOrder(order({ market: 'usdm', options: { ...GTC, timeInForce: 'IOC' } })).params)).toBe(
      'symbol=BTCUSDT&side=SELL&type=LIMIT&quantity=0.01000&price=93500.50&timeInForce=IOC&newClientOrderId=se42-O-1',
    );
  });
});

describe('cancel, cancel-all and modify', () => {
  it('cancels by origClientOrderId on DELETE /api/v3/order and DELETE /fapi/v1/order', () => {
    expect(renderCancelOrder('spot', 'BTCUSDT', 'se42-O-1')).toEqual({
      method: 'DELETE',
      path: '/api/v3/order',
      params: [['symbol', 'BTCUSDT'], ['origClientOrderId', 'se42-O-1']],
    });
    expect(renderCancelOrder('usdm', 'BTCUSDT', 'se42-O-1').path).toBe('/fapi/v1/order');
  });

  it('cancels all on DELETE /api/v3/openOrders and DELETE /fapi/v1/allOpenOrders with the symbol only', () => {
    expect(renderCancelAll('spot', 'ETHUSDT')).toEqual({ method: 'DELETE', path: '/api/v3/openOrders', params: [['symbol', 'ETHUSDT']] });
    expect(renderCancelAll('usdm', 'ETHUSDT')).toEqual({ method: 'DELETE', path: '/fapi/v1/allOpenOrders', params: [['symbol', 'ETHUSDT']] });
  });

  it('modifies a USD-M order with PUT /fapi/v1/order sending both quantity and price', () => {
    const request = renderModifyOrder('BTCUSDT', 'se42-O-1', 'BUY', '0.002', '93400.0');
    expect([request.method, request.path, query(request.params)]).toEqual([
      'PUT',
      '/fapi/v1/order',
      'origClientOrderId=se42-O-1&symbol=BTCUSDT&side=BUY&quantity=0.002&price=93400.0',
    ]);
  });

  it('says spot cannot amend a price and USD-M can', () => {
    expect(binanceAmendSupport('spot')).toEqual({
      price: false,
      quantity: 'reduce',
      endpoint: 'PUT /api/v3/order/amend/keepPriority',
      note: 'spot cannot amend a price: cancel and place a new order; keepPriority only reduces the quantity (not rendered here)',
    });
    expect([binanceAmendSupport('usdm').price, binanceAmendSupport('usdm').quantity, binanceAmendSupport('usdm').endpoint]).toEqual([true, 'any', 'PUT /fapi/v1/order']);
  });
});

describe('checkBinanceOptions', () => {
  const refusals: ReadonlyArray<readonly [string, 'spot' | 'usdm', BinanceOrderOptions, string]> = [
    ['reduceOnly on spot', 'spot', { ...GTC, reduceOnly: true }, 'reduceOnly is valid on USD-M futures only (spot POST /api/v3/order has no reduceOnly)'],
    ['icebergQty on USD-M', 'usdm', { ...GTC, icebergQty: '0.1' }, 'icebergQty is valid on spot only (USD-M POST /fapi/v1/order has no icebergQty)'],
    ['icebergQty with IOC', 'spot', { ...GTC, timeInForce: 'IOC', icebergQty: '0.1' }, 'icebergQty needs timeInForce GTC ("Any order with an icebergQty MUST have timeInForce set to GTC"), got IOC'],
    ['icebergQty with FOK', 'spot', { ...GTC, timeInForce: 'FOK', icebergQty: '0.1' }, 'icebergQty needs timeInForce GTC ("Any order with an icebergQty MUST have timeInForce set to GTC"), got FOK'],
    ['spot postOnly with IOC', 'spot', { ...GTC, timeInForce: 'IOC', postOnly: true }, 'postOnly cannot be combined with timeInForce IOC: spot post-only is type LIMIT_MAKER, which takes no timeInForce'],
    ['USD-M postOnly with FOK', 'usdm', { ...GTC, timeInForce: 'FOK', postOnly: true }, 'postOnly cannot be combined with timeInForce FOK: USD-M post-only is itself timeInForce GTX'],
  ];
  for (const [what, market, options, message] of refusals) {
    it(`refuses ${what} before anything is sent`, () => {
      expect(thrown(() => checkBinanceOptions(market, options))).toEqual({ name: 'ShadowExecError', code: 'E_ORDER_OPTIONS', message });
      expect(thrown(() => renderNewOrder(order({ market, options }))).message).toBe(message);
    });
  }

  it('accepts post-only with iceberg on spot and post-only with reduce-only on USD-M', () => {
    expect(() => checkBinanceOptions('spot', { ...GTC, postOnly: true, icebergQty: '0.1' })).not.toThrow();
    expect(() => checkBinanceOptions('usdm', { ...GTC, postOnly: true, reduceOnly: true })).not.toThrow();
  });
});
