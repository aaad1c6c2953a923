// Bybit V5 rate limits: per-UID trade endpoint limits by category, the shared IP limit, limit headers, and limiter factories.
// Source unless noted: bybit-exchange/docs docs/v5/rate-limit.mdx @daf3ed17 (UTA Pro "Trade" table, "IP Rate Limit", "API Rate Limit").
import { RateLimitGroup } from '../../core/limits/rate-limit-group.js';
import { SlidingWindowLimiter } from '../../core/limits/sliding-window-limiter.js';
import type { BybitCategory } from './bybit-category.js';

export type BybitTradeEndpoint =
  | '/v5/order/create'
  | '/v5/order/amend'
  | '/v5/order/cancel'
  | '/v5/order/cancel-all'
  | '/v5/order/create-batch'
  | '/v5/order/amend-batch'
  | '/v5/order/cancel-batch';

/** Window of the per-UID endpoint limits: "rolling time window per second and UID". */
export const BYBIT_UID_WINDOW_MS = 1000;

/**
 * Default per-UID limits, requests per second, UTA Pro table (the Classic-account table agrees for create, amend,
 * cancel and cancel-all on linear and spot). Batch endpoints consume one unit per order in the request (1–10 orders),
 * and their limit is separate from the single-order endpoint's ("instructions for batch endpoints").
 */
export const BYBIT_UID_LIMITS_PER_SECOND: Readonly<Record<BybitTradeEndpoint, Readonly<Record<BybitCategory, number>>>> = {
  '/v5/order/create': { linear: 10, spot: 20 },
  '/v5/order/amend': { linear: 10, spot: 10 },
  '/v5/order/cancel': { linear: 10, spot: 20 },
  '/v5/order/cancel-all': { linear: 10, spot: 20 },
  '/v5/order/create-batch': { linear: 10, spot: 20 },
  '/v5/order/amend-batch': { linear: 10, spot: 20 },
  '/v5/order/cancel-batch': { linear: 10, spot: 20 },
};

/** Endpoints whose limit counts orders in the request rather than requests. */
export const BYBIT_BATCH_ENDPOINTS: ReadonlySet<BybitTradeEndpoint> = new Set(['/v5/order/create-batch', '/v5/order/amend-batch', '/v5/order/cancel-batch']);
/** Orders per batch request: "The batch APIs allows 1-10 orders/request." */
export const BYBIT_MAX_BATCH_ORDERS = 10;

/**
 * IP limit shared by GET and POST: "No more than 600 requests are allowed in any 5-second window", for all traffic
 * to api.bybit.com / api.bytick.com. Breaking it answers HTTP 403; the IP is "banned for a set period of time
 * (usually 30 minutes)".
 */
export const BYBIT_IP_LIMIT = { requests: 600, windowMs: 5000 } as const;
export const BYBIT_IP_BAN_HTTP_STATUS = 403;
export const BYBIT_IP_BAN_TYPICAL_MS = 30 * 60 * 1000;

/**
 * Response headers of every request ("API Rate Limit"):
 * `X-Bapi-Limit` your current limit for the endpoint; `X-Bapi-Limit-Status` your remaining requests for it;
 * `X-Bapi-Limit-Reset-Timestamp` when the limit resets if you exceeded it, otherwise the current timestamp (ms).
 */
export const BYBIT_LIMIT_HEADERS = {
  limit: 'X-Bapi-Limit',
  status: 'X-Bapi-Limit-Status',
  resetTimestamp: 'X-Bapi-Limit-Reset-Timestamp',
} as const;

/** The per-UID limit of `endpoint` in `category`, requests (or batch orders) per second. */
export function bybitEndpointLimit(endpoint: BybitTradeEndpoint, category: BybitCategory): number {
  return BYBIT_UID_LIMITS_PER_SECOND[endpoint][category];
}

/** Units a request consumes from its endpoint limit: 1, or the order count for a batch endpoint. */
export function bybitEndpointCost(endpoint: BybitTradeEndpoint, batchOrders = 1): number {
  return BYBIT_BATCH_ENDPOINTS.has(endpoint) ? batchOrders : 1;
}

/** The three limit headers as Bybit would send them after a request (values are decimal strings). */
export function bybitLimitHeaders(limit: number, remaining: number, resetTimestampMs: number): Record<string, string> {
  return {
    [BYBIT_LIMIT_HEADERS.limit]: String(limit),
    [BYBIT_LIMIT_HEADERS.status]: String(Math.max(0, remaining)),
    [BYBIT_LIMIT_HEADERS.resetTimestamp]: String(resetTimestampMs),
  };
}

/** Limiter name of an endpoint's per-UID limiter, e.g. 'linear /v5/order/create'. */
export function bybitEndpointLimiterName(category: BybitCategory, endpoint: BybitTradeEndpoint): string {
  return `${category} ${endpoint}`;
}

/** Limiter name of the shared IP limiter. */
export const BYBIT_IP_LIMITER_NAME = 'ip';

/**
 * Client-side limiters for one account on one IP: exact rolling windows (Bybit's windows are rolling), one per
 * endpoint and category plus the shared IP limiter. `queueAtPercent` (default 100) applies to all of them.
 */
export class BybitRateLimiters {
  readonly ip: SlidingWindowLimiter;
  private readonly endpoints = new Map<string, SlidingWindowLimiter>();

  constructor(private readonly queueAtPercent = 100) {
    this.ip = new SlidingWindowLimiter({ name: BYBIT_IP_LIMITER_NAME, limit: BYBIT_IP_LIMIT.requests, windowMs: BYBIT_IP_LIMIT.windowMs, queueAtPercent });
  }

  /** The endpoint's limiter, created on first use. */
  endpoint(category: BybitCategory, endpoint: BybitTradeEndpoint): SlidingWindowLimiter {
    const name = bybitEndpointLimiterName(category, endpoint);
    let limiter = this.endpoints.get(name);
    if (limiter === undefined) {
      limiter = new SlidingWindowLimiter({ name, limit: bybitEndpointLimit(endpoint, category), windowMs: BYBIT_UID_WINDOW_MS, queueAtPercent: this.queueAtPercent });
      this.endpoints.set(name, limiter);
    }
    return limiter;
  }

  /** IP + endpoint limiters for one request, and the costs to charge them with. */
  groupFor(category: BybitCategory, endpoint: BybitTradeEndpoint, batchOrders = 1): { group: RateLimitGroup; costs: Record<string, number> } {
    const limiter = this.endpoint(category, endpoint);
    return {
      group: new RateLimitGroup([this.ip, limiter]),
      costs: { [BYBIT_IP_LIMITER_NAME]: 1, [limiter.name]: bybitEndpointCost(endpoint, batchOrders) },
    };
  }

  /** Emulated limit headers for the endpoint at nowMs (after the request was counted). */
  headers(category: BybitCategory, endpoint: BybitTradeEndpoint, nowMs: number): Record<string, string> {
    const limiter = this.endpoint(category, endpoint);
    return bybitLimitHeaders(limiter.limit, limiter.limit - limiter.usage(nowMs), limiter.limitResetAtMs(nowMs));
  }
}
