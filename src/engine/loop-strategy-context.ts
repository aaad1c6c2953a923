// LoopStrategyContext: the StrategyContext the execution loop gives its strategy — every order it asks for passes the risk monitor, the circuit breaker and the venue client, and a freeze refuses them all.
import type { Instrument } from '../core/model/instrument.js';
import type { OrderNo } from '../core/model/ids.js';
import { InstrumentGrid } from '../core/model/instrument-grid.js';
import type { OrderOptions, OrderRequest, Side } from '../core/model/order.js';
import type { SymbolIndex } from '../core/model/symbol-table.js';
import { formatQty } from '../core/model/instrument.js';
import { parseDecimal, toUnits } from '../core/money/decimal.js';
import type { SymbolWorking, WorkingOrder, WorkingOrders } from '../core/orders/working-orders.js';
import type { Ledger } from '../core/portfolio/ledger.js';
import type { RiskMonitor } from '../core/risk/risk-monitor.js';
import type { EventScheduler } from '../core/scheduler/event-scheduler.js';
import type { Clock } from '../ports/clock.js';
import type { ExchangeClient } from '../ports/exchange-client.js';
import type { Rng } from '../ports/rng.js';
import type {
  Strategy,
  StrategyBookView,
  StrategyContext,
  StrategyInstrument,
  StrategyOrder,
  StrategyOrderRequest,
  StrategyParams,
  StrategyPlaceResult,
  StrategyPosition,
} from '../ports/strategy.js';
import type { LoopCounters } from './loop-counters.js';
import type { LoopExposure } from './loop-exposure.js';
import type { OrderCancellation } from './order-cancellation.js';
import type { RiskSupervisor } from './risk-supervisor.js';

/** How a quote that moved is updated: cancel and place a new order, or amend the resting one in place. */
export type RequoteMode = 'replace' | 'amend';

/** What the strategy asked for and what became of it (the report's strategy counters, with --strategy). */
export interface StrategyCounters {
  /** place() calls, and those sent to the venue. */
  placeRequests: number;
  placesSent: number;
  /** Requests (place, quote, amend) refused before they left, by reason (risk reasons, CIRCUIT_OPEN, ZERO_SIZE, FROZEN, STOPPING). */
  readonly denied: Record<string, number>;
  cancelRequests: number;
  amendRequests: number;
  timersFired: number;
  /** OCO lists sent through place (each also counts one placesSent; the report's orders.exit_ocos counts them with the exit OCOs). */
  ocoListsSent: number;
}

export interface LoopStrategyContextDeps {
  readonly clock: Clock;
  readonly scheduler: EventScheduler;
  readonly venue: ExchangeClient;
  readonly instruments: readonly Instrument[];
  readonly risk: RiskMonitor;
  readonly supervisor: RiskSupervisor;
  readonly exposure: LoopExposure;
  readonly working: WorkingOrders;
  readonly cancellation: OrderCancellation;
  readonly counters: LoopCounters;
  readonly ledger: Ledger;
  readonly orderOptions: OrderOptions;
  readonly requoteMode: RequoteMode;
  readonly rng: Rng;
  readonly params: StrategyParams;
  readonly fees: { readonly makerBps: string; readonly takerBps: string };
  readonly book: StrategyBookView;
  /** Why the venue takes no OCO through place (the venue module's reason); null: it does. */
  readonly ocoRefusal: string | null;
  /** The strategy's OCO legs while they live (shared with ExecutionReports, which tells the strategy about them and forgets them). */
  readonly ocoLegs: Set<OrderNo>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What the risk check of an OCO sees: both legs are plain GTC limits. */
const OCO_LEG_OPTIONS: OrderOptions = { timeInForce: 'GTC', postOnly: false, reduceOnly: false };

export class LoopStrategyContext implements StrategyContext {
  readonly instruments: readonly StrategyInstrument[];
  readonly params: StrategyParams;
  readonly fees: { readonly makerBps: string; readonly takerBps: string };
  readonly rng: Rng;
  readonly grid: InstrumentGrid;
  readonly book: StrategyBookView;
  readonly strategyCounters: StrategyCounters = { placeRequests: 0, placesSent: 0, denied: {}, cancelRequests: 0, amendRequests: 0, timersFired: 0, ocoListsSent: 0 };
  readonly ocoRefusal: string | null;
  /** Set by the loop when the run stops: every later request is refused (STOPPING). */
  stopping = false;
  /** The strategy whose timers fire here (set once by the loop, after create). */
  strategy: Strategy | null = null;
  /** Per symbol index: the working-order record whose bid/ask slots `quote` manages. */
  private readonly slots: readonly SymbolWorking[];
  /** Pending timers: name → the token of its live schedule (a rescheduled or cancelled timer's old event finds another token). */
  private readonly timers = new Map<string, number>();
  private timerTokens = 0;
  /**
   * The order being sent — the risk check's intent, then the venue's request — overwritten for every order (no object per
   * order): the risk monitor reads it during the check only, a venue client copies what it keeps (ExchangeClient.placeOrder).
   */
  private readonly request: Mutable<OrderRequest>;

