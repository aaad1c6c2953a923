// Hyperliquid's public market data for live runs and recordings: wss://api.hyperliquid.xyz/ws, l2Book/trades/bbo topics per coin; book snapshots are every push.
import { ShadowExecError } from '../../../core/errors/shadow-exec-error.js';
import { validateWsUrl } from '../../../feeds/ws/validate-ws-url.js';
import type { VenueLive } from '../../venue-module.js';
import { HYPERLIQUID_MAINNET_WS_URL, HyperliquidWsProtocol } from './hyperliquid-ws-protocol.js';

/** Hosts of the public endpoints (websocket docs: mainnet and testnet). */
export const HYPERLIQUID_PUBLIC_HOSTS: readonly string[] = ['api.hyperliquid.xyz', 'api.hyperliquid-testnet.xyz'];

/** Default stream kinds: the whole book (l2Book) and the trades, per coin (websocket/subscriptions). */
const DEFAULT_STREAMS = ['l2Book', 'trades'] as const;

export const hyperliquidLive: VenueLive = {
  endpoint(market, wsUrl, restUrl) {
    if (restUrl !== null) throw new ShadowExecError('E_CONFIG', 'a REST URL does not apply to Hyperliquid: every l2Book push is a whole book');
    return { venue: 'hyperliquid', market, wsUrl: validateWsUrl(wsUrl ?? HYPERLIQUID_MAINNET_WS_URL), restUrl: null };
  },
  restUrlRefusal: 'every Hyperliquid l2Book push is a whole book',
  protocol: (endpoint) => new HyperliquidWsProtocol(endpoint.wsUrl),
  defaultStreams: DEFAULT_STREAMS,
  topics(symbols, kinds) {
    const topics: string[] = [];
    for (const symbol of symbols) for (const kind of kinds) topics.push(`${kind}:${symbol}`);
    return topics;
  },
  publicHosts: HYPERLIQUID_PUBLIC_HOSTS,
  snapshots: undefined,
  bookTopic: (symbol) => `l2Book:${symbol}`,
  gapsRule: 'none: every l2Book push is a whole book; a crossed book is cleared until the next push',
  examples: ['$ shadow-exec record --exchange hyperliquid --symbols BTC,ETH --streams l2Book,trades --out hyperliquid.jsonl'],
};
