// Normalised market-data events every venue parser emits, on the instrument's integer tick/lot grid.
//
// Time: `ts` is the venue's event time in ms since the Unix epoch — the time the venue says it
// published the message (Binance `E`, Bybit message `ts`). A frame that carries no event time
// (Binance spot bookTicker and partial depth) gets the receive time the caller passed to the parser.
// Trade/transaction times (Binance `T`, Bybit per-trade `T`) stay in the venue wire types.
import type { ExactOffGrid } from '../money/fast-units.js';

/** [priceTicks, qtyLots]; qtyLots 0 = remove the level (a delta) or an empty level (never in a snapshot from a venue). */
export type BookLevel = readonly [priceTicks: number, qtyLots: number];

/** A level whose price is off the tick grid, kept at its exact price (src/core/market/off-grid-level.ts says why apart). */
export interface OffGridLevel {
  readonly side: 'bid' | 'ask';
  readonly price: ExactOffGrid;
  /** On the lot grid like any level; 0 removes it (a delta). */
  readonly qtyLots: number;
}

export interface TradeEvent {
  readonly kind: 'trade';
  readonly symbol: string;
  readonly ts: number;
  readonly priceTicks: number;
  readonly qtyLots: number;
  /** Side of the aggressor (the order that took liquidity). */
  readonly takerSide: 'buy' | 'sell';
  /** Venue trade id as text (Binance numeric ids are stringified; aggTrade ids are the aggregate id). */
  readonly tradeId: string;
}

/**
 * A trade the venue printed that did not happen in its public book (Binance USDⓈ-M `trade` frames whose
 * `X` is not "MARKET": insurance-fund takeovers, auto-deleveraging). Counted in the feed's health, never
 * delivered to the loop, so no fill model ever sees it. Price and quantity stay the venue's decimal
 * strings: such prices are often finer than the tick (they are bankruptcy prices, not book prices).
 */
export interface OffBookTradeEvent {
  readonly kind: 'off-book-trade';
  readonly symbol: string;
  readonly ts: number;
  /** The venue's own label of where the trade came from ("INSURANCE_FUND", "ADL", "NA"). */
  readonly origin: string;
  readonly tradeId: string;
  readonly price: string;
  readonly qty: string;
}

/** Best bid and ask. Structurally a TopOfBook (market-update.ts) plus kind and seq. */
export interface QuoteEvent {
  readonly kind: 'quote';
  readonly symbol: string;
  readonly ts: number;
  readonly bidTicks: number;
  readonly askTicks: number;
  readonly bidLots: number;
  readonly askLots: number;
  /** Venue sequence for ordering/dedup (Binance bookTicker `u`, Bybit tickers `cs`); null when absent. */
  readonly seq: number | null;
}

/** A full replacement of the book (or of its top N levels for partial-depth streams). */
export interface BookSnapshotEvent {
  readonly kind: 'book-snapshot';
  readonly symbol: string;
  readonly ts: number;
  /** Best first: bids descending, asks ascending (as the venue sends them). */
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
  /** Binance `lastUpdateId` (or `u` on futures partial depth); Bybit `u`. */
  readonly updateId: number;
  /** Bybit cross sequence `seq`; null on Binance. */
  readonly seq: number | null;
  /** Levels whose price is off the tick grid, at their exact price (absent when there are none: the common case). */
  readonly offGrid?: readonly OffGridLevel[];
}

/** Absolute quantities for the listed levels; qtyLots 0 removes a level. */
export interface BookDeltaEvent {
  readonly kind: 'book-delta';
  readonly symbol: string;
  readonly ts: number;
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
  /** Binance `U` / `u`; Bybit has one id per message, so both are its `u`. */
  readonly firstUpdateId: number;
  readonly finalUpdateId: number;
  /** Binance futures `pu` (the previous event's `u`); null on Binance spot and on Bybit. */
  readonly prevFinalUpdateId: number | null;
  /** Bybit cross sequence `seq`; null on Binance. */
  readonly seq: number | null;
  /** Levels whose price is off the tick grid, at their exact price (absent when there are none: the common case). */
  readonly offGrid?: readonly OffGridLevel[];
}

export interface BarEvent {
  readonly kind: 'bar';
  readonly symbol: string;
  readonly ts: number;
  /** Bar length in ms (close time − open time + 1 for venue bars). */
  readonly resolutionMs: number;
  /** Start of the bar interval, ms since the epoch. */
  readonly openTs: number;
  readonly openTicks: number;
  readonly highTicks: number;
  readonly lowTicks: number;
  readonly closeTicks: number;
  /** Base-asset volume in lots. */
  readonly volumeLots: number;
  /** Number of trades in the bar; 0 when the venue does not report it (Bybit klines). */
  readonly tradeCount: number;
  /** 'venue' for venue klines, 'buffer' for bars built locally from trades. */
  readonly source: 'venue' | 'buffer';
  /** True once the bar is final (Binance `x`, Bybit `confirm`). */
  readonly closed: boolean;
}

export interface MarkPriceEvent {
  readonly kind: 'mark';
  readonly symbol: string;
  readonly ts: number;
  /** Mark and index prices are computed references published finer than the tick: rounded half-even to the tick. */
  readonly markTicks: number;
  readonly indexTicks: number | null;
  /** Funding rate as the venue's decimal string ("0.00038167"); null when the venue sends none or "". */
  readonly fundingRate: string | null;
}

/**
 * A symbol's rolling-window statistics as the venue publishes them (Binance `<symbol>@ticker`, 24 h). Context
 * only: counted and passed to the venue hook; it plays no part in fills or quoting.
 */
export interface TickerEvent {
  readonly kind: 'ticker';
  readonly symbol: string;
  readonly ts: number;
  /** The statistics window, ms since the epoch (open and close time as the venue states them). */
  readonly windowOpenTs: number;
  readonly windowCloseTs: number;
  /** Last, open, high and low price of the window in ticks, rounded half-even (a window can span a tick-size change). */
  readonly lastTicks: number;
  readonly openTicks: number;
  readonly highTicks: number;
  readonly lowTicks: number;
  /** Base-asset and quote-asset volume over the window, the venue's decimal strings. */
  readonly baseVolume: string;
  readonly quoteVolume: string;
  /** Number of trades in the window. */
  readonly tradeCount: number;
}

export type MarketDataEvent = TradeEvent | QuoteEvent | BookSnapshotEvent | BookDeltaEvent | BarEvent | MarkPriceEvent | TickerEvent | OffBookTradeEvent;

/** What a feed delivers to the loop besides quotes: context the loop counts and passes on (venue hook, strategy bars). */
export type MarketContextEvent = TradeEvent | BarEvent | MarkPriceEvent | TickerEvent;