  constructor(private readonly deps: LoopStrategyContextDeps) {
    this.request = { symbol: '', symbolIndex: -1, side: 'BUY', priceTicks: 0, qtyLots: 0, quoteMidTicks: 0, options: deps.orderOptions };
    this.instruments = deps.instruments.map((i) => ({
      symbol: i.symbol,
      baseAsset: i.spec.baseAsset,
      quoteAsset: i.spec.quoteAsset,
      tickSize: i.spec.tickSize,
      lotSize: i.spec.lotSize,
      minQtyLots: i.minQtyLots,
      maxQtyLots: i.maxQtyLots,
      minNotionalE8: i.minNotionalE8,
      atomE8: i.atomE8,
    }));
    this.params = deps.params;
    this.fees = deps.fees;
    this.rng = deps.rng;
    this.grid = new InstrumentGrid(deps.instruments);
    this.book = deps.book;
    this.ocoRefusal = deps.ocoRefusal;
    this.slots = deps.instruments.map((_, i) => deps.working.symbol(i));
    this.mids = deps.instruments.map(() => 0);
    this.names = deps.instruments.map((i) => i.symbol);
  }

  now(): number {
    return this.deps.clock.now();
  }

  get frozen(): boolean {
    return this.deps.risk.frozen;
  }

  /** Per symbol index, the mid (ticks) of its last quote: what an order is priced from (the edge tracker's markout base). */
  private readonly mids: number[];
  /** Per symbol index, its name (what a request carries for venue rules and journals). */
  private readonly names: readonly string[];

  /** The loop, before onQuote: `symbol`'s mid is now `midTicks`. */
  noteMid(symbol: SymbolIndex, midTicks: number): void {
    this.mids[symbol] = midTicks;
  }

  quote(symbol: SymbolIndex, side: Side, priceTicks: number, qtyLots: number, requoteTicks: number): void {
    // A freeze has cancelled every order and released every slot: nothing to move, nothing may be placed.
    if (this.stopping || this.deps.risk.frozen) return;
    const working = this.slots[symbol]!;
    const resting = side === 'BUY' ? working.bid : working.ask;
    if (resting !== null) {
      if (Math.abs(resting.priceTicks - priceTicks) < requoteTicks) return;
      if (this.deps.requoteMode === 'amend' && this.tryAmend(resting, priceTicks, qtyLots)) return;
      this.deps.cancellation.cancel(resting);
    }
    if (qtyLots <= 0) {
      this.deps.counters.zeroSizeQuotes++;
      return;
    }
    if (this.send(symbol, side, priceTicks, qtyLots, this.deps.orderOptions) < 0) return;
    this.deps.working.add(this.lastSeq, symbol, side, priceTicks, qtyLots);
    this.deps.counters.ordersPlaced++;
    if (this.deps.risk.frozen) this.deps.counters.placedWhileFrozen++;
  }

  /** The number of the order `send` last sent. */
  private lastSeq = -1;

  /** Risk check, circuit breaker, then the venue: the order's number, or -1 when refused (the reason counted where it belongs). */
  private send(symbol: SymbolIndex, side: Side, priceTicks: number, qtyLots: number, options: OrderOptions): number {
    if (!this.admit(symbol, side, priceTicks, qtyLots, options)) return -1;
    this.lastSeq = this.deps.venue.placeOrder(this.request);
    return this.lastSeq;
  }

  /** The risk monitor and the circuit breaker on one order (left in `request`): false when refused, the reason counted. */
  private admit(symbol: SymbolIndex, side: Side, priceTicks: number, qtyLots: number, options: OrderOptions): boolean {
    const request = this.request;
    request.symbol = this.names[symbol]!;
    request.symbolIndex = symbol;
    request.side = side;
    request.priceTicks = priceTicks;
    request.qtyLots = qtyLots;
    request.quoteMidTicks = this.mids[symbol]!;
    request.options = options;
    const decision = this.deps.risk.checkOrderAt(request, this.deps.exposure, this.deps.clock.now());
    if (decision.kind === 'deny') {
      this.deny(decision.reason);
      return false;
    }
    if (!this.deps.supervisor.mayPlaceOrder()) {
      this.deps.counters.circuitBlocks++;
      this.deny('CIRCUIT_OPEN');
      return false;
    }
    return true;
  }

