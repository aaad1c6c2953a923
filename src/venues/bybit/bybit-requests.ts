// Renders Bybit V5 trade requests (create, cancel, cancel-all, amend): method, path and the exact JSON body string that is signed and sent.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { OrderOptions, Side } from '../../core/model/order.js';
import type { VenueRequestKind } from '../../ports/request-gate.js';
import type { BybitCategory } from './bybit-category.js';

/** The request kinds Bybit V5 has (no OCO order lists: spot TP/SL orders are a different product). */
export type BybitRequestKind = Exclude<VenueRequestKind, 'oco'>;

/** docs/v5/order/create-order.mdx, cancel-order.mdx, cancel-all.mdx, amend-order.mdx: all POST with a JSON body. */
export const BYBIT_ENDPOINTS: Readonly<Record<BybitRequestKind, string>> = {
  create: '/v5/order/create',
  cancel: '/v5/order/cancel',
  'cancel-all': '/v5/order/cancel-all',
  amend: '/v5/order/amend',
};

export interface BybitRequest {
  readonly method: 'POST';
  readonly path: string;
  /** The body exactly as sent and signed (compact JSON, fields in the docs' order). */
  readonly body: string;
}

export interface BybitCreateOrder {
  readonly category: BybitCategory;
  readonly symbol: string;
  readonly side: Side;
  readonly orderType: 'Limit' | 'Market';
  /** Decimal strings on the instrument grid (Bybit takes numbers as strings). */
  readonly qty: string;
  /** Required for Limit; ignored by Bybit for Market, so never sent with one. */
  readonly price: string | null;
  readonly options: OrderOptions;
  readonly orderLinkId: string;
}

/** Client-side checks Bybit documents: refused before anything is sent (code E_ORDER_OPTIONS, not retryable). */
export function checkBybitOptions(category: BybitCategory, orderType: 'Limit' | 'Market', options: OrderOptions): void {
  const refuse = (why: string): never => {
    throw new ShadowExecError('E_ORDER_OPTIONS', why);
  };
  if (options.postOnly && orderType === 'Market') refuse('postOnly cannot be used on a Market order (Bybit: EC_MarketOrderCannotBePostOnly); use a Limit order');
  if (options.postOnly && options.timeInForce !== 'GTC') {
    refuse(`postOnly is itself Bybit's timeInForce "PostOnly" and cannot be combined with timeInForce ${options.timeInForce}`);
  }
  if (options.reduceOnly && category === 'spot') refuse('reduceOnly is valid for category linear only (docs/v5/order/create-order.mdx)');
  if (orderType === 'Limit' && options.timeInForce !== 'GTC' && options.timeInForce !== 'IOC' && options.timeInForce !== 'FOK') {
    refuse(`timeInForce ${String(options.timeInForce)} is not one of GTC, IOC, FOK`);
  }
}

/** "BUY" → "Buy": Bybit's side enum. */
function bybitSide(side: Side): 'Buy' | 'Sell' {
  return side === 'BUY' ? 'Buy' : 'Sell';
}

export function renderCreateOrder(order: BybitCreateOrder): BybitRequest {
  checkBybitOptions(order.category, order.orderType, order.options);
  if (order.orderType === 'Limit' && order.price === null) throw new ShadowExecError('E_ORDER_OPTIONS', 'a Limit order needs a price');
  const body: Record<string, string | boolean> = {
    category: order.category,
    symbol: order.symbol,
    side: bybitSide(order.side),
    orderType: order.orderType,
    qty: order.qty,
  };
  if (order.orderType === 'Limit') body['price'] = order.price!;
  // Market orders always use IOC (docs); a post-only limit is timeInForce "PostOnly".
  body['timeInForce'] = order.orderType === 'Market' ? 'IOC' : order.options.postOnly ? 'PostOnly' : order.options.timeInForce;
  body['orderLinkId'] = order.orderLinkId;
  if (order.options.reduceOnly) body['reduceOnly'] = true;
  return { method: 'POST', path: BYBIT_ENDPOINTS.create, body: JSON.stringify(body) };
}

export function renderCancelOrder(category: BybitCategory, symbol: string, orderLinkId: string): BybitRequest {
  return { method: 'POST', path: BYBIT_ENDPOINTS.cancel, body: JSON.stringify({ category, symbol, orderLinkId }) };
}

export function renderCancelAll(category: BybitCategory, symbol: string): BybitRequest {
  return { method: 'POST', path: BYBIT_ENDPOINTS['cancel-all'], body: JSON.stringify({ category, symbol }) };
}

/** Amend sends only what changes: a new price and/or a new total qty. */
export function renderAmendOrder(
  category: BybitCategory,
  symbol: string,
  orderLinkId: string,
  change: { readonly price?: string; readonly qty?: string },
): BybitRequest {
  if (change.price === undefined && change.qty === undefined) throw new ShadowExecError('E_ORDER_OPTIONS', 'an amend must change the price or the qty');
  const body: Record<string, string> = { category, symbol, orderLinkId };
  if (change.qty !== undefined) body['qty'] = change.qty;
  if (change.price !== undefined) body['price'] = change.price;
  return { method: 'POST', path: BYBIT_ENDPOINTS.amend, body: JSON.stringify(body) };
}
