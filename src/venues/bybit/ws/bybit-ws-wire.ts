// Bybit V5 public WebSocket wire types (JSON as received, spot and linear/inverse), used only inside src/venues/bybit/.
//
// Sources (bybit-exchange/docs): docs/v5/websocket/public/{orderbook,trade,ticker,kline}.mdx and
// docs/v5/websocket/wss-authentication.mdx (ping/pong, subscribe replies). Fields are `unknown`:
// the parser checks types before use.

/** Every public data push: {topic, type, ts, data, …}. `ts` = "the timestamp (ms) that the system generates the data". */
export interface BybitPushWire {
  readonly topic: string;
  /** 'snapshot' | 'delta'. */
  readonly type?: unknown;
  readonly ts?: unknown;
  readonly data?: unknown;
  /** Cross sequence on tickers pushes. */
  readonly cs?: unknown;
  /** Matching-engine timestamp on orderbook pushes (not used). */
  readonly cts?: unknown;
}

/**
 * `orderbook.{depth}.{symbol}` data: b bids / a asks as [price, size]; size "0" deletes a level in a
 * delta; u update id (u = 1 means the service restarted: the push replaces the book); seq cross
 * sequence (absent on options).
 */
export interface BybitOrderbookDataWire {
  readonly s?: unknown;
  readonly b?: unknown;
  readonly a?: unknown;
  readonly u?: unknown;
  readonly seq?: unknown;
}

/** One element of `publicTrade.{symbol}` data: T fill time, S taker side "Buy"/"Sell", v size, p price, i trade id. */
export interface BybitTradeWire {
  readonly T?: unknown;
  readonly s?: unknown;
  readonly S?: unknown;
  readonly v?: unknown;
  readonly p?: unknown;
  readonly i?: unknown;
}

/**
 * `tickers.{symbol}` data. Linear/inverse: snapshot then deltas that carry only changed fields
 * ("If a response param is not found in the message, then its value has not changed").
 * Spot and option tickers are snapshot-only; spot has no best bid/ask and no mark price.
 * fundingRate is "" on dated futures.
 */
export interface BybitTickerDataWire {
  readonly symbol?: unknown;
  readonly bid1Price?: unknown;
  readonly bid1Size?: unknown;
  readonly ask1Price?: unknown;
  readonly ask1Size?: unknown;
  readonly markPrice?: unknown;
  readonly indexPrice?: unknown;
  readonly fundingRate?: unknown;
}

/** One element of `kline.{interval}.{symbol}` data; confirm = the candle has closed. No trade count. */
export interface BybitKlineWire {
  readonly start?: unknown;
  readonly end?: unknown;
  readonly interval?: unknown;
  readonly open?: unknown;
  readonly close?: unknown;
  readonly high?: unknown;
  readonly low?: unknown;
  readonly volume?: unknown;
  readonly confirm?: unknown;
}

/**
 * Replies on the same socket: pong {"success":true,"ret_msg":"pong","op":"ping",…} (public spot/linear),
 * {"op":"pong","args":[…]} (private, option); subscribe/unsubscribe/auth {"success":bool,"ret_msg","op",…};
 * option subscribe {"success","data":{"failTopics","successTopics"},"type":"COMMAND_RESP"}.
 */
export interface BybitReplyWire {
  readonly success?: unknown;
  readonly ret_msg?: unknown;
  readonly op?: unknown;
  readonly type?: unknown;
  readonly data?: unknown;
}

/** Public topics recognised and deliberately not normalised (docs/v5/websocket/public/*.mdx). */
export const BYBIT_IGNORED_TOPICS: readonly string[] = [
  'liquidation.',
  'allLiquidation.',
  'tickers_lt.',
  'kline_lt.',
  'lt.',
  'insurance.',
  'adlAlert.',
  'priceLimit.',
  'orderbook.rpi.',
];

/** Kline interval → bar length in ms (kline.mdx: 1 3 5 15 30 60 120 240 360 720 minutes, D, W; M is a calendar month). */
export const BYBIT_KLINE_INTERVAL_MS: ReadonlyMap<string, number> = new Map([
  ...['1', '3', '5', '15', '30', '60', '120', '240', '360', '720'].map((m): [string, number] => [m, Number(m) * 60_000]),
  ['D', 86_400_000],
  ['W', 604_800_000],
]);
