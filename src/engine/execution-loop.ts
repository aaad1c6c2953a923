// ExecutionLoop: per quote, lets the venue match, marks the book, checks edge, and quotes through the risk monitor; passes trades, bars and marks on (execution reports: ExecutionReports).
import { invariantViolation } from '../core/errors/shadow-exec-error.js';
import type { Instrument } from '../core/model/instrument.js';
import type { MarketContextEvent, MarketDataEvent, QuoteEvent } from '../core/model/market-data-event.js';
import { midTicks } from '../core/model/market-update.js';
import { SymbolTable, type SymbolIndex } from '../core/model/symbol-table.js';
import type { OrderOptions, OrderRequest, Side } from '../core/model/order.js';
import { WorkingOrders, type SymbolWorking, type WorkingOrder } from '../core/orders/working-orders.js';
import type { Ledger } from '../core/portfolio/ledger.js';
import type { FillLog } from '../core/portfolio/fill-log.js';
import type { EdgeTracker } from '../core/risk/edge-tracker.js';
import type { RiskMonitor } from '../core/risk/risk-monitor.js';
import type { EventScheduler } from '../core/scheduler/event-scheduler.js';
import type { SymmetricQuoter } from '../core/strategy/symmetric-quoter.js';
import type { Clock } from '../ports/clock.js';
import type { ExchangeClient } from '../ports/exchange-client.js';
import type { MarketDataFeed } from '../ports/market-data-feed.js';
import { ExitOcoManager, type ExitOcoSettings } from './exit-oco.js';
import { newLoopCounters, type LoopCounters } from './loop-counters.js';
import { LoopExposure } from './loop-exposure.js';
import { RiskSupervisor } from './risk-supervisor.js';
import { CircuitBreaker } from '../core/risk/circuit-breaker.js';
import type { ControlSource } from '../core/risk/risk-decision.js';
import { MarketEventTally } from './market-event-tally.js';
import { OrderCancellation, type CancelMode } from './order-cancellation.js';
import { ExecutionReports } from './execution-reports.js';
import { PendingMarketEvent } from './pending-market-event.js';

export interface ExecutionLoopDeps {
  readonly clock: Clock;
  readonly scheduler: EventScheduler;
  readonly venue: ExchangeClient;
  readonly feed: MarketDataFeed;
  /** In configured symbol order: instrument i is symbol index i (the ledger's and edge tracker's order too). */
  readonly instruments: readonly Instrument[];
  readonly quoter: SymmetricQuoter;
  readonly risk: RiskMonitor;
  readonly edge: EdgeTracker;
  readonly ledger: Ledger;
  readonly fillLog: FillLog;
  /** Options sent with every order (time in force, post-only, reduce-only). */
  readonly orderOptions: OrderOptions;
  /** How a quote that moved is updated: cancel and place a new order, or amend the resting one in place. */
  readonly requoteMode: RequoteMode;
  /** How a freeze or stop cancels: one cancel per order, or one cancel-all request per symbol. */
  readonly cancelMode: CancelMode;
  /** Keep an exit OCO on every open position; null: no exits. */
  readonly exitOco: ExitOcoSettings | null;
  /** Venue circuit breaker (venue failures open it and freeze everything); absent: a breaker with the defaults. */
  readonly breaker?: CircuitBreaker;
  /** Virtual ms between periodic risk checks (stale data, auto-unfreeze). @default 100 */
  readonly riskCheckMs?: number;
}

export type RequoteMode = 'replace' | 'amend';

export type StopReason = 'completed' | 'interrupted';

