// VenueMatchingEngine: the simulated venue's side of the wire — accepting, rejecting, matching, cancelling and amending orders and OCO lists as requests arrive.
import type { Clock } from '../../ports/clock.js';
import type { ExecutionListener, VenueStats } from '../../ports/exchange-client.js';
import { FillRecord } from '../model/fill-record.js';
import { IdSequence, type FillId } from '../model/ids.js';
import type { Instrument } from '../model/instrument.js';
import type { TradeEvent } from '../model/market-data-event.js';
import type { TopOfBook } from '../model/market-update.js';
import type { SymbolIndex } from '../model/symbol-table.js';
import { sideSign, type Liquidity, type Order } from '../model/order.js';
import { stopReached, type OcoRequest } from '../model/order-list.js';
import { OrderIndex } from '../orders/order-index.js';
import { OrderStore } from '../orders/order-store.js';
import type { FillModel } from '../../ports/fill-model.js';
import { ordersReachedByTrade } from './trade-priority.js';
import { VenueCounters } from './venue-counters.js';
import { VenueSymbols, noteBook } from './venue-symbols.js';
import type { VenueOutcome, VenueReject, VenueRules } from '../../ports/venue-rules.js';

export interface MatchingEngineDeps {
  readonly clock: Clock;
  readonly instruments: ReadonlyMap<string, Instrument>;
  readonly rules: VenueRules;
  readonly fillModel: FillModel;
  /** Where execution reports go (the venue's current listener). */
  readonly listener: () => ExecutionListener;
}

type TerminalWhy = 'ALREADY_FILLED' | 'ALREADY_CANCELED' | 'UNKNOWN_ORDER';

/** Everything here runs when a request or a market update reaches the venue; sending and latency live in SimulatedVenue. */
export class VenueMatchingEngine {
  readonly store = new OrderStore();
  readonly counters = new VenueCounters();
  private readonly fillIds = new IdSequence<FillId>('F');
  /** Orders a cancel can still address, by number: live ones, and terminal ones until the cancel already in flight is answered. */
  readonly byNo = new OrderIndex();
  private readonly symbols = new VenueSymbols();

  constructor(private readonly deps: MatchingEngineDeps) {}

  private get listener(): ExecutionListener {
    return this.deps.listener();
  }

  get venue(): string {
    return this.deps.rules.venue;
  }

