// SimulatedVenue: an ExchangeClient that runs orders through the request gate, latency, venue rules and a fill model on the run's scheduler.
import type { Clock } from '../../ports/clock.js';
import type { ExchangeClient, ExecutionListener, VenueStats } from '../../ports/exchange-client.js';
import type { Fill } from '../model/fill.js';
import { IdSequence, type FillId, type OrderId } from '../model/ids.js';
import type { Instrument } from '../model/instrument.js';
import type { TopOfBook } from '../model/market-update.js';
import { sideSign, type Liquidity, type Order, type OrderRequest } from '../model/order.js';
import { stopReached, type OcoIds, type OcoRequest } from '../model/order-list.js';
import { OrderStore } from '../orders/order-store.js';
import type { EventScheduler } from '../scheduler/event-scheduler.js';
import { ppmToBps } from './fee-schedule.js';
import type { FillModel } from './fill-model.js';
import type { LatencyModel } from './latency-model.js';
import { OPEN_GATE, type GateRequest, type RequestGate } from './request-gate.js';
import { VenueCounters } from './venue-counters.js';
import type { VenueOutcome, VenueReject, VenueRules } from './venue-rules.js';

export interface SimulatedVenueDeps {
  readonly clock: Clock;
  readonly scheduler: EventScheduler;
  readonly instruments: ReadonlyMap<string, Instrument>;
  readonly rules: VenueRules;
  readonly fillModel: FillModel;
  readonly latency: LatencyModel;
  /** The venue API in front of the matching engine; defaults to OPEN_GATE (no limits, no journal). */
  readonly gate?: RequestGate;
}

const NO_LISTENER: ExecutionListener = {
  onAccepted() {},
  onRejected() {},
  onFill() {},
  onCanceled() {},
  onCancelRejected() {},
  onAmended() {},
  onAmendRejected() {},
  onCancelAllRejected() {},
};

type TerminalWhy = 'ALREADY_FILLED' | 'ALREADY_CANCELED' | 'UNKNOWN_ORDER';

export class SimulatedVenue implements ExchangeClient {
  readonly venue: string;
  private listener: ExecutionListener = NO_LISTENER;
  private readonly gate: RequestGate;
  private readonly store = new OrderStore();
  private readonly fillIds = new IdSequence<FillId>('F');
  /** Orders a cancel can still address: live ones, and terminal ones until the cancel already in flight is answered. */
  private readonly byId = new Map<OrderId, Order>();
  private readonly lastBook = new Map<string, TopOfBook>();
  /** The venue's own view of each position, signed lots (reduce-only checks). */
  private readonly positionLots = new Map<string, number>();
  private readonly counters = new VenueCounters();
  private readonly listIds = new IdSequence<string>('L');

  constructor(private readonly deps: SimulatedVenueDeps) {
    this.venue = deps.rules.venue;
    this.gate = deps.gate ?? OPEN_GATE;
  }

  setListener(listener: ExecutionListener): void {
    this.listener = listener;
  }

  placeOrder(request: OrderRequest): OrderId {
    const now = this.deps.clock.now();
    const order = this.store.create(request, now);
    this.byId.set(order.id, order);
    this.send({ kind: 'create', symbol: order.symbol, order, amend: null }, now, this.deps.latency.entryDelayMs(), {
      arrive: () => this.arrive(order),
      limited: (reject) => this.reject(order, reject),
    });
    return order.id;
  }

  cancelOrder(orderId: OrderId): void {
    const order = this.byId.get(orderId);
    if (order === undefined) {
      // The venue has no record (terminal and forgotten): the cancel is refused without a report.
      this.counters.cancelsRejected++;
      return;
    }
    order.cancelRequested = true;
    this.send({ kind: 'cancel', symbol: order.symbol, order, amend: null }, this.deps.clock.now(), this.deps.latency.cancelDelayMs(), {
      arrive: () => this.arriveCancel(order),
      limited: (reject) => this.rejectCancelWith(order, reject),
    });
  }

  cancelAll(symbol: string): void {
    this.send({ kind: 'cancel-all', symbol, order: null, amend: null }, this.deps.clock.now(), this.deps.latency.cancelDelayMs(), {
      arrive: () => this.arriveCancelAll(symbol),
      limited: (reject) => this.listener.onCancelAllRejected(symbol, reject),
    });
  }

  amendOrder(orderId: OrderId, priceTicks: number, qtyLots: number): void {
    const order = this.byId.get(orderId);
    if (order === undefined) {
      this.counters.amendsRejected++;
      return;
    }
    const amend = { priceTicks, qtyLots };
    // An amend travels like a cancel (same one-way latency).
    this.send({ kind: 'amend', symbol: order.symbol, order, amend }, this.deps.clock.now(), this.deps.latency.cancelDelayMs(), {
      arrive: () => this.arriveAmend(order, priceTicks, qtyLots),
      limited: (reject) => this.rejectAmend(order, reject),
    });
  }

