// Events a WsConnection reports to its listener: transitions, failures, heartbeat and frame problems.
import type { WsStateTransition } from './ws-connection-state.js';

/** A topic the venue (or a local limit) refused; it stays out of the active set until subscribed again. */
export interface WsSubscriptionFailure {
  readonly topic: string;
  /** Venue code ("2" for a Binance error frame, "SUBSCRIBE_REFUSED" for Bybit success:false) or a local one
   *  ("INVALID_TOPIC", "TOPIC_LIMIT", "TOPIC_CHARS_LIMIT"). */
  readonly code: string;
  readonly message: string;
  /** Timers-port ms. */
  readonly atMs: number;
}

export type WsConnectionEvent =
  | ({ readonly type: 'state' } & WsStateTransition)
  | { readonly type: 'reconnect-scheduled'; readonly connectionId: string; readonly attempt: number; readonly delayMs: number; readonly atMs: number }
  | ({ readonly type: 'subscription-failed'; readonly connectionId: string } & WsSubscriptionFailure)
  | { readonly type: 'subscribed'; readonly connectionId: string; readonly topics: readonly string[]; readonly atMs: number }
  | { readonly type: 'circuit-open'; readonly connectionId: string; readonly consecutiveFailures: number; readonly atMs: number }
  | { readonly type: 'stale'; readonly connectionId: string; readonly silentMs: number; readonly atMs: number }
  | { readonly type: 'pong-timeout'; readonly connectionId: string; readonly waitedMs: number; readonly atMs: number }
  | { readonly type: 'server-shutdown'; readonly connectionId: string; readonly atMs: number }
  | { readonly type: 'seamless-reconnect'; readonly connectionId: string; readonly phase: 'started' | 'completed' | 'abandoned'; readonly reason: string; readonly atMs: number }
  | { readonly type: 'frame-skipped'; readonly connectionId: string; readonly kind: 'invalid' | 'unknown'; readonly sample: string; readonly atMs: number }
  | { readonly type: 'control-error'; readonly connectionId: string; readonly code: string; readonly message: string; readonly atMs: number }
  | { readonly type: 'consumer-error'; readonly connectionId: string; readonly error: unknown; readonly atMs: number }
  | { readonly type: 'socket-error'; readonly connectionId: string; readonly message: string; readonly atMs: number };

export type WsEventListener = (event: WsConnectionEvent) => void;
