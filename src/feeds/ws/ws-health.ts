// Health of one WebSocket connection: the mutable counters it keeps and the plain snapshot it reports.
import type { WsConnectionState } from './ws-connection-state.js';
import type { WsSubscriptionFailure } from './ws-connection-events.js';

export type WsReceivedType = 'data' | 'control' | 'ping' | 'pong' | 'invalid' | 'unknown';
export type WsSentType = 'control' | 'ping' | 'pong';

/** Message count and payload bytes (UTF-8 for text, raw for ping/pong frames). */
export interface WsTraffic {
  messages: number;
  bytes: number;
}

export interface WsConnectionHealth {
  readonly connectionId: string;
  readonly venue: string;
  readonly state: WsConnectionState;
  /** Why the connection last went DISCONNECTED (stopped, circuit open, attempts exhausted); null before. */
  readonly closeReason: string | null;
  /** ms the current socket has been open; 0 when none is. */
  readonly uptimeMs: number;
  /** ms summed over every socket this connection had open (current included). */
  readonly totalUptimeMs: number;
  /** Sockets that opened (first connect included). */
  readonly connects: number;
  /** Sockets that opened after a lost one (seamless replacements excluded). */
  readonly reconnects: number;
  /** Replacements opened before the old socket closed (serverShutdown, age limit). */
  readonly seamlessReconnects: number;
  /** Dials that never opened (refused, handshake error, connect timeout). */
  readonly failedAttempts: number;
  /** Dial failures since the last socket that opened; the circuit opens at the threshold. */
  readonly consecutiveFailures: number;
  readonly circuitBreaker: 'closed' | 'open';
  /** Incoming, by type: ping = server ping frames, pong = heartbeat answers, invalid = not JSON (or binary). */
  readonly received: Readonly<Record<WsReceivedType, WsTraffic>>;
  /** Outgoing, by type: pong = pong frames the socket sent for server pings. */
  readonly sent: Readonly<Record<WsSentType, WsTraffic>>;
  /** Frames that were not valid JSON text (= received.invalid.messages). */
  readonly parseErrors: number;
  /** Data frames dropped because their sequence key was already delivered. */
  readonly duplicatesDropped: number;
  /** ms since the last text message on the serving socket; null when none arrived yet. */
  readonly lastMessageAgeMs: number | null;
  readonly staleEvents: number;
  readonly pongTimeouts: number;
  readonly serverShutdowns: number;
  readonly consumerErrors: number;
  readonly subscriptionFailures: number;
  /** Currently refused topics, sorted by topic. */
  readonly failedTopics: readonly WsSubscriptionFailure[];
  /** Topics wanted and not refused, sorted. */
  readonly activeTopics: readonly string[];
  /** Count per "FROM>TO" state transition, keys sorted. */
  readonly transitions: Readonly<Record<string, number>>;
}

/** The part of the health only the connection knows (state, clocks, topics). */
export type WsConnectionStateHealth = Pick<
  WsConnectionHealth,
  | 'connectionId'
  | 'venue'
  | 'state'
  | 'closeReason'
  | 'uptimeMs'
  | 'totalUptimeMs'
  | 'consecutiveFailures'
  | 'circuitBreaker'
  | 'lastMessageAgeMs'
  | 'failedTopics'
  | 'activeTopics'
>;

function traffic(): WsTraffic {
  return { messages: 0, bytes: 0 };
}

/** The counters a connection and its sockets update in place. */
export class WsHealthCounters {
  readonly received: Record<WsReceivedType, WsTraffic> = {
    data: traffic(),
    control: traffic(),
    ping: traffic(),
    pong: traffic(),
    invalid: traffic(),
    unknown: traffic(),
  };
  readonly sent: Record<WsSentType, WsTraffic> = { control: traffic(), ping: traffic(), pong: traffic() };
  connects = 0;
  reconnects = 0;
  seamlessReconnects = 0;
  failedAttempts = 0;
  duplicatesDropped = 0;
  staleEvents = 0;
  pongTimeouts = 0;
  serverShutdowns = 0;
  consumerErrors = 0;
  subscriptionFailures = 0;
  readonly transitions = new Map<string, number>();
  private servingSinceMs: number | null = null;
  private closedUptimeMs = 0;
  private lastEndedMessageAtMs: number | null = null;

  /** A socket starts serving at `nowMs` (Timers-port ms). */
  startUptime(nowMs: number): void {
    this.servingSinceMs = nowMs;
  }

  /** The serving socket stops serving; its uptime is banked. */
  stopUptime(nowMs: number): void {
    if (this.servingSinceMs === null) return;
    this.closedUptimeMs += nowMs - this.servingSinceMs;
    this.servingSinceMs = null;
  }

  /** ms the current socket has served (0 when none) and the total including earlier sockets. */
  uptime(nowMs: number): { readonly current: number; readonly total: number } {
    const current = this.servingSinceMs === null ? 0 : nowMs - this.servingSinceMs;
    return { current, total: this.closedUptimeMs + current };
  }

  /** Remembers the last message time of a socket that ended, for lastMessageAgeMs. */
  noteEndedSocket(lastMessageAtMs: number | null): void {
    if (lastMessageAtMs !== null && (this.lastEndedMessageAtMs === null || lastMessageAtMs > this.lastEndedMessageAtMs)) {
      this.lastEndedMessageAtMs = lastMessageAtMs;
    }
  }

  get lastEndedMessageAt(): number | null {
    return this.lastEndedMessageAtMs;
  }

  countReceived(type: WsReceivedType, bytes: number): void {
    const t = this.received[type];
    t.messages++;
    t.bytes += bytes;
  }

  countSent(type: WsSentType, bytes: number): void {
    const t = this.sent[type];
    t.messages++;
    t.bytes += bytes;
  }

  countTransition(from: WsConnectionState, to: WsConnectionState): void {
    const key = `${from}>${to}`;
    this.transitions.set(key, (this.transitions.get(key) ?? 0) + 1);
  }

  /** The health value: these counters plus what only the connection knows. */
  snapshot(state: WsConnectionStateHealth): WsConnectionHealth {
    return {
      ...state,
      connects: this.connects,
      reconnects: this.reconnects,
      seamlessReconnects: this.seamlessReconnects,
      failedAttempts: this.failedAttempts,
      ...this.tables(),
      parseErrors: this.received.invalid.messages,
      duplicatesDropped: this.duplicatesDropped,
      staleEvents: this.staleEvents,
      pongTimeouts: this.pongTimeouts,
      serverShutdowns: this.serverShutdowns,
      consumerErrors: this.consumerErrors,
      subscriptionFailures: this.subscriptionFailures,
    };
  }

  /** Deep copies of the traffic tables and the transitions as a key-sorted record. */
  private tables(): Pick<WsConnectionHealth, 'received' | 'sent' | 'transitions'> {
    const copy = <K extends string>(table: Record<K, WsTraffic>): Record<K, WsTraffic> => {
      const out = {} as Record<K, WsTraffic>;
      for (const key of Object.keys(table).sort() as K[]) out[key] = { ...table[key] };
      return out;
    };
    const transitions: Record<string, number> = {};
    for (const key of [...this.transitions.keys()].sort()) transitions[key] = this.transitions.get(key) as number;
    return { received: copy(this.received), sent: copy(this.sent), transitions };
  }
}