  /** The reason of the refusal counted last (send counts it before returning -1). */
  private lastDenied = '';

  private deny(reason: string): void {
    this.lastDenied = reason;
    const denied = this.strategyCounters.denied;
    denied[reason] = (denied[reason] ?? 0) + 1;
  }

  place(order: StrategyOrderRequest): StrategyPlaceResult {
    this.strategyCounters.placeRequests++;
    if (this.stopping) return this.refuse('STOPPING');
    const symbol = order.symbol;
    const instrument = this.deps.instruments[symbol];
    if (instrument === undefined) throw new TypeError(`place: symbol ${String(symbol)} is not a symbol index of the run (0..${this.deps.instruments.length - 1})`);
    const priceTicks = order.priceTicks ?? (order.price === undefined ? NaN : toUnits(parseDecimal(order.price, `${instrument.symbol} price`), instrument.tickSize, `${instrument.symbol} price`));
    const qtyLots = order.qtyLots ?? (order.qty === undefined ? NaN : toUnits(parseDecimal(order.qty, `${instrument.symbol} qty`), instrument.lotSize, `${instrument.symbol} qty`));
    if (!Number.isSafeInteger(priceTicks) || priceTicks <= 0) throw new TypeError(`place: the price must be positive integer ticks or a decimal string on the grid, got ${String(order.priceTicks ?? order.price)}`);
    if (!Number.isSafeInteger(qtyLots) || qtyLots < 0) throw new TypeError(`place: the size must be integer lots or a decimal string on the grid, got ${String(order.qtyLots ?? order.qty)}`);
    if (order.side !== 'BUY' && order.side !== 'SELL') throw new TypeError(`place: side must be BUY or SELL, got ${String(order.side)}`);
    if (qtyLots === 0) {
      this.deps.counters.zeroSizeQuotes++;
      return this.refuse('ZERO_SIZE');
    }
    if (order.oco !== undefined) return this.placeOco(order, instrument, priceTicks, qtyLots);
    const options = order.options === undefined ? this.deps.orderOptions : { ...this.deps.orderOptions, ...order.options };
    const seq = this.send(symbol, order.side, priceTicks, qtyLots, options);
    if (seq < 0) return { kind: 'denied', reason: this.lastDenied };
    this.deps.working.addOther(seq, symbol, order.side, priceTicks, qtyLots);
    this.deps.counters.ordersPlaced++;
    this.strategyCounters.placesSent++;
    return { kind: 'sent', seq };
  }

  private refuse(reason: string, detail?: string): StrategyPlaceResult {
    this.deny(reason);
    return detail === undefined ? { kind: 'denied', reason } : { kind: 'denied', reason, detail };
  }

  /**
   * An OCO list: refused where the venue has none; else one risk check for one leg's size (only one leg can execute;
   * both count as open orders on their side, as the exit OCOs' do), the circuit breaker, then one request.
   */
  private placeOco(order: StrategyOrderRequest, instrument: Instrument, limitTicks: number, qtyLots: number): StrategyPlaceResult {
    if (this.ocoRefusal !== null) return this.refuse('OCO_UNSUPPORTED', `OCO refused on this venue: ${this.ocoRefusal}`);
    if (order.options !== undefined) throw new TypeError('place: an OCO takes no options (both legs are GTC limit orders)');
    const oco = order.oco!;
    const stopTicks = this.ticksOf(instrument, oco.stopTicks, oco.stopPrice, 'stop');
    const stopLimitTicks = this.ticksOf(instrument, oco.stopLimitTicks, oco.stopLimitPrice, 'stopLimit');
    const symbol = order.symbol;
    if (!this.admit(symbol, order.side, limitTicks, qtyLots, OCO_LEG_OPTIONS)) return { kind: 'denied', reason: this.lastDenied };
    const ids = this.deps.venue.placeOco({
      symbol: this.names[symbol]!,
      symbolIndex: symbol,
      side: order.side,
      qtyLots,
      limitPriceTicks: limitTicks,
      stopTicks,
      stopLimitPriceTicks: stopLimitTicks,
      quoteMidTicks: this.mids[symbol]!,
    });
    this.deps.working.addOther(ids.limit, symbol, order.side, limitTicks, qtyLots);
    this.deps.working.addOther(ids.stop, symbol, order.side, stopLimitTicks, qtyLots);
    this.deps.ocoLegs.add(ids.limit);
    this.deps.ocoLegs.add(ids.stop);
    // Counted with every OCO list (orders.exit_ocos, as the venue's wire counts lists), not as quote orders.
    this.deps.counters.exitOcosPlaced++;
    if (this.deps.risk.frozen) this.deps.counters.placedWhileFrozen++;
    this.strategyCounters.placesSent++;
    this.strategyCounters.ocoListsSent++;
    return { kind: 'sent', seq: ids.limit, stopSeq: ids.stop };
  }

