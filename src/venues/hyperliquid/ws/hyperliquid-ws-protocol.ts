// HyperliquidWsProtocol: the WebSocket hooks of Hyperliquid's public streams — URL, one subscription per request, {"method":"ping"} heartbeat, limits, frame classes.
//
// Sources: hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/websocket ("Mainnet: wss://api.hyperliquid.xyz/ws",
// "Testnet: wss://api.hyperliquid-testnet.xyz/ws"), …/websocket/subscriptions (request {"method": "subscribe",
// "subscription": {"type": "l2Book", "coin": "<coin>"}}, ack channel "subscriptionResponse"), …/websocket/
// timeouts-and-heartbeats, …/api/rate-limits (WebSocket limits, hyperliquid-rate-limits.ts).
import { field } from '../../../feeds/ws/json-field.js';
import { validateWsUrl } from '../../../feeds/ws/validate-ws-url.js';
import { untrustedText } from '../../../core/text/untrusted-text.js';
import type { WsFrameClass, WsRequestOp, WsVenueLimits, WsVenueProtocol } from '../../../ports/ws-venue-protocol.js';
import { HYPERLIQUID_WS_IDLE_CLOSE_MS, HYPERLIQUID_WS_LIMITS } from '../hyperliquid-rate-limits.js';

export const HYPERLIQUID_MAINNET_WS_URL = 'wss://api.hyperliquid.xyz/ws';
export const HYPERLIQUID_TESTNET_WS_URL = 'wss://api.hyperliquid-testnet.xyz/ws';

/**
 * Heartbeat period, ms: the server closes a connection it has not heard from in 60 s; the python SDK pings every 50 s
 * (hyperliquid/websocket_manager.py `send_ping`: `stop_event.wait(50)`), as here.
 */
export const HYPERLIQUID_PING_INTERVAL_MS = 50_000;

/** The stream kinds this venue's topics name: "<kind>:<coin>" ("l2Book:BTC", "trades:ETH", "bbo:SOL"). */
export const HYPERLIQUID_STREAM_KINDS = ['l2Book', 'trades', 'bbo'] as const;
export type HyperliquidStreamKind = (typeof HYPERLIQUID_STREAM_KINDS)[number];

const TOPIC = /^(l2Book|trades|bbo):([A-Za-z0-9:@/_-]{1,32})$/;

/**
 * One subscription per message (the docs' request carries one `subscription` object); 1000 subscriptions per IP,
 * 2000 client messages a minute (≈ 33 a second) across connections.
 */
export const HYPERLIQUID_PUBLIC_LIMITS: WsVenueLimits = {
  maxTopicsPerRequest: 1,
  maxTopicsPerConnection: HYPERLIQUID_WS_LIMITS.maxSubscriptions,
  maxTopicCharsPerConnection: null,
  maxClientMessagesPerSecond: Math.floor(HYPERLIQUID_WS_LIMITS.maxMessagesPerMinute / 60),
  pongFramesCountAgainstLimit: false,
};

/** The topic of `kind` for `coin`. */
export function hyperliquidTopic(kind: HyperliquidStreamKind, coin: string): string {
  return `${kind}:${coin}`;
}

/** {type, coin} of a topic; null when the topic is not one of ours. */
export function subscriptionOf(topic: string): { type: HyperliquidStreamKind; coin: string } | null {
  const m = TOPIC.exec(topic);
  return m === null ? null : { type: m[1] as HyperliquidStreamKind, coin: m[2] as string };
}

export class HyperliquidWsProtocol implements WsVenueProtocol {
  readonly venue = 'hyperliquid';
  readonly url: string;
  readonly limits = HYPERLIQUID_PUBLIC_LIMITS;
  readonly clientPingIntervalMs = HYPERLIQUID_PING_INTERVAL_MS;
  /** No connection age limit is documented; the only close is the 60 s idle one the heartbeat prevents. */
  readonly maxConnectionAgeMs = null;
  /** ms of silence after which the server closes a connection. */
  readonly idleCloseMs = HYPERLIQUID_WS_IDLE_CLOSE_MS;

  constructor(url: string = HYPERLIQUID_MAINNET_WS_URL) {
    this.url = validateWsUrl(url);
  }

  validateTopic(topic: string): string | null {
    return TOPIC.test(topic) ? null : `'${untrustedText(topic)}' is not a Hyperliquid topic (<l2Book|trades|bbo>:<coin>, e.g. l2Book:BTC)`;
  }

  /** {"method":"subscribe","subscription":{"type":"l2Book","coin":"BTC"}} — one topic per request (limits.maxTopicsPerRequest). */
  encodeRequest(op: WsRequestOp, topics: readonly string[], _requestId: number): string {
    const subscription = topics.length === 1 ? subscriptionOf(topics[0] as string) : null;
    if (subscription === null) throw new RangeError(`a Hyperliquid request takes exactly one valid topic, got ${topics.length}`);
    return JSON.stringify({ method: op, subscription });
  }

  /** { "method": "ping" } (timeouts-and-heartbeats). */
  encodePing(_requestId: number): string {
    return '{"method":"ping"}';
  }

  /** Acks echo the subscription, not an id: the request key is never matched (acks come back with requestId null). */
  requestKey(requestId: number): string {
    return String(requestId);
  }

  classify(message: unknown): WsFrameClass {
    const channel = field(message, 'channel');
    if (channel === 'pong') return { kind: 'pong' };
    if (channel === 'subscriptionResponse') return { kind: 'ack', requestId: null };
    if (channel === 'error') {
      // {"channel":"error","data":"Invalid subscription {…}"} (live answers; not documented): names no topic.
      return { kind: 'reject', requestId: null, failedTopics: null, code: 'SUBSCRIBE_REFUSED', message: untrustedText(field(message, 'data')) };
    }
    if (typeof channel === 'string' && field(message, 'data') !== undefined) return { kind: 'data' };
    return { kind: 'unknown' };
  }

  /**
   * l2Book and bbo: channel + coin + block time (one push per block at most); trades: channel + coin + the first and
   * last tid with their time (the docs' unique trade key is (block_time, coin, tid)).
   */
  sequenceKey(message: unknown): string | null {
    const channel = field(message, 'channel');
    const data = field(message, 'data');
    if (channel === 'l2Book' || channel === 'bbo') {
      const coin = field(data, 'coin');
      const time = field(data, 'time');
      return typeof coin === 'string' && Number.isSafeInteger(time) ? `${channel}:${coin}:${String(time)}` : null;
    }
    if (channel === 'trades' && Array.isArray(data) && data.length > 0) {
      const first: unknown = data[0];
      const last: unknown = data[data.length - 1];
      const coin = field(first, 'coin');
      const ids = [field(first, 'time'), field(first, 'tid'), field(last, 'time'), field(last, 'tid')];
      return typeof coin === 'string' && ids.every((v) => Number.isSafeInteger(v)) ? `trades:${coin}:${ids.join(':')}` : null;
    }
    return null;
  }
}
