// ExecutionLoop: per quote, lets the venue match, marks the book, checks edge, and hands the quote to the strategy (its orders pass the risk monitor); passes trades, bars and marks on (execution reports: ExecutionReports).
import { invariantViolation } from '../core/errors/shadow-exec-error.js';
import type { Instrument } from '../core/model/instrument.js';
import type { MarketContextEvent, MarketDataEvent, QuoteEvent } from '../core/model/market-data-event.js';
import { midTicks } from '../core/model/market-update.js';
import { SymbolTable } from '../core/model/symbol-table.js';
import type { OrderOptions } from '../core/model/order.js';
import { WorkingOrders } from '../core/orders/working-orders.js';
import type { Ledger } from '../core/portfolio/ledger.js';
import type { FillLog } from '../core/portfolio/fill-log.js';
import type { EdgeTracker } from '../core/risk/edge-tracker.js';
import type { RiskMonitor } from '../core/risk/risk-monitor.js';
import type { EventScheduler } from '../core/scheduler/event-scheduler.js';
import { SeededRng } from '../core/random/seeded-rng.js';
import type { Clock } from '../ports/clock.js';
import type { ExchangeClient } from '../ports/exchange-client.js';
import type { MarketDataFeed } from '../ports/market-data-feed.js';
import type { Rng } from '../ports/rng.js';
import type { Stopwatch } from '../ports/stopwatch.js';
import type { Strategy, StrategyDefinition, StrategyParams } from '../ports/strategy.js';
import { NO_BOOK_VIEW, type BookView } from '../ports/book-view.js';
import { StrategyBook } from './strategy-book.js';
import { ExitOcoManager, type ExitOcoSettings } from './exit-oco.js';
import { newLoopCounters, type LoopCounters } from './loop-counters.js';
import { LoopExposure } from './loop-exposure.js';
import { RiskSupervisor } from './risk-supervisor.js';
import { CircuitBreaker } from '../core/risk/circuit-breaker.js';
import type { ControlSource } from '../core/risk/risk-decision.js';
import { MarketEventTally } from './market-event-tally.js';
import { OrderCancellation, type CancelMode } from './order-cancellation.js';
import { ExecutionReports } from './execution-reports.js';
import type { RunObserver } from '../ports/run-observer.js';
import type { QuoteState, QuoteView } from './series-sampler.js';
import { PendingMarketEvent } from './pending-market-event.js';
import { LoopStrategyContext, type RequoteMode } from './loop-strategy-context.js';
import { GuardedStrategy, type StrategyFailure } from './guarded-strategy.js';

export type { RequoteMode } from './loop-strategy-context.js';

export interface ExecutionLoopDeps {
  readonly clock: Clock;
  readonly scheduler: EventScheduler;
  readonly venue: ExchangeClient;
  readonly feed: MarketDataFeed;
  /** In configured symbol order: instrument i is symbol index i (the ledger's and edge tracker's order too). */
  readonly instruments: readonly Instrument[];
  /** What decides the quotes; it acts only through the loop's context (risk monitor, circuit breaker, venue client). */
  readonly strategy: StrategyDefinition;
  /**
   * A plug-in's callbacks run guarded: one that throws stops the run (status failed, every order cancelled) instead of
   * unwinding the scheduler. @default false (built-ins run unguarded, on the hot path)
   */
  readonly guardStrategy?: boolean;
  /** The plug-in's file (URL or path): a failure's file:line is its first stack frame there. */
  readonly strategySource?: string | null;
  /** Measures each guarded callback call (real time, outside the run's clock). @default STILL_STOPWATCH (every call 0 ms) */
  readonly stopwatch?: Stopwatch;
  /** The longest one guarded callback call may take, wall ms; over it the run stops like a throw. @default null (none) */
  readonly strategyBudgetMs?: number | null;
  /** The strategy's own seeded stream; @default a SeededRng of 'strategy' (tests). The run forks its seed's 'strategy'. */
  readonly strategyRng?: Rng;
  /** The strategy's validated parameters. @default {} */
  readonly strategyParams?: StrategyParams;
  /** Maker and taker fee, bps, as the strategy reads them. @default '0' each */
  readonly fees?: { readonly makerBps: string; readonly takerBps: string };
  /** The public book a real-data feed keeps (by symbol name), which the strategy reads by symbol index. @default NO_BOOK_VIEW (cannot tell) */
  readonly book?: BookView;
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
  /** Why the venue and market take no OCO list through the strategy's place (the venue module's reason); null (@default): they do. */
  readonly ocoRefusal?: string | null;
  /** Keep an exit OCO on every open position; null: no exits. */
  readonly exitOco: ExitOcoSettings | null;
  /** Venue circuit breaker (venue failures open it and freeze everything); absent: a breaker with the defaults. */
  readonly breaker?: CircuitBreaker;
  /** Virtual ms between periodic risk checks (stale data, auto-unfreeze). @default 100 */
  readonly riskCheckMs?: number;
}

export type StopReason = 'completed' | 'interrupted' | 'failed';