  placeOco(request: OcoRequest): OcoIds {
    const now = this.deps.clock.now();
    const listId = this.listIds.issue();
    const { limit, stop } = this.store.createOco(request, listId, { timeInForce: 'GTC', postOnly: false, reduceOnly: false }, now);
    this.byId.set(limit.id, limit);
    this.byId.set(stop.id, stop);
    this.counters.ocoLists++;
    this.send({ kind: 'oco', symbol: request.symbol, order: limit, amend: null, oco: { request, limit, stop } }, now, this.deps.latency.entryDelayMs(), {
      arrive: () => this.arriveOco(request, limit, stop),
      limited: (reject) => {
        this.reject(limit, reject);
        this.reject(stop, reject);
      },
    });
    return { listId, limitId: limit.id, stopId: stop.id };
  }

  /** Holds the request while the gate says so, taps it as it leaves, and delivers it after the one-way latency. */
  private send(
    request: GateRequest,
    now: number,
    latencyMs: number,
    on: { readonly arrive: () => void; readonly limited: (reject: VenueReject) => void },
  ): void {
    const hold = this.gate.clientDelayMs(request, now);
    const leave = (): void => {
      const sendMs = now + hold;
      this.gate.onSend(request, sendMs);
      this.deps.scheduler.schedule(sendMs + latencyMs, () => {
        const limited = this.gate.venueAdmit(request, this.deps.clock.now());
        if (limited === null) on.arrive();
        else on.limited(limited);
      });
    };
    if (hold === 0) leave();
    else this.deps.scheduler.schedule(now + hold, leave);
  }

