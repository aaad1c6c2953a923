// Bybit V5 public WebSocket protocol: endpoints per category, subscribe/unsubscribe, acks and refusals, ping/pong, args limits.
import type { WsFrameClass, WsRequestOp, WsVenueLimits, WsVenueProtocol } from '../../../ports/ws-venue-protocol.js';
import { field } from '../../../feeds/ws/json-field.js';
import { validateWsUrl } from '../../../feeds/ws/validate-ws-url.js';
import { untrustedList, untrustedText } from '../../../core/text/untrusted-text.js';

// Facts below: bybit-exchange/docs docs/v5/websocket/wss-authentication.mdx (slug /v5/ws/connect),
// examples copied in test/fixtures/venues/bybit_v5_ws_control_docs_examples.json.

export type BybitPublicCategory = 'spot' | 'linear' | 'inverse' | 'option';

/** "WebSocket public stream — Mainnet". */
export const BYBIT_PUBLIC_URLS: Readonly<Record<BybitPublicCategory, string>> = {
  spot: 'wss://stream.bybit.com/v5/public/spot',
  linear: 'wss://stream.bybit.com/v5/public/linear',
  inverse: 'wss://stream.bybit.com/v5/public/inverse',
  option: 'wss://stream.bybit.com/v5/public/option',
};

/** "we recommend that you send the ping heartbeat packet every 20 seconds". */
export const BYBIT_PING_INTERVAL_MS = 20_000;

/**
 * "Public channel - Args limits": "for one public connection, you cannot have length of "args"
 * array over 21,000 characters" (counted here as the sum of topic lengths); "Spot can input up to
 * 10 args for each subscription request"; "Options can input up to 2000 args for a single
 * connection"; "No args limit for Futures and Spread for now". No per-second message limit is
 * documented for public connections.
 */
export function bybitPublicLimits(category: BybitPublicCategory): WsVenueLimits {
  return {
    maxTopicsPerRequest: category === 'spot' ? 10 : null,
    maxTopicsPerConnection: category === 'option' ? 2000 : null,
    maxTopicCharsPerConnection: 21_000,
    maxClientMessagesPerSecond: null,
    pongFramesCountAgainstLimit: false,
  };
}

export interface BybitWsProtocolOptions {
  readonly category: BybitPublicCategory;
  /** Full URL to dial (a mirror, --ws-url, a loopback test server). @default BYBIT_PUBLIC_URLS[category] */
  readonly url?: string;
}

/** Topics are "<name>.<param>…", e.g. orderbook.50.BTCUSDT, publicTrade.BTCUSDT, kline.5.BTCUSDT, tickers.BTC-26DEC25. */
const TOPIC = /^[A-Za-z_]+(\.[A-Za-z0-9_-]+)+$/;

/** Refusals name the topic at the end of ret_msg: "error:handler not found,topic:publicTrade.NOTASYMBOL" (observed, not in the docs). */
const REFUSED_TOPIC = /topic:([^\s,]+)/;

function requestIdOf(message: unknown): string | null {
  const id = field(message, 'req_id');
  return typeof id === 'string' && id.length > 0 ? id : null;
}

export class BybitWsProtocol implements WsVenueProtocol {
  readonly venue = 'bybit';
  readonly url: string;
  readonly limits: WsVenueLimits;
  readonly clientPingIntervalMs = BYBIT_PING_INTERVAL_MS;
  /** No connection age limit is documented for public streams. */
  readonly maxConnectionAgeMs = null;

  constructor(readonly options: BybitWsProtocolOptions) {
    this.url = validateWsUrl(options.url ?? BYBIT_PUBLIC_URLS[options.category]);
    this.limits = bybitPublicLimits(options.category);
  }

  validateTopic(topic: string): string | null {
    return TOPIC.test(topic) ? null : `'${topic}' is not a Bybit topic (e.g. orderbook.50.BTCUSDT)`;
  }

