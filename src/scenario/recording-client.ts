// RecordingClient: passes every call through to the venue client and records when orders were placed (rehearsal expectations).
import type { OrderNo } from '../core/model/ids.js';
import type { SymbolIndex } from '../core/model/symbol-table.js';
import type { MarketContextEvent } from '../core/model/market-data-event.js';
import type { TopOfBook } from '../core/model/market-update.js';
import type { OcoIds, OcoRequest } from '../core/model/order-list.js';
import type { OrderRequest } from '../core/model/order.js';
import type { ExchangeClient, ExecutionListener, VenueStats } from '../ports/exchange-client.js';

export class RecordingClient implements ExchangeClient {
  readonly venue: string;
  /** Virtual ms of every order (or OCO) the loop placed, in order. */
  readonly placedAt: number[] = [];

  constructor(
    private readonly inner: ExchangeClient,
    private readonly now: () => number,
  ) {
    this.venue = inner.venue;
  }

  setListener(listener: ExecutionListener): void {
    this.inner.setListener(listener);
  }

  onMarketUpdate(update: TopOfBook, symbol: SymbolIndex): void {
    this.inner.onMarketUpdate(update, symbol);
  }

  onMarketEvent(event: MarketContextEvent, symbol: SymbolIndex): void {
    this.inner.onMarketEvent?.(event, symbol);
  }

  placeOrder(request: OrderRequest): OrderNo {
    this.placedAt.push(this.now());
    return this.inner.placeOrder(request);
  }

  placeOco(request: OcoRequest): OcoIds {
    this.placedAt.push(this.now());
    return this.inner.placeOco(request);
  }

  cancelOrder(order: OrderNo): void {
    this.inner.cancelOrder(order);
  }

  cancelAll(symbol: string): void {
    this.inner.cancelAll(symbol);
  }

  amendOrder(order: OrderNo, priceTicks: number, qtyLots: number): void {
    this.inner.amendOrder(order, priceTicks, qtyLots);
  }

  stats(): VenueStats {
    return this.inner.stats();
  }

  describe(): Record<string, unknown> {
    return this.inner.describe();
  }
}
