// CallScopedExchangeClient: an ExchangeClient wrapper that holds the wrapped client to placeOrder's contract — the request may be read during the call only.
import type { OrderNo } from '../../src/core/model/ids.js';
import type { MarketContextEvent } from '../../src/core/model/market-data-event.js';
import type { TopOfBook } from '../../src/core/model/market-update.js';
import type { OcoIds, OcoRequest } from '../../src/core/model/order-list.js';
import type { OrderRequest } from '../../src/core/model/order.js';
import type { SymbolIndex } from '../../src/core/model/symbol-table.js';
import type { ExchangeClient, ExecutionListener, VenueStats } from '../../src/ports/exchange-client.js';

/** Thrown on a read of a placeOrder request after its call returned; `keptReads` counts them even when a caller swallows it. */
export class RequestKeptError extends Error {
  constructor(readonly field: string) {
    super(`placeOrder request read after the call returned (field '${field}'): the client kept the request the loop reuses`);
  }
}

/**
 * Hands the wrapped client a fresh view of every placeOrder request that answers reads only until the call returns.
 * Any later read (a field, a spread, `in`, Object.keys) throws RequestKeptError and is counted. The loop's own request
 * object is never given out, so the loop's reuse of it cannot hide a client that kept it.
 */
export class CallScopedExchangeClient implements ExchangeClient {
  readonly venue: string;
  /** Reads after the call, however the client handled the error; a passing run has none. */
  keptReads = 0;
  /** placeOrder calls seen (a test that placed nothing proves nothing). */
  placed = 0;

  constructor(private readonly inner: ExchangeClient) {
    this.venue = inner.venue;
  }

  placeOrder(request: OrderRequest): OrderNo {
    this.placed++;
    let open = true;
    const expired = (field: string | symbol): never => {
      this.keptReads++;
      throw new RequestKeptError(String(field));
    };
    const view = new Proxy({ ...request }, {
      get: (target, field, receiver) => (open ? Reflect.get(target, field, receiver) : expired(field)),
      has: (target, field) => (open ? Reflect.has(target, field) : expired(field)),
      ownKeys: (target) => (open ? Reflect.ownKeys(target) : expired('ownKeys')),
      getOwnPropertyDescriptor: (target, field) => (open ? Reflect.getOwnPropertyDescriptor(target, field) : expired(field)),
    });
    try {
      return this.inner.placeOrder(view);
    } finally {
      open = false;
    }
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

  cancelOrder(order: OrderNo): void {
    this.inner.cancelOrder(order);
  }

  cancelAll(symbol: string): void {
    this.inner.cancelAll(symbol);
  }

  amendOrder(order: OrderNo, priceTicks: number, qtyLots: number): void {
    this.inner.amendOrder(order, priceTicks, qtyLots);
  }

  placeOco(request: OcoRequest): OcoIds {
    return this.inner.placeOco(request);
  }

  stats(): VenueStats {
    return this.inner.stats();
  }

  describe(): Record<string, unknown> {
    return this.inner.describe();
  }
}