  /** {"req_id":"1","op":"subscribe","args":["orderbook.1.BTCUSDT","publicTrade.BTCUSDT"]}. */
  encodeRequest(op: WsRequestOp, topics: readonly string[], requestId: number): string {
    return JSON.stringify({ req_id: this.requestKey(requestId), op, args: topics });
  }

  /** {"req_id":"100001","op":"ping"} — req_id is optional; we send one. */
  encodePing(requestId: number): string {
    return JSON.stringify({ req_id: this.requestKey(requestId), op: 'ping' });
  }

  requestKey(requestId: number): string {
    return String(requestId);
  }

  classify(message: unknown): WsFrameClass {
    if (typeof field(message, 'topic') === 'string' && field(message, 'data') !== undefined) return { kind: 'data' };
    const op = field(message, 'op');
    // Pong: spot {"success":true,"ret_msg":"pong","conn_id":…,"op":"ping"}; linear/inverse add "req_id";
    // option/spread and private {"args":["1672916271846"],"op":"pong"}.
    if (op === 'pong' || (op === 'ping' && field(message, 'ret_msg') === 'pong')) return { kind: 'pong' };
    // Option/spread answer: {"success":true,"conn_id":…,"data":{"failTopics":[],"successTopics":[…]},"type":"COMMAND_RESP"}.
    if (field(message, 'type') === 'COMMAND_RESP') {
      const fails = field(field(message, 'data'), 'failTopics');
      const failed = Array.isArray(fails) ? fails.filter((t): t is string => typeof t === 'string') : [];
      const requestId = requestIdOf(message);
      if (failed.length === 0 && field(message, 'success') === true) return { kind: 'ack', requestId };
      return { kind: 'reject', requestId, failedTopics: failed.length > 0 ? failed : null, code: 'SUBSCRIBE_REFUSED', message: `failTopics: ${untrustedList(failed)}` };
    }
    if (op === 'subscribe' || op === 'unsubscribe') {
      // Ack: {"success":true,"ret_msg":"","conn_id":…,"req_id":"","op":"subscribe"} (spot ret_msg "subscribe").
      const requestId = requestIdOf(message);
      const success = field(message, 'success');
      if (success === true) return { kind: 'ack', requestId };
      if (success === false) {
        const retMsg = field(message, 'ret_msg');
        const text = typeof retMsg === 'string' ? retMsg : '';
        const named = REFUSED_TOPIC.exec(text)?.[1];
        return { kind: 'reject', requestId, failedTopics: named === undefined ? null : [named], code: 'SUBSCRIBE_REFUSED', message: untrustedText(text) };
      }
    }
    return { kind: 'unknown' };
  }

  /**
   * orderbook.*: topic + type + data.u (+ data.seq); publicTrade.*: topic + the trade ids `i`;
   * tickers.* with `cs`: topic + type + cs + ts. Klines and others carry no unique id: no key.
   */
  sequenceKey(message: unknown): string | null {
    const topic = field(message, 'topic');
    if (typeof topic !== 'string') return null;
    const data = field(message, 'data');
    // Only primitives become text (untrustedText): String() of a deeply nested array recurses into a RangeError.
    const type = untrustedText(field(message, 'type'), Infinity);
    if (topic.startsWith('orderbook.')) {
      const u = field(data, 'u');
      return typeof u === 'number' ? `${topic}|${type}|${u}|${untrustedText(field(data, 'seq'), Infinity)}` : null;
    }
    if (topic.startsWith('publicTrade.')) {
      if (!Array.isArray(data) || data.length === 0) return null;
      const ids: string[] = [];
      for (const trade of data) {
        const id = field(trade, 'i');
        if (typeof id !== 'string') return null;
        ids.push(id);
      }
      return `${topic}|${ids.join(',')}`;
    }
    if (topic.startsWith('tickers.')) {
      const cs = field(message, 'cs');
      return typeof cs === 'number' ? `${topic}|${type}|${cs}|${untrustedText(field(message, 'ts'), Infinity)}` : null;
    }
    return null;
  }
}
