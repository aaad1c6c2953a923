// Strategy port: what a quoting strategy (built-in or plug-in) is told by the execution loop, and the context it acts through.
//
// Units and exactness: prices and sizes cross this port as integer ticks and lots of the instrument's grid, or as exact
// decimal strings ("65000.1", "0.001") — never as binary floats. `StrategyContext.grid` converts between the two.
// Times are virtual ms since the Unix epoch (the run's clock): a strategy that reads Date.now(), new Date(),
// Math.random() or real timers makes its runs irreproducible; the context gives it a clock, a seeded stream and timers.
//
// Callback order within one market event: the venue matches first (fills and other execution reports of that
// instant arrive before), then the risk checks run, then the strategy hears the event (onQuote, then onBook), then the
// exit OCOs are kept. Own-order callbacks arrive in the venue's event order, between market events.
//
// Risk stays outside the strategy's reach: every order it asks for passes the risk monitor (inventory, notional,
// drawdown, order rate) and the venue throttle; while the run is frozen every request is refused (the loop has
// cancelled every order already), whatever the strategy does.
import type { BarEvent } from '../core/model/market-data-event.js';
import type { TopOfBook } from '../core/model/market-update.js';
import type { OrderStatus, Side, TimeInForce } from '../core/model/order.js';
import type { SymbolIndex } from '../core/model/symbol-table.js';
import type { Rng } from './rng.js';

/** A value a strategy parameter takes (JSON). */
export type StrategyParamValue = string | number | boolean | null;

/** The parameters a run gives a strategy, after validation against its schema (defaults filled in). */
export type StrategyParams = Readonly<Record<string, StrategyParamValue>>;

/**
 * One parameter's JSON Schema (the subset shadow-exec checks): its type, bounds, allowed values and default. A value
 * outside it stops the run before it starts (exit 2, naming the parameter, the value and what is allowed).
 */
export interface StrategyParamSchema {
  readonly type: 'number' | 'integer' | 'string' | 'boolean';
  /** Inclusive bounds of a number or integer. */
  readonly minimum?: number;
  readonly maximum?: number;
  /** The only values allowed. */
  readonly enum?: readonly StrategyParamValue[];
  /** Used when the run does not give the parameter; a parameter without a default that is not `required` is absent. */
  readonly default?: StrategyParamValue;
  /** One line for --help-like listings and the report. */
  readonly description?: string;
}

/** The parameters a strategy declares: a JSON Schema object with `properties` and `required`; other keys are refused. */
export interface StrategyParamsSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, StrategyParamSchema>>;
  readonly required?: readonly string[];
}

/** How a decimal off the grid becomes ticks or lots: toward −∞, toward +∞, to the nearest (ties to even), or refused. */
export type GridRounding = 'down' | 'up' | 'half-even' | 'exact';

/** A traded instrument as the strategy sees it; its index in `StrategyContext.instruments` is its SymbolIndex. */
export interface StrategyInstrument {
  readonly symbol: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  /** The grid as the venue publishes it (decimal strings). */
  readonly tickSize: string;
  readonly lotSize: string;
  /** Order bounds, lots. */
  readonly minQtyLots: number;
  readonly maxQtyLots: number;
  /** Minimum order notional, quote currency × 10⁸ (an integer). */
  readonly minNotionalE8: number;
  /** priceTicks × qtyLots × atomE8 = notional in quote currency × 10⁸ (exact integer). */
  readonly atomE8: number;
}

/** Best bid and ask of a traded symbol: the feed's top of book (ticks and lots; `ts` the venue event time, ms). Read it during the callback, never keep it. */
export type StrategyQuote = TopOfBook;

/** One price level of the public book: price in ticks, public size in lots. */
export interface StrategyBookLevel {
  readonly priceTicks: number;
  readonly qtyLots: number;
}

/**
 * Read-only view of the public L2 book a real-data feed keeps (the synthetic feed keeps none: every answer is null), as
 * of the market event being handled. Sides are named by the order that would join them: BUY reads the bids, SELL the
 * asks. Levels off the tick grid (rare: orders left at an old tick after a tick-size change) are not listed by the
 * depth readers; levelLots and the quote still see them.
 */