export class ExecutionLoop implements QuoteView {
  readonly counters: LoopCounters = newLoopCounters();
  /** Events handled, by kind and symbol (a symbol's first quote is also what triggers its first edge check). */
  readonly marketEvents: MarketEventTally;
  /** The run's symbols: names at the feed and venue edges, indexes inside (resolved once per market event). */
  readonly symbols: SymbolTable;
  private readonly working: WorkingOrders;
  /** The strategy's context (its counters are the report's strategy counters) and the running strategy. */
  readonly strategyContext: LoopStrategyContext;
  private readonly strategy: Strategy;
  /** A guarded strategy's calls and wall time per callback (calls in the report; times on stderr, or with --strategy-timing); null unguarded. */
  get strategyTime(): GuardedStrategy['spent'] | null {
    return this.strategy instanceof GuardedStrategy ? this.strategy.spent : null;
  }
  /** Set when a guarded strategy callback threw: the run then stops with status failed. */
  strategyFailure: StrategyFailure | null = null;
  /** What the risk monitor reads: positions, open lots and marks. */
  readonly exposure: LoopExposure;
  private stopping: StopReason | null = null;
  private readonly exits: ExitOcoManager | null;
  readonly supervisor: RiskSupervisor;
  readonly breaker: CircuitBreaker;
  /** False once the feed is exhausted: the periodic risk check stops then, so the run can end. */
  private feedActive = true;
  private readonly cancellation: OrderCancellation;

  constructor(private readonly deps: ExecutionLoopDeps) {
    const names = deps.instruments.map((i) => i.symbol);
    this.symbols = new SymbolTable(names);
    const sameOrder = (other: readonly string[]): boolean => other.length === names.length && other.every((name, i) => name === names[i]);
    if (!sameOrder(deps.ledger.symbols) || !sameOrder(deps.edge.symbols)) {
      throw invariantViolation(`the ledger (${deps.ledger.symbols.join(',')}) and edge tracker (${deps.edge.symbols.join(',')}) must list the loop's symbols (${names.join(',')}) in its order`);
    }
    this.marketEvents = new MarketEventTally(this.symbols);
    this.working = new WorkingOrders(names.length);
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
    // The strategy's own OCO legs: told to the strategy like its orders (the exit OCOs' legs are the loop's).
    const ocoLegs = new Set<number>();
    this.strategyContext = new LoopStrategyContext({
      clock: deps.clock,
      scheduler: deps.scheduler,
      venue: deps.venue,
      instruments: deps.instruments,
      risk: deps.risk,
      supervisor: this.supervisor,
      exposure: this.exposure,
      working: this.working,
      cancellation: this.cancellation,
      counters: this.counters,
      ledger: deps.ledger,
      orderOptions: deps.orderOptions,
      requoteMode: deps.requoteMode,
      rng: deps.strategyRng ?? new SeededRng('strategy'),
      params: deps.strategyParams ?? {},
      fees: deps.fees ?? { makerBps: '0', takerBps: '0' },
      book: new StrategyBook(deps.book ?? NO_BOOK_VIEW, names),
      ocoRefusal: deps.ocoRefusal ?? null,
      ocoLegs,
    });
    const created = deps.strategy.create(this.strategyContext);
    this.strategy = deps.guardStrategy === true ? new GuardedStrategy(created, (failure) => this.failStrategy(failure), { source: deps.strategySource ?? null, stopwatch: deps.stopwatch, budgetMs: deps.strategyBudgetMs ?? null }) : created;
    this.strategyContext.strategy = this.strategy;
    this.reports = new ExecutionReports({
        working: this.working,
        cancellation: this.cancellation,
        counters: this.counters,
        supervisor: this.supervisor,
        ledger: deps.ledger,
        fillLog: deps.fillLog,
        edge: deps.edge,
        symbols: this.symbols,
        strategy: this.strategy,
        strategyLegs: ocoLegs,
      });
    deps.venue.setListener(this.reports);
  }

  private readonly reports: ExecutionReports;

  /** Tells `observer` every fill from now on (--series); the run itself is unchanged. */
  observe(observer: RunObserver): void {
    this.reports.observer = observer;
  }

  /** Symbol index `symbol`'s quotes and live-order count, the loop's own record (read-only: the --series sampler). */
  quoteState(symbol: number): QuoteState {
    return this.working.symbol(symbol);
  }

  /** A guarded strategy callback threw: record it (the first failure only) and stop the run, cancelling every order. */
  private failStrategy(failure: StrategyFailure): void {
    if (this.strategyFailure === null) this.strategyFailure = failure;
    this.stop('failed');
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
    this.strategy.onStart?.();
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
    this.strategyContext.stopping = true;
    // The strategy hears the end first, so it may still read state; nothing it asks for is sent any more.
    if (reason !== 'failed') this.strategy.onStop?.();
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
    const strategy = this.strategy;
    switch (event.kind) {
      case 'bar':
        strategy.onBar?.(symbol, event);
        break;
      case 'trade':
        strategy.onTrade?.(symbol, event);
        break;
      case 'mark':
        strategy.onMark?.(symbol, event);
        break;
      case 'ticker':
        break;
    }
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
    // The strategy hears every quote, frozen or not; while frozen the context refuses whatever it asks for.
    this.strategyContext.noteMid(symbol, mid);
    const strategy = this.strategy;
    strategy.onQuote?.(symbol, update, mid);
    if (strategy.onBook !== undefined && this.stopping === null) strategy.onBook(symbol, this.strategyContext.book);
    this.exits?.onMarket(symbol, mid, this.deps.risk.frozen);
  }
}
