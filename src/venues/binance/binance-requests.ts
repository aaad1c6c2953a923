// Renders Binance spot and USD-M trade requests (new order, cancel, cancel-all, USD-M modify): method, path and ordered params, unsigned.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { Side, TimeInForce } from '../../core/model/order.js';
import type { BinanceMarket } from './binance-market.js';
import type { BinanceParam } from './binance-signing.js';

/**
 * One request before timing and signing: the gate appends recvWindow/timestamp (withBinanceTiming) and the signature
 * (signBinanceRequest). All values are strings exactly as sent.
 */
export interface BinanceRequest {
  readonly method: 'POST' | 'DELETE' | 'PUT';
  readonly path: string;
  readonly params: readonly BinanceParam[];
}

/** Venue-neutral order options as Binance reads them; `icebergQty` is a decimal string on the lot grid, or null. */
export interface BinanceOrderOptions {
  readonly timeInForce: TimeInForce;
  readonly postOnly: boolean;
  readonly reduceOnly: boolean;
  readonly icebergQty: string | null;
}

/**
 * Client-side refusals (E_ORDER_OPTIONS, not retryable), before anything is sent:
 * - reduceOnly on spot: spot New Order has no such parameter (rest-api.md); it is USD-M only (New Order: `reduceOnly` "true" or "false").
 * - icebergQty on USD-M: USD-M New Order has no such parameter.
 * - icebergQty with IOC/FOK: "Any order with an `icebergQty` MUST have `timeInForce` set to `GTC`" (spot rest-api.md, New order).
 * - postOnly with IOC/FOK: spot post-only is type LIMIT_MAKER, which takes no timeInForce; USD-M post-only is itself timeInForce GTX.
 */
export function checkBinanceOptions(market: BinanceMarket, options: BinanceOrderOptions): void {
  const refuse = (why: string): never => {
    throw new ShadowExecError('E_ORDER_OPTIONS', why);
  };
  if (options.timeInForce !== 'GTC' && options.timeInForce !== 'IOC' && options.timeInForce !== 'FOK') {
    refuse(`timeInForce ${String(options.timeInForce)} is not one of GTC, IOC, FOK`);
  }
  if (options.reduceOnly && market === 'spot') refuse('reduceOnly is valid on USD-M futures only (spot POST /api/v3/order has no reduceOnly)');
  if (options.icebergQty !== null && market === 'usdm') refuse('icebergQty is valid on spot only (USD-M POST /fapi/v1/order has no icebergQty)');
  if (options.icebergQty !== null && options.timeInForce !== 'GTC') {
    refuse(`icebergQty needs timeInForce GTC ("Any order with an icebergQty MUST have timeInForce set to GTC"), got ${options.timeInForce}`);
  }
  if (options.postOnly && options.timeInForce !== 'GTC') {
    const what = market === 'spot' ? 'spot post-only is type LIMIT_MAKER, which takes no timeInForce' : 'USD-M post-only is itself timeInForce GTX';
    refuse(`postOnly cannot be combined with timeInForce ${options.timeInForce}: ${what}`);
  }
}

export interface BinanceNewOrder {
  readonly market: BinanceMarket;
  readonly symbol: string;
  readonly side: Side;
  /** Decimal strings on the instrument grid. */
  readonly quantity: string;
  readonly price: string;
  readonly options: BinanceOrderOptions;
  /** null: not sent, Binance generates one. */
  readonly newClientOrderId: string | null;
}

/**
 * Spot `POST /api/v3/order`, params in the order of the docs' signed example (rest-api.md "SIGNED Endpoint Examples for
 * POST /api/v3/order": symbol, side, type, timeInForce, quantity, price), then newClientOrderId and icebergQty in the
 * parameter table's order. Post-only is `type=LIMIT_MAKER` without timeInForce (mandatory params: quantity, price).
 */
function spotNewOrder(order: BinanceNewOrder): BinanceRequest {
  const params: BinanceParam[] = [
    ['symbol', order.symbol],
    ['side', order.side],
    ['type', order.options.postOnly ? 'LIMIT_MAKER' : 'LIMIT'],
  ];
  if (!order.options.postOnly) params.push(['timeInForce', order.options.timeInForce]);
  params.push(['quantity', order.quantity], ['price', order.price]);
  if (order.newClientOrderId !== null) params.push(['newClientOrderId', order.newClientOrderId]);
  if (order.options.icebergQty !== null) params.push(['icebergQty', order.options.icebergQty]);
  return { method: 'POST', path: '/api/v3/order', params };
}

