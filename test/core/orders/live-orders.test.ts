// Covers LiveOrders: snapshots hold the live orders in creation order, ended ones drop out (also across compactions), and the open count.
import { describe, expect, it } from 'vitest';
import type { OrderId } from '../../../src/core/model/ids.js';
import type { Order, OrderStatus } from '../../../src/core/model/order.js';
import { LiveOrders } from '../../../src/core/orders/live-orders.js';

const order = (seq: number, status: OrderStatus = 'NEW'): Order => ({ id: `O-${seq}` as OrderId, seq, status } as Order);

describe('LiveOrders', () => {
  it('keeps live orders in creation order and drops ended ones, across compactions', () => {
    const live = new LiveOrders();
    const orders = Array.from({ length: 200 }, (_, i) => order(i + 1));
    for (const o of orders) live.add(o);
    // End every order whose seq is not a multiple of 3, one by one (compaction runs several times on the way).
    for (const o of orders) {
      if (o.seq % 3 === 0) continue;
      o.status = 'CANCELED';
      live.ended();
    }
    expect(live.snapshot().map((o) => o.seq)).toEqual(orders.filter((o) => o.seq % 3 === 0).map((o) => o.seq));
    live.add(order(201));
    expect(live.snapshot().at(-1)!.seq).toBe(201);
  });

  it('returns a fresh snapshot that ending orders does not change, and counts open and partially filled ones', () => {
    const live = new LiveOrders();
    const a = order(1, 'OPEN');
    const b = order(2, 'PARTIALLY_FILLED');
    const c = order(3, 'NEW');
    for (const o of [a, b, c]) live.add(o);
    const snapshot = live.snapshot();
    a.status = 'FILLED';
    live.ended();
    expect(snapshot.map((o) => o.seq)).toEqual([1, 2, 3]);
    expect(live.snapshot().map((o) => o.seq)).toEqual([2, 3]);
    expect(live.openCount()).toBe(1);
  });
});
