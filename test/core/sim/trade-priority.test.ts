import { describe, expect, it } from 'vitest';
import type { Order, OrderListLeg, OrderStatus, Side } from '../../../src/core/model/order.js';
import { DEFAULT_ORDER_OPTIONS } from '../../../src/core/model/order.js';
import { ordersReachedByTrade } from '../../../src/core/sim/trade-priority.js';

function order(seq: number, side: Side, priceTicks: number, status: OrderStatus = 'OPEN', leg: OrderListLeg | null = null): Order {
  return {
    id: `O-${seq}` as Order['id'], seq, symbol: 'BTCUSDT', symbolIndex: 0, side, priceTicks, qtyLots: 5, quoteMidTicks: 100, options: DEFAULT_ORDER_OPTIONS,
    sentAt: 0, acceptedAt: 1, status, filledLots: status === 'PARTIALLY_FILLED' ? 1 : 0, cancelRequested: false, leg,
  };
}

const ids = (orders: Order[] | null): string[] | null => orders?.map((o) => o.id) ?? null;

describe('ordersReachedByTrade', () => {
  it('keeps buys at or above and sells at or below the trade price, best price first, then oldest', () => {
    const resting = [order(1, 'BUY', 100), order(2, 'BUY', 102), order(3, 'BUY', 99), order(4, 'BUY', 102), order(5, 'SELL', 103), order(6, 'BUY', 100, 'PARTIALLY_FILLED')];
    expect(ids(ordersReachedByTrade(resting, 100))).toEqual(['O-2', 'O-4', 'O-1', 'O-6']);
    expect(ids(ordersReachedByTrade(resting, 103))).toEqual(['O-5']);
    expect(ordersReachedByTrade(resting.filter((o) => o.side === 'BUY'), 103)).toBeNull(); // above every buy
  });

  it('puts buys before sells when crossed own quotes are both reached, sells by lowest price then oldest', () => {
    const resting = [order(1, 'SELL', 101), order(2, 'BUY', 103), order(3, 'SELL', 100), order(4, 'SELL', 100)];
    expect(ids(ordersReachedByTrade(resting, 102))).toEqual(['O-2', 'O-3', 'O-4', 'O-1']);
  });

  it('skips ended orders and dormant OCO stop legs, but not triggered ones', () => {
    const stop = (triggered: boolean): OrderListLeg => ({ listId: 'L-1', role: 'stop', siblingSeq: 9, stopTicks: 95, triggered });
    const resting = [order(1, 'BUY', 100, 'FILLED'), order(2, 'BUY', 100, 'CANCELED'), order(3, 'BUY', 100, 'OPEN', stop(false)), order(4, 'BUY', 100, 'OPEN', stop(true))];
    expect(ids(ordersReachedByTrade(resting, 100))).toEqual(['O-4']);
    expect(ordersReachedByTrade([], 100)).toBeNull();
  });
});
