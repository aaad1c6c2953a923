// The visible part of an iceberg order in lots: the slice of it a taker meets before the order refreshes.
import { parseDecimal, toUnits } from '../money/decimal.js';
import type { Instrument } from '../model/instrument.js';
import type { Order } from '../model/order.js';

/**
 * Visible lots of `order`, null for a plain order. Venue rules have already refused an icebergQty off the lot grid,
 * above the order's quantity or beyond ICEBERG_PARTS, so this only converts. Computed once per order (cached).
 */
export class IcebergVisible {
  private readonly cache = new WeakMap<Order, number | null>();

  constructor(private readonly instruments: ReadonlyMap<string, Instrument>) {}

  lots(order: Order): number | null {
    const text = order.options.icebergQty;
    if (text === undefined) return null;
    let lots = this.cache.get(order);
    if (lots === undefined) {
      const instrument = this.instruments.get(order.symbol);
      lots = instrument === undefined ? null : toUnits(parseDecimal(text, 'icebergQty'), instrument.lotSize, `${order.symbol} icebergQty`);
      this.cache.set(order, lots);
    }
    return lots;
  }
}
