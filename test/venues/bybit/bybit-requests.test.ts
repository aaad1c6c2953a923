// Covers the Bybit request renderers against the docs' example bodies (field names, order, types, exact strings) and checkBybitOptions' client-side refusals.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { OrderOptions } from '../../../src/core/model/order.js';
import {
  BYBIT_ENDPOINTS,
  checkBybitOptions,
  renderAmendOrder,
  renderCancelAll,
  renderCancelOrder,
  renderCreateOrder,
  type BybitCreateOrder,
} from '../../../src/venues/bybit/bybit-requests.js';
import { thrown } from '../../helpers/thrown.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/venues/bybit_v5_rest_docs_examples.json', import.meta.url), 'utf8')) as {
  create_order: { http_request_example_raw: string };
  cancel_order: { http_request_example_raw: string };
  amend_order: { http_request_example_raw: string };
};

/** The commented bodies of create-order.mdx's HTTP example, by their comment ("// Spot PostOnly normal order"). */
function createExamples(): Map<string, string> {
  const out = new Map<string, string>();
  for (const chunk of fixture.create_order.http_request_example_raw.split('\n\n')) {
    const text = chunk.trim();
    if (!text.startsWith('//')) continue;
    const newline = text.indexOf('\n');
    out.set(text.slice(2, newline).trim(), text.slice(newline + 1));
  }
  return out;
}

/** The JSON body after the blank line of a raw HTTP example. */
function bodyOf(raw: string): string {
  return raw.replace(/\r/g, '').split('\n\n')[1]!;
}

function docsExample(label: string): string {
  const body = createExamples().get(label);
  if (body === undefined) throw new Error(`no create-order example '${label}'`);
  return body;
}

/**
 * Ours must use the docs' field names, in the docs' order, with the docs' JSON types; the docs' body may carry
 * fields we do not send. With `sameValues`, every value we send equals the docs' value.
 */
function expectDocsShape(ours: string, docs: string, sameValues: boolean): void {
  const mine = JSON.parse(ours) as Record<string, unknown>;
  const theirs = JSON.parse(docs) as Record<string, unknown>;
  const keys = Object.keys(mine);
  expect(keys).toEqual(Object.keys(theirs).filter((k) => k in mine));
  if (sameValues) expect(mine).toEqual(Object.fromEntries(keys.map((k) => [k, theirs[k]])));
  for (const [k, v] of Object.entries(mine)) if (k !== 'reduceOnly') expect(typeof v).toBe('string');
}

const GTC: OrderOptions = { timeInForce: 'GTC', postOnly: false, reduceOnly: false };

function create(order: Partial<BybitCreateOrder>): BybitCreateOrder {
  return { category: 'linear', symbol: 'BTCUSDT', side: 'BUY', orderType: 'Limit', qty: '1', price: '25000', options: GTC, orderLinkId: 'x', ...order };
}

