// OrderStore: the venue's deterministic in-memory order book-keeping and state machine; terminal orders are evicted.
import { IdSequence, type OrderId } from '../model/ids.js';
import type { SymbolIndex } from '../model/symbol-table.js';
import type { OcoRequest } from '../model/order-list.js';
import { DEFAULT_ORDER_OPTIONS, isTerminal, transitionAllowed, type Order, type OrderListLeg, type OrderOptions, type OrderRequest, type OrderStatus } from '../model/order.js';
import { invariantViolation } from '../errors/shadow-exec-error.js';
import { OrderRecord } from './order-record.js';
import { SymbolOrders } from './symbol-orders.js';

export interface OrderCounts {
  created: number;
  accepted: number;
  rejected: number;
  filled: number;
  partiallyFilled: number;
  canceled: number;
  expired: number;
  amended: number;
}

export class OrderStore {
  private readonly ids = new IdSequence<OrderId>('O');
  /** Per symbol index, its live orders and the resting ones among them (created on the symbol's first order or query). */
  private readonly bySymbol: (SymbolOrders | undefined)[] = [];
  private liveTotal = 0;
  /**
   * Per symbol index, its live orders OPEN or PARTIALLY_FILLED now: kept by transition() (the one place a status
   * changes). Read per order by venue rules that cap open orders, and per market update (hasResting) so a symbol with
   * nothing resting costs one typed-array read, not its records (cache misses per quote at 1000 symbols).
   */
  private openAt = new Int32Array(16);
  /** The records by symbol name, for the venue rules and cancel-alls that address a symbol by name (set with the record's name). */
  private readonly byName = new Map<string, SymbolOrders>();
  readonly counts: OrderCounts = { created: 0, accepted: 0, rejected: 0, filled: 0, partiallyFilled: 0, canceled: 0, expired: 0, amended: 0 };

  create(request: OrderRequest, sentAt: number, leg: OrderListLeg | null = null): Order {
    const id = this.ids.issue();
    const order = new OrderRecord(
      id,
      this.ids.issued,
      request.symbol,
      request.symbolIndex,
      request.side,
      request.priceTicks,
      request.qtyLots,
      request.quoteMidTicks,
      request.options ?? DEFAULT_ORDER_OPTIONS,
      sentAt,
      leg,
    );
    const record = this.symbolOrders(request.symbolIndex);
    if (record.name === null) {
      record.name = request.symbol;
      // The lowest index named so wins, as the scan over indexes this replaced found it (one name, one index in a run).
      const named = this.byName.get(request.symbol);
      if (named === undefined || this.bySymbol.indexOf(named) > request.symbolIndex) this.byName.set(request.symbol, record);
    }
    record.live.add(order);
    this.liveTotal++;
    this.counts.created++;
    return order;
  }

  /** Creates both legs of an OCO, linked to each other: the limit leg first, then the stop leg. */
  createOco(request: OcoRequest, listId: string, options: OrderOptions, sentAt: number): { limit: Order; stop: Order } {
    const base = { symbol: request.symbol, symbolIndex: request.symbolIndex, side: request.side, qtyLots: request.qtyLots, quoteMidTicks: request.quoteMidTicks };
    const limitLeg: OrderListLeg = { listId, role: 'limit', siblingSeq: 0, stopTicks: null, triggered: false };
    const stopLeg: OrderListLeg = { listId, role: 'stop', siblingSeq: 0, stopTicks: request.stopTicks, triggered: false };
    const limit = this.create({ ...base, priceTicks: request.limitPriceTicks, options: { ...options, postOnly: true } }, sentAt, limitLeg);
    const stop = this.create({ ...base, priceTicks: request.stopLimitPriceTicks, options }, sentAt, stopLeg);
    limitLeg.siblingSeq = stop.seq;
    stopLeg.siblingSeq = limit.seq;
    return { limit, stop };
  }

