// SimulatedVenue: an ExchangeClient that runs orders through latency, venue rules and a fill model on the run's scheduler.
import type { Clock } from '../../ports/clock.js';
import type { ExchangeClient, ExecutionListener, VenueStats } from '../../ports/exchange-client.js';
import type { Fill } from '../model/fill.js';
import { IdSequence, type FillId, type OrderId } from '../model/ids.js';
import type { Instrument } from '../model/instrument.js';
import type { TopOfBook } from '../model/market-update.js';
import type { Liquidity, Order, OrderRequest } from '../model/order.js';
import { OrderStore } from '../orders/order-store.js';
import type { EventScheduler } from '../scheduler/event-scheduler.js';
import { ppmToBps } from './fee-schedule.js';
import type { FillModel } from './fill-model.js';
import type { LatencyModel } from './latency-model.js';
import type { VenueReject, VenueRules } from './venue-rules.js';

export interface SimulatedVenueDeps {
  readonly clock: Clock;
  readonly scheduler: EventScheduler;
  readonly instruments: ReadonlyMap<string, Instrument>;
  readonly rules: VenueRules;
  readonly fillModel: FillModel;
  readonly latency: LatencyModel;
}

const NO_LISTENER: ExecutionListener = {
  onAccepted() {},
  onRejected() {},
  onFill() {},
  onCanceled() {},
  onCancelRejected() {},
};

export class SimulatedVenue implements ExchangeClient {
  readonly venue: string;
  private listener: ExecutionListener = NO_LISTENER;
  private readonly store = new OrderStore();
  private readonly fillIds = new IdSequence<FillId>('F');
  /** Orders a cancel can still address: live ones, and terminal ones until the cancel already in flight is answered. */
  private readonly byId = new Map<OrderId, Order>();
  private readonly lastBook = new Map<string, TopOfBook>();
  private readonly rejectsByCode = new Map<string, number>();
  private cancelsRejected = 0;
  private makerFills = 0;
  private takerFills = 0;

  constructor(private readonly deps: SimulatedVenueDeps) {
    this.venue = deps.rules.venue;
  }

  setListener(listener: ExecutionListener): void {
    this.listener = listener;
  }

  placeOrder(request: OrderRequest): OrderId {
    const order = this.store.create(request, this.deps.clock.now());
    this.byId.set(order.id, order);
    this.deps.scheduler.schedule(order.sentAt + this.deps.latency.entryDelayMs(), () => this.arrive(order));
    return order.id;
  }

  cancelOrder(orderId: OrderId): void {
    const order = this.byId.get(orderId);
    const due = this.deps.clock.now() + this.deps.latency.cancelDelayMs();
    if (order === undefined) {
      // The venue has no record (terminal and forgotten): the cancel is refused without a report.
      this.cancelsRejected++;
      return;
    }
    order.cancelRequested = true;
    this.deps.scheduler.schedule(due, () => this.arriveCancel(order));
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
        : this.deps.rules.validate(order, instrument);
    if (reject !== null) {
      this.rejectsByCode.set(reject.code, (this.rejectsByCode.get(reject.code) ?? 0) + 1);
      this.store.transition(order, 'REJECTED');
      this.byId.delete(order.id);
      this.listener.onRejected(order, reject);
      return;
    }
    order.acceptedAt = this.deps.clock.now();
    const book = this.lastBook.get(order.symbol);
    if (book !== undefined) {
      // A marketable limit takes liquidity at the touch (top-of-book depth is treated as unlimited).
      if (order.side === 'BUY' && book.askTicks <= order.priceTicks) {
        this.execute(order, book.askTicks, order.qtyLots, 'TAKER', order.acceptedAt);
        return;
      }
      if (order.side === 'SELL' && book.bidTicks >= order.priceTicks) {
        this.execute(order, book.bidTicks, order.qtyLots, 'TAKER', order.acceptedAt);
        return;
      }
    }
    this.store.transition(order, 'OPEN');
    this.listener.onAccepted(order);
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
    this.cancelsRejected++;
    // A NEW order's entry is still on its way: keep it addressable so a later cancel can reach it.
    if (order.status !== 'NEW') this.byId.delete(order.id);
    this.listener.onCancelRejected(order, this.deps.rules.cancelRejected(why));
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
    this.store.fill(order, lots);
    if (order.status === 'FILLED' && !order.cancelRequested) this.byId.delete(order.id);
    this.listener.onFill(fill, order);
  }

  stats(): VenueStats {
    const c = this.store.counts;
    const rejectsByCode: Record<string, number> = {};
    for (const code of [...this.rejectsByCode.keys()].sort()) rejectsByCode[code] = this.rejectsByCode.get(code)!;
    return {
      ordersCreated: c.created,
      accepted: c.accepted,
      rejected: c.rejected,
      rejectsByCode,
      filled: c.filled,
      partiallyFilled: c.partiallyFilled,
      canceled: c.canceled,
      cancelsRejected: this.cancelsRejected,
      fills: this.fillIds.issued,
      makerFills: this.makerFills,
      takerFills: this.takerFills,
      liveOrders: this.store.liveCount,
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
