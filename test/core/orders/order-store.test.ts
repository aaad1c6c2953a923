// Covers OrderStore: creation with counter ids, legal/illegal state transitions, counts, fills, and eviction of terminal orders.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { OrderStore } from '../../../src/core/orders/order-store.js';
import { transitionAllowed } from '../../../src/core/model/order.js';
import type { Order, OrderRequest, OrderStatus } from '../../../src/core/model/order.js';
import { codeOf } from '../../helpers/error-code.js';

const REQ: OrderRequest = { symbol: 'BTCUSDT', symbolIndex: 0, side: 'BUY', priceTicks: 934065, qtyLots: 10, quoteMidTicks: 935000 };

function ids(orders: Iterable<Order>): string[] {
  return [...orders].map((o) => o.id);
}

describe('OrderStore', () => {
  it('creates NEW orders with ids O-1, O-2, … and copies the request', () => {
    const store = new OrderStore();
    const a = store.create(REQ, 1000);
    const b = store.create({ ...REQ, side: 'SELL', priceTicks: 935935 }, 1001);
    expect(a).toEqual({
      id: 'O-1',
      seq: 1,
      symbol: 'BTCUSDT',
      symbolIndex: 0,
      side: 'BUY',
      priceTicks: 934065,
      qtyLots: 10,
      quoteMidTicks: 935000,
      options: { timeInForce: 'GTC', postOnly: false, reduceOnly: false },
      sentAt: 1000,
      acceptedAt: -1,
      status: 'NEW',
      filledLots: 0,
      cancelRequested: false,
      leg: null,
    });
    expect(b.id).toBe('O-2');
    expect(b.seq).toBe(2);
    expect(store.counts.created).toBe(2);
    expect(store.liveCount).toBe(2);
  });

  it.each<[OrderStatus, OrderStatus]>([
    ['NEW', 'OPEN'],
    ['NEW', 'REJECTED'],
    ['NEW', 'FILLED'],
    ['OPEN', 'PARTIALLY_FILLED'],
    ['OPEN', 'CANCELED'],
    ['OPEN', 'EXPIRED'],
    ['PARTIALLY_FILLED', 'PARTIALLY_FILLED'],
    ['PARTIALLY_FILLED', 'CANCELED'],
  ])('allows %s → %s', (from, to) => {
    const store = new OrderStore();
    const order = store.create(REQ, 0);
    order.status = from;
    store.transition(order, to);
    expect(order.status).toBe(to);
  });

  it.each<[OrderStatus, OrderStatus]>([
    ['OPEN', 'NEW'],
    ['OPEN', 'REJECTED'],
    ['PARTIALLY_FILLED', 'OPEN'],
    ['FILLED', 'CANCELED'],
    ['CANCELED', 'OPEN'],
    ['REJECTED', 'OPEN'],
    ['EXPIRED', 'FILLED'],
    ['NEW', 'NEW'],
  ])('refuses %s → %s with E_INVARIANT and leaves the status', (from, to) => {
    const store = new OrderStore();
    const order = store.create(REQ, 0);
    order.status = from;
    expect(codeOf(() => store.transition(order, to))).toBe('E_INVARIANT');
    expect(order.status).toBe(from);
  });

  it('names the order and both states in an illegal-transition message', () => {
    const store = new OrderStore();
    const order = store.create(REQ, 0);
    store.transition(order, 'OPEN');
    store.transition(order, 'CANCELED');
    expect(() => store.transition(order, 'FILLED')).toThrow('invariant violated: order O-1: CANCELED → FILLED is not allowed');
  });

  it('counts each kind of transition', () => {
    const store = new OrderStore();
    const orders = Array.from({ length: 6 }, () => store.create(REQ, 0));
    const [a, b, c, d, e, f] = orders as [Order, Order, Order, Order, Order, Order];
    for (const o of [a, b, c, d, e]) store.transition(o, 'OPEN');
    store.transition(a, 'CANCELED');
    store.fill(b, 10);
    store.fill(c, 4);
    store.transition(d, 'EXPIRED');
    store.transition(f, 'REJECTED');
    expect(store.counts).toEqual({ created: 6, accepted: 5, rejected: 1, filled: 1, partiallyFilled: 1, canceled: 1, expired: 1, amended: 0 });
  });

  it('moves a partial fill to PARTIALLY_FILLED and the final fill to FILLED', () => {
    const store = new OrderStore();
    const order = store.create(REQ, 0);
    store.transition(order, 'OPEN');
    store.fill(order, 3);
    expect(order.status).toBe('PARTIALLY_FILLED');
    expect(order.filledLots).toBe(3);
    store.fill(order, 2);
    expect(order.status).toBe('PARTIALLY_FILLED');
    expect(order.filledLots).toBe(5);
    store.fill(order, 5);
    expect(order.status).toBe('FILLED');
    expect(order.filledLots).toBe(10);
    expect(store.counts.partiallyFilled).toBe(2);
    expect(store.counts.filled).toBe(1);
    expect(store.liveCount).toBe(0);
  });

  it('refuses a fill beyond the remaining size, or of zero lots, with E_INVARIANT', () => {
    const store = new OrderStore();
    const order = store.create(REQ, 0);
    store.transition(order, 'OPEN');
    store.fill(order, 6);
    expect(codeOf(() => store.fill(order, 5))).toBe('E_INVARIANT');
    expect(codeOf(() => store.fill(order, 0))).toBe('E_INVARIANT');
    expect(codeOf(() => store.fill(order, -1))).toBe('E_INVARIANT');
    expect(order.filledLots).toBe(6);
    expect(order.status).toBe('PARTIALLY_FILLED');
  });

  it('evicts orders from liveOrders as they turn terminal and keeps creation order of the rest', () => {
    const store = new OrderStore();
    const a = store.create(REQ, 0);
    const b = store.create(REQ, 0);
    const c = store.create(REQ, 0);
    const eth = store.create({ ...REQ, symbol: 'ETHUSDT', symbolIndex: 1 }, 0);
    expect(ids(store.liveOrders(0))).toEqual(['O-1', 'O-2', 'O-3']);
    expect(ids(store.liveOrders(1))).toEqual(['O-4']);
    store.transition(b, 'REJECTED');
    store.transition(a, 'OPEN');
    store.fill(a, 4); // partial: stays live
    expect(ids(store.liveOrders(0))).toEqual(['O-1', 'O-3']);
    expect(store.liveCount).toBe(3);
    store.transition(c, 'OPEN');
    store.transition(c, 'CANCELED');
    store.transition(eth, 'OPEN');
    store.transition(eth, 'EXPIRED');
    expect(ids(store.liveOrders(0))).toEqual(['O-1']);
    expect(ids(store.liveOrders(1))).toEqual([]);
    expect(store.liveCount).toBe(1);
  });

  it('returns nothing for a symbol that never had an order, by index or by name', () => {
    expect([...new OrderStore().liveOrders(2)]).toEqual([]);
    expect(new OrderStore().liveOrdersNamed('SOLUSDT')).toEqual([]);
    expect(new OrderStore().openCount('SOLUSDT')).toBe(0);
  });

  it('finds a symbol\'s orders by the name its first order gave it (cancel-all, venue rules)', () => {
    const store = new OrderStore();
    store.create(REQ, 0);
    store.transition(store.create({ ...REQ, symbol: 'ETHUSDT', symbolIndex: 1 }, 0), 'OPEN');
    expect(ids(store.liveOrdersNamed('ETHUSDT'))).toEqual(['O-2']);
    expect(store.openCount('ETHUSDT')).toBe(1);
    expect(store.openCount('BTCUSDT')).toBe(0);
  });

  it('lets a caller fill every live order while iterating liveOrders', () => {
    const store = new OrderStore();
    for (let i = 0; i < 4; i++) store.transition(store.create(REQ, 0), 'OPEN');
    const visited: string[] = [];
    for (const order of store.liveOrders(0)) {
      visited.push(order.id);
      store.fill(order, order.qtyLots);
    }
    expect(visited).toEqual(['O-1', 'O-2', 'O-3', 'O-4']);
    expect(store.liveCount).toBe(0);
    expect(store.counts.filled).toBe(4);
  });
});

