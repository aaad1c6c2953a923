// NormalizedEventMapper: normalized replay records (normalized-record.ts) → the MarketDataEvents venue parsers emit, on each traded or observed instrument's tick/lot grid.
//
// The events are those a parsed frame gives, so book sync, top of book, bars and fill models consume them unchanged:
// - book_snapshot → BookSnapshotEvent; book_update → BookDeltaEvent, or a BookSnapshotEvent for the first
//   `is_snapshot` update after a non-snapshot one of the symbol (later snapshot updates add their levels: a delta);
// - trade → TradeEvent (side "unknown" is 'ignored': no fill model can use a trade without an aggressor);
// - quote → QuoteEvent (seq null); a quote with an empty side is 'ignored';
// - derivative → MarkPriceEvent (mark and index rounded half-even to the tick, as venue parsers do); without a
//   mark price 'ignored'. Open interest, last price and the funding time stay in the record (no event carries them).
// Every event's `ts` is the record's `t` (receive time in ms), as the pipeline stamps frames. A symbol without a grid
// is 'unknown-symbol'; a price off the tick grid in a book level is kept at its exact price (OffGridLevel), anywhere
// else — and a size off the lot grid anywhere — is 'invalid-value' with the field in `lastDetail`.
// A book record the byte scanner read (ScannedBookRecord) has its levels as packed numbers: they are converted
// without their strings (SymbolGrid.priceUnitsScaled), with the same results and messages (differential test); so are
// the trades and quotes the binary decoder reads (PackedTradeRecord, PackedQuoteRecord).
import type { BookLevel, MarketDataEvent, OffGridLevel } from '../../core/model/market-data-event.js';
import { CachedSymbolGrids, type SymbolGrid, type SymbolGridLookup } from '../../core/market/symbol-grid.js';
import type { FrameClass } from '../../ports/market-frame-parser.js';
import type { NormalizedLevel, NormalizedRecord } from './normalized-record.js';
import { packedDecimalText, PACKED_LEVEL_STRIDE, ScannedBookRecord } from './scanned-book-record.js';
import { NULL_PACKED, PackedQuoteRecord, PackedTradeRecord } from './packed-trade-quote-record.js';

export class NormalizedEventMapper {
  /** Why the last record was not 'market-data'; '' after market data. */
  lastDetail = '';
  private readonly grids: CachedSymbolGrids;
  /** Symbols whose last book record was an `is_snapshot` update (the next one continues that snapshot). */
  private readonly inSnapshot = new Set<string>();
  /** Off-grid levels of the record being mapped (null: none so far). */
  private offGrid: OffGridLevel[] | null = null;

  constructor(grids: SymbolGridLookup) {
    this.grids = new CachedSymbolGrids(grids);
  }

  /** Appends the events of `record` (read at `t` ms) to `out`; only 'market-data' appends. */
  map(record: NormalizedRecord, t: number, out: MarketDataEvent[]): FrameClass {
    const grid = this.grids.get(record.symbol);
    if (grid === undefined) return this.fail('unknown-symbol', record.symbol);
    const symbol = record.symbol;
    switch (record.type) {
      case 'book_snapshot':
      case 'book_update': {
        this.offGrid = null;
        const packed = record instanceof ScannedBookRecord;
        const bids = packed ? this.packedLevels(record.packedBids, grid, 'bid') : this.levels(record.bids, grid, 'bid');
        const asks = bids === null ? null : packed ? this.packedLevels(record.packedAsks, grid, 'ask') : this.levels(record.asks, grid, 'ask');
        if (bids === null || asks === null) return 'invalid-value';
        const snapshotPart = record.type === 'book_update' && record.is_snapshot;
        const continues = snapshotPart && this.inSnapshot.has(symbol);
        if (snapshotPart) this.inSnapshot.add(symbol);
        else this.inSnapshot.delete(symbol);
        // The event has an offGrid key only when a level is off the grid (two literals: no empty object and spread per record).
        const offGrid = this.offGrid;
        if (record.type === 'book_snapshot' || (snapshotPart && !continues)) {
          out.push(
            offGrid === null
              ? { kind: 'book-snapshot', symbol, ts: t, bids, asks, updateId: 0, seq: null }
              : { kind: 'book-snapshot', symbol, ts: t, bids, asks, updateId: 0, seq: null, offGrid },
          );
        } else {
          out.push(
            offGrid === null
              ? { kind: 'book-delta', symbol, ts: t, bids, asks, firstUpdateId: 0, finalUpdateId: 0, prevFinalUpdateId: null, seq: null }
              : { kind: 'book-delta', symbol, ts: t, bids, asks, firstUpdateId: 0, finalUpdateId: 0, prevFinalUpdateId: null, seq: null, offGrid },
          );
        }
        break;
      }
      case 'trade': {
        if (record.side === 'unknown') return this.fail('ignored', `${symbol} trade ${record.id} without an aggressor side`);
        const packed = record instanceof PackedTradeRecord;
        const priceTicks = packed ? grid.priceUnitsScaled(record.priceMantissa, record.priceFrac) : grid.priceUnits(record.price);
        if (priceTicks !== priceTicks) return this.fail('invalid-value', `${symbol} trade price ${record.price} off the tick grid`);
        const qtyLots = packed ? grid.qtyUnitsScaled(record.sizeMantissa, record.sizeFrac) : grid.qtyUnits(record.size);
        if (qtyLots !== qtyLots) return this.fail('invalid-value', `${symbol} trade size ${record.size} off the lot grid`);
        out.push({ kind: 'trade', symbol, ts: t, priceTicks, qtyLots, takerSide: record.side, tradeId: record.id });
        break;
      }
      case 'quote': {
        if (record instanceof PackedQuoteRecord) return this.packedQuote(record, grid, out, t);
        if (record.bid_price === null || record.bid_size === null || record.ask_price === null || record.ask_size === null) return this.fail('ignored', `${symbol} quote with an empty side`);
        const bidTicks = grid.bidPriceUnits(record.bid_price);
        const askTicks = grid.askPriceUnits(record.ask_price);
        const bidLots = grid.bidQtyUnits(record.bid_size);
        const askLots = grid.askQtyUnits(record.ask_size);
        if (bidTicks !== bidTicks || askTicks !== askTicks) return this.fail('invalid-value', `${symbol} quote price off the tick grid`);
        if (bidLots !== bidLots || askLots !== askLots) return this.fail('invalid-value', `${symbol} quote size off the lot grid`);
        out.push({ kind: 'quote', symbol, ts: t, bidTicks, askTicks, bidLots, askLots, seq: null });
        break;
      }
      case 'derivative': {
        if (record.mark_price === null) return this.fail('ignored', `${symbol} derivative context without a mark price`);
        const markTicks = grid.refPriceUnits(record.mark_price);
        const indexTicks = record.index_price === null ? null : grid.refPriceUnits(record.index_price);
        if (markTicks !== markTicks || (indexTicks !== null && indexTicks !== indexTicks)) return this.fail('invalid-value', `${symbol} mark or index price too large`);
        out.push({ kind: 'mark', symbol, ts: t, markTicks, indexTicks, fundingRate: record.funding_rate });
        break;
      }
    }
    this.lastDetail = '';
    return 'market-data';
  }

