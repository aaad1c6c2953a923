// WsSessionHost: what a socket session needs from the connection that owns it (ports, settings, callbacks).
import type { Timers } from '../../ports/timers.js';
import type { WsConnectionEvent } from './ws-connection-events.js';
import type { WsHealthCounters } from './ws-health.js';
import type { WsSocketFactory } from './ws-socket-factory.js';
import type { WsVenueProtocol } from '../../ports/ws-venue-protocol.js';

export interface WsSessionSettings {
  /** A dial not open after this many ms is abandoned as a failed attempt. */
  readonly connectTimeoutMs: number;
  /** No text message for this many ms → stale → reconnect; 0 disables. */
  readonly staleAfterMs: number;
  /** A client ping not answered within this many ms → terminate → reconnect. */
  readonly pongTimeoutMs: number;
}

/** `S` is the session type the host owns (WsSession): the session passes itself to each callback, so this contract does not import the session class. */
export interface WsSessionHost<S> {
  readonly connectionId: string;
  readonly protocol: WsVenueProtocol;
  readonly timers: Timers;
  readonly socketFactory: WsSocketFactory;
  readonly counters: WsHealthCounters;
  readonly settings: WsSessionSettings;
  /** Request ids are unique over the connection's life, across sockets. */
  nextRequestId(): number;
  emit(event: WsConnectionEvent): void;
  onSessionOpen(session: S): void;
  /** The socket is gone (closed, failed, timed out) without the host asking; called once. */
  onSessionEnded(session: S, reason: string): void;
  onSessionData(session: S, text: string, message: unknown, receivedAtMs: number): void;
  onSessionSubscribed(session: S, topics: readonly string[]): void;
  onSessionRefused(session: S, topics: readonly string[], code: string, message: string): void;
  onSessionShutdown(session: S): void;
  /** Open and every subscribe sent so far answered; called once per session. */
  onSessionReady(session: S): void;
}
