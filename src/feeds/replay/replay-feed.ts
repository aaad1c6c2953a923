// ReplayFeed: the MarketDataFeed of a decoded replay file — raw frames through the venue parser, books and bar buffer, into time-ordered events.
//
// Rules (stated; docs/replay-format.md describes the file):
// - Time: every event a record produces is delivered at the record's receive time `t` (its `ts` is
//   set to `t`, whatever venue time the frame carried). `t` never decreases in a valid file, so the
//   virtual clock is monotone and the run does not depend on venue clocks. Bars built from trades
//   are the exception: they are delivered at their end boundary (on the same receive-time clock),
//   before the first record at or after it.
// - Top of book, per symbol: once a book event (depth snapshot or delta) of the symbol has been read,
//   its book is its ONLY source of quotes — a QuoteEvent is published after a book event whenever the
//   synced book's best bid or ask (price or size) differs from the last published one; stream quotes
//   (Binance bookTicker, Bybit tickers) of that symbol are then counted as superseded and dropped.
//   Before any book event (or for a symbol without a depth stream) stream quotes are delivered.
// - Gaps: a replay cannot resubscribe or fetch a snapshot. A sync loss (gap, snapshot too old, crossed
//   book) clears the book and stops the symbol's quotes until the file holds a snapshot that resyncs it
//   (Binance: a later `rest` depth record; Bybit: a later snapshot frame). Counted per symbol.
// - Symbols: events of traded symbols are delivered; events of other symbols the parser knows (observed
//   ones) keep their books for the health report and are counted as skipped; frames of symbols the parser
//   does not know are classed 'unknown-symbol' and counted by symbol. Unknown or invalid frames are
//   counted (with their line, first few) and skipped; nothing in a frame stops the replay.
// - Bars: trades of traded symbols feed a BarBuffer at the configured resolutions (source 'buffer');
//   venue klines are delivered as they come (source 'venue', `closed` as the venue says). Bars still
//   open when the replay ends are not delivered (they never completed).
// - Clock start / end: records before `startMs` warm books and bars up without delivering anything
//   (counted); reading stops before the first record with `t` ≥ `endMs`.
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';
import { BarBuffer, type EmptyIntervalRule } from '../../core/market/bar-buffer.js';
import type { BookDeltaEvent, BookSnapshotEvent, MarketDataEvent, QuoteEvent, TradeEvent } from '../../core/model/market-data-event.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { MarketDataFeed } from '../../ports/market-data-feed.js';
import { BookTop } from './book-top.js';
import type { ReplayHeader, ReplayRecord } from './replay-format.js';
import { ReplayHealth, type SymbolReplayState } from './replay-health.js';
import type { ReplayVenueKit } from './replay-venue-kit.js';

export interface ReplayFeedSettings {
  /** Shown as the feed kind `replay:<label>` (the file path as given). */
  readonly label: string;
  readonly header: ReplayHeader;
  /** Decoded records in file order (record i is on line i + 2). */
  readonly records: readonly ReplayRecord[];
  readonly kit: ReplayVenueKit;
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

/** Parsed-event buffer truncation threshold (see MarketFrameParser.parse). */
const BATCH = 1024;

export class ReplayFeed implements MarketDataFeed {
  readonly kind: string;
  readonly expectedUpdates = null;
  /** Counters behind health(); read them directly in tests. */
  readonly counters = new ReplayHealth();
  private readonly states = new Map<string, SymbolReplayState>();
  private readonly bars: BarBuffer | null;
  private readonly resolutionsMs: readonly number[];
  /** Earliest instant at which an open (or carried) bar can complete; +∞ before the first trade. */
  private barDueMs = Infinity;
  private readonly parsed: MarketDataEvent[] = [];
  private readonly queue: MarketDataEvent[] = [];
  private head = 0;
  private index = 0;
  private lastDeliveredMs = -Infinity;
  private stopped = false;
  private lastState: SymbolReplayState | null = null;
  /** File line of the record being read (header = line 1). */
  private line = 0;

  constructor(private readonly settings: ReplayFeedSettings) {
    this.kind = `replay:${settings.label}`;
    this.resolutionsMs = [...settings.barResolutionsMs];
    this.bars = this.resolutionsMs.length === 0 ? null : new BarBuffer({ resolutionsMs: this.resolutionsMs, emptyIntervals: settings.emptyBars ?? 'skip' });
    for (const symbol of settings.tradedSymbols) this.stateOf(symbol);
    const records = settings.records;
    if (records.length > 0) {
      this.counters.firstRecordMs = records[0]!.t;
      this.counters.lastRecordMs = records[records.length - 1]!.t;
    }
  }

  next(): MarketDataEvent | null {
    while (this.head === this.queue.length) {
      if (this.head >= BATCH) {
        this.queue.length = 0;
        this.head = 0;
      }
      if (this.stopped || !this.readRecord()) return null;
    }
    return this.queue[this.head++]!;
  }

  stop(): void {
    this.stopped = true;
  }

  /** The replay's health so far (records, frame classes, events, books, bars) for the report's market_data section. */
  health(): JsonValue {
    return this.counters.toJson([...this.states.values()], {
      resolutionsMs: this.resolutionsMs,
      emptyIntervals: this.settings.emptyBars ?? 'skip',
      counters: this.bars?.counters() ?? null,
    });
  }

