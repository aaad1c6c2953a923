// Binance's public market data endpoints: the USD-M stream URL, REST bases and depth snapshot paths (spot stream URL: ws/binance-ws-protocol.ts).
import type { BinanceMarket } from './binance-market.js';

/**
 * Binance USDⓈ-M market streams: "Base Url: wss://fstream.binance.com", "Combined streams are accessed at
 * /stream?streams=…" (developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams;
 * also the official connector's default, binance/binance-futures-connector-node src/modules/websocket/UMStream.js).
 * The page allows "10 incoming messages per second" and 1024 streams per connection; BinanceWsProtocol
 * enforces the spot limit of 5/s, which is stricter, so it is kept for USD-M too.
 */
export const BINANCE_USDM_STREAM_URL = 'wss://fstream.binance.com/stream';

/**
 * REST bases for the depth snapshot: spot "The base endpoint is: https://api.binance.com"
 * (binance/binance-spot-api-docs rest-api.md, "General API Information"); USD-M `https://fapi.binance.com`
 * (binance/binance-futures-connector-node src/um_futures.js).
 */
export const BINANCE_REST_BASES: Readonly<Record<BinanceMarket, string>> = { spot: 'https://api.binance.com', usdm: 'https://fapi.binance.com' };

/**
 * Depth snapshot paths: spot `GET /api/v3/depth` (rest-api.md, "Order book"), USD-M `GET /fapi/v1/depth`
 * (connector src/modules/restful/base/market.js: valid limits 5, 10, 20, 50, 100, 500, 1000;
 * developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Order-Book). limit=1000 is
 * valid on both and is what the spot local-book procedure (web-socket-streams.md) fetches.
 */
export const BINANCE_DEPTH_PATHS: Readonly<Record<BinanceMarket, string>> = { spot: '/api/v3/depth', usdm: '/fapi/v1/depth' };
export const BINANCE_DEPTH_LIMIT = 1000;

/** The market of a replay header or endpoint ("usdm", else spot). */
export function binanceMarketOf(market: string): BinanceMarket {
  return market === 'usdm' ? 'usdm' : 'spot';
}

/** "GET /api/v3/depth?symbol=BTCUSDT&limit=1000": the request line fetched and stored in a replay `rest` record. */
export function binanceDepthRequest(market: string, symbol: string): string {
  return `GET ${BINANCE_DEPTH_PATHS[binanceMarketOf(market)]}?symbol=${encodeURIComponent(symbol)}&limit=${BINANCE_DEPTH_LIMIT}`;
}