  /** An OCO stop price given as ticks or as a decimal on the grid: positive integer ticks. */
  private ticksOf(instrument: Instrument, ticks: number | undefined, price: string | undefined, what: string): number {
    const value = ticks ?? (price === undefined ? NaN : toUnits(parseDecimal(price, `${instrument.symbol} ${what}`), instrument.tickSize, `${instrument.symbol} ${what}`));
    if (!Number.isSafeInteger(value) || value <= 0) throw new TypeError(`place: oco.${what}Ticks (or oco.${what}Price) must be positive integer ticks or a decimal string on the grid, got ${String(ticks ?? price)}`);
    return value;
  }

  cancel(seq: number): boolean {
    this.strategyCounters.cancelRequests++;
    const order = this.deps.working.get(seq);
    if (order === undefined || order.cancelSent) return false;
    this.deps.cancellation.cancel(order);
    return true;
  }

  amend(seq: number, priceTicks: number, remainingLots: number): boolean {
    this.strategyCounters.amendRequests++;
    if (this.stopping || this.deps.risk.frozen) return false;
    const order = this.deps.working.get(seq);
    return order !== undefined && this.tryAmend(order, priceTicks, remainingLots);
  }

  cancelAll(symbol?: SymbolIndex): void {
    if (symbol === undefined) {
      this.deps.cancellation.cancelAll();
      return;
    }
    for (const order of this.deps.working.ofSymbol(symbol)) this.deps.cancellation.cancel(order);
  }

  position(symbol: SymbolIndex): StrategyPosition {
    const book = this.deps.ledger.book(symbol);
    return { lots: book.positionLots, qty: formatQty(book.instrument, book.positionLots) };
  }

  openOrders(symbol?: SymbolIndex): readonly StrategyOrder[] {
    const live = symbol === undefined ? this.deps.working.all() : this.deps.working.ofSymbol(symbol);
    return live.map((o) => this.view(o));
  }

  private view(o: WorkingOrder): StrategyOrder {
    const filledLots = o.qtyLots - o.remainingLots;
    return {
      seq: o.seq,
      symbol: this.deps.instruments[o.symbol]!.symbol,
      symbolIndex: o.symbol,
      side: o.side,
      priceTicks: o.priceTicks,
      qtyLots: o.qtyLots,
      filledLots,
      status: !o.accepted ? 'NEW' : filledLots > 0 ? 'PARTIALLY_FILLED' : 'OPEN',
    };
  }

  setTimer(name: string, delayMs: number): void {
    if (!Number.isSafeInteger(delayMs) || delayMs < 0) throw new TypeError(`setTimer('${name}'): the delay must be whole virtual ms ≥ 0, got ${String(delayMs)}`);
    const token = ++this.timerTokens;
    this.timers.set(name, token);
    this.deps.scheduler.schedule(this.deps.clock.now() + delayMs, () => {
      if (this.timers.get(name) !== token) return;
      this.timers.delete(name);
      if (this.stopping) return;
      this.strategyCounters.timersFired++;
      this.strategy?.onTimer?.(name);
    });
  }

  cancelTimer(name: string): void {
    this.timers.delete(name);
  }

  /** Amends a resting, accepted order to a new price and remaining size; false when it cannot be amended (then a quote is replaced). */
  private tryAmend(order: WorkingOrder, priceTicks: number, lots: number): boolean {
    if (!order.accepted || order.cancelSent || order.amendPending || lots <= 0) return false;
    const increase = lots - order.remainingLots;
    if (increase > 0 && this.deps.risk.checkOrder({ symbolIndex: order.symbol, side: order.side, qtyLots: increase }, this.deps.exposure).kind === 'deny') return false;
    const filled = order.qtyLots - order.remainingLots;
    this.deps.working.amend(order, priceTicks, lots);
    order.amendPending = true;
    this.deps.counters.amendsSent++;
    this.deps.venue.amendOrder(order.seq, priceTicks, filled + lots);
    return true;
  }
}
