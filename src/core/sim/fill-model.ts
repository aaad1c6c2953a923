// FillModel port: decides how much of a resting order the market fills on an update.
import type { TopOfBook } from '../model/market-update.js';
import type { Order } from '../model/order.js';

export interface FillModel {
  readonly name: string;
  /** Lots of `order` (resting at its limit price) that fill on `update`; 0 for none. */
  restingFill(order: Order, update: TopOfBook): number;
  describe(): Record<string, string>;
}

/** True when the touch has moved through the order's price: someone now offers at or below a bid (bids at or above an ask). */
export function marketCrosses(order: Order, update: TopOfBook): boolean {
  return order.side === 'BUY' ? update.askTicks <= order.priceTicks : update.bidTicks >= order.priceTicks;
}
