// ReplayFeed: the MarketDataFeed of a replay file — its records, read one at a time, through the venue parser, books and bar buffer, into time-ordered events.
//
// Rules: those of FramePipeline (src/feeds/pipeline/frame-pipeline.ts) — receive-time stamping, book
// tops as the only quote source once a symbol has book events, gaps, untraded and unknown symbols, bars
// from trades — plus, for a file (docs/replay-format.md describes it):
// - Time: `t` never decreases in a valid file, so the virtual clock is monotone and the run does not
//   depend on venue clocks.
// - Gaps: a replay cannot resubscribe or fetch a snapshot: after a sync loss the symbol's quotes stop
//   until the file holds a snapshot that resyncs it (Binance: a later `rest` depth record; Bybit: a
//   later snapshot frame).
// - Clock start / end: records before `startMs` warm books and bars up without delivering anything
//   (counted); reading stops before the first record with `t` ≥ `endMs`.
import type { EmptyIntervalRule } from '../../core/market/bar-buffer.js';
import type { MarketDataEvent } from '../../core/model/market-data-event.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { BookView } from '../../ports/book-view.js';
import type { MarketDataFeed } from '../../ports/market-data-feed.js';
import { FramePipeline } from '../pipeline/frame-pipeline.js';
import type { ReplayHeader } from './replay-format.js';
import type { ReplayHealth } from './replay-health.js';
import type { ReplayRecordSource } from './replay-record-source.js';
import type { ReplayVenueKit } from '../../ports/replay-venue-kit.js';
import type { NormalizedEventMapper } from './normalized-event-mapper.js';

export interface ReplayFeedSettings {
  /** Shown as the feed kind `replay:<label>` (the file path as given). */
  readonly label: string;
  readonly header: ReplayHeader;
  /** The records in file order, read as the feed needs them (a file stream: the file is never held whole). */
  readonly records: ReplayRecordSource;
  /** `t` of the file's first and last records (from the validating scan); null for a file without records. */
  readonly firstRecordMs: number | null;
  readonly lastRecordMs: number | null;
  readonly kit: ReplayVenueKit;
  /** The record mapper of a normalized file (version 2, `"data":"normalized"`); absent for frames. */
  readonly normalized?: NormalizedEventMapper;
  /** Symbols the run trades: only their events are delivered. */
  readonly tradedSymbols: readonly string[];
  /** Bar lengths (ms) built from trades; empty: no bars from trades. */
  readonly barResolutionsMs: readonly number[];
  /** @default 'skip' */
  readonly emptyBars?: EmptyIntervalRule;
  /** Virtual clock start: events before it are not delivered (warm-up). */
  readonly startMs: number;
  /** Records with t ≥ endMs are not read; null: read to the end of the file. */
  readonly endMs: number | null;
}

export class ReplayFeed implements MarketDataFeed {
  readonly kind: string;
  readonly expectedUpdates = null;
  private readonly pipeline: FramePipeline;
  private stopped = false;
  /** The source is exhausted, or its next record is past endMs. */
  private ended = false;
  /** Frame records are read in place (no frame text made) when the source can hand them so and the parser read them there. */
  private readonly inPlace: boolean;

  constructor(private readonly settings: ReplayFeedSettings) {
    this.kind = `replay:${settings.label}`;
    this.pipeline = new FramePipeline({
      kit: settings.kit,
      tradedSymbols: settings.tradedSymbols,
      barResolutionsMs: settings.barResolutionsMs,
      emptyBars: settings.emptyBars ?? 'skip',
      startMs: settings.startMs,
      ...(settings.normalized === undefined ? {} : { normalized: settings.normalized }),
    });
    this.inPlace = settings.records.nextInPlace !== undefined && settings.kit.parser.parseLiteral !== undefined;
    this.counters.firstRecordMs = settings.firstRecordMs;
    this.counters.lastRecordMs = settings.lastRecordMs;
  }

  /** The pipeline's synced books (BookView), as of the latest record read. */
  get book(): BookView {
    return this.pipeline;
  }

  /** Counters behind health(); read them directly in tests. */
  get counters(): ReplayHealth {
    return this.pipeline.counters;
  }

  next(): MarketDataEvent | null {
    for (;;) {
      const event = this.pipeline.take();
      if (event !== null) return event;
      if (this.stopped || !this.readRecord()) return null;
    }
  }

  stop(): void {
    this.stopped = true;
    this.settings.records.close();
  }

  /** The replay's health so far (records, frame classes, events, books, bars) for the report's market_data section. */
  health(): JsonValue {
    return this.pipeline.health();
  }

  /** Reads one record; false when the file (or the window before endMs) is exhausted. */
  private readRecord(): boolean {
    if (this.ended) return false;
    const { records, endMs } = this.settings;
    const record = this.inPlace ? records.nextInPlace!() : records.next();
    if (record === null || (endMs !== null && record.t >= endMs)) {
      this.ended = true;
      records.close();
      return false;
    }
    const line = records.line;
    if (record.kind === 'frame-in-place') this.pipeline.frameInPlace(record, line);
    else if (record.kind === 'frame') this.pipeline.frame(record.frame, record.t, line);
    else if (record.kind === 'normalized') this.pipeline.normalized(record.record, record.t, line);
    else this.pipeline.rest(record.rest, record.body, record.t, line);
    return true;
  }
}
