// StreamLiveFeed: the live MarketDataFeed of a venue whose own client library streams its public data (VenueModule.streams, ccxt's watch* loops) — its normalized records through the FramePipeline exactly as a normalized replay's.
//
// Rules (stated):
// - Path: each record the streams hand over goes through the same normalized mapper, book sync, top of book and bar
//   buffer as a record of a normalized replay (version 2), at t = floor(local_us / 1000), the record's receive time on
//   the live clock. So a live run and the replay of a recording of the same messages at the same receive times deliver
//   the same events at the same times.
// - Time: records come in non-decreasing local_us (the streams stamp them with the live clock, never going back).
// - End: the streams fail (a stream failed too often in a row) → `failure` says why and the observer is woken; stop()
//   closes the library's connections.
import type { EmptyIntervalRule } from '../../core/market/bar-buffer.js';
import type { MarketDataEvent } from '../../core/model/market-data-event.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { BookView } from '../../ports/book-view.js';
import type { Clock } from '../../ports/clock.js';
import type { Timers } from '../../ports/timers.js';
import type { NormalizedStream } from '../../venues/venue-module.js';
import { FramePipeline } from '../pipeline/frame-pipeline.js';
import { recordT } from '../replay/normalized-record.js';
import type { NormalizedReplayKit } from '../replay/normalized-replay-kit.js';
import type { LiveFeedObserver, LiveMarketFeed } from './live-market-feed.js';

export interface StreamLiveFeedSettings {
  readonly venue: string;
  readonly market: string;
  /** The --ws-url given, or how the library's own URLs are named. */
  readonly url: string;
  /** Stream kinds opened per symbol ("book", "trades"). */
  readonly kinds: readonly string[];
  /** Opens the library's streams (they start at once); UsageError for a symbol or kind the venue cannot stream. */
  readonly open: (log: (line: string) => void) => Promise<NormalizedStream>;
  /** The normalized mapper and book syncs over the traded instruments' grids (normalizedReplayKit). */
  readonly kit: NormalizedReplayKit;
  readonly tradedSymbols: readonly string[];
  readonly barResolutionsMs: readonly number[];
  /** @default 'skip' */
  readonly emptyBars?: EmptyIntervalRule;
  readonly clock: Clock;
  readonly timers: Timers;
}

const NO_OBSERVER: LiveFeedObserver = { wake: () => undefined, log: () => undefined };

export class StreamLiveFeed implements LiveMarketFeed {
  readonly kind: string;
  readonly expectedUpdates = null;
  private readonly pipeline: FramePipeline;
  private observer: LiveFeedObserver = NO_OBSERVER;
  private stream: NormalizedStream | null = null;
  private draining: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  private inputs = 0;
  private parkedFlag = false;
  private stopped = false;
  private failureReason: string | null = null;
  private endReason: string | null = null;

  constructor(private readonly settings: StreamLiveFeedSettings) {
    this.kind = `live:${settings.venue} ${settings.market}`;
    this.pipeline = new FramePipeline({
      kit: settings.kit.kit,
      normalized: settings.kit.mapper,
      tradedSymbols: settings.tradedSymbols,
      barResolutionsMs: settings.barResolutionsMs,
      emptyBars: settings.emptyBars ?? 'skip',
      startMs: 0,
    });
  }

  get url(): string {
    return this.settings.url;
  }

  get clock(): Clock {
    return this.settings.clock;
  }

  get timers(): Timers {
    return this.settings.timers;
  }

  get book(): BookView {
    return this.pipeline;
  }

  setObserver(observer: LiveFeedObserver): void {
    this.observer = observer;
  }

  async open(): Promise<void> {
    if (this.stream !== null || this.stopped) return;
    this.stream = await this.settings.open((line) => this.observer.log(line));
  }

  /** Starts moving the streams' records into the pipeline (the streams themselves run from open()). Idempotent. */
  start(): void {
    if (this.draining !== null || this.stream === null || this.stopped) return;
    this.draining = this.drain(this.stream);
  }

  next(): MarketDataEvent | null {
    const event = this.stopped ? null : this.pipeline.take();
    this.parkedFlag = event === null;
    return event;
  }

  get parked(): boolean {
    return this.parkedFlag;
  }

  get waiting(): number {
    return this.stopped ? 0 : this.pipeline.waiting;
  }

  get failure(): string | null {
    return this.failureReason;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.closing = this.stream?.close() ?? Promise.resolve();
  }

  /** Resolves once the library closed its connections (the drain ends on its own: a closed stream's next() gives []). */
  async closed(): Promise<void> {
    await this.closing;
  }

  noteEnd(reason: string): void {
    this.endReason ??= reason;
  }

  noteNoData(waitedMs: number): string {
    const records = this.pipeline.counters.records;
    const error = this.stream?.lastError() ?? null;
    const cause = records === 0 ? `the streams delivered no record${error === null ? '' : ` (last error: ${error})`}` : `${records} records came, none a market update of ${this.settings.tradedSymbols.join(',')}`;
    this.failureReason ??= `no market data in ${waitedMs} ms; ${cause}`;
    return this.failureReason;
  }

  health(): JsonValue {
    return {
      ...(this.pipeline.health() as Record<string, JsonValue>),
      live: {
        venue: this.settings.venue,
        market: this.settings.market,
        url: this.settings.url,
        streams: [...this.settings.kinds],
        end_reason: this.endReason,
        failure: this.failureReason,
        library: this.stream?.health() ?? null,
      },
    };
  }

  /** Hands every batch of records to the pipeline until the streams end, fail or the feed stops. */
  private async drain(stream: NormalizedStream): Promise<void> {
    while (!this.stopped) {
      const records = await stream.next();
      if (this.stopped) return;
      for (const record of records) {
        const t = recordT(record);
        const counters = this.pipeline.counters;
        counters.firstRecordMs ??= t;
        counters.lastRecordMs = t;
        // Positions count like the lines of a recording (header = 1).
        this.pipeline.normalized(record, t, ++this.inputs + 1);
      }
      if (this.pipeline.waiting > 0) this.observer.wake();
      const failure = stream.failure();
      if (failure !== null) {
        this.failureReason ??= failure;
        this.observer.wake();
        return;
      }
      if (records.length === 0) return;
    }
  }
}
