// Covers WorkingOrders: per-side open lots through add/reduce/remove, quote slots, release, and live-order listing.
import { describe, it, expect } from 'vitest';
import { WorkingOrders } from '../../../src/core/orders/working-orders.js';
import type { OrderId } from '../../../src/core/model/ids.js';

const id = (n: number): OrderId => `O-${n}` as OrderId;

describe('WorkingOrders', () => {
  it('starts with no open lots, no quotes and no orders', () => {
    const w = new WorkingOrders(['BTCUSDT', 'ETHUSDT']);
    expect(w.openBuyLots('BTCUSDT')).toBe(0);
    expect(w.openSellLots('BTCUSDT')).toBe(0);
    expect(w.quote('BTCUSDT', 'BUY')).toBeNull();
    expect(w.quote('BTCUSDT', 'SELL')).toBeNull();
    expect(w.count).toBe(0);
    expect(w.all()).toEqual([]);
  });

  it('adds an order with its full size remaining, counts it on its side and makes it that side\'s quote', () => {
    const w = new WorkingOrders(['BTCUSDT']);
    const bid = w.add(id(1), 'BTCUSDT', 'BUY', 934065, 10);
    const ask = w.add(id(2), 'BTCUSDT', 'SELL', 935935, 7);
    expect(bid.remainingLots).toBe(10);
    expect(bid.cancelSent).toBe(false);
    expect(w.openBuyLots('BTCUSDT')).toBe(10);
    expect(w.openSellLots('BTCUSDT')).toBe(7);
    expect(w.quote('BTCUSDT', 'BUY')).toBe(bid);
    expect(w.quote('BTCUSDT', 'SELL')).toBe(ask);
    expect(w.get(id(1))).toBe(bid);
    expect(w.count).toBe(2);
  });

  it('keeps symbols apart', () => {
    const w = new WorkingOrders(['BTCUSDT', 'ETHUSDT']);
    w.add(id(1), 'BTCUSDT', 'BUY', 934065, 10);
    w.add(id(2), 'ETHUSDT', 'BUY', 334000, 3);
    expect(w.openBuyLots('BTCUSDT')).toBe(10);
    expect(w.openBuyLots('ETHUSDT')).toBe(3);
    expect(w.quote('ETHUSDT', 'SELL')).toBeNull();
  });

  it('reduces open lots by a partial fill and removes the order when fully filled', () => {
    const w = new WorkingOrders(['BTCUSDT']);
    const bid = w.add(id(1), 'BTCUSDT', 'BUY', 934065, 10);
    w.reduce(bid, 4);
    expect(bid.remainingLots).toBe(6);
    expect(w.openBuyLots('BTCUSDT')).toBe(6);
    expect(w.quote('BTCUSDT', 'BUY')).toBe(bid);
    expect(w.count).toBe(1);
    w.reduce(bid, 6);
    expect(bid.remainingLots).toBe(0);
    expect(w.openBuyLots('BTCUSDT')).toBe(0);
    expect(w.quote('BTCUSDT', 'BUY')).toBeNull();
    expect(w.get(id(1))).toBeUndefined();
    expect(w.count).toBe(0);
  });

  it('removes a partly filled order, dropping only its remaining lots', () => {
    const w = new WorkingOrders(['BTCUSDT']);
    const a = w.add(id(1), 'BTCUSDT', 'SELL', 935935, 10);
    const b = w.add(id(2), 'BTCUSDT', 'SELL', 936000, 5);
    w.reduce(a, 3);
    expect(w.openSellLots('BTCUSDT')).toBe(12);
    w.remove(a);
    expect(a.remainingLots).toBe(0);
    expect(w.openSellLots('BTCUSDT')).toBe(5);
    expect(w.quote('BTCUSDT', 'SELL')).toBe(b); // a was no longer the quote: b replaced it
    expect(w.all()).toEqual([b]);
  });

  it('ignores a second remove of the same order', () => {
    const w = new WorkingOrders(['BTCUSDT']);
    const a = w.add(id(1), 'BTCUSDT', 'BUY', 934065, 10);
    w.add(id(2), 'BTCUSDT', 'BUY', 934000, 4);
    w.remove(a);
    w.remove(a);
    expect(w.openBuyLots('BTCUSDT')).toBe(4);
    expect(w.count).toBe(1);
  });

  it('releases an order from its quote slot while it stays live and keeps counting', () => {
    const w = new WorkingOrders(['BTCUSDT']);
    const bid = w.add(id(1), 'BTCUSDT', 'BUY', 934065, 10);
    bid.cancelSent = true;
    w.release(bid);
    expect(w.quote('BTCUSDT', 'BUY')).toBeNull();
    expect(w.get(id(1))).toBe(bid);
    expect(w.openBuyLots('BTCUSDT')).toBe(10);
    expect(w.count).toBe(1);
  });

  it('does not clear a newer quote when a released older order is removed', () => {
    const w = new WorkingOrders(['BTCUSDT']);
    const old = w.add(id(1), 'BTCUSDT', 'BUY', 934065, 10);
    w.release(old);
    const fresh = w.add(id(2), 'BTCUSDT', 'BUY', 934100, 10);
    w.remove(old);
    expect(w.quote('BTCUSDT', 'BUY')).toBe(fresh);
    expect(w.openBuyLots('BTCUSDT')).toBe(10);
  });

  it('lists live orders in the order they were sent', () => {
    const w = new WorkingOrders(['BTCUSDT', 'ETHUSDT']);
    w.add(id(1), 'BTCUSDT', 'BUY', 1, 1);
    w.add(id(2), 'ETHUSDT', 'SELL', 2, 1);
    w.add(id(3), 'BTCUSDT', 'SELL', 3, 1);
    w.remove(w.get(id(2))!);
    w.add(id(4), 'ETHUSDT', 'BUY', 4, 1);
    expect(w.all().map((o) => o.id)).toEqual(['O-1', 'O-3', 'O-4']);
  });

  it('exposes the per-symbol record with the same totals', () => {
    const w = new WorkingOrders(['BTCUSDT']);
    const bid = w.add(id(1), 'BTCUSDT', 'BUY', 934065, 10);
    const s = w.symbol('BTCUSDT');
    expect(s.openBuyLots).toBe(10);
    expect(s.openSellLots).toBe(0);
    expect(s.bid).toBe(bid);
    expect(s.ask).toBeNull();
  });

  it('throws for a symbol it was not built with', () => {
    const w = new WorkingOrders(['BTCUSDT']);
    expect(() => w.openBuyLots('ETHUSDT')).toThrow('no working orders for symbol ETHUSDT');
  });
});
