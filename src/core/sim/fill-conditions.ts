// Fill conditions the fill models share: whether the market or a trade reaches a resting order, and how many lots are on offer or left.
import type { TopOfBook } from '../model/market-update.js';
import type { Order } from '../model/order.js';

/** True when the touch has moved through the order's price: someone now offers at or below a bid (bids at or above an ask). */
export function marketCrosses(order: Order, update: TopOfBook): boolean {
  return order.side === 'BUY' ? update.askTicks <= order.priceTicks : update.bidTicks >= order.priceTicks;
}

/** The displayed size on the side that crosses the order (the asks for a buy, the bids for a sell), lots. */
export function crossingLots(order: Order, update: TopOfBook): number {
  return order.side === 'BUY' ? update.askLots : update.bidLots;
}

/** True when a trade at `priceTicks` reaches the order: at or below a buy's price, at or above a sell's. */
export function tradeReaches(order: Order, priceTicks: number): boolean {
  return order.side === 'BUY' ? priceTicks <= order.priceTicks : priceTicks >= order.priceTicks;
}

/** True when a trade at `priceTicks` printed strictly through the order's price (its whole level must have traded first). */
export function tradeThrough(order: Order, priceTicks: number): boolean {
  return order.side === 'BUY' ? priceTicks < order.priceTicks : priceTicks > order.priceTicks;
}

/** Unfilled lots of an order. */
export function remainingLots(order: Order): number {
  return order.qtyLots - order.filledLots;
}
