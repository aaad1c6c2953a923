// FrameNormalizer: the records of a raw-frame replay (version 1: venue frames and REST depth bodies) → the normalized records (version 2) whose replay gives the same book, quotes, trades and marks, through the recorded venue's own parser and book sync.
//
// Rules (docs/replay-format.md, "Frames to normalized records"):
// - Each frame and REST body goes through the venue's parser (ReplayVenueKit) as a replay would read it; every book
//   event through the symbol's venue book sync. A (re)sync writes a book_snapshot of the whole synced book; an applied
//   delta a book_update of its levels (is_snapshot false); a sync loss (gap, too-old snapshot, crossed book) an empty
//   book_snapshot — the replay then has no book to quote from until the next snapshot, as the raw replay has none.
//   Deltas the sync buffered or found stale write nothing (the snapshot that uses them writes the book they made).
//   The first book event of a symbol that writes nothing otherwise writes an empty book_update, so the replay knows
//   the symbol has a book stream from then on (its stream quotes are superseded there as in the raw replay).
// - Trades, stream quotes (bookTicker, tickers) and marks are written as they come (a mark as a derivative record with
//   the mark, index and funding rate; the rest null). Prices and sizes are the events' ticks and lots times the
//   instrument's tick and lot, exactly (formatUnits); off-grid book levels at their exact price.
// - What no normalized record can hold is counted and dropped: venue klines (bars are built from trades), 24 h tickers,
//   off-book trades (never delivered anyway), frames the parser does not read (unknown symbol, invalid, other streams).
// - Times: local_us = the record's receive time t × 1000; exchange_us = the event's venue time × 1000 (a frame without
//   one carries its receive time, as the parsers stamp it).
import { Decimal, formatUnits } from '../../core/money/decimal.js';
import type { BookLevel, MarketDataEvent, OffGridLevel } from '../../core/model/market-data-event.js';
import type { InstrumentSpec } from '../../core/model/instrument.js';
import type { ReplayBookSync, ReplayVenueKit } from '../../ports/replay-venue-kit.js';
import type { NormalizedLevel, NormalizedRecord } from './normalized-record.js';
import type { ReplayRecord } from './replay-format.js';
import { ReplayHealth } from './replay-health.js';

/** What the conversion dropped, by reason (the counts `convert` prints). */
export interface FrameNormalizerCounts {
  /** Raw records read (frames and REST records). */
  inputs: number;
  /** Normalized records written, by type. */
  readonly written: Record<NormalizedRecord['type'], number>;
  /** Frames or REST bodies the parser did not read as market data, by class ('unknown-symbol', 'invalid-json', 'unsupported' …). */
  readonly unread: Record<string, number>;
  /** Events no normalized record holds, by kind ('bar', 'ticker', 'off-book-trade'). */
  readonly dropped: Record<string, number>;
  /** Events of symbols outside the chosen ones. */
  otherSymbols: number;
}

/** No off-grid levels (the common delta). */
const NONE: readonly OffGridLevel[] = [];

interface SymbolUnits {
  readonly tick: Decimal;
  readonly lot: Decimal;
  readonly sync: ReplayBookSync;
  /** A book record of the symbol was written (an empty book_update otherwise marks its first book event). */
  bookWritten: boolean;
}

export class FrameNormalizer {
  readonly counts: FrameNormalizerCounts = {
    inputs: 0,
    written: { book_snapshot: 0, book_update: 0, trade: 0, quote: 0, derivative: 0 },
    unread: {},
    dropped: {},
    otherSymbols: 0,
  };
  private readonly symbols = new Map<string, SymbolUnits>();
  private readonly events: MarketDataEvent[] = [];

  /** `instruments`: the symbols to convert (others' events are counted in otherSymbols); `kit` parses on their grids. */
  constructor(private readonly kit: ReplayVenueKit, instruments: readonly InstrumentSpec[]) {
    for (const spec of instruments) {
      this.symbols.set(spec.symbol, { tick: new Decimal(spec.tickSize), lot: new Decimal(spec.lotSize), sync: kit.newBookSync(spec.symbol), bookWritten: false });
    }
  }

