// LiveFeed: the MarketDataFeed of a venue's public WebSocket — frames from N redundant connections through the shared FramePipeline, books kept in sync by REST snapshots (Binance) or resubscription (Bybit).
//
// Rules (stated):
// - Time: each frame (and each REST snapshot body) is stamped with the live clock's time when it is
//   handed over (monotone wall ms); the pipeline delivers its events at that time. `next()` returns
//   null when nothing is waiting: the feed is open-ended, and `wake()` of the observer says when
//   events (or the end) arrived.
// - Redundancy: every connection carries every topic; frames with a venue sequence key are delivered
//   once (RedundantWsFeed), so a lost connection loses nothing while another one is up.
// - Book sync, Binance: a depth delta that finds its book unsynced (first delta, gap, too-old snapshot,
//   crossed book) asks for `GET <depth path>?symbol=…&limit=1000` on the REST base (one in flight per
//   symbol, backoff while it stays unsynced, DepthSnapshotFetcher); the body goes through the pipeline
//   like a replay `rest` record. Bybit: a sync loss unsubscribes and resubscribes the symbol's
//   orderbook topic, whose first push is a fresh snapshot (bybit-exchange/docs
//   docs/v5/websocket/public/orderbook.mdx: "Once you have subscribed successfully, you will receive a snapshot").
// - Reconnects: the parser's per-connection state (merged Bybit tickers) is reset when a connection
//   comes up while no other one is; Binance depth continuity is checked by the book sync (a gap refetches).
// - End: when every connection has given up (circuit breaker open after N failed dials, or attempts
//   exhausted) the feed has failed: `failure` says why and the observer is woken.
import type { EmptyIntervalRule } from '../../core/market/bar-buffer.js';
import type { BookSyncOutcome } from '../../core/market/book-sync-outcome.js';
import type { MarketDataEvent } from '../../core/model/market-data-event.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { Clock } from '../../ports/clock.js';
import type { BookView } from '../../ports/book-view.js';
import type { Rng } from '../../ports/rng.js';
import { FramePipeline } from '../pipeline/frame-pipeline.js';
import type { ReplayMarket, ReplayVenue } from '../replay/replay-format.js';
import type { ReplayBookSync, ReplayVenueKit } from '../../ports/replay-venue-kit.js';
import { RedundantWsFeed, type RedundantWsFeedOptions } from '../ws/redundant-ws-feed.js';
import type { Timers } from '../../ports/timers.js';
import type { WsConnectionEvent } from '../ws/ws-connection-events.js';
import type { WsDataFrame, WsVenueProtocol } from '../../ports/ws-venue-protocol.js';
import { DepthSnapshotFetcher, type HttpGet } from './depth-snapshot-fetcher.js';
import { websocketHealthJson } from './live-health.js';
import { noDataCause } from './no-data-cause.js';
import { gaveUp, wsEventLine } from './ws-event-line.js';
import type { LiveFeedObserver, LiveMarketFeed } from './live-market-feed.js';

export type { LiveFeedObserver } from './live-market-feed.js';

/** Connection tuning a live run may override (tests: fast backoff, a low circuit threshold). */
export type LiveWsTuning = Partial<
  Pick<RedundantWsFeedOptions, 'backoff' | 'circuitBreakerThreshold' | 'maxReconnectAttempts' | 'connectTimeoutMs' | 'staleAfterMs' | 'socketFactory'>
>;

export interface LiveFeedSettings {
  readonly venue: ReplayVenue;
  readonly market: ReplayMarket;
  readonly protocol: WsVenueProtocol;
  /** Topics every connection subscribes. */
  readonly topics: readonly string[];
  readonly kit: ReplayVenueKit;
  /** Symbols the run trades: only their events are delivered. */
  readonly tradedSymbols: readonly string[];
  /** Bar lengths (ms) built from trades. */
  readonly barResolutionsMs: readonly number[];
  /** @default 'skip' */
  readonly emptyBars?: EmptyIntervalRule;
  /** Parallel connections (--ws-connections, 1..16). */
  readonly connections: number;
  readonly timers: Timers;
  /** Receive-time stamps: the live run's clock (monotone wall ms). */
  readonly clock: Clock;
  /** Backoff jitter draws. */
  readonly rng: Rng;
  /** Binance: where depth snapshots come from; null on Bybit. */
  readonly snapshots: { readonly restUrl: string; readonly requestLine: (symbol: string) => string; readonly get?: HttpGet } | null;
  /** Bybit: the orderbook topic of a symbol, resubscribed after a sync loss. */
  readonly bookTopic?: (symbol: string) => string;
  readonly ws?: LiveWsTuning;
}

const NO_OBSERVER: LiveFeedObserver = { wake: () => undefined, log: () => undefined };

