// ExchangeClient port: what the execution loop asks of a venue, and the execution reports it gets back.
import type { Fill } from '../core/model/fill.js';
import type { OrderNo } from '../core/model/ids.js';
import type { SymbolIndex } from '../core/model/symbol-table.js';
import type { MarketContextEvent } from '../core/model/market-data-event.js';
import type { TopOfBook } from '../core/model/market-update.js';
import type { Order, OrderRequest } from '../core/model/order.js';
import type { OcoIds, OcoRequest } from '../core/model/order-list.js';
import type { VenueReject } from './venue-rules.js';
import type { WireStats } from '../core/sim/wire-counters.js';

/** Execution reports, delivered in event order on the run's scheduler. */
export interface ExecutionListener {
  onAccepted(order: Order): void;
  onRejected(order: Order, reject: VenueReject): void;
  onFill(fill: Fill, order: Order): void;
  onCanceled(order: Order): void;
  /** The client dropped an order it never sent (a cancel while the throttle queue held it); it ends CANCELED. */
  onDropped(order: Order): void;
  /** The venue refused a cancel; `order.status` tells why (FILLED: the cancel lost the race to a fill). */
  onCancelRejected(order: Order, reject: VenueReject): void;
  /** The venue applied an amend: `order` shows the new price and quantity. */
  onAmended(order: Order): void;
  /** The venue refused an amend; `order` still shows what rests (or its terminal status). */
  onAmendRejected(order: Order, reject: VenueReject): void;
  /** The venue refused a cancel-all for `symbol` (rate limit): every order it would have cancelled still rests. */
  onCancelAllRejected(symbol: string, reject: VenueReject): void;
}

export interface ExchangeClient {
  readonly venue: string;
  setListener(listener: ExecutionListener): void;
  /** A simulated venue matches resting orders against public market data; live clients ignore it. `symbol`: update.symbol's index in the run. */
  onMarketUpdate(update: TopOfBook, symbol: SymbolIndex): void;
  /**
   * Trades, bars and mark prices of a real-data feed, in event order, for fill models that need them
   * (trade-through, queue). Optional: a client without it never sees them (synthetic feeds yield none). `symbol`: the
   * event's symbol index in the run, -1 for a symbol the run does not trade.
   */
  onMarketEvent?(event: MarketContextEvent, symbol: SymbolIndex): void;
  /**
   * Sends a new order; returns its number at once (Order.seq of the reports; its id is "O-<n>"), the outcome arrives
   * as execution reports. The request is read during the call only (copy what must be kept): the loop overwrites one
   * request object for every order it sends (test/ports/place-order-contract.test.ts holds every client to it).
   */
  placeOrder(request: OrderRequest): OrderNo;
  /** Sends a cancel of order number `order`; the outcome arrives as onCanceled or onCancelRejected. */
  cancelOrder(order: OrderNo): void;
  /** One request cancelling every order of `symbol` the venue holds when it arrives (orders still in flight are not touched). */
  cancelAll(symbol: string): void;
  /** Changes a resting order's price and total quantity in place; the outcome arrives as onAmended or onAmendRejected. */
  amendOrder(order: OrderNo, priceTicks: number, qtyLots: number): void;
  /** Sends an OCO (one request, two linked legs); returns both legs' numbers at once, the outcome arrives per leg. */
  placeOco(request: OcoRequest): OcoIds;
  /**
   * Arms the venue's dead-man switch for `atMs` (virtual ms; null disarms): every open order is cancelled then unless it
   * is armed again first; `onFired` is told how many. Returns the venue's refusal, or null when armed. Optional: a
   * client without it has no switch.
   */
  scheduleCancel?(atMs: number | null, onFired?: (cancelled: number) => void): VenueReject | null;
  /** Venue-side counters for the report. */
  stats(): VenueStats;
  /** Models in force (fill, latency, fees), for the report's `model` section. */
  describe(): Record<string, unknown>;
}

export interface VenueStats {
  readonly ordersCreated: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly rejectsByCode: Record<string, number>;
  readonly filled: number;
  readonly partiallyFilled: number;
  readonly canceled: number;
  readonly amended: number;
  readonly amendsRejected: number;
  /** OCO lists sent, and stop legs the market triggered. */
  readonly ocoLists: number;
  /** Orders (and OCO lists) cancelled while they waited in the client's throttle queue: they were never sent. */
  readonly dequeued: number;
  readonly ocoListsDequeued: number;
  readonly stopsTriggered: number;
  /** Orders the venue itself cancelled or expired (post-only that would take, IOC/FOK remainder), by the venue's reason. */
  readonly venueCancels: Record<string, number>;
  readonly cancelsRejected: number;
  readonly fills: number;
  readonly makerFills: number;
  readonly takerFills: number;
  readonly liveOrders: number;
  /** What the fill model counted (fills from the touch, from trades, queue depletion …), for the report's `fills.model`. */
  readonly fillModel: Record<string, unknown>;
  /** The venue API's own counters (requests by endpoint, throttling, credentials); empty for a venue without an API. */
  readonly api: Record<string, unknown>;
  /** What left the client on the wire, and what waited in its throttle queue (the report's order counters). */
  readonly wire: WireStats;
}
