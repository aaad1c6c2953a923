// WsVenueProtocol: the venue hooks of the WebSocket adapter (endpoint, control messages, frame classes, limits, sequence keys).

/** What an incoming JSON message is, as far as the connection layer cares. */
export type WsFrameClass =
  /** Market data: handed to the consumer. */
  | { readonly kind: 'data' }
  /** A subscribe/unsubscribe request succeeded; requestId null when the venue did not echo it. */
  | { readonly kind: 'ack'; readonly requestId: string | null }
  /**
   * A request failed. `failedTopics` are the topics the venue named, or null when it named none
   * (then every topic of the request failed).
   */
  | {
      readonly kind: 'reject';
      readonly requestId: string | null;
      readonly failedTopics: readonly string[] | null;
      readonly code: string;
      readonly message: string;
    }
  /** Answer to the client's heartbeat message. */
  | { readonly kind: 'pong' }
  /** The server announced it will close this connection soon: reconnect seamlessly. */
  | { readonly kind: 'server-shutdown' }
  /** Valid JSON of no known shape: counted and skipped. */
  | { readonly kind: 'unknown' };

export type WsRequestOp = 'subscribe' | 'unsubscribe';

/** Venue limits that bound what the connection sends. null: the venue documents no such limit. */
export interface WsVenueLimits {
  /** Max topics in one subscribe/unsubscribe request. */
  readonly maxTopicsPerRequest: number | null;
  /** Max topics subscribed on one connection. */
  readonly maxTopicsPerConnection: number | null;
  /** Max total characters of all topics subscribed on one connection. */
  readonly maxTopicCharsPerConnection: number | null;
  /** Max messages the client may send per second (the venue's "incoming" limit). */
  readonly maxClientMessagesPerSecond: number | null;
  /** True when pong frames answering server pings count against that limit (a slot is reserved for them). */
  readonly pongFramesCountAgainstLimit: boolean;
}

export interface WsVenueProtocol {
  /** Venue name for logs and health (the registry name). */
  readonly venue: string;
  /** Full URL dialled for every connection. */
  readonly url: string;
  readonly limits: WsVenueLimits;
  /** Client heartbeat period, ms; null when the venue pings the client instead (answered by the socket). */
  readonly clientPingIntervalMs: number | null;
  /** Longest life the venue gives one connection, ms; null when unlimited. */
  readonly maxConnectionAgeMs: number | null;
  /** Why `topic` can never be subscribed (bad syntax), or null when it is well-formed. */
  validateTopic(topic: string): string | null;
  /** The JSON text of a subscribe or unsubscribe request for `topics` (non-empty) with a numeric id. */
  encodeRequest(op: WsRequestOp, topics: readonly string[], requestId: number): string;
  /** The JSON text of a client heartbeat, or null when the venue needs none. */
  encodePing(requestId: number): string | null;
  /** The request id as the venue echoes it back (string form), to match acks to requests. */
  requestKey(requestId: number): string;
  /** Classifies one parsed JSON message. Must not throw. */
  classify(message: unknown): WsFrameClass;
  /**
   * A key identifying this data message across connections (venue sequence/trade id + topic), or
   * null when the message carries none (it then passes every deduplication). Must not throw.
   */
  sequenceKey(message: unknown): string | null;
}

/** One data frame handed to the consumer. */
export interface WsDataFrame {
  /** Id of the WsConnection that delivered it ("ws-1"). */
  readonly connectionId: string;
  /** Timers-port ms at receipt. */
  readonly receivedAtMs: number;
  /** The raw text frame exactly as received (for recording). */
  readonly text: string;
  /** The same frame parsed once by JSON.parse (parsers may use it instead of parsing again). */
  readonly message: unknown;
  /** The venue sequence key used for deduplication, or null. */
  readonly sequenceKey: string | null;
}