  onMarketUpdate(update: TopOfBook): void {
    this.lastBook.set(update.symbol, update);
    let dormantStops = false;
    for (const order of this.store.liveOrders(update.symbol)) {
      if (order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') continue;
      if (order.leg?.role === 'stop' && !order.leg.triggered) {
        dormantStops = true;
        continue;
      }
      const lots = this.deps.fillModel.restingFill(order, update);
      if (lots > 0) this.execute(order, order.priceTicks, lots, 'MAKER', update.ts);
    }
    if (dormantStops) this.triggerStops(update);
  }

  /** Dormant OCO stop legs the market has reached become limit orders (and may take at once); their limit leg is cancelled. */
  private triggerStops(update: TopOfBook): void {
    for (const order of [...this.store.liveOrders(update.symbol)]) {
      const leg = order.leg;
      if (leg === null || leg.role !== 'stop' || leg.triggered || order.status !== 'OPEN') continue;
      if (!stopReached(order.side, leg.stopTicks!, update.bidTicks, update.askTicks)) continue;
      leg.triggered = true;
      this.counters.stopsTriggered++;
      this.cancelSibling(order, 'OCO_STOP_TRIGGERED');
      this.matchAtTouch(order);
    }
  }

  /** One leg of an OCO executed or triggered: the venue cancels the other. */
  private cancelSibling(order: Order, reason: string): void {
    const sibling = order.leg === null ? undefined : this.byId.get(order.leg.siblingId);
    if (sibling === undefined || (sibling.status !== 'OPEN' && sibling.status !== 'PARTIALLY_FILLED')) return;
    this.conclude(sibling, { kind: 'cancel', reason });
  }

  private arriveOco(request: OcoRequest, limit: Order, stop: Order): void {
    const instrument = this.deps.instruments.get(request.symbol);
    const book = this.lastBook.get(request.symbol);
    let reject: VenueReject | null =
      instrument === undefined
        ? { code: 'UNKNOWN_SYMBOL', message: `unknown symbol ${request.symbol}` }
        : (this.deps.rules.validate(limit, instrument) ?? this.deps.rules.validate(stop, instrument));
    if (reject === null) {
      reject =
        this.deps.rules.validateOco === undefined
          ? { code: 'OCO_UNSUPPORTED', message: `the ${this.venue} venue has no OCO order lists` }
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
      this.listener.onAccepted(leg);
    }
  }

  private arrive(order: Order): void {
    const instrument = this.deps.instruments.get(order.symbol);
    const reject: VenueReject | null =
      instrument === undefined
        ? { code: 'UNKNOWN_SYMBOL', message: `unknown symbol ${order.symbol}` }
        : (this.deps.rules.validate(order, instrument) ?? this.reduceOnlyCheck(order));
    if (reject !== null) {
      this.reject(order, reject);
      return;
    }
    order.acceptedAt = this.deps.clock.now();
    if (!this.matchAtTouch(order)) return;
    if (order.options.timeInForce !== 'GTC') {
      this.conclude(order, this.deps.rules.immediateRemainder(order.options.timeInForce));
      return;
    }
    if (order.status === 'NEW') this.store.transition(order, 'OPEN');
    this.listener.onAccepted(order);
  }

  /**
   * An order that crosses the touch as it arrives (or is amended) takes there, up to the displayed size; post-only
   * and unfillable FOK orders end instead. Returns whether the order is still live and its unfilled rest may rest.
   */
  private matchAtTouch(order: Order): boolean {
    const book = this.lastBook.get(order.symbol);
    const crosses = book !== undefined && (order.side === 'BUY' ? book.askTicks <= order.priceTicks : book.bidTicks >= order.priceTicks);
    if (!crosses) return true;
    if (order.options.postOnly) {
      this.conclude(order, this.deps.rules.postOnlyWouldTake());
      return false;
    }
    const touchTicks = order.side === 'BUY' ? book.askTicks : book.bidTicks;
    const touchLots = order.side === 'BUY' ? book.askLots : book.bidLots;
    const remaining = order.qtyLots - order.filledLots;
    const lots = Math.min(remaining, touchLots);
    if (order.options.timeInForce === 'FOK' && lots < remaining) {
      this.conclude(order, this.deps.rules.immediateRemainder('FOK'));
      return false;
    }
    if (lots > 0) this.execute(order, touchTicks, lots, 'TAKER', this.deps.clock.now());
    return order.status !== 'FILLED';
  }

  private arriveCancelAll(symbol: string): void {
    for (const order of [...this.store.liveOrders(symbol)]) {
      if (order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') continue;
      this.store.transition(order, 'CANCELED');
      if (!order.cancelRequested) this.byId.delete(order.id);
      this.listener.onCanceled(order);
    }
  }

  private arriveAmend(order: Order, priceTicks: number, qtyLots: number): void {
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
    this.store.amend(order, priceTicks, qtyLots);
    if (this.matchAtTouch(order)) this.listener.onAmended(order);
  }

  private rejectAmend(order: Order, reject: VenueReject): void {
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
    const position = this.positionLots.get(order.symbol) ?? 0;
    const reduces = position * sideSign(order.side) < 0 && order.qtyLots <= Math.abs(position);
    return reduces ? null : this.deps.rules.reduceOnlyViolated();
  }

  private reject(order: Order, reject: VenueReject): void {
    this.counters.reject(reject.code);
    this.store.transition(order, 'REJECTED');
    this.byId.delete(order.id);
    this.listener.onRejected(order, reject);
  }

  /** The venue ends an accepted order it will not let rest: cancelled or expired with its reason, or rejected. */
  private conclude(order: Order, outcome: VenueOutcome): void {
    if (outcome.kind === 'reject') {
      this.reject(order, outcome.reject);
      return;
    }
    this.counters.venueCancel(outcome.reason);
    this.store.transition(order, outcome.kind === 'cancel' ? 'CANCELED' : 'EXPIRED');
    if (!order.cancelRequested) this.byId.delete(order.id);
    this.listener.onCanceled(order);
  }

  private arriveCancel(order: Order): void {
    switch (order.status) {
      case 'OPEN':
      case 'PARTIALLY_FILLED':
        this.store.transition(order, 'CANCELED');
        this.byId.delete(order.id);
        this.listener.onCanceled(order);
        // Cancelling one leg of an order list cancels the whole list (Binance order lists).
        this.cancelSibling(order, 'OCO_LIST_CANCELED');
        return;
      default:
        this.rejectCancelWith(order, this.deps.rules.cancelRejected(this.terminalWhy(order)));
        return;
    }
  }

  private rejectCancelWith(order: Order, reject: VenueReject): void {
    this.counters.cancelsRejected++;
    // A live order stays addressable (a NEW one's entry is still on its way; an open one survived a refused cancel).
    if (order.status !== 'NEW' && order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') this.byId.delete(order.id);
    this.listener.onCancelRejected(order, reject);
  }

  private execute(order: Order, priceTicks: number, lots: number, liquidity: Liquidity, ts: number): void {
    const fill: Fill = {
      id: this.fillIds.issue(),
      orderId: order.id,
      symbol: order.symbol,
      side: order.side,
      priceTicks,
      qtyLots: lots,
      liquidity,
      ts,
      quoteMidTicks: order.quoteMidTicks,
    };
    if (liquidity === 'MAKER') this.counters.makerFills++;
    else this.counters.takerFills++;
    this.positionLots.set(order.symbol, (this.positionLots.get(order.symbol) ?? 0) + sideSign(order.side) * lots);
    this.store.fill(order, lots);
    if (order.status === 'FILLED' && !order.cancelRequested) this.byId.delete(order.id);
    this.listener.onFill(fill, order);
    if (order.leg !== null) this.cancelSibling(order, 'OCO_OTHER_LEG_FILLED');
  }

  stats(): VenueStats {
    return this.counters.stats(this.store.counts, this.fillIds.issued, this.store.liveCount, this.gate.report());
  }

  describe(): Record<string, unknown> {
    return {
      venue: this.venue,
      fill_model: this.deps.fillModel.describe(),
      latency_model: this.deps.latency.describe(),
      fees: { maker_bps: ppmToBps(this.deps.rules.fees.makerPpm), taker_bps: ppmToBps(this.deps.rules.fees.takerPpm) },
    };
  }
}
