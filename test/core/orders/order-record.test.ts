// Covers OrderRecord: a new order built by the constructor is indistinguishable from the literal OrderStore used to build (values, own keys and their order, JSON).
import { describe, expect, it } from 'vitest';
import type { OrderId } from '../../../src/core/model/ids.js';
import { DEFAULT_ORDER_OPTIONS, type Order, type OrderListLeg } from '../../../src/core/model/order.js';
import { OrderRecord } from '../../../src/core/orders/order-record.js';

describe('OrderRecord', () => {
  it('starts NEW, unfilled, unaccepted, with the literal order\'s own keys in the same order', () => {
    const literal: Order = {
      id: 'O-42' as OrderId,
      seq: 42,
      symbol: 'NKNUSDT',
      side: 'SELL',
      priceTicks: 41_260,
      qtyLots: 12_000,
      quoteMidTicks: 41_255,
      options: DEFAULT_ORDER_OPTIONS,
      sentAt: 1_700_000_000_123,
      acceptedAt: -1,
      status: 'NEW',
      filledLots: 0,
      cancelRequested: false,
      leg: null,
    };
    const record = new OrderRecord('O-42' as OrderId, 42, 'NKNUSDT', 'SELL', 41_260, 12_000, 41_255, DEFAULT_ORDER_OPTIONS, 1_700_000_000_123, null);
    expect(record).toEqual(literal);
    expect(Object.keys(record)).toEqual(Object.keys(literal));
    expect(JSON.stringify(record)).toBe(JSON.stringify(literal));
  });

  it('keeps the order-list leg it was given and lets the store mutate its state', () => {
    const leg: OrderListLeg = { listId: 'L-1', role: 'stop', siblingId: 'O-1' as OrderId, stopTicks: 90, triggered: false };
    const record = new OrderRecord('O-2' as OrderId, 2, 'BTCUSDT', 'BUY', 100, 3, 95, DEFAULT_ORDER_OPTIONS, 10, leg);
    expect(record.leg).toBe(leg);
    record.status = 'OPEN';
    record.filledLots = 1;
    record.acceptedAt = 60;
    expect(record).toMatchObject({ status: 'OPEN', filledLots: 1, acceptedAt: 60 });
  });
});
