// RestingOrders: per symbol, the orders the venue has let rest (OPEN or PARTIALLY_FILLED), in creation order — what a market update can fill.
import type { Order } from '../model/order.js';

/** One symbol's resting orders. */
interface SymbolResting {
  /**
   * Orders that entered OPEN or PARTIALLY_FILLED, sorted by `seq` (creation order). Orders that have ended since
   * stay until the next `of()` compacts them out, so callers must still check each order's status.
   */
  readonly orders: Order[];
  /** An order in `orders` has ended since the last compaction. */
  stale: boolean;
}

const NONE: readonly Order[] = [];

/**
 * Invariant: every order of a symbol whose status is OPEN or PARTIALLY_FILLED is in that symbol's list (the store
 * adds it on leaving NEW), in seq order. Removal is lazy so that an in-progress iteration never sees indices shift.
 */
export class RestingOrders {
  private readonly bySymbol = new Map<string, SymbolResting>();

  /** `order` has just left NEW for OPEN or PARTIALLY_FILLED. */
  add(order: Order): void {
    let s = this.bySymbol.get(order.symbol);
    if (s === undefined) {
      s = { orders: [], stale: false };
      this.bySymbol.set(order.symbol, s);
    }
    const orders = s.orders;
    // Orders usually start resting in creation order (append); one overtaken in flight is slotted back by seq.
    let i = orders.length;
    while (i > 0 && orders[i - 1]!.seq > order.seq) i--;
    if (i === orders.length) orders.push(order);
    else orders.splice(i, 0, order);
  }

  /** A resting order of `symbol` has ended (terminal): it leaves the list at the next compaction. */
  ended(symbol: string): void {
    const s = this.bySymbol.get(symbol);
    if (s !== undefined) s.stale = true;
  }

  /**
   * The orders of `symbol` that entered OPEN or PARTIALLY_FILLED and had not ended as of this call, in creation order.
   * The array is live: orders that end later stay in it until the next call (check status), so do not call this
   * again while iterating the array it returned.
   */
  of(symbol: string): readonly Order[] {
    const s = this.bySymbol.get(symbol);
    if (s === undefined) return NONE;
    if (s.stale) {
      const orders = s.orders;
      let kept = 0;
      for (let i = 0; i < orders.length; i++) {
        const order = orders[i]!;
        if (order.status === 'OPEN' || order.status === 'PARTIALLY_FILLED') orders[kept++] = order;
      }
      orders.length = kept;
      s.stale = false;
    }
    return s.orders;
  }
}
