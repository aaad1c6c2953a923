// A fill (execution) of one of the loop's orders.
import type { FillId, OrderId } from './ids.js';
import type { SymbolIndex } from './symbol-table.js';
import type { Liquidity, Side } from './order.js';

export interface Fill {
  readonly id: FillId;
  readonly orderId: OrderId;
  readonly symbol: string;
  /** The symbol's index in the run (what the ledger and edge tracker key by). */
  readonly symbolIndex: SymbolIndex;
  readonly side: Side;
  readonly priceTicks: number;
  readonly qtyLots: number;
  readonly liquidity: Liquidity;
  /** Virtual ms of the fill. */
  readonly ts: number;
  /** Mid (ticks) the order was quoted from. */
  readonly quoteMidTicks: number;
}
