// FramePipeline: raw venue frames and REST depth bodies → venue parser → per-symbol book sync and top of book → bar buffer → time-stamped MarketDataEvents (shared by ReplayFeed and LiveFeed).
//
// Rules (stated; ReplayFeed and LiveFeed inherit them):
// - Time: every event an input produces is delivered at the input's receive time `t` (its `ts` is set
//   to `t`, whatever venue time the frame carried). Callers feed inputs in non-decreasing `t`, so
//   delivered events never go back in time. Bars built from trades are the exception: they are
//   delivered at their end boundary (on the same receive-time clock), before the first input at or after it.
// - Top of book, per symbol: once a book event (depth snapshot or delta) of the symbol has been read,
//   its book is its ONLY source of quotes — a QuoteEvent is published after a book event whenever the
//   synced book's best bid or ask (price or size) differs from the last published one; stream quotes
//   (Binance bookTicker, Bybit tickers) of that symbol are then counted as superseded and dropped.
//   Before any book event (or for a symbol without a depth stream) stream quotes are delivered.
// - Gaps: a sync loss (gap, snapshot too old, crossed book) clears the book and stops the symbol's
//   quotes until a snapshot resyncs it (Binance: a REST depth body; Bybit: a snapshot frame). Counted
//   per symbol; `onBookOutcome` lets a live feed fetch or resubscribe for that snapshot.
// - Symbols: events of traded symbols are delivered; events of other symbols the parser knows (observed
//   ones) keep their books for the health report and are counted as skipped; frames of symbols the parser
//   does not know are classed 'unknown-symbol' and counted by symbol. Unknown or invalid frames are
//   counted (with their position, first few) and skipped; nothing in a frame stops the pipeline. The first
//   MAX_FRAME_SAMPLES bad frames (invalid JSON, invalid values, unknown) keep a sample of their text in their
//   `problems` entry (frame-sample.ts: truncated, credential-like values masked). Frames a live connection
//   rejected before the parser (not JSON, binary, unknown to the protocol) are counted here too (`skipped`), so
//   `frames_by_class.invalid-json` counts every frame that was not JSON, whichever layer found it.
// - Off-book trades (insurance-fund, ADL prints the venue flags as not from its public book) of traded
//   symbols are counted by the venue's label (`off_book_trades`) and never delivered: they must not fill
//   anything, feed bars or count as trades.
// - Bars: trades of traded symbols feed a BarBuffer at the configured resolutions (source 'buffer');
//   venue klines are delivered as they come (source 'venue', `closed` as the venue says). Bars still
//   open at the end are not delivered (they never completed).
// - Warm-up: events before `startMs` warm books and bars up without being delivered (counted).
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';
import { BarBuffer, type EmptyIntervalRule } from '../../core/market/bar-buffer.js';
import type { BookSyncOutcome } from '../../core/market/book-sync-outcome.js';
import type { BookDeltaEvent, BookSnapshotEvent, MarketDataEvent, TradeEvent } from '../../core/model/market-data-event.js';
import type { Side } from '../../core/model/order.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { BookView } from '../../ports/book-view.js';
import { BookTop } from '../replay/book-top.js';
import { ReplayHealth, type SymbolReplayState } from '../replay/replay-health.js';
import type { ReplayBookSync, ReplayVenueKit } from '../../ports/replay-venue-kit.js';
import { QuoteRecord } from '../../core/model/quote-record.js';
import type { FrameClass } from '../../ports/market-frame-parser.js';
import { frameSample, MAX_FRAME_SAMPLES } from './frame-sample.js';
import type { NormalizedEventMapper } from '../replay/normalized-event-mapper.js';
import type { NormalizedRecord } from '../replay/normalized-record.js';
import type { FrameInPlace } from '../replay/replay-record-source.js';

export interface FramePipelineSettings {
  readonly kit: ReplayVenueKit;
  /** Symbols the run trades: only their events are delivered. */
  readonly tradedSymbols: readonly string[];
  /** Bar lengths (ms) built from trades; empty: no bars from trades. */
  readonly barResolutionsMs: readonly number[];
  /** @default 'skip' */
  readonly emptyBars?: EmptyIntervalRule;
  /** Events before it are not delivered (warm-up). */
  readonly startMs: number;
  /** Maps the records of a normalized replay (version 2) to events; absent for frames. */
  readonly normalized?: NormalizedEventMapper;
  /** Told every book outcome of every symbol (after the pipeline applied it); live feeds react to sync loss. */
  readonly onBookOutcome?: (symbol: string, outcome: BookSyncOutcome, sync: ReplayBookSync) => void;
}

