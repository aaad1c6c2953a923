// ExecutionReports: what the loop does with each execution report the venue sends (accept, reject, fill, cancel, amend, refusals).
import type { Fill } from '../core/model/fill.js';
import type { Order } from '../core/model/order.js';
import type { SymbolTable } from '../core/model/symbol-table.js';
import type { WorkingOrders } from '../core/orders/working-orders.js';
import type { FillLog } from '../core/portfolio/fill-log.js';
import type { Ledger } from '../core/portfolio/ledger.js';
import type { EdgeTracker } from '../core/risk/edge-tracker.js';
import type { VenueReject } from '../ports/venue-rules.js';
import type { ExecutionListener } from '../ports/exchange-client.js';
import type { Strategy } from '../ports/strategy.js';
import type { RunObserver } from '../ports/run-observer.js';
import type { LoopCounters } from './loop-counters.js';
import type { OrderCancellation } from './order-cancellation.js';
import type { RiskSupervisor } from './risk-supervisor.js';

export interface ExecutionReportsDeps {
  /** The loop's record of its live orders. */
  readonly working: WorkingOrders;
  readonly cancellation: OrderCancellation;
  readonly counters: LoopCounters;
  /** Told every venue answer (the circuit breaker counts failures). */
  readonly supervisor: RiskSupervisor;
  readonly ledger: Ledger;
  readonly fillLog: FillLog;
  readonly edge: EdgeTracker;
  /** The run's symbols (a cancel-all answer names its symbol). */
  readonly symbols: SymbolTable;
  /** Told about its own orders (exit OCO legs are the loop's, not the strategy's) after the loop has updated its books. */
  readonly strategy?: Strategy;
  /** The legs of OCO lists the strategy placed: told to it as its own orders (counted, like every OCO leg, under exit_ocos); forgotten here once terminal. @default none */
  readonly strategyLegs?: Set<number>;
}

/** The ExecutionListener the loop registers with its venue: keeps working orders, ledger, fill log, edge and counters in step. */
export class ExecutionReports implements ExecutionListener {
  private readonly strategy: Strategy;
  private readonly strategyLegs: Set<number>;
  /** Told every fill after the books took it (--series); null: nobody watches. */
  observer: RunObserver | null = null;

  constructor(private readonly deps: ExecutionReportsDeps) {
    this.strategy = deps.strategy ?? {};
    this.strategyLegs = deps.strategyLegs ?? new Set();
  }

  /** The strategy's order: a plain order, or a leg of an OCO it placed (not an exit OCO's leg). */
  private own(order: Order): boolean {
    return order.leg === null || (this.strategyLegs.size !== 0 && this.strategyLegs.has(order.seq));
  }

  /** A leg of the strategy's OCO reached a terminal state. */
  private ended(order: Order): void {
    if (order.leg !== null && this.strategyLegs.size !== 0) this.strategyLegs.delete(order.seq);
  }

  onAccepted(order: Order): void {
    this.deps.supervisor.onVenueAnswer(null);
    const working = this.deps.working.get(order.seq);
    if (working !== undefined) working.accepted = true;
    if (working?.recancelOnAccept) {
      working.recancelOnAccept = false;
      this.deps.cancellation.cancel(working);
    }
    if (this.own(order)) this.strategy.onOrderAccepted?.(order);
  }

  onRejected(order: Order, reject: VenueReject): void {
    const own = this.own(order);
    this.ended(order);
    if (order.leg === null) this.deps.counters.ordersRejected++;
    else this.deps.counters.exitOcoLegsRejected++;
    this.deps.supervisor.onVenueAnswer(reject.code);
    const working = this.deps.working.get(order.seq);
    if (working !== undefined) this.deps.working.remove(working);
    this.deps.cancellation.settled(order.seq);
    if (own) this.strategy.onOrderRejected?.(order, reject);
  }

  onFill(fill: Fill, order: Order): void {
    this.deps.counters.fills++;
    const fee = this.deps.ledger.applyFill(fill);
    this.deps.fillLog.add(fill, fee, order.qtyLots - order.filledLots);
    if (this.observer !== null) this.observer.onFill(fill, fee);
    this.deps.edge.onFill(fill);
    const working = this.deps.working.get(order.seq);
    if (working !== undefined) this.deps.working.reduce(working, fill.qtyLots);
    const own = this.own(order);
    if (order.status === 'FILLED') {
      this.ended(order);
      if (order.leg === null) this.deps.counters.ordersFilled++;
      else this.deps.counters.exitOcoLegsFilled++;
      this.deps.cancellation.settled(order.seq);
    }
    if (own) this.strategy.onFill?.(fill, order);
  }

  onCanceled(order: Order): void {
    const own = this.own(order);
    this.ended(order);
    if (order.leg === null) this.deps.counters.ordersCanceled++;
    else this.deps.counters.exitOcoLegsCanceled++;
    this.forget(order);
    if (own) this.strategy.onOrderCanceled?.(order);
  }

  /** Never sent, so neither placed nor canceled on the wire (the venue counts it as dropped before send). */
  onDropped(order: Order): void {
    const own = this.own(order);
    this.ended(order);
    this.forget(order);
    if (own) this.strategy.onOrderCanceled?.(order);
  }

  private forget(order: Order): void {
    const working = this.deps.working.get(order.seq);
    if (working !== undefined) this.deps.working.remove(working);
    this.deps.cancellation.settled(order.seq);
  }

  onCancelRejected(order: Order, reject: VenueReject): void {
    this.deps.supervisor.onVenueAnswer(reject.code);
    if (order.status === 'FILLED') this.deps.counters.cancelRacesLost++;
    const working = this.deps.working.get(order.seq);
    if (working === undefined) return;
    if (order.status === 'NEW') {
      // The cancel overtook the order (possible when cancels travel faster than entries): ask again once it is accepted.
      working.cancelSent = false;
      working.recancelOnAccept = true;
    } else if (order.status === 'OPEN' || order.status === 'PARTIALLY_FILLED') {
      // The venue refused the cancel itself (rate limit): the order still rests, so ask again on the next update.
      this.deps.cancellation.retryLater(working);
    }
  }

  onAmended(order: Order): void {
    const working = this.deps.working.get(order.seq);
    if (working === undefined) return;
    working.amendPending = false;
    this.deps.working.amend(working, order.priceTicks, order.qtyLots - order.filledLots);
    this.strategy.onAmended?.(order);
  }

  onAmendRejected(order: Order, reject: VenueReject): void {
    this.deps.supervisor.onVenueAnswer(reject.code);
    this.deps.counters.amendsRejected++;
    const working = this.deps.working.get(order.seq);
    if (working === undefined) return;
    working.amendPending = false;
    if (order.status === 'OPEN' || order.status === 'PARTIALLY_FILLED') {
      // The venue kept the order as it was: track that again, then take it off the book.
      this.deps.working.amend(working, order.priceTicks, order.qtyLots - order.filledLots);
      this.deps.cancellation.cancel(working);
    }
    this.strategy.onAmendRejected?.(order, reject);
  }

  onCancelAllRejected(symbol: string, reject: VenueReject): void {
    this.deps.supervisor.onVenueAnswer(reject.code);
    // Fall back to one cancel per order (each retried on later updates if the venue refuses it too).
    for (const order of this.deps.working.ofSymbol(this.deps.symbols.require(symbol, 'a cancel-all answer'))) {
      if (order.accepted && !order.cancelSent) this.deps.cancellation.cancel(order);
    }
  }
}
