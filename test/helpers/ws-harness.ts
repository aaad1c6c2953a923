// WsHarness: a WsConnection (or redundant feed) on virtual timers against a LoopbackWsServer, recording frames and events.
import { SeededRng } from '../../src/core/random/seeded-rng.js';
import { RedundantWsFeed } from '../../src/feeds/ws/redundant-ws-feed.js';
import { WsConnection } from '../../src/feeds/ws/ws-connection.js';
import type { WsConnectionEvent } from '../../src/feeds/ws/ws-connection-events.js';
import type { WsConnectionOptions } from '../../src/feeds/ws/ws-connection-options.js';
import type { WsDataFrame, WsVenueProtocol } from '../../src/ports/ws-venue-protocol.js';
import { BinanceWsProtocol } from '../../src/venues/binance/ws/binance-ws-protocol.js';
import { BybitWsProtocol } from '../../src/venues/bybit/ws/bybit-ws-protocol.js';
import { LoopbackWsServer, type LoopbackWsServerOptions } from './loopback-ws-server.js';
import { VirtualTimers } from './virtual-timers.js';
import { waitUntil } from './wait-until.js';

export type HarnessOverrides = Partial<Omit<WsConnectionOptions, 'protocol' | 'timers' | 'onData' | 'listener'>>;

export class WsHarness {
  readonly timers = new VirtualTimers();
  readonly frames: WsDataFrame[] = [];
  readonly events: WsConnectionEvent[] = [];
  private feed: RedundantWsFeed | null = null;
  private conn: WsConnection | null = null;

  private constructor(
    readonly server: LoopbackWsServer,
    readonly protocol: WsVenueProtocol,
  ) {}

  /** Starts a loopback server and builds the matching protocol (Binance: url + "/stream"). */
  static async create(options: LoopbackWsServerOptions): Promise<WsHarness> {
    const server = await LoopbackWsServer.start(options);
    const protocol =
      options.venue === 'binance'
        ? new BinanceWsProtocol({ url: `${server.url}/stream` })
        : new BybitWsProtocol({ category: options.bybitCategory ?? 'linear', url: `${server.url}/v5/public/${options.bybitCategory ?? 'linear'}` });
    return new WsHarness(server, protocol);
  }

  connection(overrides: HarnessOverrides = {}, protocol: WsVenueProtocol = this.protocol): WsConnection {
    this.conn = new WsConnection({
      rng: new SeededRng('ws-test').fork('ws-backoff'),
      ...overrides,
      protocol,
      timers: this.timers,
      onData: (f) => this.frames.push(f),
      listener: (e) => this.events.push(e),
    });
    return this.conn;
  }

  redundant(connections: number, overrides: HarnessOverrides = {}): RedundantWsFeed {
    this.feed = new RedundantWsFeed({
      rng: new SeededRng('ws-test'),
      ...overrides,
      connections,
      protocol: this.protocol,
      timers: this.timers,
      onData: (f) => this.frames.push(f),
      listener: (e) => this.events.push(e),
    });
    return this.feed;
  }

  /** State of the single connection built by connection(). */
  connectionState(): string {
    if (this.conn === null) throw new Error('no connection built');
    return this.conn.state;
  }

  /** Events of one type, typed. */
  eventsOf<T extends WsConnectionEvent['type']>(type: T): Extract<WsConnectionEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<WsConnectionEvent, { type: T }> => e.type === type);
  }

  /** "FROM>TO" of every state event, in order. */
  transitions(connectionId?: string): string[] {
    return this.eventsOf('state')
      .filter((e) => connectionId === undefined || e.connectionId === connectionId)
      .map((e) => `${e.from}>${e.to}`);
  }

  /** Sequence ids of the delivered frames (Binance depth `u`, Bybit orderbook `u`). */
  deliveredSeqs(): number[] {
    return this.frames.map((f) => {
      const m = f.message as { data?: { u?: number } };
      return m.data?.u ?? -1;
    });
  }

  async waitFor(condition: () => boolean, what: string): Promise<void> {
    await waitUntil(condition, what);
  }

  /** Waits until client `id` has received `count` text messages. */
  async waitForReceived(id: number, count: number): Promise<void> {
    await waitUntil(() => (this.server.clients[id - 1]?.received.length ?? 0) >= count, `client ${id} to receive ${count} messages`);
  }

  /** Stops whatever was built, then the server. */
  async close(): Promise<void> {
    await this.feed?.stop();
    await this.conn?.stop();
    await this.server.close();
  }
}
