// RedundantWsFeed: N WsConnections with the same subscriptions whose data frames are deduplicated by venue sequence key.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { DEFAULT_DEDUP_WINDOW, SequenceDeduplicator } from './sequence-deduplicator.js';
import { WsConnection } from './ws-connection.js';
import type { WsConnectionOptions } from './ws-connection-options.js';
import type { WsConnectionHealth } from './ws-health.js';

export interface RedundantWsFeedOptions extends Omit<WsConnectionOptions, 'id' | 'deduplicator'> {
  /** Parallel connections (--ws-connections). @default 1 */
  readonly connections?: number;
  /** Connection ids are "<idPrefix>-1" … "<idPrefix>-N". @default "ws" */
  readonly idPrefix?: string;
  /** Sequence keys remembered for deduplication. @default 65536 */
  readonly dedupWindow?: number;
}

export interface RedundantWsFeedHealth {
  /** Connections that are CONNECTED now. */
  readonly connected: number;
  /** Data frames delivered to the consumer (after deduplication). */
  readonly delivered: number;
  /** Frames dropped as duplicates, summed over connections. */
  readonly duplicatesDropped: number;
  /** Per connection, in id order. */
  readonly connections: readonly WsConnectionHealth[];
}

/**
 * Every connection subscribes to every topic and delivers through one shared deduplicator: a
 * frame with a sequence key reaches the consumer once, from whichever connection got it first,
 * so a frame is lost only if every connection missed it. Frames without a key (klines, tickers
 * without `cs`…) pass from every connection: consumers must treat them as idempotent snapshots.
 * Each connection draws its backoff jitter from its own rng fork ("conn-<i>").
 */
export class RedundantWsFeed {
  readonly connections: readonly WsConnection[];
  private deliveredCount = 0;

  constructor(options: RedundantWsFeedOptions) {
    const n = options.connections ?? 1;
    if (!Number.isSafeInteger(n) || n < 1 || n > 16) {
      throw new ShadowExecError('E_CONFIG', `ws connections must be an integer in [1, 16], got ${n}`);
    }
    const prefix = options.idPrefix ?? 'ws';
    const deduplicator = new SequenceDeduplicator(options.dedupWindow ?? DEFAULT_DEDUP_WINDOW);
    const onData = options.onData;
    const conns: WsConnection[] = [];
    for (let i = 1; i <= n; i++) {
      conns.push(
        new WsConnection({
          ...options,
          id: `${prefix}-${i}`,
          rng: options.rng.fork(`conn-${i}`),
          deduplicator,
          onData: (frame) => {
            this.deliveredCount++;
            onData(frame);
          },
        }),
      );
    }
    this.connections = conns;
  }

  start(): void {
    for (const c of this.connections) c.start();
  }

  /** Stops every connection; resolves when all are DISCONNECTED. */
  async stop(reason = 'stopped'): Promise<void> {
    await Promise.all(this.connections.map((c) => c.stop(reason)));
  }

  subscribe(topics: readonly string[]): void {
    for (const c of this.connections) c.subscribe(topics);
  }

  unsubscribe(topics: readonly string[]): void {
    for (const c of this.connections) c.unsubscribe(topics);
  }

  health(): RedundantWsFeedHealth {
    const connections = this.connections.map((c) => c.health());
    return {
      connected: connections.filter((h) => h.state === 'CONNECTED').length,
      delivered: this.deliveredCount,
      duplicatesDropped: connections.reduce((sum, h) => sum + h.duplicatesDropped, 0),
      connections,
    };
  }
}
