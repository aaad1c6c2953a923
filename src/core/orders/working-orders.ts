// WorkingOrders: the loop's own view of its live orders (sent, not yet terminal), with per-side exposure totals.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { OrderId } from '../model/ids.js';
import type { Side } from '../model/order.js';
import { OrderIndex, orderSeqOf } from './order-index.js';

export class WorkingOrder {
  remainingLots: number;
  /** A cancel has been sent; the order still counts as exposure until the venue confirms. */
  cancelSent = false;
  /** A cancel overtook the order and was refused; send it again once the venue accepts the order. */
  recancelOnAccept = false;
  /** The venue has accepted the order (it rests or has filled in part): only then can it be amended or caught by a cancel-all. */
  accepted = false;
  /** An amend is on its way; the order is not amended again until the venue answers. */
  amendPending = false;
  /** The n of an "O-<n>" id (how the index finds the order without hashing the id), or -1 for an id of another form. */
  readonly seq: number;

  constructor(
    /** Send order among the loop's orders (0, 1, …): what listings sort by. */
    readonly ordinal: number,
    readonly id: OrderId,
    readonly symbol: string,
    readonly side: Side,
    /** Limit price, ticks; changed by an amend. */
    public priceTicks: number,
    /** Total quantity, lots; changed by an amend. */
    public qtyLots: number,
    /** The per-symbol record this order counts in (resolved once, so updates need no symbol lookup). */
    readonly totals: SymbolWorking,
  ) {
    this.remainingLots = qtyLots;
    this.seq = orderSeqOf(id);
  }
}

export interface SymbolWorking {
  /** The current quote on each side (the order the quoter manages), if any. */
  bid: WorkingOrder | null;
  ask: WorkingOrder | null;
  /** Remaining lots of every live order, quote or not (including ones being cancelled). */
  openBuyLots: number;
  openSellLots: number;
}

export class WorkingOrders {
  private readonly bySymbol = new Map<string, SymbolWorking>();
  /**
   * Live orders by id: "O-<n>" ids (every simulated venue's) by n in a window array, any other id in a map.
   * Invariant: a live order is in exactly one of the two (seq ≥ 0: byIdSeq), and `live` counts them.
   */
  private readonly byIdSeq = new OrderIndex<WorkingOrder>();
  private readonly byOtherId = new Map<OrderId, WorkingOrder>();
  private live = 0;
  /** The next order's send ordinal. */
  private sent = 0;
  /** The symbol looked up last and its record (one quote's orders share a symbol). */
  private lastSymbol: string | null = null;
  private lastWorking: SymbolWorking | null = null;

  constructor(symbols: readonly string[]) {
    for (const symbol of symbols) this.bySymbol.set(symbol, { bid: null, ask: null, openBuyLots: 0, openSellLots: 0 });
  }

  /** The live per-symbol record (read it, never write it). */
  symbol(symbol: string): SymbolWorking {
    if (symbol === this.lastSymbol) return this.lastWorking!;
    const s = this.bySymbol.get(symbol);
    if (s === undefined) throw invariantViolation(`no working orders for symbol ${symbol}`);
    this.lastSymbol = symbol;
    this.lastWorking = s;
    return s;
  }

  /** Records a freshly sent order and makes it the quote on its side. */
  add(id: OrderId, symbol: string, side: Side, priceTicks: number, qtyLots: number): WorkingOrder {
    const working = this.addOther(id, symbol, side, priceTicks, qtyLots);
    const s = working.totals;
    if (side === 'BUY') s.bid = working;
    else s.ask = working;
    return working;
  }

  /** Records a live order that is not a quote (an exit OCO leg): it counts as exposure but the quoter never manages it. */
  addOther(id: OrderId, symbol: string, side: Side, priceTicks: number, qtyLots: number): WorkingOrder {
    const s = this.symbol(symbol);
    const working = new WorkingOrder(this.sent++, id, symbol, side, priceTicks, qtyLots, s);
    // Like a map, an id given again replaces the earlier order under it (which then no longer counts as live).
    let added: boolean;
    if (working.seq >= 0) added = this.byIdSeq.set(working);
    else {
      added = !this.byOtherId.has(id);
      this.byOtherId.set(id, working);
    }
    if (added) this.live++;
    if (side === 'BUY') s.openBuyLots += qtyLots;
    else s.openSellLots += qtyLots;
    return working;
  }

  get(id: OrderId): WorkingOrder | undefined {
    return this.byIdSeq.get(id) ?? (this.byOtherId.size === 0 ? undefined : this.byOtherId.get(id));
  }

  quote(symbol: string, side: Side): WorkingOrder | null {
    const s = this.symbol(symbol);
    return side === 'BUY' ? s.bid : s.ask;
  }

  /** Detaches the order from its quote slot (it stays live until terminal). */
  release(order: WorkingOrder): void {
    const s = order.totals;
    if (s.bid === order) s.bid = null;
    if (s.ask === order) s.ask = null;
  }

  /** A fill of `lots`: they stop counting as open; a fully filled order is removed. */
  reduce(order: WorkingOrder, lots: number): void {
    order.remainingLots -= lots;
    const s = order.totals;
    if (order.side === 'BUY') s.openBuyLots -= lots;
    else s.openSellLots -= lots;
    if (order.remainingLots <= 0) this.remove(order);
  }

  /** An amend sent (or confirmed, or reverted): new price and remaining lots; the total becomes filled + remaining. */
  amend(order: WorkingOrder, priceTicks: number, remainingLots: number): void {
    const s = order.totals;
    const delta = remainingLots - order.remainingLots;
    if (order.side === 'BUY') s.openBuyLots += delta;
    else s.openSellLots += delta;
    order.qtyLots += delta;
    order.remainingLots = remainingLots;
    order.priceTicks = priceTicks;
  }

  /** Live orders of one symbol, in the order they were sent. */
  ofSymbol(symbol: string): WorkingOrder[] {
    return this.all().filter((o) => o.symbol === symbol);
  }

  /** The order reached a terminal state: its remaining lots stop counting. */
  remove(order: WorkingOrder): void {
    if (!(order.seq >= 0 ? this.byIdSeq.delete(order) : this.byOtherId.delete(order.id))) return;
    this.live--;
    const s = order.totals;
    if (order.side === 'BUY') s.openBuyLots -= order.remainingLots;
    else s.openSellLots -= order.remainingLots;
    order.remainingLots = 0;
    this.release(order);
  }

  openBuyLots(symbol: string): number {
    return this.symbol(symbol).openBuyLots;
  }

  openSellLots(symbol: string): number {
    return this.symbol(symbol).openSellLots;
  }

  /** Every live order, in the order they were sent. */
  all(): WorkingOrder[] {
    // Ordinals are unique: no ties to break. Runs on a freeze or stop, not per order.
    return [...this.byIdSeq.values(), ...this.byOtherId.values()].sort((a, b) => a.ordinal - b.ordinal);
  }

  get count(): number {
    return this.live;
  }
}