  /** A top-of-book update of symbol index `symbol` (update.symbol's). */
  onMarketUpdate(update: TopOfBook, symbol: SymbolIndex): void {
    noteBook(this.symbols.get(symbol), update);
    // Nothing OPEN or PARTIALLY_FILLED: the loop below would skip every entry (a dormant stop leg is OPEN, so counted).
    if (!this.store.hasResting(symbol)) return;
    let dormantStops = false;
    // Orders that were still NEW when the update came cannot be filled by it; only resting ones are visited, in creation order.
    const resting = this.store.restingOrders(symbol);
    for (let i = 0; i < resting.length; i++) {
      const order = resting[i]!;
      if (order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') continue;
      if (order.leg?.role === 'stop' && !order.leg.triggered) {
        dormantStops = true;
        continue;
      }
      const lots = this.deps.fillModel.quoteFill(order, update);
      if (lots > 0) this.execute(order, order.priceTicks, lots, 'MAKER', update.ts);
    }
    if (dormantStops) this.triggerStops(update, symbol);
  }

  /**
   * A public trade: resting orders it reaches (at or through their price) are offered it in price-time priority,
   * best price first, then oldest; each takes what the fill model grants from what the better-placed ones left.
   */
  onTrade(trade: TradeEvent, symbol: SymbolIndex): void {
    const reached = ordersReachedByTrade(this.store.restingOrders(symbol), trade.priceTicks);
    if (reached === null) return;
    let taken = 0;
    for (const order of reached) {
      if (order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') continue;
      const lots = this.deps.fillModel.tradeFill(order, trade, taken);
      if (lots <= 0) continue;
      taken += lots;
      this.execute(order, order.priceTicks, lots, 'MAKER', trade.ts);
    }
  }

  /** Dormant OCO stop legs the market has reached become limit orders (and may take at once); their limit leg is cancelled. */
  private triggerStops(update: TopOfBook, symbol: SymbolIndex): void {
    for (const order of this.store.liveOrders(symbol)) {
      const leg = order.leg;
      if (leg === null || leg.role !== 'stop' || leg.triggered || order.status !== 'OPEN') continue;
      if (!stopReached(order.side, leg.stopTicks!, update.bidTicks, update.askTicks)) continue;
      leg.triggered = true;
      this.counters.stopsTriggered++;
      this.cancelSibling(order, 'OCO_STOP_TRIGGERED');
      if (this.matchAtTouch(order)) this.deps.fillModel.onRest(order);
    }
  }

  /** One leg of an OCO executed or triggered: the venue cancels the other. */
  private cancelSibling(order: Order, reason: string): void {
    const sibling = order.leg === null ? undefined : this.byNo.get(order.leg.siblingSeq);
    if (sibling === undefined || (sibling.status !== 'OPEN' && sibling.status !== 'PARTIALLY_FILLED')) return;
    this.conclude(sibling, { kind: 'cancel', reason });
  }

  arriveOco(request: OcoRequest, limit: Order, stop: Order): void {
    const instrument = this.deps.instruments.get(request.symbol);
    const book = this.symbols.get(request.symbolIndex).lastBook;
    let reject: VenueReject | null =
      instrument === undefined
        ? { code: 'UNKNOWN_SYMBOL', message: 'unknown symbol', detail: `symbol ${request.symbol}` }
        : (this.deps.rules.validate(limit, instrument) ?? this.deps.rules.validate(stop, instrument));
    if (reject === null) {
      reject =
        this.deps.rules.validateOco === undefined
          ? { code: 'OCO_UNSUPPORTED', message: 'the venue has no OCO order lists', detail: `venue ${this.venue}` }
          : this.deps.rules.validateOco(request, book === undefined ? request.quoteMidTicks : Math.floor((book.bidTicks + book.askTicks) / 2));
    }
    if (reject !== null) {
      this.reject(limit, reject);
      this.reject(stop, reject);
      return;
    }
    for (const leg of [limit, stop]) {
      leg.acceptedAt = this.deps.clock.now();
      this.store.transition(leg, 'OPEN');
      this.deps.fillModel.onRest(leg);
      this.listener.onAccepted(leg);
    }
  }

  /** The venue's instrument for an order's symbol, looked up by name once per symbol index (a string-keyed map lookup per arrival before). */
  private instrumentOf(order: Order): Instrument | undefined {
    const state = this.symbols.get(order.symbolIndex);
    if (state.instrumentName !== order.symbol) {
      state.instrumentName = order.symbol;
      state.instrument = this.deps.instruments.get(order.symbol);
    }
    return state.instrument;
  }

  arrive(order: Order): void {
    const instrument = this.instrumentOf(order);
    const reject: VenueReject | null =
      instrument === undefined
        ? { code: 'UNKNOWN_SYMBOL', message: 'unknown symbol', detail: `symbol ${order.symbol}` }
        : (this.deps.rules.validate(order, instrument) ?? this.reduceOnlyCheck(order));
    if (reject !== null) {
      this.reject(order, reject);
      return;
    }
    order.acceptedAt = this.deps.clock.now();
    if (!this.matchAtTouch(order)) return;
    if (order.options.timeInForce !== 'GTC') {
      this.conclude(order, this.deps.rules.immediateRemainder(order.options.timeInForce, order.filledLots));
      return;
    }
    if (order.status === 'NEW') this.store.transition(order, 'OPEN');
    this.deps.fillModel.onRest(order);
    this.listener.onAccepted(order);
  }

  /**
   * An order that crosses the touch as it arrives (or is amended) takes there, up to the displayed size; post-only
   * and unfillable FOK orders end instead. Returns whether the order is still live and its unfilled rest may rest.
   */
  private matchAtTouch(order: Order): boolean {
    const book = this.symbols.get(order.symbolIndex).lastBook;
    const crosses = book !== undefined && (order.side === 'BUY' ? book.askTicks <= order.priceTicks : book.bidTicks >= order.priceTicks);
    if (!crosses) return true;
    if (order.options.postOnly) {
      this.conclude(order, this.deps.rules.postOnlyWouldTake(book));
      return false;
    }
    const touchTicks = order.side === 'BUY' ? book.askTicks : book.bidTicks;
    const touchLots = order.side === 'BUY' ? book.askLots : book.bidLots;
    const remaining = order.qtyLots - order.filledLots;
    const lots = Math.min(remaining, touchLots);
    if (order.options.timeInForce === 'FOK' && lots < remaining) {
      this.conclude(order, this.deps.rules.immediateRemainder('FOK', order.filledLots));
      return false;
    }
    if (lots > 0) this.execute(order, touchTicks, lots, 'TAKER', this.deps.clock.now());
    return order.status !== 'FILLED';
  }

  /** A cancel-all for the symbol named `symbol` (as the request names it). */
  arriveCancelAll(symbol: string): void {
    for (const order of this.store.liveOrdersNamed(symbol)) {
      if (order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') continue;
      this.store.transition(order, 'CANCELED');
      if (!order.cancelRequested) this.byNo.delete(order);
      this.listener.onCanceled(order);
    }
  }

  /** The venue's dead-man switch fired: every open order, of every symbol, is cancelled citing `reason`. Returns how many. */
  cancelEveryOpen(reason: string): number {
    let cancelled = 0;
    for (const order of this.store.allLiveOrders()) {
      if (order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') continue;
      this.conclude(order, { kind: 'cancel', reason });
      cancelled++;
    }
    return cancelled;
  }

  arriveAmend(order: Order, priceTicks: number, qtyLots: number): void {
    if (order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') {
      this.rejectAmend(order, this.deps.rules.cancelRejected(this.terminalWhy(order)));
      return;
    }
    if (order.leg !== null) {
      this.rejectAmend(order, { code: 'OCO_LEG_NOT_AMENDABLE', message: 'a leg of an order list cannot be amended' });
      return;
    }
    if (qtyLots <= order.filledLots) {
      this.rejectAmend(order, this.deps.rules.amendBelowFilled());
      return;
    }
    const reject = this.deps.rules.validate({ ...order, priceTicks, qtyLots }, this.deps.instruments.get(order.symbol)!);
    if (reject !== null) {
      this.rejectAmend(order, reject);
      return;
    }
    // A new price or a larger size sends the order to the back of its level; shrinking it keeps its place.
    const requeue = priceTicks !== order.priceTicks || qtyLots > order.qtyLots;
    this.store.amend(order, priceTicks, qtyLots);
    if (!this.matchAtTouch(order)) return;
    if (requeue) this.deps.fillModel.onRest(order);
    this.listener.onAmended(order);
  }

  rejectAmend(order: Order, reject: VenueReject): void {
    this.counters.amendsRejected++;
    this.listener.onAmendRejected(order, reject);
  }

  private terminalWhy(order: Order): TerminalWhy {
    if (order.status === 'FILLED') return 'ALREADY_FILLED';
    return order.status === 'CANCELED' ? 'ALREADY_CANCELED' : 'UNKNOWN_ORDER';
  }

  /** A reduce-only order must face the position and not exceed it (so it can neither open, grow nor flip it). */
  private reduceOnlyCheck(order: Order): VenueReject | null {
    if (!order.options.reduceOnly) return null;
    const position = this.symbols.get(order.symbolIndex).positionLots;
    const reduces = position * sideSign(order.side) < 0 && order.qtyLots <= Math.abs(position);
    return reduces ? null : this.deps.rules.reduceOnlyViolated();
  }

  reject(order: Order, reject: VenueReject): void {
    this.counters.reject(reject.code);
    this.store.transition(order, 'REJECTED');
    this.byNo.delete(order);
    this.listener.onRejected(order, reject);
  }

  /** The venue ends an accepted order it will not let rest: cancelled or expired with its reason, or rejected. */
  private conclude(order: Order, outcome: VenueOutcome): void {
    if (outcome.kind === 'reject' && order.status === 'NEW') {
      this.reject(order, outcome.reject);
      return;
    }
    // An order already accepted (an amend that would now take) cannot be rejected: the venue cancels it, citing the code.
    if (outcome.kind === 'reject') outcome = { kind: 'cancel', reason: outcome.reject.code };
    this.counters.venueCancel(outcome.reason);
    this.store.transition(order, outcome.kind === 'cancel' ? 'CANCELED' : 'EXPIRED');
    if (!order.cancelRequested) this.byNo.delete(order);
    this.listener.onCanceled(order);
  }

  arriveCancel(order: Order): void {
    switch (order.status) {
      case 'OPEN':
      case 'PARTIALLY_FILLED':
        this.store.transition(order, 'CANCELED');
        this.byNo.delete(order);
        this.listener.onCanceled(order);
        // Cancelling one leg of an order list cancels the whole list (Binance order lists).
        this.cancelSibling(order, 'OCO_LIST_CANCELED');
        return;
      default:
        this.rejectCancelWith(order, this.deps.rules.cancelRejected(this.terminalWhy(order)));
        return;
    }
  }

  rejectCancelWith(order: Order, reject: VenueReject): void {
    this.counters.cancelsRejected++;
    // A live order stays addressable (a NEW one's entry is still on its way; an open one survived a refused cancel).
    if (order.status !== 'NEW' && order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') this.byNo.delete(order);
    this.listener.onCancelRejected(order, reject);
  }

  private execute(order: Order, priceTicks: number, lots: number, liquidity: Liquidity, ts: number): void {
    const fill = new FillRecord(this.fillIds.issue(), order.id, order.symbol, order.symbolIndex, order.side, priceTicks, lots, liquidity, ts, order.quoteMidTicks);
    if (liquidity === 'MAKER') this.counters.makerFills++;
    else this.counters.takerFills++;
    this.symbols.get(order.symbolIndex).positionLots += sideSign(order.side) * lots;
    this.store.fill(order, lots);
    if (order.status === 'FILLED' && !order.cancelRequested) this.byNo.delete(order);
    this.listener.onFill(fill, order);
    if (order.leg !== null) this.cancelSibling(order, 'OCO_OTHER_LEG_FILLED');
  }

  /**
   * The client cancelled an order its rate limiter was still holding: it never reaches the venue. It ends CANCELED
   * (an OCO limit leg takes its stop leg with it), counted apart from venue cancels.
   */
  dequeue(order: Order): void {
    if (order.leg === null) this.counters.dequeued++;
    else this.counters.ocoListsDequeued++;
    for (const o of order.leg === null ? [order] : [order, this.byNo.get(order.leg.siblingSeq)]) {
      if (o === undefined || o.status !== 'NEW') continue;
      this.store.transition(o, 'CANCELED');
      this.byNo.delete(o);
      this.listener.onDropped(o);
    }
  }

  /** Orders the venue has accepted and not yet ended on `symbol` (orders still in flight do not count). */
  openOrderCount(symbol: string): number {
    return this.store.openCount(symbol);
  }

  stats(api: Record<string, unknown>): Omit<VenueStats, 'fillModel' | 'wire'> {
    return this.counters.stats(this.store.counts, this.fillIds.issued, this.store.liveCount, api);
  }
}
