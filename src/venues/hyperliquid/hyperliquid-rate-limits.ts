// Hyperliquid rate limits as data: the per-IP REST weight budget and request weights, the per-address action budget, the WebSocket limits.
//
// Source unless noted: hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/rate-limits ("Rate limits and user
// limits", read 2026-12 in two revisions; where they differ the newer one is used and the older value noted).

/** Window of the per-IP REST budget, ms: "aggregated weight limit of 1200 per minute". */
export const HYPERLIQUID_REST_WINDOW_MS = 60_000;
/** "REST requests share an aggregated weight limit of 1200 per minute" (per IP address). */
export const HYPERLIQUID_REST_WEIGHT_PER_MINUTE = 1200;

/** "All documented exchange API requests have a weight of 1 + floor(batch_length / 40)". */
export function exchangeRequestWeight(batchLength: number): number {
  return 1 + Math.floor(Math.max(0, batchLength) / 40);
}

/** `info` requests of weight 2: "l2Book, allMids, clearinghouseState, orderStatus, spotClearinghouseState, exchangeStatus". */
export const INFO_WEIGHT_2: readonly string[] = ['l2Book', 'allMids', 'clearinghouseState', 'orderStatus', 'spotClearinghouseState', 'exchangeStatus'];
/** `info` requests of weight 60: "userRole". */
export const INFO_WEIGHT_60: readonly string[] = ['userRole'];
/** "All other documented info requests have weight 20." */
export const INFO_DEFAULT_WEIGHT = 20;
/** Info requests with "an additional rate limit weight per 20 items returned in the response". */
export const INFO_WEIGHT_PER_20_ITEMS: readonly string[] = [
  'recentTrades', 'historicalOrders', 'userFills', 'userFillsByTime', 'fundingHistory', 'userFunding', 'nonUserFundingUpdates',
  'twapHistory', 'userTwapSliceFills', 'userTwapSliceFillsByTime', 'delegatorHistory', 'delegatorRewards', 'validatorStats',
];
/** "The candleSnapshot info endpoint has an additional rate limit weight per 60 items returned in the response." */
export const INFO_WEIGHT_PER_60_ITEMS: readonly string[] = ['candleSnapshot'];
/** "All explorer API requests have a weight of 40." */
export const EXPLORER_WEIGHT = 40;

/**
 * The weight of an `info` request of `type` that returned `items` items. The docs say "additional weight per 20 (60)
 * items" without the rounding: one unit per started block of items is assumed (ceil).
 */
export function infoRequestWeight(type: string, items = 0): number {
  const base = INFO_WEIGHT_2.includes(type) ? 2 : INFO_WEIGHT_60.includes(type) ? 60 : INFO_DEFAULT_WEIGHT;
  if (INFO_WEIGHT_PER_20_ITEMS.includes(type)) return base + Math.ceil(Math.max(0, items) / 20);
  if (INFO_WEIGHT_PER_60_ITEMS.includes(type)) return base + Math.ceil(Math.max(0, items) / 60);
  return base;
}

/**
 * Address-based limits ("apply per user, with sub-accounts treated as separate users"; actions only, not info
 * requests): "1 request per 1 USDC traded cumulatively since address inception … Each address starts with an initial
 * buffer of 10000 requests. When rate limited, an address is allowed one request every 10 seconds. Cancels have
 * cumulative limit min(limit + 100000, limit * 2)". "A batched request with n orders (or cancels) is treated as one
 * request for IP based rate limiting, but as n requests for address-based rate limiting."
 */
export const HYPERLIQUID_ADDRESS_LIMITS = {
  initialRequests: 10_000,
  requestsPerUsdcTraded: 1,
  throttledEveryMs: 10_000,
  /** Open orders: "default open order limit of 1000 plus one additional order for every 5M USDC of volume, capped at … 5000". */
  openOrders: 1000,
  maxOpenOrders: 5000,
  usdcVolumePerExtraOpenOrder: 5_000_000,
} as const;

/** The cancel budget of an address whose action budget is `limit`: min(limit + 100000, limit * 2). */
export function cancelLimit(limit: number): number {
  return Math.min(limit + 100_000, limit * 2);
}

/** The action budget of an address that has traded `usdcTraded` USDC: 10000 + 1 per USDC. */
export function addressRequestLimit(usdcTraded: number): number {
  return HYPERLIQUID_ADDRESS_LIMITS.initialRequests + Math.floor(Math.max(0, usdcTraded)) * HYPERLIQUID_ADDRESS_LIMITS.requestsPerUsdcTraded;
}

/**
 * WebSocket limits (per IP). The newer revision: "Maximum of 10 websocket connections", "Maximum of 30 new websocket
 * connections per minute" (the older one said 100 connections and had no per-minute line); both: "Maximum of 1000
 * websocket subscriptions", "Maximum of 10 unique users across user-specific websocket subscriptions", "Maximum of 2000
 * messages sent to Hyperliquid per minute across all websocket connections", "Maximum of 100 simultaneous inflight post
 * messages across all websocket connections".
 */
export const HYPERLIQUID_WS_LIMITS = {
  maxConnections: 10,
  maxNewConnectionsPerMinute: 30,
  maxSubscriptions: 1000,
  maxUniqueUsers: 10,
  maxMessagesPerMinute: 2000,
  maxInflightPosts: 100,
} as const;

/**
 * Heartbeat: "The server will close any connection if it hasn't sent a message to it in the last 60 seconds … send
 * heartbeat messages … { "method": "ping" } The server will respond with: { "channel": "pong" }"
 * (…/for-developers/api/websocket/timeouts-and-heartbeats).
 */
export const HYPERLIQUID_WS_IDLE_CLOSE_MS = 60_000;