// bybit-exchange/docs docs/v5/order/create-order.mdx, HTTP request example.
describe('renderCreateOrder against the docs examples', () => {
  it('renders the spot PostOnly normal order with timeInForce "PostOnly" and strings for qty and price', () => {
    const request = renderCreateOrder(
      create({ category: 'spot', side: 'BUY', qty: '0.1', price: '15600', options: { ...GTC, postOnly: true }, orderLinkId: 'spot-test-01' }),
    );
    expect(request).toEqual({
      method: 'POST',
      path: '/v5/order/create',
      body: '{"category":"spot","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.1","price":"15600","timeInForce":"PostOnly","orderLinkId":"spot-test-01"}',
    });
    expectDocsShape(request.body, docsExample('Spot PostOnly normal order'), true);
  });

  it('renders the spot GTC limit order', () => {
    const { body } = renderCreateOrder(create({ category: 'spot', qty: '0.1', price: '15600', orderLinkId: 'spot-test-limit' }));
    expect(body).toBe('{"category":"spot","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.1","price":"15600","timeInForce":"GTC","orderLinkId":"spot-test-limit"}');
    expectDocsShape(body, docsExample('Spot margin normal order (UTA)'), true);
  });

  it('renders a Market order with timeInForce IOC and no price, whatever price and timeInForce it was given', () => {
    const { body } = renderCreateOrder(
      create({ category: 'spot', orderType: 'Market', qty: '200', price: '93500', options: { ...GTC, timeInForce: 'FOK' }, orderLinkId: 'spot-test-04' }),
    );
    expect(body).toBe('{"category":"spot","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"200","timeInForce":"IOC","orderLinkId":"spot-test-04"}');
    expectDocsShape(body, docsExample('Spot Market Buy order, qty is quote currency'), true);
    expect(renderCreateOrder(create({ orderType: 'Market', price: null })).body).not.toContain('price');
  });

  it('renders the linear open-long order without reduceOnly when it is not set', () => {
    const { body } = renderCreateOrder(create({ orderLinkId: 'usdt-test-01' }));
    expect(body).toBe('{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"1","price":"25000","timeInForce":"GTC","orderLinkId":"usdt-test-01"}');
    expectDocsShape(body, docsExample('USDT Perp open long position (one-way mode)'), true);
  });

  it('renders the linear close-long order with reduceOnly true as a JSON boolean, last', () => {
    const { body } = renderCreateOrder(create({ side: 'SELL', price: '30000', options: { ...GTC, reduceOnly: true }, orderLinkId: 'usdt-test-02' }));
    expect(body).toBe(
      '{"category":"linear","symbol":"BTCUSDT","side":"Sell","orderType":"Limit","qty":"1","price":"30000","timeInForce":"GTC","orderLinkId":"usdt-test-02","reduceOnly":true}',
    );
    expectDocsShape(body, docsExample('USDT Perp close long position (one-way mode)'), true);
    expect((JSON.parse(body) as { reduceOnly: unknown }).reduceOnly).toBe(true);
  });

  it('renders IOC and FOK limits with their own timeInForce', () => {
    expect(renderCreateOrder(create({ options: { ...GTC, timeInForce: 'IOC' } })).body).toContain('"timeInForce":"IOC"');
    expect(renderCreateOrder(create({ options: { ...GTC, timeInForce: 'FOK' } })).body).toContain('"timeInForce":"FOK"');
  });

  it('refuses a Limit order without a price', () => {
    expect(thrown(() => renderCreateOrder(create({ price: null })))).toEqual({ name: 'ShadowExecError', code: 'E_ORDER_OPTIONS', message: 'a Limit order needs a price' });
  });
});

describe('renderCancelOrder, renderCancelAll and renderAmendOrder', () => {
  // docs/v5/order/cancel-order.mdx: the example cancels by orderId (orderLinkId null); we cancel by orderLinkId.
  it('renders a cancel by orderLinkId with the docs field names and order', () => {
    const request = renderCancelOrder('linear', 'BTCPERP', 'linear-004');
    expect(request).toEqual({ method: 'POST', path: '/v5/order/cancel', body: '{"category":"linear","symbol":"BTCPERP","orderLinkId":"linear-004"}' });
    expectDocsShape(request.body, bodyOf(fixture.cancel_order.http_request_example_raw), false);
  });

  // docs/v5/order/cancel-all.mdx, HTTP request example body: {"category": "linear", "symbol": null, "settleCoin": "USDT"}.
  it('renders a cancel-all for one symbol with the docs field names and order', () => {
    const request = renderCancelAll('spot', 'ETHUSDT');
    expect(request).toEqual({ method: 'POST', path: '/v5/order/cancel-all', body: '{"category":"spot","symbol":"ETHUSDT"}' });
    expectDocsShape(request.body, '{\n  "category": "linear",\n  "symbol": null,\n  "settleCoin": "USDT"\n}', false);
  });

  // docs/v5/order/amend-order.mdx, HTTP request example.
  it('renders the docs amend of qty and price in the docs order', () => {
    const request = renderAmendOrder('linear', 'ETHPERP', 'linear-004', { price: '1050', qty: '0.15' });
    expect(request).toEqual({
      method: 'POST',
      path: '/v5/order/amend',
      body: '{"category":"linear","symbol":"ETHPERP","orderLinkId":"linear-004","qty":"0.15","price":"1050"}',
    });
    expectDocsShape(request.body, bodyOf(fixture.amend_order.http_request_example_raw), true);
  });

  it('sends only the field an amend changes, and refuses an amend that changes nothing', () => {
    expect(renderAmendOrder('spot', 'BTCUSDT', 'a', { price: '93500.1' }).body).toBe('{"category":"spot","symbol":"BTCUSDT","orderLinkId":"a","price":"93500.1"}');
    expect(renderAmendOrder('spot', 'BTCUSDT', 'a', { qty: '0.5' }).body).toBe('{"category":"spot","symbol":"BTCUSDT","orderLinkId":"a","qty":"0.5"}');
    expect(thrown(() => renderAmendOrder('spot', 'BTCUSDT', 'a', {}))).toEqual({
      name: 'ShadowExecError',
      code: 'E_ORDER_OPTIONS',
      message: 'an amend must change the price or the qty',
    });
  });

  it('maps each request kind to its documented path', () => {
    expect(BYBIT_ENDPOINTS).toEqual({ create: '/v5/order/create', cancel: '/v5/order/cancel', 'cancel-all': '/v5/order/cancel-all', amend: '/v5/order/amend' });
  });
});

