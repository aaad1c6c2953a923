// Binance rate limits for spot and USD-M futures: limiters, endpoint weights and order counts, usage headers, 429/418 rules.
import { FixedWindowCounter } from '../../core/limits/fixed-window-counter.js';
import { FixedWindowSet } from '../../core/limits/fixed-window-set.js';
import { RateLimitGroup } from '../../core/limits/rate-limit-group.js';

export type BinanceMarket = 'spot' | 'usdm';

export interface BinanceLimitSpec {
  /** Limiter name; also the header suffix source: REQUEST_WEIGHT_1M → X-MBX-USED-WEIGHT-1M. */
  readonly name: string;
  readonly kind: 'REQUEST_WEIGHT' | 'ORDERS';
  readonly limit: number;
  readonly windowMs: number;
  /** Response header carrying this limiter's usage. */
  readonly header: string;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Spot: REQUEST_WEIGHT 6000 per minute (binance/binance-spot-api-docs enums.md rateLimits example), ORDERS 50 per
 * 10 s and 160,000 per day (rest-api.md "Query Unfilled Order Count" response). Weight is per IP, order counts per account.
 * USD-M: REQUEST_WEIGHT 2400 per minute, ORDERS 300 per 10 s and 1200 per minute (the rateLimits of the USD-M WebSocket
 * API response example, which states "Rate limits are the same as on REST API and are shared with REST API";
 * developers.binance.com/docs/derivatives/usds-margined-futures/websocket-api-general-info, read from a stored mirror).
 * Headers: `X-MBX-USED-WEIGHT-(intervalNum)(intervalLetter)` and `X-MBX-ORDER-COUNT-(intervalNum)(intervalLetter)`.
 */
export const BINANCE_LIMITS: Readonly<Record<BinanceMarket, readonly BinanceLimitSpec[]>> = {
  spot: [
    { name: 'REQUEST_WEIGHT_1M', kind: 'REQUEST_WEIGHT', limit: 6000, windowMs: MINUTE, header: 'X-MBX-USED-WEIGHT-1M' },
    { name: 'ORDERS_10S', kind: 'ORDERS', limit: 50, windowMs: 10_000, header: 'X-MBX-ORDER-COUNT-10S' },
    { name: 'ORDERS_1D', kind: 'ORDERS', limit: 160_000, windowMs: DAY, header: 'X-MBX-ORDER-COUNT-1D' },
  ],
  usdm: [
    { name: 'REQUEST_WEIGHT_1M', kind: 'REQUEST_WEIGHT', limit: 2400, windowMs: MINUTE, header: 'X-MBX-USED-WEIGHT-1M' },
    { name: 'ORDERS_10S', kind: 'ORDERS', limit: 300, windowMs: 10_000, header: 'X-MBX-ORDER-COUNT-10S' },
    { name: 'ORDERS_1M', kind: 'ORDERS', limit: 1200, windowMs: MINUTE, header: 'X-MBX-ORDER-COUNT-1M' },
  ],
};

/** Issue #4: the client starts queueing at 80 % of any limit. */
export const BINANCE_DEFAULT_QUEUE_AT_PERCENT = 80;

export type BinanceEndpoint =
  | 'POST /api/v3/order'
  | 'DELETE /api/v3/order'
  | 'DELETE /api/v3/openOrders'
  | 'POST /api/v3/orderList/oco'
  | 'POST /fapi/v1/order'
  | 'DELETE /fapi/v1/order'
  | 'DELETE /fapi/v1/allOpenOrders'
  | 'PUT /fapi/v1/order';

interface EndpointCost {
  readonly market: BinanceMarket;
  /** REQUEST_WEIGHT per request. */
  readonly weight: number;
  /** Orders added to every ORDERS limiter of the market. */
  readonly orders: number;
}

/**
 * Spot (binance/binance-spot-api-docs rest-api.md, current): new order weight 1, unfilled order count 1; cancel weight 1;
 * cancel all open orders on a symbol weight 1; order list OCO weight 1, unfilled order count 2.
 * USD-M (developers.binance.com usds-margined-futures trade/rest-api pages, read from stored copies): new order
 * "1 on 10s order rate limit(X-MBX-ORDER-COUNT-10S); 1 on 1min order rate limit(X-MBX-ORDER-COUNT-1M); 0 on IP rate
 * limit(x-mbx-used-weight-1m)"; cancel order weight 1; cancel all open orders weight 1.
 */
export const BINANCE_ENDPOINT_COSTS: Readonly<Record<BinanceEndpoint, EndpointCost>> = {
  'POST /api/v3/order': { market: 'spot', weight: 1, orders: 1 },
  'DELETE /api/v3/order': { market: 'spot', weight: 1, orders: 0 },
  'DELETE /api/v3/openOrders': { market: 'spot', weight: 1, orders: 0 },
  'POST /api/v3/orderList/oco': { market: 'spot', weight: 1, orders: 2 },
  'POST /fapi/v1/order': { market: 'usdm', weight: 0, orders: 1 },
  'DELETE /fapi/v1/order': { market: 'usdm', weight: 1, orders: 0 },
  'DELETE /fapi/v1/allOpenOrders': { market: 'usdm', weight: 1, orders: 0 },
  // Modify Order (developers.binance.com usds-margined-futures trade/rest-api/Modify-Order): "1 on 10s order rate limit;
  // 1 on 1min order rate limit; 0 on IP rate limit".
  'PUT /fapi/v1/order': { market: 'usdm', weight: 0, orders: 1 },
};

/** Costs of one request per limiter name of its market. */
export function binanceCosts(endpoint: BinanceEndpoint): Readonly<Record<string, number>> {
  const known = COSTS_BY_ENDPOINT.get(endpoint);
  if (known !== undefined) return known;
  const cost = BINANCE_ENDPOINT_COSTS[endpoint];
  const costs: Record<string, number> = {};
  for (const spec of BINANCE_LIMITS[cost.market]) costs[spec.name] = spec.kind === 'REQUEST_WEIGHT' ? cost.weight : cost.orders;
  Object.freeze(costs);
  COSTS_BY_ENDPOINT.set(endpoint, costs);
  return costs;
}

/** One frozen costs object per endpoint: RateLimitGroup reads each costs object once. */
const COSTS_BY_ENDPOINT = new Map<BinanceEndpoint, Readonly<Record<string, number>>>();

/**
 * Client-side limiters for one market: epoch-aligned fixed windows (Binance's intervals reset on boundaries,
 * binance-spot-api-docs web-socket-api.md "How to interpret rate limits"), queueing at `queueAtPercent`.
 */
export function createBinanceLimiters(market: BinanceMarket, queueAtPercent = BINANCE_DEFAULT_QUEUE_AT_PERCENT): RateLimitGroup {
  return new RateLimitGroup(BINANCE_LIMITS[market].map((spec) => new FixedWindowCounter({ name: spec.name, limit: spec.limit, windowMs: spec.windowMs, queueAtPercent })));
}

/** The same limiters as createBinanceLimiters, as one FixedWindowSet (the gate's hot path: integer counters, no allocation). */
export function createBinanceWindows(market: BinanceMarket, queueAtPercent = BINANCE_DEFAULT_QUEUE_AT_PERCENT): FixedWindowSet {
  return new FixedWindowSet(BINANCE_LIMITS[market].map((spec) => ({ name: spec.name, limit: spec.limit, windowMs: spec.windowMs, queueAtPercent })));
}

/** Emulated usage headers (decimal strings) from the group's current usage, in limiter order. */
export function binanceUsageHeaders(market: BinanceMarket, group: RateLimitGroup, nowMs: number): Record<string, string> {
  const headers: Record<string, string> = {};
  const usage = new Map(group.usage(nowMs).map((u) => [u.name, u.usage]));
  for (const spec of BINANCE_LIMITS[market]) headers[spec.header] = String(usage.get(spec.name) ?? 0);
  return headers;
}

/**
 * 429 / 418 (rest-api.md "IP Limits"): a 429 when a rate limit is broken; "Repeatedly violating rate limits and/or
 * failing to back off after receiving 429s will result in an automated IP ban (HTTP status 418)"; "IP bans are tracked
 * and scale in duration for repeat offenders, from 2 minutes to 3 days"; "A `Retry-After` header is sent with a 418 or
 * 429 responses and will give the number of seconds required to wait, in the case of a 429, to prevent a ban, or, in
 * the case of a 418, until the ban is over." For the unfilled order count the current spot docs say "you will receive
 * a 429 error with the `Retry-After` header" (the 2023 text said without it). The USD-M page does not mention Retry-After.
 */
export const BINANCE_HTTP_RATE_LIMITED = 429;
export const BINANCE_HTTP_IP_BANNED = 418;
export const BINANCE_RETRY_AFTER_HEADER = 'Retry-After';
export const BINANCE_BAN_MIN_MS = 2 * MINUTE;
export const BINANCE_BAN_MAX_MS = 3 * DAY;

/**
 * Ban length for the n-th ban (n >= 1). NOT documented: Binance only gives the 2 minute to 3 day range. This
 * simulator choice doubles from 2 minutes per repeat, capped at 3 days; say so wherever it is reported.
 */
export function binanceSimulatedBanMs(banNumber: number): number {
  const n = Math.max(1, Math.floor(banNumber));
  return n > 12 ? BINANCE_BAN_MAX_MS : Math.min(BINANCE_BAN_MAX_MS, BINANCE_BAN_MIN_MS * 2 ** (n - 1));
}

/** `Retry-After` value: whole seconds, rounded up, never below 1. */
export function binanceRetryAfterSeconds(waitMs: number): string {
  return String(Math.max(1, Math.ceil(waitMs / 1000)));
}
