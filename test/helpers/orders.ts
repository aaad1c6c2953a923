// makeOrder: an accepted, unfilled OPEN order O-1 on BTCUSDT (symbol index 0; 1 lot, quoted at its own price), with fields overridable.
import { DEFAULT_ORDER_OPTIONS, type Order, type Side } from '../../src/core/model/order.js';
import type { OrderId } from '../../src/core/model/ids.js';

export function makeOrder(side: Side, priceTicks: number, overrides: Partial<Order> = {}): Order {
  return {
    id: 'O-1' as OrderId,
    seq: 1,
    symbol: 'BTCUSDT',
    symbolIndex: 0,
    side,
    priceTicks,
    qtyLots: 1,
    quoteMidTicks: priceTicks,
    sentAt: 0,
    acceptedAt: 0,
    status: 'OPEN',
    filledLots: 0,
    cancelRequested: false,
    leg: null,
    ...overrides,
    options: overrides.options ?? DEFAULT_ORDER_OPTIONS,
  };
}