  /** Moves `order` to `to`; an illegal transition is a bug. */
  transition(order: Order, to: OrderStatus): void {
    const from = order.status;
    if (!transitionAllowed(from, to)) throw invariantViolation(`order ${order.id}: ${from} → ${to} is not allowed`);
    order.status = to;
    const opened = (to === 'OPEN' || to === 'PARTIALLY_FILLED' ? 1 : 0) - (from === 'OPEN' || from === 'PARTIALLY_FILLED' ? 1 : 0);
    if (opened !== 0) this.openAt[this.symbolOrders(order.symbolIndex).index]! += opened;
    switch (to) {
      case 'OPEN':
        this.counts.accepted++;
        break;
      case 'REJECTED':
        this.counts.rejected++;
        break;
      case 'FILLED':
        this.counts.filled++;
        break;
      case 'PARTIALLY_FILLED':
        this.counts.partiallyFilled++;
        break;
      case 'CANCELED':
        this.counts.canceled++;
        break;
      case 'EXPIRED':
        this.counts.expired++;
        break;
      case 'NEW':
        break;
    }
    if (isTerminal(to)) {
      const symbolOrders = this.symbolOrders(order.symbolIndex);
      symbolOrders.live.ended();
      this.liveTotal--;
      if (from !== 'NEW') symbolOrders.resting.ended();
    } else if (from === 'NEW') {
      this.symbolOrders(order.symbolIndex).resting.add(order); // to is OPEN or PARTIALLY_FILLED
    }
  }

  /** Records `lots` filled and moves the order to PARTIALLY_FILLED or FILLED. */
  fill(order: Order, lots: number): void {
    if (!(lots > 0 && order.filledLots + lots <= order.qtyLots)) throw invariantViolation(`order ${order.id}: fill of ${lots} lots exceeds remaining`);
    order.filledLots += lots;
    this.transition(order, order.filledLots === order.qtyLots ? 'FILLED' : 'PARTIALLY_FILLED');
  }

  /** An accepted amend: new limit price and total quantity (which must stay above what has filled). */
  amend(order: Order, priceTicks: number, qtyLots: number): void {
    if (order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') throw invariantViolation(`order ${order.id}: amend in status ${order.status}`);
    if (!(qtyLots > order.filledLots)) throw invariantViolation(`order ${order.id}: amended qty ${qtyLots} not above filled ${order.filledLots}`);
    order.priceTicks = priceTicks;
    order.qtyLots = qtyLots;
    this.counts.amended++;
  }

  /** Live orders of symbol index `symbol` in creation order, as a fresh array: ending or creating orders while iterating it is safe. */
  liveOrders(symbol: SymbolIndex): Order[] {
    return this.symbolOrders(symbol).live.snapshot();
  }

  /** Live orders of every symbol, by symbol index then creation order, as a fresh array (a venue-wide cancel). */
  allLiveOrders(): Order[] {
    const out: Order[] = [];
    for (const record of this.bySymbol) if (record !== undefined) out.push(...record.live.snapshot());
    return out;
  }

  /** liveOrders of the symbol named `name` (cancel-all and venue rules address a symbol by name; not per update). */
  liveOrdersNamed(name: string): Order[] {
    return this.named(name)?.live.snapshot() ?? [];
  }

  /** Live orders of the symbol named `name` that are OPEN or PARTIALLY_FILLED (a kept count: asked on every Binance order check). */
  openCount(name: string): number {
    const record = this.named(name);
    return record === undefined ? 0 : this.openAt[record.index]!;
  }

  /** Whether symbol index `symbol` has an order OPEN or PARTIALLY_FILLED (restingOrders would list one). */
  hasResting(symbol: SymbolIndex): boolean {
    return symbol >= 0 && symbol < this.openAt.length && this.openAt[symbol]! > 0;
  }

  /**
   * Live orders of `symbol` that rest at the venue (OPEN or PARTIALLY_FILLED when this is called), in creation order.
   * Orders ending later stay in the array until the next call: check each one's status, and do not call this again
   * while iterating the array it returned.
   */
  restingOrders(symbol: SymbolIndex): readonly Order[] {
    return this.symbolOrders(symbol).resting.current();
  }

  get liveCount(): number {
    return this.liveTotal;
  }

  /** The symbol's record, created on first use (an empty one answers like no orders). */
  private symbolOrders(symbol: SymbolIndex): SymbolOrders {
    const record = this.bySymbol[symbol];
    if (record !== undefined) return record;
    if (!(Number.isInteger(symbol) && symbol >= 0)) throw invariantViolation(`symbol index ${symbol} is not a run's index`);
    const bySymbol = this.bySymbol;
    while (bySymbol.length < symbol) bySymbol.push(undefined);
    const created = new SymbolOrders(symbol);
    bySymbol[symbol] = created;
    if (symbol >= this.openAt.length) {
      const grown = new Int32Array(Math.max(symbol + 1, 2 * this.openAt.length));
      grown.set(this.openAt);
      this.openAt = grown;
    }
    return created;
  }

  /** The record of the symbol named `name` among those with orders, or undefined: a map lookup (a scan over every symbol's record was O(symbols) per Binance order check). */
  private named(name: string): SymbolOrders | undefined {
    return this.byName.get(name);
  }
}
