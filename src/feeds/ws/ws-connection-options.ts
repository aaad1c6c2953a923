// Options of a WsConnection, their defaults (with units) and validation at construction.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { Rng } from '../../ports/rng.js';
import { DEFAULT_BACKOFF, validateBackoff, type BackoffSettings } from './reconnect-backoff.js';
import type { SequenceDeduplicator } from './sequence-deduplicator.js';
import type { Timers } from '../../ports/timers.js';
import type { WsEventListener } from './ws-connection-events.js';
import type { WsSocketFactory } from './ws-socket-factory.js';
import type { WsDataFrame, WsVenueProtocol } from '../../ports/ws-venue-protocol.js';

export interface WsConnectionOptions {
  readonly protocol: WsVenueProtocol;
  readonly timers: Timers;
  /** Jitter draws for the backoff; pass a dedicated fork, e.g. rng.fork('ws-backoff'). */
  readonly rng: Rng;
  /** Receives every data frame (after deduplication). */
  readonly onData: (frame: WsDataFrame) => void;
  /** Receives transitions, failures and warnings. @default none */
  readonly listener?: WsEventListener;
  /** @default a ws client socket */
  readonly socketFactory?: WsSocketFactory;
  /** Name in events and health. @default "ws-1" */
  readonly id?: string;
  /** @default 1 s, 30 s cap, ±20 % jitter */
  readonly backoff?: Partial<BackoffSettings>;
  /** Reconnect attempts without a stable connection before giving up. @default Infinity (unlimited) */
  readonly maxReconnectAttempts?: number;
  /** Consecutive failed dials that open the circuit (→ DISCONNECTED). @default 10 */
  readonly circuitBreakerThreshold?: number;
  /** ms a dial may take to open. @default 10000 */
  readonly connectTimeoutMs?: number;
  /** ms without any text message before the socket is declared stale; 0 disables. @default 60000 */
  readonly staleAfterMs?: number;
  /** ms to wait for the answer to a client ping (Bybit). @default 10000 */
  readonly pongTimeoutMs?: number;
  /** ms a socket must stay open before the backoff restarts at its first delay. @default 30000 */
  readonly stableAfterMs?: number;
  /** ms before the venue's connection age limit at which a seamless replacement starts. @default 600000 */
  readonly rotateBeforeAgeLimitMs?: number;
  /** ms a seamless replacement may take to get ready before it is promoted anyway. @default 10000 */
  readonly seamlessReadyTimeoutMs?: number;
  /** ms stop() waits for the closing handshake before terminating. @default 2000 */
  readonly closeTimeoutMs?: number;
  /** Shared across connections of a redundant feed; a private one otherwise. */
  readonly deduplicator?: SequenceDeduplicator;
}

export interface ResolvedWsConnectionSettings {
  readonly id: string;
  readonly backoff: BackoffSettings;
  readonly maxReconnectAttempts: number;
  readonly circuitBreakerThreshold: number;
  readonly connectTimeoutMs: number;
  readonly staleAfterMs: number;
  readonly pongTimeoutMs: number;
  readonly stableAfterMs: number;
  readonly rotateBeforeAgeLimitMs: number;
  readonly seamlessReadyTimeoutMs: number;
  readonly closeTimeoutMs: number;
}

function nonNegativeInteger(name: string, value: number, min = 0): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new ShadowExecError('E_CONFIG', `ws ${name} must be an integer ≥ ${min}, got ${value}`);
  }
  return value;
}

export function resolveWsConnectionSettings(o: WsConnectionOptions): ResolvedWsConnectionSettings {
  const attempts = o.maxReconnectAttempts ?? Number.POSITIVE_INFINITY;
  if (attempts !== Number.POSITIVE_INFINITY) nonNegativeInteger('maxReconnectAttempts', attempts, 1);
  return {
    id: o.id ?? 'ws-1',
    backoff: validateBackoff({ ...DEFAULT_BACKOFF, ...o.backoff }),
    maxReconnectAttempts: attempts,
    circuitBreakerThreshold: nonNegativeInteger('circuitBreakerThreshold', o.circuitBreakerThreshold ?? 10, 1),
    connectTimeoutMs: nonNegativeInteger('connectTimeoutMs', o.connectTimeoutMs ?? 10_000, 1),
    staleAfterMs: nonNegativeInteger('staleAfterMs', o.staleAfterMs ?? 60_000),
    pongTimeoutMs: nonNegativeInteger('pongTimeoutMs', o.pongTimeoutMs ?? 10_000, 1),
    stableAfterMs: nonNegativeInteger('stableAfterMs', o.stableAfterMs ?? 30_000),
    rotateBeforeAgeLimitMs: nonNegativeInteger('rotateBeforeAgeLimitMs', o.rotateBeforeAgeLimitMs ?? 600_000),
    seamlessReadyTimeoutMs: nonNegativeInteger('seamlessReadyTimeoutMs', o.seamlessReadyTimeoutMs ?? 10_000, 1),
    closeTimeoutMs: nonNegativeInteger('closeTimeoutMs', o.closeTimeoutMs ?? 2_000, 1),
  };
}
