// Hand-made replay files for the replay tests: Binance spot combined-stream frames and REST depth bodies shaped like the 2021 capture, Bybit V5 orderbook/ticker pushes like the tardis samples.
import { encodeReplay, type ReplayHeader, type ReplayRecord } from '../../src/feeds/replay/replay-format.js';

export type Level = readonly [price: string, qty: string];

export const BINANCE_SPOT_HEADER: ReplayHeader = { format: 'shadow-exec-replay', version: 1, venue: 'binance', market: 'spot' };
export const BINANCE_USDM_HEADER: ReplayHeader = { format: 'shadow-exec-replay', version: 1, venue: 'binance', market: 'usdm' };
export const BYBIT_LINEAR_HEADER: ReplayHeader = { format: 'shadow-exec-replay', version: 1, venue: 'bybit', market: 'linear' };

export function frame(t: number, text: string): ReplayRecord {
  return { kind: 'frame', t, frame: text };
}

const wrap = (stream: string, data: unknown): string => JSON.stringify({ stream, data });

/** `<symbol>@depth@100ms` diff: U..u, absolute sizes ("0" removes). */
export function binanceDepth(t: number, symbol: string, U: number, u: number, b: readonly Level[], a: readonly Level[] = []): ReplayRecord {
  return frame(t, wrap(`${symbol.toLowerCase()}@depth@100ms`, { e: 'depthUpdate', E: t + 5, s: symbol, U, u, b, a }));
}

/** Spot `<symbol>@bookTicker` (no event time). */
export function binanceBookTicker(t: number, symbol: string, u: number, bid: Level, ask: Level): ReplayRecord {
  return frame(t, wrap(`${symbol.toLowerCase()}@bookTicker`, { u, s: symbol, b: bid[0], B: bid[1], a: ask[0], A: ask[1] }));
}

/** `<symbol>@aggTrade`; `buyerMaker` true means the taker sold. Event time E = t + 5 (a venue clock ahead of the receiver). */
export function binanceAggTrade(t: number, symbol: string, id: number, price: string, qty: string, buyerMaker = false): ReplayRecord {
  return frame(t, wrap(`${symbol.toLowerCase()}@aggTrade`, { e: 'aggTrade', E: t + 5, s: symbol, a: id, p: price, q: qty, f: id, l: id, T: t + 5, m: buyerMaker, M: true }));
}

/** USDⓈ-M `<symbol>@trade` with its origin `X` ("MARKET" in the book; "INSURANCE_FUND", "ADL", … off it). Event time E = t + 5. */
export function binanceUsdmTrade(t: number, symbol: string, id: number, price: string, qty: string, origin: string, buyerMaker = false): ReplayRecord {
  return frame(t, wrap(`${symbol.toLowerCase()}@trade`, { e: 'trade', E: t + 5, T: t + 4, s: symbol, t: id, p: price, q: qty, X: origin, m: buyerMaker }));
}

/** `GET /api/v3/depth?symbol=…&limit=1000` and its body. */
export function binanceDepthSnapshot(t: number, symbol: string, lastUpdateId: number, bids: readonly Level[], asks: readonly Level[]): ReplayRecord {
  return { kind: 'rest', t, rest: `GET /api/v3/depth?symbol=${symbol}&limit=1000`, body: JSON.stringify({ lastUpdateId, bids, asks }) };
}

/** `orderbook.<depth>.<symbol>` snapshot or delta; push ts = t - 7 (as the fixture's made-up receive times), never below 0 (the parsers refuse negative times). */
export function bybitOrderbook(t: number, symbol: string, type: 'snapshot' | 'delta', u: number, b: readonly Level[], a: readonly Level[], depth = 50): ReplayRecord {
  return frame(t, JSON.stringify({ topic: `orderbook.${depth}.${symbol}`, type, ts: Math.max(0, t - 7), data: { s: symbol, b, a, u, seq: 1000 + u }, cts: Math.max(0, t - 9) }));
}

/** `tickers.<symbol>` snapshot with the book and mark fields the parser reads. */
export function bybitTicker(t: number, symbol: string, bid: Level, ask: Level, markPrice: string): ReplayRecord {
  return frame(
    t,
    JSON.stringify({
      topic: `tickers.${symbol}`, type: 'snapshot', ts: Math.max(0, t - 7), cs: 5000 + t % 1000,
      data: { symbol, bid1Price: bid[0], bid1Size: bid[1], ask1Price: ask[0], ask1Size: ask[1], markPrice, indexPrice: markPrice, fundingRate: '0.0001' },
    }),
  );
}

export function replayText(header: ReplayHeader, records: readonly ReplayRecord[]): string {
  return encodeReplay(header, records);
}
