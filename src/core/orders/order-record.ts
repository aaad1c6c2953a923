// OrderRecord: the venue's record of one order (the Order the OrderStore creates and mutates) — made by a constructor, not an object literal, so V8 always allocates it young.
import type { OrderId } from '../model/ids.js';
import type { Order, OrderListLeg, OrderOptions, OrderStatus, Side } from '../model/order.js';

/**
 * A class rather than `{ id, seq, … }` for the reason QuoteRecord gives (src/core/model/quote-record.ts): V8 may
 * pretenure every object of a literal's allocation site after one unlucky young collection, and most orders end
 * (cancelled on a requote) within a few updates, so that decision would make them old-generation garbage. Measured on
 * the replay bench's bookTicker sample: processes where the order site got pretenured ran the loop ~5–10% slower.
 * Own properties in the order the literal had, so a spread or serialised order is unchanged.
 */
export class OrderRecord implements Order {
  readonly id: OrderId;
  readonly seq: number;
  readonly symbol: string;
  readonly side: Side;
  /** Limit price, ticks; changed only by an amend the venue accepted. */
  priceTicks: number;
  /** Total quantity, lots. */
  qtyLots: number;
  readonly quoteMidTicks: number;
  readonly options: OrderOptions;
  /** Virtual ms the request was sent. */
  readonly sentAt: number;
  /** Virtual ms the venue accepted the order; -1 until then. */
  acceptedAt: number;
  status: OrderStatus;
  filledLots: number;
  cancelRequested: boolean;
  readonly leg: OrderListLeg | null;

  /** A NEW order, nothing filled, not accepted, no cancel asked for. */
  constructor(
    id: OrderId,
    seq: number,
    symbol: string,
    side: Side,
    priceTicks: number,
    qtyLots: number,
    quoteMidTicks: number,
    options: OrderOptions,
    sentAt: number,
    leg: OrderListLeg | null,
  ) {
    this.id = id;
    this.seq = seq;
    this.symbol = symbol;
    this.side = side;
    this.priceTicks = priceTicks;
    this.qtyLots = qtyLots;
    this.quoteMidTicks = quoteMidTicks;
    this.options = options;
    this.sentAt = sentAt;
    this.acceptedAt = -1;
    this.status = 'NEW';
    this.filledLots = 0;
    this.cancelRequested = false;
    this.leg = leg;
  }
}
