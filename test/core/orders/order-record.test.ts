// Covers OrderRecord: a new order built by the constructor is indistinguishable from the literal OrderStore used to build (values, own keys, canonical JSON); its own keys are the constructor's parameters in order, then the state fields.
import { describe, expect, it } from 'vitest';
import type { OrderId } from '../../../src/core/model/ids.js';
import { DEFAULT_ORDER_OPTIONS, type Order, type OrderListLeg } from '../../../src/core/model/order.js';
import { canonicalJson } from '../../../src/core/report/canonical-json.js';
import { OrderRecord } from '../../../src/core/orders/order-record.js';

describe('OrderRecord', () => {
  it('starts NEW, unfilled, unaccepted, with the literal order\'s own keys (parameters first, then the state fields)', () => {
    const literal: Order = {
      id: 'O-42' as OrderId,
      seq: 42,
      symbol: 'NKNUSDT',
      symbolIndex: 1,
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
    const record = new OrderRecord('O-42' as OrderId, 42, 'NKNUSDT', 1, 'SELL', 41_260, 12_000, 41_255, DEFAULT_ORDER_OPTIONS, 1_700_000_000_123, null);
    expect(record).toEqual(literal);
    expect(Object.keys(record)).toEqual(['id', 'seq', 'symbol', 'symbolIndex', 'side', 'priceTicks', 'qtyLots', 'quoteMidTicks', 'options', 'sentAt', 'leg', 'acceptedAt', 'status', 'filledLots', 'cancelRequested']);
    expect(canonicalJson(record as never)).toBe(canonicalJson(literal as never));
  });

  it('keeps the order-list leg it was given and lets the store mutate its state', () => {
    const leg: OrderListLeg = { listId: 'L-1', role: 'stop', siblingSeq: 1, stopTicks: 90, triggered: false };
    const record = new OrderRecord('O-2' as OrderId, 2, 'BTCUSDT', 0, 'BUY', 100, 3, 95, DEFAULT_ORDER_OPTIONS, 10, leg);
    expect(record.leg).toBe(leg);
    record.status = 'OPEN';
    record.filledLots = 1;
    record.acceptedAt = 60;
    expect(record).toMatchObject({ status: 'OPEN', filledLots: 1, acceptedAt: 60 });
  });
});
