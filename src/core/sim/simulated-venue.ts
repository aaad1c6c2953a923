// SimulatedVenue: an ExchangeClient that runs orders through the request gate, latency, venue rules and a fill model on the run's scheduler.
import type { Clock } from '../../ports/clock.js';
import type { ExchangeClient, ExecutionListener, VenueStats } from '../../ports/exchange-client.js';
import type { Fill } from '../model/fill.js';
import { IdSequence, type FillId, type OrderId } from '../model/ids.js';
import type { Instrument } from '../model/instrument.js';
import type { TopOfBook } from '../model/market-update.js';
import { sideSign, type Liquidity, type Order, type OrderRequest } from '../model/order.js';
import { OrderStore } from '../orders/order-store.js';
import type { EventScheduler } from '../scheduler/event-scheduler.js';
import { ppmToBps } from './fee-schedule.js';
import type { FillModel } from './fill-model.js';
import type { LatencyModel } from './latency-model.js';
import { OPEN_GATE, type RequestGate } from './request-gate.js';
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
};

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sorted(map: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of [...map.keys()].sort()) out[key] = map.get(key)!;
  return out;
}

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
  private readonly rejectsByCode = new Map<string, number>();
  private readonly venueCancels = new Map<string, number>();
  private cancelsRejected = 0;
  private makerFills = 0;
  private takerFills = 0;

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
    this.send('create', order, now, () => this.arrive(order), this.deps.latency.entryDelayMs());
    return order.id;
  }

  cancelOrder(orderId: OrderId): void {
    const order = this.byId.get(orderId);
    if (order === undefined) {
      // The venue has no record (terminal and forgotten): the cancel is refused without a report.
      this.cancelsRejected++;
      return;
    }
    order.cancelRequested = true;
    this.send('cancel', order, this.deps.clock.now(), () => this.arriveCancel(order), this.deps.latency.cancelDelayMs());
  }

  /** Holds the request while the gate says so, taps it as it leaves, and delivers it after the one-way latency. */
  private send(kind: 'create' | 'cancel', order: Order, now: number, arrive: () => void, latencyMs: number): void {
    const hold = this.gate.clientDelayMs(kind, order, now);
    const leave = (): void => {
      const sendMs = now + hold;
      this.gate.onSend(kind, order, sendMs);
      this.deps.scheduler.schedule(sendMs + latencyMs, () => {
        const limited = this.gate.venueAdmit(kind, order, this.deps.clock.now());
        if (limited === null) arrive();
        else if (kind === 'create') this.reject(order, limited);
        else this.rejectCancelWith(order, limited);
      });
    };
    if (hold === 0) leave();
    else this.deps.scheduler.schedule(now + hold, leave);
  }

  onMarketUpdate(update: TopOfBook): void {
    this.lastBook.set(update.symbol, update);
    for (const order of this.store.liveOrders(update.symbol)) {
      if (order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') continue;
      const lots = this.deps.fillModel.restingFill(order, update);
      if (lots > 0) this.execute(order, order.priceTicks, lots, 'MAKER', update.ts);
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
    const book = this.lastBook.get(order.symbol);
    const crosses = book !== undefined && (order.side === 'BUY' ? book.askTicks <= order.priceTicks : book.bidTicks >= order.priceTicks);
    const { timeInForce, postOnly } = order.options;
    if (crosses && postOnly) {
      this.conclude(order, this.deps.rules.postOnlyWouldTake());
      return;
    }
    if (crosses) {
      // A marketable limit takes at the touch, up to the size displayed there.
      const touchTicks = order.side === 'BUY' ? book.askTicks : book.bidTicks;
      const touchLots = order.side === 'BUY' ? book.askLots : book.bidLots;
      const lots = Math.min(order.qtyLots, touchLots);
      if (timeInForce === 'FOK' && lots < order.qtyLots) {
        this.conclude(order, this.deps.rules.immediateRemainder('FOK'));
        return;
      }
      if (lots > 0) this.execute(order, touchTicks, lots, 'TAKER', order.acceptedAt);
      if (order.status === 'FILLED') return;
    }
    if (timeInForce !== 'GTC') {
      this.conclude(order, this.deps.rules.immediateRemainder(timeInForce));
      return;
    }
    if (order.status === 'NEW') this.store.transition(order, 'OPEN');
    this.listener.onAccepted(order);
  }

  /** A reduce-only order must face the position and not exceed it (so it can neither open, grow nor flip it). */
  private reduceOnlyCheck(order: Order): VenueReject | null {
    if (!order.options.reduceOnly) return null;
    const position = this.positionLots.get(order.symbol) ?? 0;
    const reduces = position * sideSign(order.side) < 0 && order.qtyLots <= Math.abs(position);
    return reduces ? null : this.deps.rules.reduceOnlyViolated();
  }

  private reject(order: Order, reject: VenueReject): void {
    count(this.rejectsByCode, reject.code);
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
    count(this.venueCancels, outcome.reason);
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
        return;
      case 'NEW':
        this.rejectCancel(order, 'UNKNOWN_ORDER');
        return;
      case 'FILLED':
        this.rejectCancel(order, 'ALREADY_FILLED');
        return;
      case 'CANCELED':
      case 'REJECTED':
      case 'EXPIRED':
        this.rejectCancel(order, order.status === 'CANCELED' ? 'ALREADY_CANCELED' : 'UNKNOWN_ORDER');
        return;
    }
  }

  private rejectCancel(order: Order, why: 'ALREADY_FILLED' | 'ALREADY_CANCELED' | 'UNKNOWN_ORDER'): void {
    this.rejectCancelWith(order, this.deps.rules.cancelRejected(why));
  }

  private rejectCancelWith(order: Order, reject: VenueReject): void {
    this.cancelsRejected++;
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
    if (liquidity === 'MAKER') this.makerFills++;
    else this.takerFills++;
    this.positionLots.set(order.symbol, (this.positionLots.get(order.symbol) ?? 0) + sideSign(order.side) * lots);
    this.store.fill(order, lots);
    if (order.status === 'FILLED' && !order.cancelRequested) this.byId.delete(order.id);
    this.listener.onFill(fill, order);
  }

  stats(): VenueStats {
    const c = this.store.counts;
    return {
      ordersCreated: c.created,
      accepted: c.accepted,
      rejected: c.rejected,
      rejectsByCode: sorted(this.rejectsByCode),
      filled: c.filled,
      partiallyFilled: c.partiallyFilled,
      canceled: c.canceled,
      venueCancels: sorted(this.venueCancels),
      cancelsRejected: this.cancelsRejected,
      fills: this.fillIds.issued,
      makerFills: this.makerFills,
      takerFills: this.takerFills,
      liveOrders: this.store.liveCount,
      api: this.gate.report(),
    };
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
