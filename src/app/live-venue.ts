// LiveVenue: a venue's public market-data endpoints (WebSocket, REST) and the streams a live run or recording subscribes per symbol.
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import type { WsVenueProtocol } from '../ports/ws-venue-protocol.js';
import { validateWsUrl } from '../feeds/ws/validate-ws-url.js';
import { validateRestUrl } from '../feeds/live/endpoint-url.js';
import type { ReplayMarket, ReplayVenue } from '../feeds/replay/replay-format.js';
import { BINANCE_SPOT_STREAM_URL, BinanceWsProtocol } from '../venues/binance/ws/binance-ws-protocol.js';
import { BYBIT_PUBLIC_URLS, BybitWsProtocol } from '../venues/bybit/ws/bybit-ws-protocol.js';
import { BINANCE_PUBLIC_HOSTS } from '../venues/binance/binance-public-hosts.js';
import { BYBIT_PUBLIC_HOSTS } from '../venues/bybit/bybit-public-hosts.js';

/** Each venue's public market-data hosts (exported by the venue module). */
const PUBLIC_HOSTS: Readonly<Record<ReplayVenue, readonly string[]>> = { binance: BINANCE_PUBLIC_HOSTS, bybit: BYBIT_PUBLIC_HOSTS };

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
export const BINANCE_REST_BASES: Readonly<Record<'spot' | 'usdm', string>> = { spot: 'https://api.binance.com', usdm: 'https://fapi.binance.com' };

/**
 * Depth snapshot paths: spot `GET /api/v3/depth` (rest-api.md, "Order book"), USD-M `GET /fapi/v1/depth`
 * (connector src/modules/restful/base/market.js: valid limits 5, 10, 20, 50, 100, 500, 1000). limit=1000 is
 * valid on both and is what the spot local-book procedure (web-socket-streams.md) fetches.
 */
export const BINANCE_DEPTH_PATHS: Readonly<Record<'spot' | 'usdm', string>> = { spot: '/api/v3/depth', usdm: '/fapi/v1/depth' };
export const BINANCE_DEPTH_LIMIT = 1000;

/**
 * Default stream kinds, expanded per symbol by `liveTopics`:
 * Binance `<symbol>@depth@100ms` (diff depth), `<symbol>@bookTicker`, `<symbol>@aggTrade`, symbols
 * lowercase (binance/binance-spot-api-docs web-socket-streams.md); Bybit V5 `orderbook.50.<SYMBOL>`,
 * `publicTrade.<SYMBOL>`, `tickers.<SYMBOL>` (bybit-exchange/docs docs/v5/websocket/public/orderbook.mdx,
 * trade.mdx, ticker.mdx; depth 50 exists on spot and linear).
 */
export const DEFAULT_STREAM_KINDS: Readonly<Record<ReplayVenue, readonly string[]>> = {
  binance: ['depth@100ms', 'bookTicker', 'aggTrade'],
  bybit: ['orderbook.50', 'publicTrade', 'tickers'],
};

export interface LiveEndpoint {
  readonly venue: ReplayVenue;
  readonly market: ReplayMarket;
  /** WebSocket URL dialled by every connection. */
  readonly wsUrl: string;
  /** REST base for Binance depth snapshots (no trailing slash); null on Bybit (its book snapshots arrive on the socket). */
  readonly restUrl: string | null;
}

/** The public endpoint of `venue`/`market`, with the --ws-url / --rest-url overrides applied (E_CONFIG when malformed). */
export function liveEndpoint(venue: ReplayVenue, market: ReplayMarket, wsUrl: string | null, restUrl: string | null): LiveEndpoint {
  if (venue === 'bybit') {
    if (restUrl !== null) throw new ShadowExecError('E_CONFIG', 'a REST URL applies to Binance only: Bybit book snapshots arrive on the WebSocket');
    const category = market === 'spot' ? 'spot' : 'linear';
    return { venue, market, wsUrl: validateWsUrl(wsUrl ?? BYBIT_PUBLIC_URLS[category]), restUrl: null };
  }
  const m = market === 'usdm' ? 'usdm' : 'spot';
  return {
    venue,
    market,
    wsUrl: validateWsUrl(wsUrl ?? (m === 'spot' ? BINANCE_SPOT_STREAM_URL : BINANCE_USDM_STREAM_URL)),
    restUrl: validateRestUrl(restUrl ?? BINANCE_REST_BASES[m]),
  };
}

/** The WebSocket protocol hooks for an endpoint. */
export function liveProtocol(endpoint: LiveEndpoint): WsVenueProtocol {
  if (endpoint.venue === 'bybit') return new BybitWsProtocol({ category: endpoint.market === 'spot' ? 'spot' : 'linear', url: endpoint.wsUrl });
  return new BinanceWsProtocol({ url: endpoint.wsUrl });
}

/** Topics for `symbols` (upper-case venue symbols) × stream `kinds`, symbol-major: "btcusdt@depth@100ms" / "orderbook.50.BTCUSDT". */
export function liveTopics(venue: ReplayVenue, symbols: readonly string[], kinds: readonly string[] = DEFAULT_STREAM_KINDS[venue]): string[] {
  const topics: string[] = [];
  for (const symbol of symbols) {
    for (const kind of kinds) topics.push(venue === 'binance' ? `${symbol.toLowerCase()}@${kind}` : `${kind}.${symbol}`);
  }
  return topics;
}

/** "GET /api/v3/depth?symbol=BTCUSDT&limit=1000": the request line a replay `rest` record stores. */
export function depthSnapshotRequest(market: ReplayMarket, symbol: string): string {
  const path = BINANCE_DEPTH_PATHS[market === 'usdm' ? 'usdm' : 'spot'];
  return `GET ${path}?symbol=${encodeURIComponent(symbol)}&limit=${BINANCE_DEPTH_LIMIT}`;
}

/** The REST URL rule lives beside the other endpoint rules (option parsing uses it without loading any venue). */
export { validateRestUrl };

/**
 * One warning per --ws-url / --rest-url whose host is not one of `venue`'s public hosts (a mirror, a test
 * server, a typo): its data drives the run, so the operator should know it is not the venue's. Valid URLs only.
 */
export function endpointHostWarnings(venue: ReplayVenue, urls: readonly (readonly [flag: string, url: string | null])[]): string[] {
  const hosts = PUBLIC_HOSTS[venue];
  const warnings: string[] = [];
  for (const [flag, url] of urls) {
    if (url === null) continue;
    const host = new URL(url).hostname.toLowerCase();
    if (!hosts.includes(host)) warnings.push(`warning: ${flag} host '${host}' is not one of the venue's public hosts (${hosts.join(', ')}): the market data comes from whoever runs it`);
  }
  return warnings;
}
