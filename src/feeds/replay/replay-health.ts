// ReplayHealth: deterministic counters of one replay (records, frame classes, events by kind, books, bars) and their report JSON.
import type { BarBufferCounters } from '../../core/market/bar-buffer.js';
import { formatResolution } from '../../core/market/bar-resolution.js';
import type { BookSyncOutcome } from '../../core/market/book-sync-outcome.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import { isoUtc } from '../../core/report/units.js';
import { untrustedText } from '../../core/text/untrusted-text.js';
import type { FrameClass } from '../../ports/market-frame-parser.js';
import type { BookTop } from './book-top.js';
import type { RestRecordClass, ReplayBookSync } from '../../ports/replay-venue-kit.js';

const FRAME_CLASSES: readonly FrameClass[] = ['market-data', 'ignored', 'control', 'ack', 'error', 'unknown', 'invalid-json', 'unknown-symbol', 'invalid-value'];
/** Most parse problems listed with their line; the rest are only counted. */
const MAX_PROBLEM_SAMPLES = 10;
/**
 * Most distinct unknown symbol names listed in `unknown_symbols` (the first ones seen); frames of later
 * names are counted in `unknown_symbols_unlisted`. A hostile feed sending a new name in every frame
 * must not grow memory or the report without bound.
 */
export const MAX_UNKNOWN_SYMBOLS = 100;
/** Longest unknown symbol name or problem detail kept (venue symbols are far shorter); longer ones are cut. */
const MAX_DETAIL_CHARS = 160;

/** Per-symbol replay state: its book (once a depth stream shows up) and what the replay did with its events. */
export interface SymbolReplayState {
  readonly symbol: string;
  /** The run trades it: its events are delivered; otherwise they are parsed, books kept, and skipped. */
  readonly traded: boolean;
  /** Created on the symbol's first book event: from then on the book is its only source of quotes. */
  sync: ReplayBookSync | null;
  readonly top: BookTop;
  quotesFromBook: number;
  quotesFromStream: number;
  /** Stream quotes (bookTicker / tickers) not delivered because the symbol has a book. */
  streamQuotesSuperseded: number;
  /** Book updates after which no quote could be published: book not synced, or one side empty. */
  updatesWithoutQuote: number;
  /** Sync-loss outcomes: the book was cleared and quotes stopped until a later snapshot in the file. */
  syncLosses: number;
  /** Parsed events not delivered because the run does not trade the symbol. */
  skippedUntraded: number;
}

export class ReplayHealth {
  records = 0;
  frames = 0;
  rest = 0;
  readonly framesByClass = Object.fromEntries(FRAME_CLASSES.map((c) => [c, 0])) as Record<FrameClass, number>;
  readonly restByClass = new Map<RestRecordClass, number>();
  readonly unknownSymbols = new Map<string, number>();
  /** Off-book trades of traded symbols by the venue's label (MarketDataEvent 'off-book-trade'); never delivered. */
  readonly offBookTrades = new Map<string, number>();
  /** Frames of unknown symbols beyond the first MAX_UNKNOWN_SYMBOLS names. */
  unknownSymbolsUnlisted = 0;
  readonly problems: { line: number; what: string; detail: string }[] = [];
  problemsTotal = 0;
  readonly delivered = { quote: 0, trade: 0, bar: 0, mark: 0, ticker: 0 };
  /** Delivered bars by source. */
  barsFromBuffer = 0;
  barsFromVenue = 0;
  /** Events produced before the clock start (books and bars warmed up, nothing delivered). */
  warmupEvents = 0;
  firstRecordMs: number | null = null;
  lastRecordMs: number | null = null;
  lastEventMs: number | null = null;

  frame(frameClass: FrameClass, detail: string, line: number): void {
    this.frames++;
    this.framesByClass[frameClass]++;
    if (frameClass === 'unknown-symbol') this.unknownSymbol(detail);
    else if (frameClass === 'invalid-json' || frameClass === 'invalid-value' || frameClass === 'unknown') this.problem(line, frameClass, detail);
  }

  restRecord(restClass: RestRecordClass, detail: string, line: number): void {
    this.rest++;
    this.restByClass.set(restClass, (this.restByClass.get(restClass) ?? 0) + 1);
    if (restClass !== 'market-data') this.problem(line, `rest ${restClass}`, detail);
  }

  /** Counts one off-book trade under the venue's label. */
  offBookTrade(origin: string): void {
    this.offBookTrades.set(origin, (this.offBookTrades.get(origin) ?? 0) + 1);
  }

