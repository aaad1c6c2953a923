// LiveOrders: one symbol's live (non-terminal) orders at the venue, in creation order, with lazy removal instead of a map keyed by id.
import { isTerminal, type Order } from '../model/order.js';

/** Compaction waits until this many entries have ended (and they are at least half of the array). */
const MIN_DEAD_TO_COMPACT = 32;

/**
 * Invariant: every live order of the symbol is in `orders`, in seq (creation) order; `dead` entries of `orders` have
 * turned terminal since the last compaction. Orders are appended as they are created (seq only grows), so no search.
 */
export class LiveOrders {
  private readonly orders: Order[] = [];
  private dead = 0;

  /** A freshly created order (its seq is above every order here). */
  add(order: Order): void {
    this.orders.push(order);
  }

  /** One order here has turned terminal (call once per order). Compacts when ended orders are half the array or more. */
  ended(): void {
    this.dead++;
    if (this.dead >= MIN_DEAD_TO_COMPACT && this.dead * 2 >= this.orders.length) this.compact();
  }

  /** The live orders now, in creation order: a fresh array, so callers may end or create orders while iterating it. */
  snapshot(): Order[] {
    const out: Order[] = [];
    for (const order of this.orders) if (!isTerminal(order.status)) out.push(order);
    return out;
  }

  /** Live orders now OPEN or PARTIALLY_FILLED (accepted, not yet ended). */
  openCount(): number {
    let n = 0;
    for (const order of this.orders) if (order.status === 'OPEN' || order.status === 'PARTIALLY_FILLED') n++;
    return n;
  }

  private compact(): void {
    const orders = this.orders;
    let kept = 0;
    for (let i = 0; i < orders.length; i++) {
      const order = orders[i]!;
      if (!isTerminal(order.status)) orders[kept++] = order;
    }
    while (orders.length > kept) orders.pop(); // cheaper than assigning length (a runtime call)
    this.dead = 0;
  }
}