export class FramePipeline implements BookView {
  /** Counters behind health(); read them directly in tests. */
  readonly counters = new ReplayHealth();
  private readonly states = new Map<string, SymbolReplayState>();
  private readonly bars: BarBuffer | null;
  private readonly resolutionsMs: readonly number[];
  /** Earliest instant at which an open (or carried) bar can complete; +∞ before the first trade. */
  private barDueMs = Infinity;
  /**
   * The parser's output for the input being read. Emptied (by pops: they keep the storage, MarketFrameParser.parse)
   * once the input is routed, so parsed events are garbage as soon as the loop is done with them: holding a batch of
   * them would carry short-lived objects through scavenges and can make V8 allocate them in old space.
   */
  private readonly parsed: MarketDataEvent[] = [];
  /** Delivered events, `head` the next to take; emptied (by pops) whenever every one has been taken, for the same reason. */
  private readonly queue: MarketDataEvent[] = [];
  private head = 0;
  private lastDeliveredMs = -Infinity;
  private lastState: SymbolReplayState | null = null;
  /** Position (replay: file line) of the input being read. */
  private position = 0;
  /** Samples of the first bad frames, by position. */
  private readonly samples = new Map<number, string>();

  constructor(private readonly settings: FramePipelineSettings) {
    this.resolutionsMs = [...settings.barResolutionsMs];
    this.bars = this.resolutionsMs.length === 0 ? null : new BarBuffer({ resolutionsMs: this.resolutionsMs, emptyIntervals: settings.emptyBars ?? 'skip' });
    for (const symbol of settings.tradedSymbols) this.stateOf(symbol);
  }

  /** The next delivered event not yet taken, or null when none is waiting. */
  take(): MarketDataEvent | null {
    const queue = this.queue;
    if (this.head === queue.length) {
      if (this.head > 0) {
        while (queue.length > 0) queue.pop();
        this.head = 0;
      }
      return null;
    }
    return this.queue[this.head++]!;
  }

  /** Events delivered and not yet taken. */
  get waiting(): number {
    return this.queue.length - this.head;
  }

  /** One raw WebSocket text frame received at `t` (ms, never before the previous input); `position` names it in problem samples. */
  frame(text: string, t: number, position: number): void {
    this.begin(t, position);
    this.parseFrame(text, t, position);
  }

  /**
   * A replay frame record read in place: the parser's parseLiteral reads it in its line when it can, else it is
   * unescaped and read as frame() reads it. Same events, classes and counts either way.
   */
  frameInPlace(record: FrameInPlace, position: number): void {
    const t = record.t;
    this.begin(t, position);
    const parser = this.settings.kit.parser;
    const parsed = this.parsed;
    const start = parsed.length;
    if (parser.parseLiteral === undefined || !parser.parseLiteral(record.text, record.start, record.end, t, parsed)) {
      this.parseFrame(record.frame(), t, position);
      return;
    }
    this.counters.frame('market-data', '', position);
    for (let i = start; i < parsed.length; i++) this.route(parsed[i]!, t);
    while (parsed.length > start) parsed.pop();
  }

  private parseFrame(text: string, t: number, position: number): void {
    const parsed = this.parsed;
    const start = parsed.length;
    const parser = this.settings.kit.parser;
    const frameClass = parser.parse(text, t, parsed);
    this.counters.frame(frameClass, parser.lastDetail, position);
    this.keepSample(frameClass, text, position);
    for (let i = start; i < parsed.length; i++) this.route(parsed[i]!, t);
    while (parsed.length > start) parsed.pop();
  }

  /** One normalized record (replay version 2) read at `t`, mapped to the events a parsed frame gives; counted as a frame of its class. */
  normalized(record: NormalizedRecord, t: number, position: number): void {
    const mapper = this.settings.normalized;
    if (mapper === undefined) throw invariantViolation('FramePipeline got a normalized record without a mapper');
    this.begin(t, position);
    const parsed = this.parsed;
    const start = parsed.length;
    const recordClass = mapper.map(record, t, parsed);
    this.counters.frame(recordClass, mapper.lastDetail, position);
    for (let i = start; i < parsed.length; i++) this.route(parsed[i]!, t);
    while (parsed.length > start) parsed.pop();
  }

  /**
   * A frame a live connection rejected before the parser saw it — not JSON (or binary): 'invalid-json'; JSON the
   * venue protocol does not know: 'unknown' — counted and sampled as if the parser had classed it.
   */
  skipped(frameClass: 'invalid-json' | 'unknown', text: string, t: number, position: number): void {
    this.begin(t, position);
    this.counters.frame(frameClass, frameClass === 'invalid-json' ? 'not JSON' : 'not a frame the venue protocol knows', position);
    this.keepSample(frameClass, text, position);
  }