const SIDES: readonly Side[] = ['BUY', 'SELL'];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class ExecutionLoop {
  readonly counters: LoopCounters = newLoopCounters();
  /** Events handled, by kind and symbol (a symbol's first quote is also what triggers its first edge check). */
  readonly marketEvents: MarketEventTally;
  /** The run's symbols: names at the feed and venue edges, indexes inside (resolved once per market event). */
  readonly symbols: SymbolTable;
  private readonly working: WorkingOrders;
  /** Per symbol index, what requoting reads: its instrument and the loop's working-order record. */
  private readonly quoting: readonly { readonly instrument: Instrument; readonly working: SymbolWorking }[];
  /** What the risk monitor reads: positions, open lots and marks. */
  readonly exposure: LoopExposure;
  private stopping: StopReason | null = null;
  private readonly exits: ExitOcoManager | null;
  readonly supervisor: RiskSupervisor;
  readonly breaker: CircuitBreaker;
  /** False once the feed is exhausted: the periodic risk check stops then, so the run can end. */
  private feedActive = true;
  private readonly cancellation: OrderCancellation;
  /**
   * The quote order being sent — the risk check's intent, then the venue's request — overwritten for every order (no
   * object per order): the risk monitor reads it during the check only, a venue client copies what it keeps (ExchangeClient.placeOrder).
   */
  private readonly request: Mutable<OrderRequest>;

  constructor(private readonly deps: ExecutionLoopDeps) {
    this.request = { symbol: '', symbolIndex: -1, side: 'BUY', priceTicks: 0, qtyLots: 0, quoteMidTicks: 0, options: deps.orderOptions };
    const names = deps.instruments.map((i) => i.symbol);
    this.symbols = new SymbolTable(names);
    const sameOrder = (other: readonly string[]): boolean => other.length === names.length && other.every((name, i) => name === names[i]);
    if (!sameOrder(deps.ledger.symbols) || !sameOrder(deps.edge.symbols)) {
      throw invariantViolation(`the ledger (${deps.ledger.symbols.join(',')}) and edge tracker (${deps.edge.symbols.join(',')}) must list the loop's symbols (${names.join(',')}) in its order`);
    }
    this.marketEvents = new MarketEventTally(this.symbols);
    this.working = new WorkingOrders(names.length);
    this.quoting = deps.instruments.map((instrument, i) => ({ instrument, working: this.working.symbol(i) }));
    this.exposure = new LoopExposure(deps.instruments, deps.ledger, this.working);
    this.exits =
      deps.exitOco === null
        ? null
        : new ExitOcoManager(deps.exitOco, { venue: deps.venue, working: this.working, ledger: deps.ledger, instruments: deps.instruments, counters: this.counters });
    this.cancellation = new OrderCancellation({
      clock: deps.clock,
      venue: deps.venue,
      working: this.working,
      counters: this.counters,
      cancelMode: deps.cancelMode,
      symbols: names,
      exits: this.exits,
    });
    this.breaker = deps.breaker ?? new CircuitBreaker();
    this.supervisor = new RiskSupervisor({
      clock: deps.clock,
      scheduler: deps.scheduler,
      risk: deps.risk,
      ledger: deps.ledger,
      breaker: this.breaker,
      checkEveryMs: deps.riskCheckMs ?? 100,
      hooks: { freeze: (event) => this.cancellation.freezeAll(event), running: () => this.stopping === null && this.feedActive },
    });
    this.pending = new PendingMarketEvent(deps.scheduler, (event) => this.onMarketEvent(event));
    deps.venue.setListener(
      new ExecutionReports({
        working: this.working,
        cancellation: this.cancellation,
        counters: this.counters,
        supervisor: this.supervisor,
        ledger: deps.ledger,
        fillLog: deps.fillLog,
        edge: deps.edge,
        symbols: this.symbols,
      }),
    );
  }

  /** The risk monitor the loop consults (read-only use: state, freezes, unfreezes). */
  get riskMonitor(): RiskMonitor {
    return this.deps.risk;
  }

  /** Operator control (signal, control file, rehearsal): freeze everything now, or end a freeze. */
  manualFreeze(source: ControlSource): void {
    if (this.stopping === null) this.supervisor.manualFreeze(source);
  }

  manualUnfreeze(source: ControlSource): void {
    if (this.stopping === null) this.supervisor.manualUnfreeze(source);
  }

  /** Schedules the first market update; later ones are pulled one at a time as each is handled. */
  start(): void {
    if (this.supervisor.needsClock) this.supervisor.start(this.symbols.names);
    else this.deps.risk.watchMarketData(this.symbols.names, this.deps.clock.now());
    this.pullNextUpdate();
  }

  /** Live feeds: the feed had nothing (next() returned null) and now has events again — pull the next one. */
  resume(): void {
    this.feedActive = true;
    if (this.stopping === null) this.pullNextUpdate();
  }

  get stopReason(): StopReason | null {
    return this.stopping;
  }

  get openOrders(): number {
    return this.working.count;
  }

  /** Stops the feed and cancels every live order; the scheduler must then be drained. Idempotent. */
  stop(reason: StopReason): void {
    if (this.stopping !== null) return;
    this.stopping = reason;
    this.deps.feed.stop();
    this.cancellation.cancelAll();
  }

  /** The one market event scheduled and not yet handled (the feed is pulled one event at a time); its own scheduler event. */
  private readonly pending: PendingMarketEvent;

  private pullNextUpdate(): void {
    const event = this.deps.feed.next();
    if (event === null) {
      this.feedActive = false;
      return;
    }
    this.pending.schedule(event);
  }

  /**
   * Dispatch by kind: a quote drives matching, marking, edge and requoting; a trade, bar, mark or ticker is
   * counted and passed on (venue hook; bars also to the strategy). Book events never reach the loop:
   * a feed that reads books yields quotes from them (MarketDataFeed contract).
   */
  private onMarketEvent(event: MarketDataEvent): void {
    if (this.stopping !== null) return;
    switch (event.kind) {
      case 'quote':
        this.onQuote(event);
        break;
      case 'trade':
      case 'bar':
      case 'mark':
      case 'ticker':
        this.onContext(event);
        break;
      default:
        throw invariantViolation(`the feed delivered a ${event.kind} event for ${event.symbol}: book events must become quotes in the feed`);
    }
    this.pullNextUpdate();
  }

  /** A trade, bar, mark or ticker: its symbol may be one the run only observes (index -1). */
  private onContext(event: MarketContextEvent): void {
    const symbol = this.symbols.indexOf(event.symbol);
    this.marketEvents.context(event, symbol);
    this.deps.venue.onMarketEvent?.(event, symbol);
    if (event.kind === 'bar') this.deps.quoter.onBar(event);
  }

  private onQuote(update: QuoteEvent): void {
    this.counters.marketUpdates++;
    if (this.cancellation.retriesPending) this.cancellation.retryPending();
    // The feed edge: the quote's name becomes the symbol's index once; everything after indexes arrays.
    const symbol = this.symbols.require(update.symbol, 'the loop');
    this.supervisor.onMarketData(symbol, update.ts);
    this.deps.venue.onMarketUpdate(update, symbol);
    const mid = midTicks(update);
    this.deps.ledger.mark(symbol, mid);

    const first = this.marketEvents.quote(symbol);
    if (this.deps.edge.onMarket(symbol, update.ts, mid) || first) {
      const freeze = this.deps.risk.evaluateEdge(update.symbol, this.deps.edge.netEdgeBpsE4(symbol), update.ts);
      if (freeze !== null) this.cancellation.freezeAll(freeze);
    }
    this.supervisor.check();
    if (!this.deps.risk.frozen) this.requote(symbol, mid);
    this.exits?.onMarket(symbol, mid, this.deps.risk.frozen);
  }

  private requote(symbol: SymbolIndex, mid: number): void {
    const { instrument, working } = this.quoting[symbol]!;
    const quote = this.deps.quoter.quote(instrument, mid);
    for (const side of SIDES) {
      const price = side === 'BUY' ? quote.bidTicks : quote.askTicks;
      const lots = side === 'BUY' ? quote.bidLots : quote.askLots;
      const resting = side === 'BUY' ? working.bid : working.ask;
      if (resting !== null) {
        if (Math.abs(resting.priceTicks - price) < quote.requoteTicks) continue;
        if (this.deps.requoteMode === 'amend' && this.tryAmend(resting, price, lots)) continue;
        this.cancellation.cancel(resting);
      }
      if (lots <= 0) {
        this.counters.zeroSizeQuotes++;
        continue;
      }
      const request = this.request;
      request.symbol = instrument.symbol;
      request.symbolIndex = symbol;
      request.side = side;
      request.priceTicks = price;
      request.qtyLots = lots;
      request.quoteMidTicks = mid;
      if (this.deps.risk.checkOrderAt(request, this.exposure, this.deps.clock.now()).kind === 'deny') continue;
      if (!this.supervisor.mayPlaceOrder()) {
        this.counters.circuitBlocks++;
        continue;
      }
      const id = this.deps.venue.placeOrder(request);
      this.working.add(id, symbol, side, price, lots);
      this.counters.ordersPlaced++;
      if (this.deps.risk.frozen) this.counters.placedWhileFrozen++;
    }
  }

  /** Amends a resting, accepted quote to a new price and size; false when it cannot be amended (then it is replaced). */
  private tryAmend(order: WorkingOrder, priceTicks: number, lots: number): boolean {
    if (!order.accepted || order.cancelSent || order.amendPending || lots <= 0) return false;
    const increase = lots - order.remainingLots;
    if (increase > 0 && this.deps.risk.checkOrder({ symbolIndex: order.symbol, side: order.side, qtyLots: increase }, this.exposure).kind === 'deny') return false;
    const filled = order.qtyLots - order.remainingLots;
    this.working.amend(order, priceTicks, lots);
    order.amendPending = true;
    this.counters.amendsSent++;
    this.deps.venue.amendOrder(order.seq, priceTicks, filled + lots);
    return true;
  }
}
