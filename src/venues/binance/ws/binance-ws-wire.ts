// Binance spot and USDⓈ-M futures market-stream wire types (JSON as received), used only inside src/venues/binance/.
//
// Sources:
// - spot: binance/binance-spot-api-docs web-socket-streams.md ("Detailed Stream information");
// - USDⓈ-M: binance/binance-connector-js clients/derivatives-trading-usds-futures/src/websocket-streams/types/*.ts
//   (generated from the official spec) and developers.binance.com/docs/derivatives/usds-margined-futures/
//   websocket-market-streams (Diff-Book-Depth-Streams, Partial-Book-Depth-Streams, Mark-Price-Stream).
// Every field is optional/unknown here: the parser checks types before use.

/** `<price>`, `<qty>` decimal strings. */
export type WireLevel = readonly [unknown, unknown];

/** Combined stream envelope `{"stream":"<streamName>","data":<rawPayload>}` (web-socket-streams.md, General WSS information). */
export interface BinanceCombinedEnvelope {
  readonly stream?: unknown;
  readonly data?: unknown;
}

/**
 * `<symbol>@trade`: t trade id, m "is the buyer the market maker?" (true → the taker sold). USDⓈ-M adds
 * X, the trade's origin ("MARKET" in the public book; "INSURANCE_FUND", "ADL", … off it: binance-off-book-trade.ts).
 */
export interface BinanceTradeWire {
  readonly e: 'trade';
  readonly E?: unknown;
  readonly s?: unknown;
  readonly t?: unknown;
  readonly p?: unknown;
  readonly q?: unknown;
  readonly T?: unknown;
  readonly m?: unknown;
  readonly X?: unknown;
}

/**
 * `<symbol>@aggTrade`: a aggregate trade id, f/l first/last trade id; futures add `nq`. Older futures frames
 * come without `a`: the parser then names the aggregate by `f` (its first trade id; aggregates never share one).
 */
export interface BinanceAggTradeWire {
  readonly e: 'aggTrade';
  readonly E?: unknown;
  readonly s?: unknown;
  readonly a?: unknown;
  readonly f?: unknown;
  readonly l?: unknown;
  readonly p?: unknown;
  readonly q?: unknown;
  readonly T?: unknown;
  readonly m?: unknown;
}

/**
 * `<symbol>@bookTicker`. Spot: {u,s,b,B,a,A} with no event type and no event time. USDⓈ-M adds
 * e:"bookTicker", E (event time), T (transaction time).
 */
export interface BinanceBookTickerWire {
  readonly e?: unknown;
  readonly u?: unknown;
  readonly E?: unknown;
  readonly T?: unknown;
  readonly s?: unknown;
  readonly b?: unknown;
  readonly B?: unknown;
  readonly a?: unknown;
  readonly A?: unknown;
}

/**
 * `depthUpdate`. Spot diff `<symbol>@depth[@100ms]`: E, s, U, u, b, a. USDⓈ-M adds T and `pu`
 * (the previous event's `u`); USDⓈ-M partial depth `<symbol>@depth<levels>[@100ms|@500ms]` sends this
 * same shape but its b/a are the top <levels> of the book, i.e. a snapshot, told apart by the stream name.
 */
export interface BinanceDepthUpdateWire {
  readonly e: 'depthUpdate';
  readonly E?: unknown;
  readonly T?: unknown;
  readonly s?: unknown;
  readonly U?: unknown;
  readonly u?: unknown;
  readonly pu?: unknown;
  readonly b?: unknown;
  readonly a?: unknown;
}

/** Spot partial depth `<symbol>@depth<levels>[@100ms]` and the REST GET /api/v3/depth body: no symbol, no event time. */
export interface BinanceDepthSnapshotWire {
  readonly lastUpdateId?: unknown;
  /** USDⓈ-M REST GET /fapi/v1/depth adds E (message output time) and T (transaction time). */
  readonly E?: unknown;
  readonly T?: unknown;
  readonly bids?: unknown;
  readonly asks?: unknown;
}

/** `<symbol>@kline_<interval>`: k.t open time, k.T close time (inclusive), k.x "is this kline closed?". */
export interface BinanceKlineWire {
  readonly e: 'kline';
  readonly E?: unknown;
  readonly s?: unknown;
  readonly k?: {
    readonly t?: unknown;
    readonly T?: unknown;
    readonly i?: unknown;
    readonly o?: unknown;
    readonly c?: unknown;
    readonly h?: unknown;
    readonly l?: unknown;
    readonly v?: unknown;
    readonly n?: unknown;
    readonly x?: unknown;
  };
}

/** USDⓈ-M `<symbol>@markPrice[@1s]`: p mark, i index, P estimated settle, r funding rate ("" for delivery contracts), T next funding time. */
export interface BinanceMarkPriceWire {
  readonly e: 'markPriceUpdate';
  readonly E?: unknown;
  readonly s?: unknown;
  readonly p?: unknown;
  readonly i?: unknown;
  readonly r?: unknown;
}

/** `<symbol>@ticker`, event `24hrTicker`: rolling 24 h statistics (binance-ticker-24h.ts names the fields read). */
export interface BinanceTicker24hWire {
  readonly e: '24hrTicker';
  readonly E?: unknown;
  readonly s?: unknown;
  readonly c?: unknown;
  readonly o?: unknown;
  readonly h?: unknown;
  readonly l?: unknown;
  readonly v?: unknown;
  readonly q?: unknown;
  readonly O?: unknown;
  readonly C?: unknown;
  readonly n?: unknown;
}

/** Reply to SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY / GET_PROPERTY: `{"result":…,"id":…}`. */
export interface BinanceCommandReplyWire {
  readonly result?: unknown;
  readonly id?: unknown;
}

/** Error reply `{"code":<int>,"msg":"…","id":…}` (web-socket-streams.md, Error Messages). */
export interface BinanceErrorWire {
  readonly code?: unknown;
  readonly msg?: unknown;
  readonly id?: unknown;
}

/**
 * Stream payload event types the parser recognises and deliberately does not normalise
 * (web-socket-streams.md; USDⓈ-M market streams). Arrays (all-market streams) are ignored as a whole.
 */
export const BINANCE_IGNORED_EVENTS: ReadonlySet<string> = new Set([
  '24hrMiniTicker',
  '1hTicker',
  '4hTicker',
  '1dTicker',
  'avgPrice',
  'referencePrice',
  'blockTrade',
  'continuous_kline',
  'forceOrder',
  'compositeIndex',
  'contractInfo',
  'assetIndexUpdate',
]);
