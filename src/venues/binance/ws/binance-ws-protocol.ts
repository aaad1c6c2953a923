// Binance spot market-stream WebSocket protocol: combined-stream endpoint, SUBSCRIBE/UNSUBSCRIBE, acks, error frames, serverShutdown, limits.
import type { WsFrameClass, WsRequestOp, WsVenueLimits, WsVenueProtocol } from '../../../ports/ws-venue-protocol.js';
import { field } from '../../../feeds/ws/json-field.js';
import { validateWsUrl } from '../../../feeds/ws/validate-ws-url.js';
import { untrustedText } from '../../../core/text/untrusted-text.js';

// Facts below: binance/binance-spot-api-docs web-socket-streams.md (copied in
// test/fixtures/venues/binance_spot_ws_docs_examples.json, docs HEAD a5e0bc3, 2026-07-21).

/**
 * "The base endpoint is: wss://stream.binance.com:9443"; "Combined streams are accessed at
 * /stream?streams=…". We dial /stream with no stream and SUBSCRIBE, so every (re)subscription
 * takes one path (the docs: "combined … is true when connecting using /stream/").
 */
export const BINANCE_SPOT_STREAM_URL = 'wss://stream.binance.com:9443/stream';

/** "A single connection to stream.binance.com is only valid for 24 hours". */
export const BINANCE_MAX_CONNECTION_AGE_MS = 24 * 60 * 60 * 1000;

/** "The WebSocket server will send a ping frame every 20 seconds" (a pong is due within a minute; ws answers it). */
export const BINANCE_SERVER_PING_INTERVAL_MS = 20_000;

/**
 * "WebSocket connections have a limit of 5 incoming messages per second (PING, PONG, JSON control
 * messages)"; "A single connection can listen to a maximum of 1024 streams". No per-request stream
 * limit is documented.
 */
export const BINANCE_SPOT_WS_LIMITS: WsVenueLimits = {
  maxTopicsPerRequest: null,
  maxTopicsPerConnection: 1024,
  maxTopicCharsPerConnection: null,
  maxClientMessagesPerSecond: 5,
  pongFramesCountAgainstLimit: true,
};

export interface BinanceWsProtocolOptions {
  /** Full URL to dial (a mirror, --ws-url, a loopback test server). @default BINANCE_SPOT_STREAM_URL */
  readonly url?: string;
}

/**
 * Stream names "<symbol>@<type>[@<option>]" or "!<name>@arr": "All symbols for streams are
 * lowercase"; stream types are camelCase (aggTrade, bookTicker), kline timezones add "@+08:00".
 */
const STREAM_NAME = /^(?:[a-z0-9]+|![A-Za-z0-9_]+)@[A-Za-z0-9_@.:+-]+$/;

export class BinanceWsProtocol implements WsVenueProtocol {
  readonly venue = 'binance';
  readonly url: string;
  readonly limits = BINANCE_SPOT_WS_LIMITS;
  readonly clientPingIntervalMs = null;
  readonly maxConnectionAgeMs = BINANCE_MAX_CONNECTION_AGE_MS;

  constructor(options: BinanceWsProtocolOptions = {}) {
    this.url = validateWsUrl(options.url ?? BINANCE_SPOT_STREAM_URL);
  }

  validateTopic(topic: string): string | null {
    if (STREAM_NAME.test(topic)) return null;
    return `'${topic}' is not a Binance stream name (lowercase symbol, e.g. btcusdt@depth)`;
  }

  /** {"method":"SUBSCRIBE","params":["btcusdt@aggTrade","btcusdt@depth"],"id":1} (ids: 64-bit signed integers). */
  encodeRequest(op: WsRequestOp, topics: readonly string[], requestId: number): string {
    const method = op === 'subscribe' ? 'SUBSCRIBE' : 'UNSUBSCRIBE';
    return JSON.stringify({ method, params: topics, id: requestId });
  }

  /** The server pings; ws answers with a pong frame echoing the payload. */
  encodePing(): null {
    return null;
  }

  requestKey(requestId: number): string {
    return String(requestId);
  }

  classify(message: unknown): WsFrameClass {
    const stream = field(message, 'stream');
    if (typeof stream === 'string') {
      // Combined wrapper {"stream":…,"data":…}; serverShutdown arrives as {"stream":"!serverShutdown","data":{"e":"serverShutdown",…}}.
      const data = field(message, 'data');
      if (data === undefined) return { kind: 'unknown' };
      return field(data, 'e') === 'serverShutdown' ? { kind: 'server-shutdown' } : { kind: 'data' };
    }
    const id = field(message, 'id');
    const requestId = typeof id === 'number' || typeof id === 'string' ? String(id) : null;
    if (field(message, 'result') !== undefined && requestId !== null) return { kind: 'ack', requestId };
    // Error frames: {"error":{"code":2,"msg":"…"},"id":1} on the wire; the docs' table shows the bare {"code":…,"msg":…,"id":…}.
    const error = field(message, 'error') ?? message;
    const code = field(error, 'code');
    const msg = field(error, 'msg');
    if (typeof code === 'number' && typeof msg === 'string') {
      return { kind: 'reject', requestId, failedTopics: null, code: String(code), message: untrustedText(msg) };
    }
    const event = field(message, 'e');
    if (event === 'serverShutdown') return { kind: 'server-shutdown' };
    // Raw-stream payloads (a /ws/ endpoint given as url): event objects, bookTicker and partial depth.
    if (typeof event === 'string' || field(message, 'lastUpdateId') !== undefined || (field(message, 'u') !== undefined && field(message, 's') !== undefined)) {
      return { kind: 'data' };
    }
    return { kind: 'unknown' };
  }

  /**
   * Keys from update/trade ids, unique per stream: depthUpdate and bookTicker `u` (final update
   * id), trade `t`, aggTrade `a`, partial depth `lastUpdateId`. Other events (kline, tickers…)
   * have no unique id and get no key.
   */
  sequenceKey(message: unknown): string | null {
    const stream = field(message, 'stream');
    const payload = typeof stream === 'string' ? field(message, 'data') : message;
    const symbol = field(payload, 's');
    // Only a primitive is turned into text: String() of a deeply nested array recurses into a RangeError.
    const prefix = typeof stream === 'string' ? stream : typeof symbol === 'object' && symbol !== null ? '?' : String(symbol);
    const event = field(payload, 'e');
    let id: unknown;
    if (event === 'depthUpdate' || event === 'bookTicker') id = field(payload, 'u');
    else if (event === 'trade') id = field(payload, 't');
    else if (event === 'aggTrade') id = field(payload, 'a');
    else if (event === undefined) id = field(payload, 'lastUpdateId') ?? field(payload, 'u');
    if (typeof id !== 'number') return null;
    return `${prefix}|${typeof event === 'string' ? event : 'book'}|${id}`;
  }
}
