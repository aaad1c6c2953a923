// OrderIndex: orders by their number (OrderStore seq: 1, 2, …) in a window array, no hashing — the venue's orders, and the loop's working orders.
import type { OrderNo } from '../model/ids.js';
import type { Order } from '../model/order.js';

/** What the index holds: anything carrying its order number. */
export interface SeqKeyed {
  readonly seq: OrderNo;
}

/** The window is reorganised only past this many slots (amortises the moves). */
const MIN_WINDOW = 1024;

/**
 * Invariants: slots[i] is the order with seq base + i, or undefined; every slot before `head` is undefined; orders
 * with a seq below `base` are in `overflow`. Orders are added in (nearly) increasing seq, so the window stays dense
 * and short; an old order that stays addressable while many newer ones come and go is moved to `overflow`, so the
 * window never grows beyond a few times the number of addressable orders plus MIN_WINDOW.
 * A number no order was added under answers undefined, as a map would.
 */
export class OrderIndex<T extends SeqKeyed = Order> {
  private readonly slots: (T | undefined)[] = [];
  private base = 1;
  private head = 0;
  /** Orders held in `slots`. */
  private inWindow = 0;
  private readonly overflow = new Map<number, T>();

  /** Adds (or replaces) the order under its number; true when none was there. */
  set(order: T): boolean {
    const seq = order.seq;
    if (seq < this.base) {
      const added = !this.overflow.has(seq);
      this.overflow.set(seq, order);
      return added;
    }
    const slots = this.slots;
    const i = seq - this.base;
    while (slots.length < i) slots.push(undefined);
    if (i === slots.length) slots.push(order);
    else if (slots[i] === undefined) slots[i] = order;
    else {
      slots[i] = order;
      return false;
    }
    this.inWindow++;
    if (i < this.head) this.head = i;
    if (slots.length - this.head > 4 * MIN_WINDOW && this.inWindow * 4 < slots.length - this.head) this.evacuateOldHalf();
    return true;
  }

  get(seq: OrderNo): T | undefined {
    return seq >= this.base ? this.slots[seq - this.base] : this.overflow.get(seq);
  }

  /** Removes the order if it is indexed; returns whether it was. */
  delete(order: T): boolean {
    const seq = order.seq;
    if (seq < this.base) return this.overflow.get(seq) === order && this.overflow.delete(seq);
    const slots = this.slots;
    const i = seq - this.base;
    if (i >= slots.length || slots[i] !== order) return false;
    slots[i] = undefined;
    this.inWindow--;
    let head = this.head;
    while (head < slots.length && slots[head] === undefined) head++;
    this.head = head;
    if (head >= MIN_WINDOW && head * 2 >= slots.length) this.dropHead();
    return true;
  }

  /** Every indexed order, in no particular order (callers that need one sort). */
  values(): T[] {
    const out: T[] = [...this.overflow.values()];
    for (let i = this.head; i < this.slots.length; i++) {
      const order = this.slots[i];
      if (order !== undefined) out.push(order);
    }
    return out;
  }

  /** Drops the empty slots before `head`. */
  private dropHead(): void {
    this.slots.splice(0, this.head);
    this.base += this.head;
    this.head = 0;
  }

  /** Moves the orders in the older half of a sparse window to `overflow`, then drops that half. */
  private evacuateOldHalf(): void {
    const slots = this.slots;
    const mid = this.head + ((slots.length - this.head) >> 1);
    for (let i = this.head; i < mid; i++) {
      const order = slots[i];
      if (order === undefined) continue;
      this.overflow.set(this.base + i, order);
      slots[i] = undefined;
      this.inWindow--;
    }
    let head = mid;
    while (head < slots.length && slots[head] === undefined) head++;
    this.head = head;
    this.dropHead();
  }
}
