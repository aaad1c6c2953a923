// Connection states of the WebSocket adapter and the record of one transition between them.

/**
 * DISCONNECTED: idle (before start, after stop, or given up: circuit open / attempts exhausted).
 * CONNECTING: a socket is being dialled. CONNECTED: a socket is open and serving.
 * RECONNECTING: the socket was lost or a dial failed; waiting out the backoff delay.
 * CLOSING: stop() was called; waiting for the socket(s) to close.
 */
export type WsConnectionState = 'DISCONNECTED' | 'CONNECTING' | 'CONNECTED' | 'RECONNECTING' | 'CLOSING';

export interface WsStateTransition {
  readonly connectionId: string;
  readonly from: WsConnectionState;
  readonly to: WsConnectionState;
  /** Why, in words ("opened", "stale: no message for 60000 ms", "circuit open after 10 consecutive failed connection attempts"). */
  readonly reason: string;
  /** Timers-port ms. */
  readonly atMs: number;
}
