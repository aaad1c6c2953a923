// WorkingOrders: the loop's own view of its live orders (sent, not yet terminal), with per-side exposure totals.
import type { OrderNo } from '../model/ids.js';
import type { Side } from '../model/order.js';
import type { SymbolIndex } from '../model/symbol-table.js';
import type { ChangedSymbols } from '../risk/changed-symbols.js';
import { invariantViolation } from '../errors/shadow-exec-error.js';
import { OrderIndex } from './order-index.js';

/** One live order as the loop sees it (a hot-path record: docs/hot-path-records.md). */
export class WorkingOrder {
  /** A cancel has been sent; the order still counts as exposure until the venue confirms. */
  cancelSent = false;
  /** A cancel overtook the order and was refused; send it again once the venue accepts the order. */
  recancelOnAccept = false;
  /** The venue has accepted the order (it rests or has filled in part): only then can it be amended or caught by a cancel-all. */
  accepted = false;
  /** An amend is on its way; the order is not amended again until the venue answers. */
  amendPending = false;

  constructor(
    /** Send order among the loop's orders (0, 1, …): what listings sort by. */
    readonly ordinal: number,
    /** The venue's number for the order (placeOrder's answer; Order.seq in its reports). */
    readonly seq: OrderNo,
    readonly symbol: SymbolIndex,
    readonly side: Side,
    /** Limit price, ticks; changed by an amend. */
    public priceTicks: number,
    /** Total quantity, lots; changed by an amend. */
    public qtyLots: number,
    /** Lots not yet filled (qtyLots − filled); 0 once the order is removed. */
    public remainingLots: number,
    /** The per-symbol record this order counts in (resolved once, so updates need no symbol lookup). */
    readonly totals: SymbolWorking,
  ) {}
}

export interface SymbolWorking {
  /** The current quote on each side (the order the quoter manages), if any. */
  bid: WorkingOrder | null;
  ask: WorkingOrder | null;
  /** Remaining lots of every live order, quote or not (including ones being cancelled). */
  openBuyLots: number;
  openSellLots: number;
  /** Live orders of the symbol (quotes or not, cancels on their way included): the per-symbol share of `count`. */
  orders: number;
}

export class WorkingOrders {
  /** Per symbol index (the run's symbol order). */
  private readonly bySymbol: SymbolWorking[] = [];
  /** Live orders by number. Invariant: a live order is in it, and `live` counts them. */
  private readonly byNo = new OrderIndex<WorkingOrder>();
  private live = 0;
  /** The next order's send ordinal. */
  private sent = 0;
  private changes: ChangedSymbols | null = null;

  /** @param symbolCount how many symbols the run trades (indexes 0 … symbolCount − 1) */
  constructor(symbolCount: number) {
    for (let i = 0; i < symbolCount; i++) this.bySymbol.push({ bid: null, ask: null, openBuyLots: 0, openSellLots: 0, orders: 0 });
  }

  /** The live per-symbol record (read it, never write it). */
  symbol(symbol: SymbolIndex): SymbolWorking {
    const s = this.bySymbol[symbol];
    if (s === undefined) throw invariantViolation(`no working orders for symbol index ${symbol}`);
    return s;
  }

  /** Tells `changes` about every later change of a symbol's open lots (one watcher: the loop's exposure). */
  watchChanges(changes: ChangedSymbols): void {
    if (this.changes !== null && this.changes !== changes) throw invariantViolation('working-order changes are already watched');
    this.changes = changes;
  }

  /** Records a freshly sent order and makes it the quote on its side. */
  add(seq: OrderNo, symbol: SymbolIndex, side: Side, priceTicks: number, qtyLots: number): WorkingOrder {
    const working = this.addOther(seq, symbol, side, priceTicks, qtyLots);
    const s = working.totals;
    if (side === 'BUY') s.bid = working;
    else s.ask = working;
    return working;
  }

  /** Records a live order that is not a quote (an exit OCO leg): it counts as exposure but the quoter never manages it. */
  addOther(seq: OrderNo, symbol: SymbolIndex, side: Side, priceTicks: number, qtyLots: number): WorkingOrder {
    const s = this.symbol(symbol);
    const working = new WorkingOrder(this.sent++, seq, symbol, side, priceTicks, qtyLots, qtyLots, s);
    // Like a map, a number given again replaces the earlier order under it (which then no longer counts as live).
    if (this.byNo.set(working)) {
      this.live++;
      s.orders++;
    }
    if (side === 'BUY') s.openBuyLots += qtyLots;
    else s.openSellLots += qtyLots;
    this.changes?.touch(symbol);
    return working;
  }

  get(seq: OrderNo): WorkingOrder | undefined {
    return this.byNo.get(seq);
  }

  quote(symbol: SymbolIndex, side: Side): WorkingOrder | null {
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
    this.changes?.touch(order.symbol);
    if (order.remainingLots <= 0) this.remove(order);
  }

  /** An amend sent (or confirmed, or reverted): new price and remaining lots; the total becomes filled + remaining. */
  amend(order: WorkingOrder, priceTicks: number, remainingLots: number): void {
    const s = order.totals;
    const delta = remainingLots - order.remainingLots;
    if (order.side === 'BUY') s.openBuyLots += delta;
    else s.openSellLots += delta;
    this.changes?.touch(order.symbol);
    order.qtyLots += delta;
    order.remainingLots = remainingLots;
    order.priceTicks = priceTicks;
  }

  /** Live orders of one symbol, in the order they were sent. */
  ofSymbol(symbol: SymbolIndex): WorkingOrder[] {
    return this.all().filter((o) => o.symbol === symbol);
  }

  /** The order reached a terminal state: its remaining lots stop counting. */
  remove(order: WorkingOrder): void {
    if (!this.byNo.delete(order)) return;
    this.live--;
    const s = order.totals;
    s.orders--;
    if (order.side === 'BUY') s.openBuyLots -= order.remainingLots;
    else s.openSellLots -= order.remainingLots;
    this.changes?.touch(order.symbol);
    order.remainingLots = 0;
    this.release(order);
  }

  openBuyLots(symbol: SymbolIndex): number {
    return this.symbol(symbol).openBuyLots;
  }

  openSellLots(symbol: SymbolIndex): number {
    return this.symbol(symbol).openSellLots;
  }

  /** Every live order, in the order they were sent. */
  all(): WorkingOrder[] {
    // Ordinals are unique: no ties to break. Runs on a freeze or stop, not per order.
    return this.byNo.values().sort((a, b) => a.ordinal - b.ordinal);
  }

  get count(): number {
    return this.live;
  }
}
