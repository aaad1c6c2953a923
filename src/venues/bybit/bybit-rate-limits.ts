// Bybit V5 trade-endpoint rate limits per category, and the per-IP limit, as the docs state them.
import type { VenueRequestKind } from '../../core/sim/request-gate.js';
import type { BybitCategory } from './bybit-category.js';

export interface BybitLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * docs/v5/rate-limit.mdx, "API Rate Limit Table › Trade" (default, non-VIP): per UID, per endpoint, on a rolling
 * one-second window ("The API rate limit is based on the rolling time window per second and UID").
 * Spot has no /v5/order/amend limit in the table ("-"); the simulator uses the spot create limit for it.
 */
export const BYBIT_ENDPOINT_LIMITS: Readonly<Record<BybitCategory, Readonly<Record<VenueRequestKind, BybitLimit>>>> = {
  linear: {
    create: { limit: 10, windowMs: 1000 },
    amend: { limit: 10, windowMs: 1000 },
    cancel: { limit: 10, windowMs: 1000 },
    'cancel-all': { limit: 10, windowMs: 1000 },
  },
  spot: {
    create: { limit: 20, windowMs: 1000 },
    amend: { limit: 20, windowMs: 1000 },
    cancel: { limit: 20, windowMs: 1000 },
    'cancel-all': { limit: 20, windowMs: 1000 },
  },
};

/**
 * Per-IP limit over all endpoints: 600 requests in any 5 s (DESIGN §7; Bybit's current rate-limit page). Breaching it
 * gets HTTP 403 and a temporary IP ban at Bybit; the simulator answers 403 without modelling the ban's length.
 */
export const BYBIT_IP_LIMIT: BybitLimit = { limit: 600, windowMs: 5000 };

/** Response headers Bybit sends with every API-limited request (docs/v5/rate-limit.mdx). */
export const BYBIT_LIMIT_HEADERS = {
  limit: 'X-Bapi-Limit',
  status: 'X-Bapi-Limit-Status',
  reset: 'X-Bapi-Limit-Reset-Timestamp',
} as const;
