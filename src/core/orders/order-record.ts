// OrderRecord: the venue's record of one order (the Order the OrderStore creates and mutates) — a constructor, not an object literal (docs/hot-path-records.md).
import type { OrderId } from '../model/ids.js';
import type { Order, OrderListLeg, OrderOptions, OrderStatus, Side } from '../model/order.js';
import type { SymbolIndex } from '../model/symbol-table.js';

/** A NEW order, nothing filled, not accepted, no cancel asked for. Own keys: the parameters in order, then the state fields. */
export class OrderRecord implements Order {
  /** Virtual ms the venue accepted the order; -1 until then. */
  acceptedAt = -1;
  status: OrderStatus = 'NEW';
  filledLots = 0;
  cancelRequested = false;

  constructor(
    readonly id: OrderId,
    readonly seq: number,
    readonly symbol: string,
    readonly symbolIndex: SymbolIndex,
    readonly side: Side,
    /** Limit price, ticks; changed only by an amend the venue accepted. */
    public priceTicks: number,
    /** Total quantity, lots. */
    public qtyLots: number,
    readonly quoteMidTicks: number,
    readonly options: OrderOptions,
    /** Virtual ms the request was sent. */
    readonly sentAt: number,
    readonly leg: OrderListLeg | null,
  ) {}
}
