// Hyperliquid public WebSocket wire types: {channel, data} pushes of l2Book, trades and bbo, and the control channels.
//
// Source: hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/websocket/subscriptions ("Data formats", "Data
// type definitions") and …/websocket/timeouts-and-heartbeats. Every message is {"channel": <name>, "data": <payload>}.

/** interface WsLevel { px: string; sz: string; n: number } — price, size, number of orders. */
export interface HyperliquidWsLevelWire {
  readonly px?: unknown;
  readonly sz?: unknown;
  readonly n?: unknown;
}

/**
 * interface WsBook { coin: string; levels: [Array<WsLevel>, Array<WsLevel>]; time: number } — "Snapshot feed, pushed on
 * each block that is at least 0.5 since last push": every push is the whole book (bids, then asks, best first), up to 20
 * levels a side (…/for-developers/api/info-endpoint#l2-book-snapshot: "Returns at most 20 levels per side"; the
 * python SDK cassette's real DYDX book has exactly 20 and 20).
 */
export interface HyperliquidWsBookWire {
  readonly coin?: unknown;
  readonly levels?: unknown;
  readonly time?: unknown;
}

/**
 * interface WsTrade { coin; side; px; sz; hash; time; tid; users: [buyer, seller] } — "tid is 50-bit hash of
 * (buyer_oid, seller_oid). For a globally unique trade id, use (block_time, coin, tid)". `side` is the aggressor's
 * side: "B" (bid: a buyer took) or "A" (ask: a seller took).
 */
export interface HyperliquidWsTradeWire {
  readonly coin?: unknown;
  readonly side?: unknown;
  readonly px?: unknown;
  readonly sz?: unknown;
  readonly hash?: unknown;
  readonly time?: unknown;
  readonly tid?: unknown;
}

/** interface WsBbo { coin: string; time: number; bbo: [WsLevel | null, WsLevel | null] } — "sent only if the bbo changes on a block". */
export interface HyperliquidWsBboWire {
  readonly coin?: unknown;
  readonly time?: unknown;
  readonly bbo?: unknown;
}

export interface HyperliquidWsMessageWire {
  readonly channel?: unknown;
  readonly data?: unknown;
}

/** Channels the docs list that carry data this parser does not normalise (counted as 'ignored'). */
export const HYPERLIQUID_IGNORED_CHANNELS: ReadonlySet<string> = new Set([
  'allMids', 'notification', 'webData2', 'candle', 'orderUpdates', 'user', 'userEvents', 'userFills', 'userFundings',
  'userNonFundingLedgerUpdates', 'activeAssetCtx', 'activeAssetData', 'userTwapSliceFills', 'userTwapHistory', 'post',
]);