describe('OrderStore amend', () => {
  it('changes price and quantity of a live order and counts it; refuses a terminal order or a quantity not above the filled', () => {
    const store = new OrderStore();
    const order = store.create(REQ, 0);
    store.transition(order, 'OPEN');
    store.fill(order, 4);
    store.amend(order, 934000, 12);
    expect([order.priceTicks, order.qtyLots, order.filledLots, order.status]).toEqual([934000, 12, 4, 'PARTIALLY_FILLED']);
    expect(store.counts.amended).toBe(1);
    expect(() => store.amend(order, 934000, 4)).toThrow('amended qty 4 not above filled 4');
    store.transition(order, 'CANCELED');
    expect(() => store.amend(order, 934000, 20)).toThrow('amend in status CANCELED');
  });

  it('keeps openCount and hasResting equal to a count of the live orders OPEN or PARTIALLY_FILLED, over random creates, transitions and fills', () => {
    const NAMES = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT'];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), symbol: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: fc.constantFrom<OrderStatus>('OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED', 'EXPIRED') }),
      fc.record({ kind: fc.constant('fill' as const), pick: fc.nat(), lots: fc.integer({ min: 1, max: 10 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const store = new OrderStore();
        const all: Order[] = [];
        for (const s of steps) {
          if (s.kind === 'create') all.push(store.create({ ...REQ, symbol: NAMES[s.symbol]!, symbolIndex: s.symbol }, 0));
          else if (all.length > 0) {
            const order = all[s.pick % all.length]!;
            if (s.kind === 'move' && transitionAllowed(order.status, s.to) && s.to !== 'PARTIALLY_FILLED' && s.to !== 'FILLED') store.transition(order, s.to);
            if (s.kind === 'fill' && (order.status === 'OPEN' || order.status === 'PARTIALLY_FILLED') && order.filledLots + s.lots <= order.qtyLots) store.fill(order, s.lots);
          }
          NAMES.forEach((name, i) => {
            const scanned = store.liveOrders(i).filter((o) => o.status === 'OPEN' || o.status === 'PARTIALLY_FILLED').length;
            expect(store.openCount(name)).toBe(scanned);
            expect(store.hasResting(i)).toBe(scanned > 0);
          });
        }
      }),
    );
  });
});
