// FillModel port: decides how much of a resting order the public market fills, on a quote update or a trade print.
import type { JsonValue } from '../report/canonical-json.js';
import type { TradeEvent } from '../model/market-data-event.js';
import type { TopOfBook } from '../model/market-update.js';
import type { Order } from '../model/order.js';

/**
 * Every method is called by the venue's matching engine while a market event (or a request) is being handled,
 * so a model reading the feed's book sees it as of that event. Fills are always at the order's own limit price,
 * as maker: an order that crosses on arrival is matched by the engine itself (taker), not by the model.
 */
export interface FillModel {
  readonly name: string;
  /**
   * The order now rests with an unfilled rest: accepted, or amended to a new price or a larger size (which, on
   * both venues, sends it to the back of its price level). Not called for an amend that only shrinks it.
   */
  onRest(order: Order): void;
  /** Lots of resting `order` this quote of its symbol fills; 0 for none. Called per resting order, oldest first. */
  quoteFill(order: Order, update: TopOfBook): number;
  /**
   * Lots of resting `order` this trade fills; 0 for none. Called only for orders the trade's price reaches (a buy
   * at or above it, a sell at or below it), in price-time priority (best price first, then oldest);
   * `taken` is what this trade already filled of better-placed orders of ours.
   */
  tradeFill(order: Order, trade: TradeEvent, taken: number): number;
  /** The model's rules and settings, for the report's `model.venue.fill_model`. */
  describe(): Record<string, JsonValue>;
  /** The report's `model.simplifications` lines that are this model's (what it leaves out). */
  simplifications(): readonly string[];
  /** What the model counted during the run, for the report's `fills.model`. */
  stats(): Record<string, JsonValue>;
}

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
