// RestingOrders: one symbol's orders the venue has let rest (OPEN or PARTIALLY_FILLED), in creation order — what a market update can fill.
import type { Order } from '../model/order.js';

/**
 * Invariant: every order of the symbol whose status is OPEN or PARTIALLY_FILLED is in `orders` (the store adds it on
 * leaving NEW), in seq order. Removal is lazy so that an in-progress iteration never sees indices shift: orders that
 * have ended stay until the next `current()` compacts them out, so callers must still check each order's status.
 */
export class RestingOrders {
  private readonly orders: Order[] = [];
  /** An order in `orders` has ended since the last compaction. */
  private stale = false;

  /** `order` has just left NEW for OPEN or PARTIALLY_FILLED. */
  add(order: Order): void {
    const orders = this.orders;
    // Orders usually start resting in creation order (append); one overtaken in flight is slotted back by seq.
    let i = orders.length;
    while (i > 0 && orders[i - 1]!.seq > order.seq) i--;
    if (i === orders.length) orders.push(order);
    else orders.splice(i, 0, order);
  }

  /** A resting order has ended (terminal): it leaves the list at the next compaction. */
  ended(): void {
    this.stale = true;
  }

  /**
   * The orders that entered OPEN or PARTIALLY_FILLED and had not ended as of this call, in creation order.
   * The array is live: orders that end later stay in it until the next call (check status), so do not call this
   * again while iterating the array it returned.
   */
  current(): readonly Order[] {
    if (this.stale) {
      const orders = this.orders;
      let kept = 0;
      for (let i = 0; i < orders.length; i++) {
        const order = orders[i]!;
        if (order.status === 'OPEN' || order.status === 'PARTIALLY_FILLED') orders[kept++] = order;
      }
      while (orders.length > kept) orders.pop(); // cheaper than assigning length (a runtime call)
      this.stale = false;
    }
    return this.orders;
  }
}