export interface StrategyBookView {
  /**
   * Public size resting at `priceTicks` on the side a `side` order joins (bids for BUY, asks for SELL), lots; 0 when the
   * level is empty inside the known depth; null when the feed cannot tell (no book, or beyond the depth it keeps).
   */
  levelLots(symbol: SymbolIndex, side: Side, priceTicks: number): number | null;
  /**
   * Depth without allocation: calls `visit(priceTicks, qtyLots, depth)` for up to `maxLevels` (integer ≥ 0) levels of
   * the side, best first (bids highest first, asks lowest first; depth 0 is the best level). Returns how many it
   * visited (fewer when the book holds fewer), or null when the feed cannot tell (no synced book).
   */
  forEachLevel(symbol: SymbolIndex, side: Side, maxLevels: number, visit: (priceTicks: number, qtyLots: number, depth: number) => void): number | null;
  /** The same levels as an array (one object per level: for a few levels, or outside a hot callback); null when the feed cannot tell. */
  levels(symbol: SymbolIndex, side: Side, maxLevels: number): readonly StrategyBookLevel[] | null;
}

/** A public trade of a traded symbol. */
export interface StrategyTrade {
  readonly symbol: string;
  readonly ts: number;
  readonly priceTicks: number;
  readonly qtyLots: number;
  /** Side of the aggressor. */
  readonly takerSide: 'buy' | 'sell';
  readonly tradeId: string;
}

/**
 * A completed OHLCV bar (built from the feed's trades and mids with --bars, or a venue kline): the feed's bar event
 * itself, field for field (ticks and lots of the symbol's grid; `ts` is its end boundary, `closed` false for a venue
 * kline still forming).
 */
export type StrategyBar = Omit<BarEvent, 'kind'>;

/** Mark, index and funding of a derivative (context: marks do not move fills). */
export interface StrategyMark {
  readonly symbol: string;
  readonly ts: number;
  readonly markTicks: number;
  readonly indexTicks: number | null;
  /** Funding rate as the venue's decimal string ("0.0001"); null when it sends none. */
  readonly fundingRate: string | null;
}

/** One of the strategy's orders as the venue holds it (read it during the callback; it changes as the venue answers). */
export interface StrategyOrder {
  /** The order's number: what place returned and what cancel and amend take. */
  readonly seq: number;
  readonly symbol: string;
  readonly symbolIndex: SymbolIndex;
  readonly side: Side;
  readonly priceTicks: number;
  /** Total quantity and the part filled so far, lots. */
  readonly qtyLots: number;
  readonly filledLots: number;
  readonly status: OrderStatus;
}

/** One execution of one of the strategy's orders. */
export interface StrategyFill {
  readonly symbol: string;
  readonly symbolIndex: SymbolIndex;
  readonly side: Side;
  readonly priceTicks: number;
  readonly qtyLots: number;
  readonly liquidity: 'MAKER' | 'TAKER';
  /** Virtual ms of the fill. */
  readonly ts: number;
}

/** A venue's refusal, in its own words (Binance -2010 "Order would immediately match and take.", Bybit 170213 …). */
export interface StrategyReject {
  readonly code: string;
  readonly message: string;
}

/** What the strategy asks to place. Give the price as ticks or as an exact decimal, and the size as lots or as a decimal. */
export interface StrategyOrderRequest {
  readonly symbol: SymbolIndex;
  readonly side: Side;
  readonly priceTicks?: number;
  /** Exact decimal on the tick grid ("65000.1"); off the grid is refused (round with grid.priceToTicks first). */
  readonly price?: string;
  readonly qtyLots?: number;
  /** Exact decimal on the lot grid ("0.001"). */
  readonly qty?: string;
  /** The venue's order options; absent fields take the run's --order-options. Not with `oco` (both legs are plain GTC limits). */
  readonly options?: Partial<StrategyOrderOptions>;
  /**
   * Makes the order the limit leg of an OCO (one-cancels-the-other) list, where the venue has order lists (Binance
   * spot, the fake venue): the limit leg rests at the order's price; the stop leg waits until the market reaches
   * `stop`, then becomes a limit at `stopLimit`; one leg executing or triggering cancels the other. SELL: limit above
   * the market, stop below it; BUY: the reverse (the venue rejects other prices with its own code). Elsewhere the
   * request is denied OCO_UNSUPPORTED with the venue's reason.
   */
  readonly oco?: StrategyOcoLegs;
}