  /** One REST response ("GET /path?query" + raw body) received at `t`: a depth snapshot for the book sync. Null when read as one, else why not. */
  rest(request: string, body: string, t: number, position: number): string | null {
    this.begin(t, position);
    const parsed = this.parsed;
    const start = parsed.length;
    const kit = this.settings.kit;
    const restClass = kit.parseRest(request, body, t, parsed);
    const detail = restClass === 'market-data' ? '' : restClass === 'unsupported' ? 'not a request the replay uses' : kit.parser.lastDetail;
    this.counters.restRecord(restClass, detail === '' ? '' : `${request}: ${detail}`, position);
    for (let i = start; i < parsed.length; i++) this.route(parsed[i]!, t);
    while (parsed.length > start) parsed.pop();
    return restClass === 'market-data' ? null : `${restClass}${detail === '' ? '' : ` (${detail})`}`;
  }

  /** The book synchroniser of `symbol`, or null before its first book event. */
  bookSync(symbol: string): ReplayBookSync | null {
    return this.states.get(symbol)?.sync ?? null;
  }

  /** Public size at a price level of a traded or observed symbol's synced book (BookView); null without a synced book. */
  levelLots(symbol: string, side: Side, priceTicks: number): number | null {
    const sync = this.states.get(symbol)?.sync;
    if (sync === undefined || sync === null || sync.state !== 'synced') return null;
    return sync.book.levelLots(side === 'BUY' ? 'bid' : 'ask', priceTicks);
  }

  /** Visits up to `maxLevels` levels of a synced book's side, best first (BookView); null without a synced book. */
  forEachLevel(symbol: string, side: Side, maxLevels: number, visit: (priceTicks: number, qtyLots: number, depth: number) => void): number | null {
    const sync = this.states.get(symbol)?.sync;
    if (sync === undefined || sync === null || sync.state !== 'synced') return null;
    return sync.book.forEachLevel(side === 'BUY' ? 'bid' : 'ask', maxLevels, visit);
  }

  /** Health so far (records, frame classes, events, books, bars) for the report's market_data section; bad frames' problems carry their sample. */
  health(): JsonValue {
    const json = this.counters.toJson([...this.states.values()], {
      resolutionsMs: this.resolutionsMs,
      emptyIntervals: this.settings.emptyBars ?? 'skip',
      counters: this.bars?.counters() ?? null,
    }) as Record<string, JsonValue>;
    if (this.samples.size === 0) return json;
    const problems = (json['problems'] as Record<string, JsonValue>[]).map((p) => {
      const sample = typeof p['what'] === 'string' && !p['what'].startsWith('rest ') ? this.samples.get(p['line'] as number) : undefined;
      return sample === undefined ? p : { ...p, sample };
    });
    return { ...json, problems };
  }

  private keepSample(frameClass: FrameClass, text: string, position: number): void {
    if (frameClass !== 'invalid-json' && frameClass !== 'invalid-value' && frameClass !== 'unknown') return;
    if (this.samples.size < MAX_FRAME_SAMPLES) this.samples.set(position, frameSample(text));
  }

  private begin(t: number, position: number): void {
    this.position = position;
    this.counters.records++;
    if (t >= this.barDueMs) this.completeBars(t);
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
          this.counters.problem(this.position, 'zero-size trade', `${event.symbol} ${event.tradeId}`);
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
      case 'ticker':
        this.deliver(event.ts === t ? event : { ...event, ts: t });
        return;
      case 'off-book-trade':
        // Not a trade in the public book: counted by the venue's label, never delivered (no fill model sees it).
        this.counters.offBookTrade(event.origin);
        return;
    }
  }

  private onBook(state: SymbolReplayState, event: BookSnapshotEvent | BookDeltaEvent, t: number): void {
    const sync = (state.sync ??= this.settings.kit.newBookSync(state.symbol));
    const outcome = event.kind === 'book-snapshot' ? sync.onSnapshot(event) : sync.onDelta(event);
    if (ReplayHealth.isSyncLoss(outcome)) state.syncLosses++;
    this.settings.onBookOutcome?.(state.symbol, outcome, sync);
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
    const quote = new QuoteRecord(state.symbol, t, top.bidTicks, top.askTicks, top.bidLots, top.askLots, sync.updateId);
    state.quotesFromBook++;
    this.deliver(quote);
  }

  /** Bars whose end is ≤ t complete before the input at t is read. */
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
    this.counters.delivered[event.kind as 'quote' | 'trade' | 'bar' | 'mark' | 'ticker']++;
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