  /** Reads one record; false when the file (or the window before endMs) is exhausted. */
  private readRecord(): boolean {
    const { records, endMs } = this.settings;
    if (this.index >= records.length) return false;
    const record = records[this.index]!;
    const t = record.t;
    if (endMs !== null && t >= endMs) return false;
    const line = (this.line = this.index + 2);
    this.index++;
    this.counters.records++;
    if (t >= this.barDueMs) this.completeBars(t);
    const parsed = this.parsed;
    if (parsed.length >= BATCH) parsed.length = 0;
    const start = parsed.length;
    if (record.kind === 'frame') {
      const parser = this.settings.kit.parser;
      const frameClass = parser.parse(record.frame, t, parsed);
      this.counters.frame(frameClass, parser.lastDetail, line);
    } else {
      const restClass = this.settings.kit.parseRest(record.rest, record.body, t, parsed);
      const detail = restClass === 'market-data' ? '' : restClass === 'unsupported' ? 'not a request the replay uses' : this.settings.kit.parser.lastDetail;
      this.counters.restRecord(restClass, detail === '' ? '' : `${record.rest}: ${detail}`, line);
    }
    for (let i = start; i < parsed.length; i++) this.route(parsed[i]!, t);
    return true;
  }

  private route(event: MarketDataEvent, t: number): void {
    const state = this.stateOf(event.symbol);
    if (event.kind === 'book-snapshot' || event.kind === 'book-delta') {
      this.onBook(state, event, t);
      return;
    }
    if (!state.traded) {
      state.skippedUntraded++;
      return;
    }
    switch (event.kind) {
      case 'quote':
        if (state.sync !== null) {
          state.streamQuotesSuperseded++;
          return;
        }
        state.quotesFromStream++;
        this.deliver(event.ts === t ? event : { ...event, ts: t });
        return;
      case 'trade': {
        if (event.qtyLots <= 0) {
          // A trade of no size cannot be one (and would corrupt a bar): skipped like an invalid frame.
          this.counters.problem(this.line, 'zero-size trade', `${event.symbol} ${event.tradeId}`);
          return;
        }
        const trade: TradeEvent = event.ts === t ? event : { ...event, ts: t };
        this.deliver(trade);
        if (this.bars !== null) {
          this.deliverBars(this.bars.onTrade(trade));
          this.barDueMs = Math.min(this.barDueMs, this.nextBoundary(t));
        }
        return;
      }
      case 'bar':
        this.counters.barsFromVenue++;
        this.deliver(event.ts === t ? event : { ...event, ts: t });
        return;
      case 'mark':
        this.deliver(event.ts === t ? event : { ...event, ts: t });
        return;
    }
  }

  private onBook(state: SymbolReplayState, event: BookSnapshotEvent | BookDeltaEvent, t: number): void {
    const sync = (state.sync ??= this.settings.kit.newBookSync(state.symbol));
    const outcome = event.kind === 'book-snapshot' ? sync.onSnapshot(event) : sync.onDelta(event);
    if (ReplayHealth.isSyncLoss(outcome)) state.syncLosses++;
    if (!state.traded) {
      state.skippedUntraded++;
      return;
    }
    if (sync.state !== 'synced') {
      state.top.invalidate();
      state.updatesWithoutQuote++;
      return;
    }
    if (!state.top.update(sync.book)) {
      if (!state.top.valid) state.updatesWithoutQuote++;
      return;
    }
    const top = state.top;
    const quote: QuoteEvent = {
      kind: 'quote',
      symbol: state.symbol,
      ts: t,
      bidTicks: top.bidTicks,
      askTicks: top.askTicks,
      bidLots: top.bidLots,
      askLots: top.askLots,
      seq: sync.updateId,
    };
    state.quotesFromBook++;
    this.deliver(quote);
  }

  /** Bars whose end is ≤ t complete before the record at t is read. */
  private completeBars(t: number): void {
    this.deliverBars(this.bars!.advanceTo(t));
    this.barDueMs = this.nextBoundary(t);
  }

  private deliverBars(bars: readonly MarketDataEvent[]): void {
    for (const bar of bars) {
      this.counters.barsFromBuffer++;
      this.deliver(bar);
    }
  }

  /** Smallest bar boundary after t over the resolutions: no bar can complete before it. */
  private nextBoundary(t: number): number {
    let due = Infinity;
    for (const r of this.resolutionsMs) due = Math.min(due, t - (t % r) + r);
    return due;
  }

  private deliver(event: MarketDataEvent): void {
    if (event.ts < this.lastDeliveredMs) throw invariantViolation(`replay event at ${event.ts} after one at ${this.lastDeliveredMs}`);
    if (event.ts < this.settings.startMs) {
      this.counters.warmupEvents++;
      return;
    }
    this.lastDeliveredMs = event.ts;
    this.counters.lastEventMs = event.ts;
    this.counters.delivered[event.kind as 'quote' | 'trade' | 'bar' | 'mark']++;
    this.queue.push(event);
  }

  private stateOf(symbol: string): SymbolReplayState {
    const last = this.lastState;
    if (last !== null && last.symbol === symbol) return last;
    let state = this.states.get(symbol);
    if (state === undefined) {
      state = {
        symbol,
        traded: this.settings.tradedSymbols.includes(symbol),
        sync: null,
        top: new BookTop(),
        quotesFromBook: 0,
        quotesFromStream: 0,
        streamQuotesSuperseded: 0,
        updatesWithoutQuote: 0,
        syncLosses: 0,
        skippedUntraded: 0,
      };
      this.states.set(symbol, state);
    }
    this.lastState = state;
    return state;
  }
}
