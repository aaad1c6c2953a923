// RecordingClient: passes every call through to the venue client and records when orders were placed (rehearsal expectations).
import type { OrderId } from '../core/model/ids.js';
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

  onMarketUpdate(update: TopOfBook): void {
    this.inner.onMarketUpdate(update);
  }

  onMarketEvent(event: MarketContextEvent): void {
    this.inner.onMarketEvent?.(event);
  }

  placeOrder(request: OrderRequest): OrderId {
    this.placedAt.push(this.now());
    return this.inner.placeOrder(request);
  }

  placeOco(request: OcoRequest): OcoIds {
    this.placedAt.push(this.now());
    return this.inner.placeOco(request);
  }

  cancelOrder(orderId: OrderId): void {
    this.inner.cancelOrder(orderId);
  }

  cancelAll(symbol: string): void {
    this.inner.cancelAll(symbol);
  }

  amendOrder(orderId: OrderId, priceTicks: number, qtyLots: number): void {
    this.inner.amendOrder(orderId, priceTicks, qtyLots);
  }

  stats(): VenueStats {
    return this.inner.stats();
  }

  describe(): Record<string, unknown> {
    return this.inner.describe();
  }
}
