// FillRecord: the Fill the venue reports for every execution — made by a constructor, not an object literal, so V8 always allocates it young.
import type { Fill } from './fill.js';
import type { FillId, OrderId } from './ids.js';
import type { Liquidity, Side } from './order.js';

/**
 * A class rather than `{ id, orderId, … }` for the reason QuoteRecord gives (quote-record.ts): V8 may pretenure every
 * object of a literal's allocation site after one unlucky young collection; most fills are dropped once booked.
 * Own properties in the order the literal had, so a spread or serialised fill is unchanged.
 */
export class FillRecord implements Fill {
  readonly id: FillId;
  readonly orderId: OrderId;
  readonly symbol: string;
  readonly side: Side;
  /** Execution price, ticks. */
  readonly priceTicks: number;
  /** Executed quantity, lots (> 0). */
  readonly qtyLots: number;
  readonly liquidity: Liquidity;
  /** Virtual ms of the fill. */
  readonly ts: number;
  /** Mid (ticks) the order was quoted from. */
  readonly quoteMidTicks: number;

  constructor(id: FillId, orderId: OrderId, symbol: string, side: Side, priceTicks: number, qtyLots: number, liquidity: Liquidity, ts: number, quoteMidTicks: number) {
    this.id = id;
    this.orderId = orderId;
    this.symbol = symbol;
    this.side = side;
    this.priceTicks = priceTicks;
    this.qtyLots = qtyLots;
    this.liquidity = liquidity;
    this.ts = ts;
    this.quoteMidTicks = quoteMidTicks;
  }
}
