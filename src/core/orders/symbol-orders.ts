// SymbolOrders: one symbol's order book-keeping at the venue — its live orders and the resting subset a market update can fill.
import { LiveOrders } from './live-orders.js';
import { RestingOrders } from './resting-orders.js';

export class SymbolOrders {
  /** The symbol's name, known from its first order (null until then: a record made by a query has no orders to find). */
  name: string | null = null;
  /** Non-terminal orders, creation order. */
  readonly live = new LiveOrders();
  /** Orders the venue has let rest (OPEN or PARTIALLY_FILLED), creation order. */
  readonly resting = new RestingOrders();

  /** @param index the symbol's index in the run (OrderStore keeps per-index counts in typed arrays) */
  constructor(readonly index: number) {}
}
