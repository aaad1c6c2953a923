// WorkingOrders: the loop's own view of its live orders (sent, not yet terminal), with per-side exposure totals.
import type { OrderId } from '../model/ids.js';
import type { Side } from '../model/order.js';

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

  constructor(
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
  /** Live orders in the order they were sent. */
  private readonly byId = new Map<OrderId, WorkingOrder>();
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
    if (s === undefined) throw new Error(`no working orders for symbol ${symbol}`);
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
    const working = new WorkingOrder(id, symbol, side, priceTicks, qtyLots, s);
    this.byId.set(id, working);
    if (side === 'BUY') s.openBuyLots += qtyLots;
    else s.openSellLots += qtyLots;
    return working;
  }

  get(id: OrderId): WorkingOrder | undefined {
    return this.byId.get(id);
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
    return [...this.byId.values()].filter((o) => o.symbol === symbol);
  }

  /** The order reached a terminal state: its remaining lots stop counting. */
  remove(order: WorkingOrder): void {
    if (!this.byId.delete(order.id)) return;
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
    return [...this.byId.values()];
  }

  get count(): number {
    return this.byId.size;
  }
}