  /** A book event made the sync lose its book (gap, stale snapshot, crossed). */
  static isSyncLoss(outcome: BookSyncOutcome): boolean {
    return outcome.kind === 'gap' || outcome.kind === 'crossed';
  }

  /** Records a problem (counted; the first few kept with their line). */
  problem(line: number, what: string, detail: string): void {
    this.problemsTotal++;
    if (this.problems.length < MAX_PROBLEM_SAMPLES) this.problems.push({ line, what, detail: untrustedText(detail, MAX_DETAIL_CHARS) });
  }

  /** Counts a frame of an unknown symbol: by name for the first MAX_UNKNOWN_SYMBOLS names, in one count after. */
  private unknownSymbol(name: string): void {
    const key = untrustedText(name, MAX_DETAIL_CHARS);
    const seen = this.unknownSymbols.get(key);
    if (seen !== undefined) this.unknownSymbols.set(key, seen + 1);
    else if (this.unknownSymbols.size < MAX_UNKNOWN_SYMBOLS) this.unknownSymbols.set(key, 1);
    else this.unknownSymbolsUnlisted++;
  }

  toJson(states: readonly SymbolReplayState[], bars: { readonly resolutionsMs: readonly number[]; readonly emptyIntervals: string; readonly counters: BarBufferCounters | null }): JsonValue {
    const sorted = [...states].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
    const books: Record<string, JsonValue> = {};
    const symbols: Record<string, JsonValue> = {};
    for (const s of sorted) {
      symbols[s.symbol] = {
        traded: s.traded,
        quotes_from_book: s.quotesFromBook,
        quotes_from_stream: s.quotesFromStream,
        stream_quotes_superseded: s.streamQuotesSuperseded,
        skipped_untraded: s.skippedUntraded,
      };
      if (s.sync === null) continue;
      const c = s.sync.counters();
      books[s.symbol] = {
        state: s.sync.state,
        update_id: s.sync.updateId,
        bid_levels: s.sync.book.bidDepth,
        ask_levels: s.sync.book.askDepth,
        snapshots: c.snapshots,
        applied: c.applied,
        buffered: c.buffered,
        gaps: c.gaps,
        stale_snapshots: c.staleSnapshots,
        crossed: c.crossed,
        resyncs: c.resyncs,
        sync_losses: s.syncLosses,
        dropped_stale: c.droppedStale,
        dropped_unsynced: c.droppedUnsynced,
        dropped_overflow: c.droppedOverflow,
        update_id_jumps: c.updateIdJumps,
        removed_absent_levels: s.sync.book.removedAbsent,
        off_grid_levels: s.sync.book.offGridLevelsReceived,
        off_grid_levels_held: s.sync.book.offGridDepth,
        updates_without_quote: s.updatesWithoutQuote,
      };
    }
    const restByClass = [...this.restByClass.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const unknown = [...this.unknownSymbols.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const offBook = [...this.offBookTrades.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const invalid = this.framesByClass['invalid-json'] + this.framesByClass['invalid-value'];
    return {
      records: this.records,
      frames: this.frames,
      rest_records: this.rest,
      first_record_utc: this.firstRecordMs === null ? null : isoUtc(this.firstRecordMs),
      last_record_utc: this.lastRecordMs === null ? null : isoUtc(this.lastRecordMs),
      last_event_utc: this.lastEventMs === null ? null : isoUtc(this.lastEventMs),
      frames_by_class: { ...this.framesByClass },
      rest_by_class: Object.fromEntries(restByClass),
      parse_errors: invalid,
      problems_total: this.problemsTotal,
      problems: this.problems.map((p) => ({ ...p })),
      unknown_symbols: Object.fromEntries(unknown),
      unknown_symbols_unlisted: this.unknownSymbolsUnlisted,
      events_delivered: { ...this.delivered },
      off_book_trades: Object.fromEntries(offBook),
      warmup_events: this.warmupEvents,
      symbols,
      books,
      bars: {
        resolutions: bars.resolutionsMs.map(formatResolution),
        empty_intervals: bars.emptyIntervals,
        delivered_from_trades: this.barsFromBuffer,
        delivered_from_venue: this.barsFromVenue,
        trades_in: bars.counters?.trades ?? 0,
        late_trades_dropped: bars.counters?.lateDropped ?? 0,
        carry_bars: bars.counters?.carryBars ?? 0,
      },
    };
  }
}
