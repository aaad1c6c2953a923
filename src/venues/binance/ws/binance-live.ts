// Binance's public market data for live runs and recordings: combined-stream WebSocket per market, lower-case topics, REST depth snapshots.
import { validateRestUrl } from '../../../feeds/live/endpoint-url.js';
import { validateWsUrl } from '../../../feeds/ws/validate-ws-url.js';
import type { VenueLive } from '../../venue-module.js';
import { BINANCE_PUBLIC_HOSTS } from '../binance-public-hosts.js';
import { BINANCE_REST_BASES, BINANCE_USDM_STREAM_URL, binanceDepthRequest, binanceMarketOf } from '../binance-public-endpoints.js';
import { BinanceDepthWatch } from './binance-depth-watch.js';
import { BINANCE_SPOT_STREAM_URL, BinanceWsProtocol } from './binance-ws-protocol.js';

export const binanceLive: VenueLive = {
  endpoint(market, wsUrl, restUrl) {
    const m = binanceMarketOf(market);
    return {
      venue: 'binance',
      market,
      wsUrl: validateWsUrl(wsUrl ?? (m === 'spot' ? BINANCE_SPOT_STREAM_URL : BINANCE_USDM_STREAM_URL)),
      restUrl: validateRestUrl(restUrl ?? BINANCE_REST_BASES[m]),
    };
  },
  restUrlRefusal: null,
  protocol: (endpoint) => new BinanceWsProtocol({ url: endpoint.wsUrl }),
  /** `<symbol>@depth@100ms` (diff depth), `<symbol>@bookTicker`, `<symbol>@aggTrade`, symbols lowercase (binance/binance-spot-api-docs web-socket-streams.md). */
  defaultStreams: ['depth@100ms', 'bookTicker', 'aggTrade'],
  topics(symbols, kinds) {
    const topics: string[] = [];
    for (const symbol of symbols) for (const kind of kinds) topics.push(`${symbol.toLowerCase()}@${kind}`);
    return topics;
  },
  publicHosts: BINANCE_PUBLIC_HOSTS,
  snapshots: {
    requestLine: binanceDepthRequest,
    watch: (market, symbols) => new BinanceDepthWatch(binanceMarketOf(market), symbols),
  },
  examples: ['$ shadow-exec record --exchange binance --symbols BTCUSDT --duration 10m --out btc.jsonl', '$ shadow-exec run --exchange binance --feed replay:btc.jsonl --spread-bps 40'],
  gapsRule:
    'an unsynced book (first delta, gap, too-old snapshot, crossed) fetches a REST depth snapshot (limit 1000; one in flight per symbol, backoff 0.5 s doubling to 30 s while it stays unsynced) and publishes no quote until it is synced',
};
