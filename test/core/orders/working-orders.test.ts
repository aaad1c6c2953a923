// Covers WorkingOrders: per-side open lots through add/reduce/remove, quote slots, release, live-order listing, and lookups by id against a Map.
import { describe, it, expect } from 'vitest';
import { WorkingOrders, type WorkingOrder } from '../../../src/core/orders/working-orders.js';
import type { OrderId } from '../../../src/core/model/ids.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';

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
    expect(() => w.openBuyLots('ETHUSDT')).toThrow('invariant violated: no working orders for symbol ETHUSDT');
  });

  it('finds, counts and lists live orders exactly as a Map keyed by id would, for "O-<n>" ids and ids of any other form', () => {
    const rng = new SeededRng('working-orders');
    const w = new WorkingOrders(['BTCUSDT', 'ETHUSDT']);
    const reference = new Map<string, WorkingOrder>(); // insertion order = send order
    const live: WorkingOrder[] = [];
    const issued: string[] = [];
    let next = 1;
    const fresh = (): OrderId => {
      const n = next++;
      const r = rng.next();
      // Mostly simulated-venue ids, some from another venue, some that look close to "O-<n>" but are not it.
      const text = r < 0.8 ? `O-${n}` : r < 0.9 ? `x${n}` : r < 0.95 ? `O-0${n}` : `O-${n} `;
      issued.push(text);
      return text as OrderId;
    };
    for (let step = 0; step < 40_000; step++) {
      const r = rng.next();
      if (r < 0.4 || live.length === 0) {
        const symbol = rng.next() < 0.5 ? 'BTCUSDT' : 'ETHUSDT';
        const side = rng.next() < 0.5 ? 'BUY' : 'SELL';
        const o = rng.next() < 0.9 ? w.add(fresh(), symbol, side, 100, 5) : w.addOther(fresh(), symbol, side, 100, 5);
        reference.set(o.id, o);
        live.push(o);
      } else if (r < 0.75) {
        // Mostly the oldest ends (a cancelled quote), sometimes any; one in forty stays live for good.
        const at = rng.next() < 0.7 ? 0 : Math.floor(rng.next() * live.length);
        const o = live.splice(at, 1)[0]!;
        if (o.ordinal % 40 === 0) continue;
        if (rng.next() < 0.5) w.remove(o);
        else w.reduce(o, o.remainingLots);
        reference.delete(o.id);
      } else if (r < 0.98) {
        const text = issued[Math.floor(rng.next() * issued.length)] ?? 'O-1';
        expect(w.get(text as OrderId)).toBe(reference.get(text));
      } else {
        expect(w.count).toBe(reference.size);
        expect(w.all()).toEqual([...reference.values()]);
      }
    }
    expect(w.count).toBe(reference.size);
    expect(w.all()).toEqual([...reference.values()]);
    expect(w.ofSymbol('ETHUSDT')).toEqual([...reference.values()].filter((o) => o.symbol === 'ETHUSDT'));
    for (const text of issued) expect(w.get(text as OrderId)).toBe(reference.get(text));
    for (const text of ['O-', 'O-0', '', 'O-99999999999999999', 'X-1']) expect(w.get(text as OrderId)).toBe(reference.get(text));
    expect(reference.size).toBeGreaterThan(300); // the long-lived ones, which the id index moves out of its window
    let buys = 0;
    for (const o of reference.values()) if (o.symbol === 'BTCUSDT' && o.side === 'BUY') buys += o.remainingLots;
    expect(w.openBuyLots('BTCUSDT')).toBe(buys);
  });
});