describe('checkBybitOptions', () => {
  it('refuses postOnly on a Market order (enum.mdx rejectReason EC_MarketOrderCannotBePostOnly)', () => {
    expect(thrown(() => checkBybitOptions('linear', 'Market', { ...GTC, postOnly: true }))).toEqual({
      name: 'ShadowExecError',
      code: 'E_ORDER_OPTIONS',
      message: 'postOnly cannot be used on a Market order (Bybit: EC_MarketOrderCannotBePostOnly); use a Limit order',
    });
    expect(thrown(() => renderCreateOrder(create({ orderType: 'Market', options: { ...GTC, postOnly: true } }))).code).toBe('E_ORDER_OPTIONS');
  });

  it('refuses postOnly with IOC or FOK, since PostOnly is itself the timeInForce', () => {
    expect(thrown(() => checkBybitOptions('spot', 'Limit', { ...GTC, postOnly: true, timeInForce: 'IOC' }))).toEqual({
      name: 'ShadowExecError',
      code: 'E_ORDER_OPTIONS',
      message: 'postOnly is itself Bybit\'s timeInForce "PostOnly" and cannot be combined with timeInForce IOC',
    });
    expect(thrown(() => checkBybitOptions('linear', 'Limit', { ...GTC, postOnly: true, timeInForce: 'FOK' })).message).toBe(
      'postOnly is itself Bybit\'s timeInForce "PostOnly" and cannot be combined with timeInForce FOK',
    );
  });

  it('refuses reduceOnly on spot and accepts it on linear', () => {
    expect(thrown(() => checkBybitOptions('spot', 'Limit', { ...GTC, reduceOnly: true }))).toEqual({
      name: 'ShadowExecError',
      code: 'E_ORDER_OPTIONS',
      message: 'reduceOnly is valid for category linear only (docs/v5/order/create-order.mdx)',
    });
    expect(() => checkBybitOptions('linear', 'Limit', { ...GTC, reduceOnly: true })).not.toThrow();
  });

  it('refuses a Limit timeInForce outside GTC, IOC, FOK', () => {
    const bad = { ...GTC, timeInForce: 'PostOnly' } as unknown as OrderOptions;
    expect(thrown(() => checkBybitOptions('linear', 'Limit', bad)).message).toBe('timeInForce PostOnly is not one of GTC, IOC, FOK');
  });

  it('accepts every documented combination, and its refusals are not retryable', () => {
    for (const options of [GTC, { ...GTC, postOnly: true }, { ...GTC, timeInForce: 'IOC' as const }, { ...GTC, timeInForce: 'FOK' as const }]) {
      expect(() => checkBybitOptions('spot', 'Limit', options)).not.toThrow();
    }
    expect(() => checkBybitOptions('linear', 'Market', GTC)).not.toThrow();
    let error: unknown = null;
    try {
      checkBybitOptions('spot', 'Limit', { ...GTC, reduceOnly: true });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'E_ORDER_OPTIONS', retryable: false });
  });
});
