// Bybit's public market data for live runs and recordings: V5 public WebSocket per category, topic spelling, default streams; book snapshots arrive on the socket.
import { ShadowExecError } from '../../../core/errors/shadow-exec-error.js';
import { validateWsUrl } from '../../../feeds/ws/validate-ws-url.js';
import type { VenueLive } from '../../venue-module.js';
import { BYBIT_PUBLIC_HOSTS } from '../bybit-public-hosts.js';
import { BYBIT_PUBLIC_URLS, BybitWsProtocol } from './bybit-ws-protocol.js';

/**
 * Default stream kinds: V5 `orderbook.50.<SYMBOL>`, `publicTrade.<SYMBOL>`, `tickers.<SYMBOL>` (bybit-exchange/docs
 * docs/v5/websocket/public/orderbook.mdx, trade.mdx, ticker.mdx; depth 50 exists on spot and linear).
 */
const DEFAULT_STREAMS = ['orderbook.50', 'publicTrade', 'tickers'] as const;

const category = (market: string): 'spot' | 'linear' => (market === 'spot' ? 'spot' : 'linear');

export const bybitLive: VenueLive = {
  endpoint(market, wsUrl, restUrl) {
    if (restUrl !== null) throw new ShadowExecError('E_CONFIG', 'a REST URL applies to Binance only: Bybit book snapshots arrive on the WebSocket');
    return { venue: 'bybit', market, wsUrl: validateWsUrl(wsUrl ?? BYBIT_PUBLIC_URLS[category(market)]), restUrl: null };
  },
  restUrlRefusal: 'Bybit book snapshots arrive on the WebSocket',
  protocol: (endpoint) => new BybitWsProtocol({ category: category(endpoint.market), url: endpoint.wsUrl }),
  defaultStreams: DEFAULT_STREAMS,
  topics(symbols, kinds) {
    const topics: string[] = [];
    for (const symbol of symbols) for (const kind of kinds) topics.push(`${kind}.${symbol}`);
    return topics;
  },
  publicHosts: BYBIT_PUBLIC_HOSTS,
  snapshots: undefined,
  bookTopic: (symbol) => `${DEFAULT_STREAMS[0]}.${symbol}`,
  examples: ['$ shadow-exec record --exchange bybit --category linear --symbols BTCUSDT,ETHUSDT --streams orderbook.50,publicTrade --out bybit.jsonl'],
  gapsRule: 'a crossed book unsubscribes and resubscribes the orderbook topic, whose first push is a fresh snapshot; no quote until then',
};
