// FillRecord: the Fill the venue reports for every execution — a constructor, not an object literal (docs/hot-path-records.md).
import type { Fill } from './fill.js';
import type { FillId, OrderId } from './ids.js';
import type { Liquidity, Side } from './order.js';
import type { SymbolIndex } from './symbol-table.js';

export class FillRecord implements Fill {
  constructor(
    readonly id: FillId,
    readonly orderId: OrderId,
    readonly symbol: string,
    readonly symbolIndex: SymbolIndex,
    readonly side: Side,
    /** Execution price, ticks. */
    readonly priceTicks: number,
    /** Executed quantity, lots (> 0). */
    readonly qtyLots: number,
    readonly liquidity: Liquidity,
    /** Virtual ms of the fill. */
    readonly ts: number,
    /** Mid (ticks) the order was quoted from. */
    readonly quoteMidTicks: number,
  ) {}
}