  /** Appends the normalized records of one raw record (read at its `t`) to `out`. */
  push(record: ReplayRecord, out: NormalizedRecord[]): void {
    if (record.kind === 'normalized') throw new TypeError('FrameNormalizer reads frame and rest records only');
    this.counts.inputs++;
    const events = this.events;
    events.length = 0;
    const t = record.t;
    const read = record.kind === 'frame' ? this.kit.parser.parse(record.frame, t, events) : this.kit.parseRest(record.rest, record.body, t, events);
    if (read !== 'market-data') this.counts.unread[read] = (this.counts.unread[read] ?? 0) + 1;
    for (const event of events) this.convert(event, t, out);
    events.length = 0;
  }

  private convert(event: MarketDataEvent, t: number, out: NormalizedRecord[]): void {
    const units = this.symbols.get(event.symbol);
    if (units === undefined) {
      this.counts.otherSymbols++;
      return;
    }
    const base = { symbol: event.symbol, exchange_us: event.ts * 1000, local_us: t * 1000 };
    const price = (ticks: number): string => formatUnits(ticks, units.tick);
    const size = (lots: number): string => formatUnits(lots, units.lot);
    switch (event.kind) {
      case 'book-snapshot':
      case 'book-delta': {
        const sync = units.sync;
        const outcome = event.kind === 'book-snapshot' ? sync.onSnapshot(event) : sync.onDelta(event);
        if (outcome.kind === 'resynced') {
          const book = sync.book;
          const bids = this.levels(book.topBids(Number.MAX_SAFE_INTEGER), book.offGridBids(), units);
          const asks = this.levels(book.topAsks(Number.MAX_SAFE_INTEGER), book.offGridAsks(), units);
          this.write(out, { type: 'book_snapshot', ...base, bids, asks }, units);
        } else if (outcome.kind === 'applied') {
          const off = event.offGrid;
          const bids = this.levels(event.bids, off === undefined ? NONE : off.filter((l) => l.side === 'bid'), units);
          const asks = this.levels(event.asks, off === undefined ? NONE : off.filter((l) => l.side === 'ask'), units);
          this.write(out, { type: 'book_update', ...base, is_snapshot: false, bids, asks }, units);
        } else if (ReplayHealth.isSyncLoss(outcome)) {
          this.write(out, { type: 'book_snapshot', ...base, bids: [], asks: [] }, units);
        } else if (!units.bookWritten) {
          this.write(out, { type: 'book_update', ...base, is_snapshot: false, bids: [], asks: [] }, units);
        }
        return;
      }
      case 'trade':
        this.write(out, { type: 'trade', ...base, id: event.tradeId, side: event.takerSide, price: price(event.priceTicks), size: size(event.qtyLots) }, units);
        return;
      case 'quote':
        this.write(out, { type: 'quote', ...base, bid_price: price(event.bidTicks), bid_size: size(event.bidLots), ask_price: price(event.askTicks), ask_size: size(event.askLots) }, units);
        return;
      case 'mark':
        this.write(
          out,
          {
            type: 'derivative',
            ...base,
            mark_price: price(event.markTicks),
            index_price: event.indexTicks === null ? null : price(event.indexTicks),
            last_price: null,
            funding_rate: event.fundingRate,
            predicted_funding_rate: null,
            funding_time_us: null,
            open_interest: null,
          },
          units,
        );
        return;
      case 'bar':
      case 'ticker':
      case 'off-book-trade':
        this.counts.dropped[event.kind] = (this.counts.dropped[event.kind] ?? 0) + 1;
        return;
    }
  }

  private write(out: NormalizedRecord[], record: NormalizedRecord, units: SymbolUnits): void {
    if (record.type === 'book_snapshot' || record.type === 'book_update') units.bookWritten = true;
    this.counts.written[record.type]++;
    out.push(record);
  }

  /** On-grid levels (best first, as the book or event lists them), then the off-grid ones at their exact price. */
  private levels(onGrid: readonly BookLevel[], offGrid: readonly Pick<OffGridLevel, 'price' | 'qtyLots'>[], units: SymbolUnits): NormalizedLevel[] {
    const levels: NormalizedLevel[] = onGrid.map(([p, q]) => [formatUnits(p, units.tick), formatUnits(q, units.lot)]);
    for (const level of offGrid) levels.push([level.price.text, formatUnits(level.qtyLots, units.lot)]);
    return levels;
  }
}
