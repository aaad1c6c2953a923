// FillModel port: decides how much of a resting order the public market fills, on a quote update or a trade print.
import type { JsonValue } from '../core/report/canonical-json.js';
import type { TradeEvent } from '../core/model/market-data-event.js';
import type { TopOfBook } from '../core/model/market-update.js';
import type { Order } from '../core/model/order.js';

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