  /** The quote case of map() for a packed quote (packed-trade-quote-record.ts): the same events, classes and details, without its strings. */
  private packedQuote(record: PackedQuoteRecord, grid: SymbolGrid, out: MarketDataEvent[], t: number): FrameClass {
    const symbol = record.symbol;
    if (record.bidPriceFrac === NULL_PACKED || record.bidSizeFrac === NULL_PACKED || record.askPriceFrac === NULL_PACKED || record.askSizeFrac === NULL_PACKED) return this.fail('ignored', `${symbol} quote with an empty side`);
    const bidTicks = grid.priceUnitsScaled(record.bidPriceMantissa, record.bidPriceFrac);
    const askTicks = grid.priceUnitsScaled(record.askPriceMantissa, record.askPriceFrac);
    const bidLots = grid.qtyUnitsScaled(record.bidSizeMantissa, record.bidSizeFrac);
    const askLots = grid.qtyUnitsScaled(record.askSizeMantissa, record.askSizeFrac);
    if (bidTicks !== bidTicks || askTicks !== askTicks) return this.fail('invalid-value', `${symbol} quote price off the tick grid`);
    if (bidLots !== bidLots || askLots !== askLots) return this.fail('invalid-value', `${symbol} quote size off the lot grid`);
    out.push({ kind: 'quote', symbol, ts: t, bidTicks, askTicks, bidLots, askLots, seq: null });
    this.lastDetail = '';
    return 'market-data';
  }

  /** Forgets the per-symbol snapshot grouping (a new file or connection). */
  reset(): void {
    this.inSnapshot.clear();
  }

  private fail(frameClass: FrameClass, detail: string): FrameClass {
    this.lastDetail = detail;
    return frameClass;
  }

  /** One side's levels on the grid (off-grid prices collected in this.offGrid); null (lastDetail set) when a level cannot be read. */
  private levels(levels: readonly NormalizedLevel[], grid: SymbolGrid, side: 'bid' | 'ask'): BookLevel[] | null {
    const result: BookLevel[] = [];
    for (let i = 0; i < levels.length; i++) {
      const [price, size] = levels[i]!;
      const qtyLots = grid.qtyUnits(size);
      if (qtyLots !== qtyLots) {
        this.lastDetail = `${grid.symbol} ${side} size ${size} off the lot grid`;
        return null;
      }
      const priceTicks = grid.priceUnits(price);
      if (priceTicks === priceTicks) {
        result.push([priceTicks, qtyLots]);
        continue;
      }
      const exact = grid.offGridPrice(price);
      if (exact === null) {
        this.lastDetail = `${grid.symbol} ${side} price ${price} cannot be read on the tick grid`;
        return null;
      }
      (this.offGrid ??= []).push({ side, price: exact, qtyLots });
    }
    return result;
  }

  /** levels() of a packed side (scanned-book-record.ts), without making its strings (only a failure's message or an off-grid price needs one). */
  private packedLevels(packed: readonly number[], grid: SymbolGrid, side: 'bid' | 'ask'): BookLevel[] | null {
    const result: BookLevel[] = [];
    for (let i = 0; i < packed.length; i += PACKED_LEVEL_STRIDE) {
      const qtyLots = grid.qtyUnitsScaled(packed[i + 2]!, packed[i + 3]!);
      if (qtyLots !== qtyLots) {
        this.lastDetail = `${grid.symbol} ${side} size ${packedDecimalText(packed[i + 2]!, packed[i + 3]!)} off the lot grid`;
        return null;
      }
      const priceTicks = grid.priceUnitsScaled(packed[i]!, packed[i + 1]!);
      if (priceTicks === priceTicks) {
        result.push([priceTicks, qtyLots]);
        continue;
      }
      const price = packedDecimalText(packed[i]!, packed[i + 1]!);
      const exact = grid.offGridPrice(price);
      if (exact === null) {
        this.lastDetail = `${grid.symbol} ${side} price ${price} cannot be read on the tick grid`;
        return null;
      }
      (this.offGrid ??= []).push({ side, price: exact, qtyLots });
    }
    return result;
  }
}
