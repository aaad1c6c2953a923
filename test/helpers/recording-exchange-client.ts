// RecordingExchangeClient: passes every call through to a real client and records what the loop sent, and when.
import type { OrderNo } from '../../src/core/model/ids.js';
import type { SymbolIndex } from '../../src/core/model/symbol-table.js';
import type { MarketContextEvent } from '../../src/core/model/market-data-event.js';
import type { TopOfBook } from '../../src/core/model/market-update.js';
import type { OrderRequest } from '../../src/core/model/order.js';
import type { OcoIds, OcoRequest } from '../../src/core/model/order-list.js';
import type { Clock } from '../../src/ports/clock.js';
import type { ExchangeClient, ExecutionListener, VenueStats } from '../../src/ports/exchange-client.js';

export interface SentOrder {
  readonly id: OrderNo;
  readonly at: number;
  readonly request: OrderRequest;
}

export class RecordingExchangeClient implements ExchangeClient {
  readonly sent: SentOrder[] = [];
  readonly cancels: { readonly id: OrderNo; readonly at: number }[] = [];
  readonly cancelAlls: { readonly symbol: string; readonly at: number }[] = [];
  readonly ocos: { readonly ids: OcoIds; readonly at: number; readonly request: OcoRequest }[] = [];
  readonly amends: { readonly id: OrderNo; readonly at: number; readonly priceTicks: number; readonly qtyLots: number }[] = [];
  readonly venue: string;

  constructor(
    private readonly inner: ExchangeClient,
    private readonly clock: () => Clock,
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
    const id = this.inner.placeOrder(request);
    this.sent.push({ id, at: this.clock().now(), request: { ...request } }); // a copy: the caller may reuse the request (ExchangeClient.placeOrder)
    return id;
  }

  cancelOrder(order: OrderNo): void {
    this.cancels.push({ id: order, at: this.clock().now() });
    this.inner.cancelOrder(order);
  }

  cancelAll(symbol: string): void {
    this.cancelAlls.push({ symbol, at: this.clock().now() });
    this.inner.cancelAll(symbol);
  }

  amendOrder(order: OrderNo, priceTicks: number, qtyLots: number): void {
    this.amends.push({ id: order, at: this.clock().now(), priceTicks, qtyLots });
    this.inner.amendOrder(order, priceTicks, qtyLots);
  }

  placeOco(request: OcoRequest): OcoIds {
    const ids = this.inner.placeOco(request);
    this.ocos.push({ ids, at: this.clock().now(), request });
    return ids;
  }

  stats(): VenueStats {
    return this.inner.stats();
  }

  describe(): Record<string, unknown> {
    return this.inner.describe();
  }
}