/**
 * USD-M `POST /fapi/v1/order`, params in the order of the docs' signed example (usds-margined-futures general-info
 * "SIGNED Endpoint Examples for POST /fapi/v1/order": symbol, side, type, quantity, price, timeInForce), then reduceOnly
 * ("true", only when set) and newClientOrderId. Post-only is `timeInForce=GTX` ("Good Till Crossing (Post Only)").
 */
function usdmNewOrder(order: BinanceNewOrder): BinanceRequest {
  const params: BinanceParam[] = [
    ['symbol', order.symbol],
    ['side', order.side],
    ['type', 'LIMIT'],
    ['quantity', order.quantity],
    ['price', order.price],
    ['timeInForce', order.options.postOnly ? 'GTX' : order.options.timeInForce],
  ];
  if (order.options.reduceOnly) params.push(['reduceOnly', 'true']);
  if (order.newClientOrderId !== null) params.push(['newClientOrderId', order.newClientOrderId]);
  return { method: 'POST', path: '/fapi/v1/order', params };
}

/** A new LIMIT order (spot or USD-M); options are checked first (checkBinanceOptions). */
export function renderNewOrder(order: BinanceNewOrder): BinanceRequest {
  checkBinanceOptions(order.market, order.options);
  return order.market === 'spot' ? spotNewOrder(order) : usdmNewOrder(order);
}

/** Spot `DELETE /api/v3/order` / USD-M `DELETE /fapi/v1/order` by client order id (params: symbol, origClientOrderId). */
export function renderCancelOrder(market: BinanceMarket, symbol: string, origClientOrderId: string): BinanceRequest {
  const path = market === 'spot' ? '/api/v3/order' : '/fapi/v1/order';
  return { method: 'DELETE', path, params: [['symbol', symbol], ['origClientOrderId', origClientOrderId]] };
}

/** Spot `DELETE /api/v3/openOrders` ("Cancel All Open Orders on a Symbol") / USD-M `DELETE /fapi/v1/allOpenOrders` (param: symbol). */
export function renderCancelAll(market: BinanceMarket, symbol: string): BinanceRequest {
  const path = market === 'spot' ? '/api/v3/openOrders' : '/fapi/v1/allOpenOrders';
  return { method: 'DELETE', path, params: [['symbol', symbol]] };
}

/**
 * USD-M `PUT /fapi/v1/order` (Modify Order), params in the parameter table's order (origClientOrderId, symbol, side,
 * quantity, price); "Both `quantity` and `price` must be sent". The docs give no request example.
 */
export function renderModifyOrder(symbol: string, origClientOrderId: string, side: Side, quantity: string, price: string): BinanceRequest {
  return {
    method: 'PUT',
    path: '/fapi/v1/order',
    params: [['origClientOrderId', origClientOrderId], ['symbol', symbol], ['side', side], ['quantity', quantity], ['price', price]],
  };
}

/** What a market lets an amend change, and how. */
export interface BinanceAmendSupport {
  /** Whether price can change in place (else: cancel and place a new order). */
  readonly price: boolean;
  /** 'any': new total quantity up or down; 'reduce': only down. */
  readonly quantity: 'any' | 'reduce';
  readonly endpoint: string;
  readonly note: string;
}

/**
 * Spot: only Order Amend Keep Priority, which can only reduce the quantity (faqs/order_amend_keep_priority.md: "The
 * following order modifications are allowed: reduce the quantity of the order"); a price change is cancel + new.
 * USD-M: Modify Order changes price and quantity ("currently only LIMIT order modification is supported, modified orders
 * will be reordered in the match queue").
 */
export function binanceAmendSupport(market: BinanceMarket): BinanceAmendSupport {
  return market === 'spot'
    ? {
        price: false,
        quantity: 'reduce',
        endpoint: 'PUT /api/v3/order/amend/keepPriority',
        note: 'spot cannot amend a price: cancel and place a new order; keepPriority only reduces the quantity (not rendered here)',
      }
    : {
        price: true,
        quantity: 'any',
        endpoint: 'PUT /fapi/v1/order',
        note: 'both quantity and price must be sent; the modified order loses its queue position',
      };
}