/** The stop leg of an OCO: its trigger and its limit price, as ticks or as exact decimals on the tick grid. */
export interface StrategyOcoLegs {
  readonly stopTicks?: number;
  readonly stopPrice?: string;
  readonly stopLimitTicks?: number;
  readonly stopLimitPrice?: string;
}

/** Venue-neutral order options (each venue maps them onto its wire fields, and refuses those it has not). */
export interface StrategyOrderOptions {
  readonly timeInForce: TimeInForce;
  readonly postOnly: boolean;
  readonly reduceOnly: boolean;
  /** Visible part of an iceberg, decimal base units (Binance spot). */
  readonly icebergQty?: string;
}

/**
 * The answer to place: `sent` with the order's number (the venue's verdict follows as onAccepted or onRejected; an
 * OCO's limit leg is `seq`, its stop leg `stopSeq`, each reported as an order of its own), or `denied` with the reason
 * the loop did not send it (a risk reason such as MAX_INVENTORY, FROZEN, MAX_ORDER_RATE; CIRCUIT_OPEN; ZERO_SIZE;
 * STOPPING; OCO_UNSUPPORTED with the venue's reason in `detail`).
 */
export type StrategyPlaceResult =
  | { readonly kind: 'sent'; readonly seq: number; readonly stopSeq?: number }
  | { readonly kind: 'denied'; readonly reason: string; readonly detail?: string };

/** The strategy's position in one symbol. */
export interface StrategyPosition {
  /** Signed base position, lots (+ long, − short). */
  readonly lots: number;
  /** The same as an exact decimal of the base asset. */
  readonly qty: string;
}

/** Price and size conversions on one instrument's grid. */
export interface StrategyGrid {
  /** Decimal price → ticks; `rounding` decides an off-grid price (`exact`: throws). @default 'exact' */
  priceToTicks(symbol: SymbolIndex, price: string, rounding?: GridRounding): number;
  ticksToPrice(symbol: SymbolIndex, ticks: number): string;
  qtyToLots(symbol: SymbolIndex, qty: string, rounding?: GridRounding): number;
  lotsToQty(symbol: SymbolIndex, lots: number): string;
  /** The largest whole number of lots worth at most `notionalE8` (quote × 10⁸) at `priceTicks`. */
  lotsForNotional(symbol: SymbolIndex, priceTicks: number, notionalE8: number): number;
}