export class LiveFeed implements LiveMarketFeed {
  readonly kind: string;
  readonly expectedUpdates = null;
  private readonly pipeline: FramePipeline;
  private readonly ws: RedundantWsFeed;
  private readonly fetcher: DepthSnapshotFetcher | null;
  private observer: LiveFeedObserver = NO_OBSERVER;
  private inputs = 0;
  private parkedFlag = false;
  private started = false;
  private stopped = false;
  private closing: Promise<void> | null = null;
  private failureReason: string | null = null;
  /** The latest reason a connection was lost or gave up ("connection refused by …", "HTTP 503 on the WebSocket upgrade …"). */
  private lastLoss: string | null = null;
  private endReason: string | null = null;
  /** Bybit symbols whose orderbook topic was resubscribed and whose snapshot has not come yet. */
  private readonly resubscribing = new Set<string>();
  private readonly resubscribes = new Map<string, number>();

  constructor(private readonly settings: LiveFeedSettings) {
    this.kind = `live:${settings.venue} ${settings.market}`;
    this.pipeline = new FramePipeline({
      kit: settings.kit,
      tradedSymbols: settings.tradedSymbols,
      barResolutionsMs: settings.barResolutionsMs,
      emptyBars: settings.emptyBars ?? 'skip',
      startMs: 0,
      onBookOutcome: (symbol, outcome, sync) => this.onBookOutcome(symbol, outcome, sync),
    });
    this.ws = new RedundantWsFeed({
      ...settings.ws,
      protocol: settings.protocol,
      timers: settings.timers,
      rng: settings.rng,
      connections: settings.connections,
      onData: (frame) => this.onFrame(frame),
      listener: (event) => this.onWsEvent(event),
    });
    const snapshots = settings.snapshots;
    this.fetcher =
      snapshots === null
        ? null
        : new DepthSnapshotFetcher({
            restUrl: snapshots.restUrl,
            requestLine: snapshots.requestLine,
            timers: settings.timers,
            clock: settings.clock,
            ...(snapshots.get === undefined ? {} : { get: snapshots.get }),
            onSnapshot: (_symbol, request, body, t) => this.onRest(request, body, t),
            onFailure: (symbol, message) => this.observer.log(`${symbol} depth snapshot failed (${message}); retrying`),
          });
  }

  /** The WebSocket URL every connection dials. */
  get url(): string {
    return this.settings.protocol.url;
  }

  /** The clock stamping receive times: a live session runs on the same one. */
  get clock(): Clock {
    return this.settings.clock;
  }

  get timers(): Timers {
    return this.settings.timers;
  }

  setObserver(observer: LiveFeedObserver): void {
    this.observer = observer;
  }

  /** Nothing to set up before the first dial. */
  open(): Promise<void> {
    return Promise.resolve();
  }

  /** Dials every connection and subscribes the topics. Idempotent. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.ws.subscribe(this.settings.topics);
    this.ws.start();
  }

  next(): MarketDataEvent | null {
    const event = this.stopped ? null : this.pipeline.take();
    this.parkedFlag = event === null;
    return event;
  }

  /**
   * True when the last next() found nothing: the loop stopped pulling and must be asked to pull
   * again (ExecutionLoop.start) once `waiting` > 0.
   */
  get parked(): boolean {
    return this.parkedFlag;
  }

  /** Events delivered by the pipeline and not yet taken. */
  get waiting(): number {
    return this.stopped ? 0 : this.pipeline.waiting;
  }

  /** Why the feed failed (every connection gave up), or null. */
  get failure(): string | null {
    return this.failureReason;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.fetcher?.stop();
    this.closing = this.ws.stop('run stopped');
  }

  /** Resolves once every connection is closed (after stop()). */
  closed(): Promise<void> {
    return this.closing ?? Promise.resolve();
  }

  /** The pipeline's synced books (BookView), as of the latest frame read. */
  get book(): BookView {
    return this.pipeline;
  }

  /** Records why the run ended (duration, interrupted, feed failure) for the health report. */
  noteEnd(reason: string): void {
    this.endReason ??= reason;
  }

  /**
   * The run ended (its duration passed) without one market update for a traded symbol: the feed failed too. Sets
   * and returns `failure`, naming what was seen: the last connection error, or frames that carried nothing usable.
   */
  noteNoData(waitedMs: number): string {
    const connected = this.ws.connections.some((c) => c.health().connects > 0);
    const frames = { count: this.pipeline.counters.frames, usableFor: this.settings.tradedSymbols.join(',') };
    this.failureReason ??= `no market data in ${waitedMs} ms; ${noDataCause(this.lastLoss, connected, frames)}`;
    return this.failureReason;
  }

