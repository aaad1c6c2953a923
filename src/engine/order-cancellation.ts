// OrderCancellation: how the loop takes its orders off the venue — one cancel per order or cancel-all per symbol, retries of refused cancels, and when a freeze's cancels are confirmed.
import type { OrderNo } from '../core/model/ids.js';
import type { WorkingOrder, WorkingOrders } from '../core/orders/working-orders.js';
import type { FreezeEvent } from '../core/risk/risk-decision.js';
import type { Clock } from '../ports/clock.js';
import type { ExchangeClient } from '../ports/exchange-client.js';
import type { ExitOcoManager } from './exit-oco.js';
import type { LoopCounters } from './loop-counters.js';

/** How a freeze or stop cancels: one cancel per order, or one cancel-all request per symbol. */
export type CancelMode = 'per-order' | 'cancel-all';

export interface OrderCancellationDeps {
  readonly clock: Clock;
  readonly venue: ExchangeClient;
  readonly working: WorkingOrders;
  readonly counters: LoopCounters;
  readonly cancelMode: CancelMode;
  /** Traded symbols in configured order, index i = symbol index i (cancel-all goes out per symbol in this order, by name). */
  readonly symbols: readonly string[];
  readonly exits: ExitOcoManager | null;
}

export class OrderCancellation {
  /** Orders a freeze asked to cancel that the venue has not yet confirmed terminal. */
  private readonly freezeCancels = new Map<OrderNo, FreezeEvent>();
  /** Live orders whose cancel the venue refused (rate limit): cancelled again on the next market update. */
  private readonly retries: WorkingOrder[] = [];

  constructor(private readonly deps: OrderCancellationDeps) {}

  /** Stops tracking `order` as a quote and asks the venue to cancel it (once: a cancel already in flight is left to itself). */
  cancel(order: WorkingOrder): void {
    this.deps.working.release(order);
    if (order.cancelSent) return;
    order.cancelSent = true;
    this.deps.counters.cancelsSent++;
    this.deps.venue.cancelOrder(order.seq);
  }

  /** True when a refused cancel waits for the next market update. */
  get retriesPending(): boolean {
    return this.retries.length > 0;
  }

  /** The venue refused the cancel of a still-resting order: ask again on the next market update. */
  retryLater(order: WorkingOrder): void {
    this.retries.push(order);
  }

  /** Sends again every refused cancel whose order the loop still tracks. */
  retryPending(): void {
    for (const order of this.retries.splice(0)) {
      if (this.deps.working.get(order.seq) !== order) continue;
      order.cancelSent = false;
      this.deps.counters.cancelRetries++;
      this.cancel(order);
    }
  }

  /** Cancels every live order (orders whose cancel is already in flight are left to it). */
  cancelAll(): void {
    const { working, counters, venue } = this.deps;
    if (this.deps.cancelMode === 'per-order') {
      for (const order of working.all()) this.cancel(order);
      return;
    }
    for (let symbol = 0; symbol < this.deps.symbols.length; symbol++) {
      const live = working.ofSymbol(symbol);
      if (live.length === 0) continue;
      for (const order of live) {
        working.release(order);
        // A cancel-all reaches only what the venue holds: orders still on their way are cancelled once accepted.
        if (!order.accepted) order.recancelOnAccept = true;
      }
      counters.cancelAllsSent++;
      venue.cancelAll(this.deps.symbols[symbol]!);
    }
  }

  /** A freeze: cancels everything and records on `event` how many orders and, once the venue confirms them all, when. */
  freezeAll(event: FreezeEvent): void {
    const live = this.deps.working.all();
    this.cancelAll();
    event.ordersCancelled = live.length;
    for (const order of live) this.freezeCancels.set(order.seq, event);
    if (live.length === 0) event.cancelsConfirmedAt = event.ts;
  }

  /** An order reached a terminal state at the venue. */
  settled(seq: OrderNo): void {
    this.deps.exits?.onTerminal(seq);
    if (this.freezeCancels.size === 0) return;
    const event = this.freezeCancels.get(seq);
    if (event === undefined) return;
    this.freezeCancels.delete(seq);
    for (const pending of this.freezeCancels.values()) if (pending === event) return;
    event.cancelsConfirmedAt = this.deps.clock.now();
  }
}