export interface StrategyContext {
  /** The traded instruments; index i is symbol index i (the order of --symbols). */
  readonly instruments: readonly StrategyInstrument[];
  /** The run's parameters for this strategy, validated, defaults filled in. */
  readonly params: StrategyParams;
  /** Maker and taker fee, bps of notional, decimal strings (negative: rebate). */
  readonly fees: { readonly makerBps: string; readonly takerBps: string };
  /** Virtual ms since the epoch: the run's clock (the event being handled). */
  now(): number;
  /** A seeded stream of its own (the run's seed, fork 'strategy'): draws here shift no other stream. */
  readonly rng: Rng;
  readonly grid: StrategyGrid;
  /** The public book a real-data feed keeps. */
  readonly book: StrategyBookView;
  /** True while the run is frozen (every request is refused). */
  readonly frozen: boolean;
  /** Why this venue and market take no OCO through place (the venue's words); null: they do. */
  readonly ocoRefusal: string | null;
  /** Sends a limit order through the risk monitor and the venue throttle. */
  place(request: StrategyOrderRequest): StrategyPlaceResult;
  /** Asks the venue to cancel order `seq`; false when it is not a live order of the strategy's or its cancel is in flight. */
  cancel(seq: number): boolean;
  /**
   * Changes a resting order's price and remaining size in place (one amend request); false when it cannot be amended now
   * (not yet accepted, a cancel or amend in flight, or the risk monitor refuses a size increase). Outcome: onAmended / onAmendRejected.
   */
  amend(seq: number, priceTicks: number, remainingLots: number): boolean;
  /** Cancels every live order of `symbol` (all symbols when absent), per the run's --cancel-mode. */
  cancelAll(symbol?: SymbolIndex): void;
  /**
   * Keeps one managed quote per (symbol, side): when none rests, places `qtyLots` at `priceTicks`; when one rests at a
   * price at least `requoteTicks` away, moves it (cancel and replace, or amend with --requote-mode amend); closer, leaves
   * it. `qtyLots` 0: nothing new is placed (counted as a zero-size quote). Prices and sizes already on the grid.
   */
  quote(symbol: SymbolIndex, side: Side, priceTicks: number, qtyLots: number, requoteTicks: number): void;
  position(symbol: SymbolIndex): StrategyPosition;
  /** The strategy's live orders (sent, not yet terminal), in the order they were sent; one symbol's when given. */
  openOrders(symbol?: SymbolIndex): readonly StrategyOrder[];
  /** Calls onTimer(name) once, `delayMs` (integer ≥ 0) virtual ms from now; setting a pending name again moves it. */
  setTimer(name: string, delayMs: number): void;
  /** Cancels the named timer; an unknown or fired name is ignored. */
  cancelTimer(name: string): void;
}

/**
 * A running strategy: every callback is optional. Each is called with the run's clock at the event's time. A callback
 * that throws stops the run gracefully: every order is cancelled and the report says execution.status "failed" with
 * the message and where it was thrown (exit 1, E_STRATEGY). So does a call that returns after more than
 * --strategy-budget-ms of wall time (default 1000 ms); a call that never returns cannot be interrupted (it runs in the
 * loop's thread) and hangs the run. Calls are counted per callback in the report (strategy.callbacks).
 */
export interface Strategy {
  /** Once, before the first market event. */
  onStart?(): void;
  /** Once, when the run ends (the loop then cancels every order left). */
  onStop?(): void;
  /** Top of book of a traded symbol moved (or the first quote arrived); `midTicks` = floor((bid + ask) / 2). */
  onQuote?(symbol: SymbolIndex, quote: StrategyQuote, midTicks: number): void;
  /** Called after onQuote, with the book view, when the feed keeps a book (replay and live feeds). */
  onBook?(symbol: SymbolIndex, book: StrategyBookView): void;
  /** A public trade; `symbol` is -1 for a symbol the run only observes. */
  onTrade?(symbol: SymbolIndex, trade: StrategyTrade): void;
  /** A completed bar of any resolution the run builds (--bars) or the feed brings. */
  onBar?(symbol: SymbolIndex, bar: StrategyBar): void;
  /** Mark, index and funding context. */
  onMark?(symbol: SymbolIndex, mark: StrategyMark): void;
  onOrderAccepted?(order: StrategyOrder): void;
  onOrderRejected?(order: StrategyOrder, reject: StrategyReject): void;
  /** A partial or final fill; `order.status` is FILLED for the final one. */
  onFill?(fill: StrategyFill, order: StrategyOrder): void;
  /** The order ended CANCELED (by the strategy, a freeze, the end of the run or the venue). */
  onOrderCanceled?(order: StrategyOrder): void;
  onAmended?(order: StrategyOrder): void;
  onAmendRejected?(order: StrategyOrder, reject: StrategyReject): void;
  onTimer?(name: string): void;
}

/** What a strategy module exports by default (a plug-in's `export default { … }`, and every built-in). */
export interface StrategyDefinition {
  /** Shown in the report's model.strategy.name. */
  readonly name: string;
  readonly version: string;
  /** One paragraph: what it quotes and why. */
  readonly description: string;
  /** What it leaves out (the report lists them). */
  readonly simplifications?: readonly string[];
  /** Its parameters; absent: none (any given parameter is then refused). */
  readonly parameters?: StrategyParamsSchema;
  /** Builds the running strategy for one run; `ctx` is its only way to act and read state. */
  create(ctx: StrategyContext): Strategy;
}