  health(): JsonValue {
    const base = this.pipeline.health() as Record<string, JsonValue>;
    const books = Object.values(base['books'] as Record<string, { gaps: number; stale_snapshots: number; crossed: number; resyncs: number }>);
    const resubscribes: Record<string, number> = {};
    for (const symbol of [...this.resubscribes.keys()].sort()) resubscribes[symbol] = this.resubscribes.get(symbol)!;
    return {
      ...base,
      live: {
        venue: this.settings.venue,
        market: this.settings.market,
        url: this.settings.protocol.url,
        topics: [...this.settings.topics].sort(),
        end_reason: this.endReason,
        failure: this.failureReason,
        sequence_gaps: books.reduce((n, b) => n + b.gaps + b.stale_snapshots, 0),
        crossed_books: books.reduce((n, b) => n + b.crossed, 0),
        resyncs: books.reduce((n, b) => n + b.resyncs, 0),
        snapshots: this.fetcher?.stats() ?? null,
        resubscribes,
        websocket: websocketHealthJson(this.ws.health()),
      },
    };
  }

  private onFrame(frame: WsDataFrame): void {
    if (this.stopped) return;
    const t = this.received(this.settings.clock.now());
    this.pipeline.frame(frame.text, t, ++this.inputs + 1);
    if (this.pipeline.waiting > 0) this.observer.wake();
  }

  /** A frame the connection could not use (not JSON, binary, unknown): market_data counts and samples it like the parser's own. */
  private onSkipped(kind: 'invalid' | 'unknown', sample: string): void {
    const t = this.received(this.settings.clock.now());
    this.pipeline.skipped(kind === 'invalid' ? 'invalid-json' : 'unknown', sample, t, ++this.inputs + 1);
    if (this.pipeline.waiting > 0) this.observer.wake();
  }

  /** A REST depth body through the pipeline: null when it was read as a snapshot, else why not (a failed fetch). */
  private onRest(request: string, body: string, receivedAtMs: number): string | null {
    if (this.stopped) return null;
    const t = this.received(receivedAtMs);
    const refused = this.pipeline.rest(request, body, t, ++this.inputs + 1);
    if (this.pipeline.waiting > 0) this.observer.wake();
    return refused;
  }

  /** Notes an input's receive time (first and last, for the health report); inputs are numbered like the lines of a recording (header = 1). */
  private received(t: number): number {
    const counters = this.pipeline.counters;
    counters.firstRecordMs ??= t;
    counters.lastRecordMs = t;
    return t;
  }

  private onBookOutcome(symbol: string, outcome: BookSyncOutcome, sync: ReplayBookSync): void {
    if (outcome.kind === 'gap') this.observer.log(`${symbol} book sync lost (${outcome.reason}: expected ${outcome.expected}, received ${outcome.received})`);
    else if (outcome.kind === 'crossed') this.observer.log(`${symbol} book crossed (bid ${outcome.bidTicks} ≥ ask ${outcome.askTicks} ticks): resyncing`);
    if (sync.state === 'synced') {
      if (outcome.kind !== 'resynced') return;
      this.fetcher?.synced(symbol);
      this.resubscribing.delete(symbol);
      this.observer.log(`${symbol} book synced at update id ${outcome.updateId}`);
      return;
    }
    if (this.stopped) return;
    if (this.fetcher !== null) {
      this.fetcher.request(symbol);
      return;
    }
    const topic = this.settings.bookTopic?.(symbol);
    if (sync.state !== 'needs-resync' || topic === undefined || this.resubscribing.has(symbol)) return;
    // Bybit: a fresh subscription starts with a snapshot.
    this.resubscribing.add(symbol);
    this.resubscribes.set(symbol, (this.resubscribes.get(symbol) ?? 0) + 1);
    this.ws.unsubscribe([topic]);
    this.ws.subscribe([topic]);
  }

  private onWsEvent(event: WsConnectionEvent): void {
    if (event.type === 'state' && event.to === 'CONNECTED') {
      // A connection came up while no other one serves: forget per-connection parser state (merged tickers).
      if (this.ws.connections.every((c) => c.connectionId === event.connectionId || c.state !== 'CONNECTED')) this.settings.kit.parser.reset();
    }
    if (event.type === 'state' && (event.to === 'RECONNECTING' || gaveUp(event))) this.lastLoss = event.reason;
    if (event.type === 'frame-skipped' && !this.stopped) this.onSkipped(event.kind, event.sample);
    const line = wsEventLine(event, this.settings.protocol.url);
    if (line !== null) this.observer.log(line);
    if (gaveUp(event) && !this.stopped) this.checkFailed(event.reason);
  }

  /** Every connection gave up: the feed failed. */
  private checkFailed(reason: string): void {
    if (this.ws.connections.some((c) => c.state !== 'DISCONNECTED')) return;
    this.failureReason = reason;
    this.observer.wake();
  }
}
