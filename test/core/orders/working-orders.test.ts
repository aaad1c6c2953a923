// Covers WorkingOrders: per-side open lots through add/reduce/remove, quote slots, release, live-order listing, and lookups by order number against a Map.
import { describe, it, expect } from 'vitest';
import { WorkingOrders, type WorkingOrder } from '../../../src/core/orders/working-orders.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';

/** Symbol indexes: BTCUSDT 0, ETHUSDT 1. */
const BTC = 0;
const ETH = 1;
const id = (n: number): number => n;

describe('WorkingOrders', () => {
  it('starts with no open lots, no quotes and no orders', () => {
    const w = new WorkingOrders(2);
    expect(w.openBuyLots(BTC)).toBe(0);
    expect(w.openSellLots(BTC)).toBe(0);
    expect(w.quote(BTC, 'BUY')).toBeNull();
    expect(w.quote(BTC, 'SELL')).toBeNull();
    expect(w.count).toBe(0);
    expect(w.all()).toEqual([]);
  });

  it('adds an order with its full size remaining, counts it on its side and makes it that side\'s quote', () => {
    const w = new WorkingOrders(1);
    const bid = w.add(id(1), BTC, 'BUY', 934065, 10);
    const ask = w.add(id(2), BTC, 'SELL', 935935, 7);
    expect(bid.remainingLots).toBe(10);
    expect(bid.cancelSent).toBe(false);
    expect(w.openBuyLots(BTC)).toBe(10);
    expect(w.openSellLots(BTC)).toBe(7);
    expect(w.quote(BTC, 'BUY')).toBe(bid);
    expect(w.quote(BTC, 'SELL')).toBe(ask);
    expect(w.get(id(1))).toBe(bid);
    expect(w.count).toBe(2);
  });

  it('keeps symbols apart', () => {
    const w = new WorkingOrders(2);
    w.add(id(1), BTC, 'BUY', 934065, 10);
    w.add(id(2), ETH, 'BUY', 334000, 3);
    expect(w.openBuyLots(BTC)).toBe(10);
    expect(w.openBuyLots(ETH)).toBe(3);
    expect(w.quote(ETH, 'SELL')).toBeNull();
  });

  it('reduces open lots by a partial fill and removes the order when fully filled', () => {
    const w = new WorkingOrders(1);
    const bid = w.add(id(1), BTC, 'BUY', 934065, 10);
    w.reduce(bid, 4);
    expect(bid.remainingLots).toBe(6);
    expect(w.openBuyLots(BTC)).toBe(6);
    expect(w.quote(BTC, 'BUY')).toBe(bid);
    expect(w.count).toBe(1);
    w.reduce(bid, 6);
    expect(bid.remainingLots).toBe(0);
    expect(w.openBuyLots(BTC)).toBe(0);
    expect(w.quote(BTC, 'BUY')).toBeNull();
    expect(w.get(id(1))).toBeUndefined();
    expect(w.count).toBe(0);
  });

  it('removes a partly filled order, dropping only its remaining lots', () => {
    const w = new WorkingOrders(1);
    const a = w.add(id(1), BTC, 'SELL', 935935, 10);
    const b = w.add(id(2), BTC, 'SELL', 936000, 5);
    w.reduce(a, 3);
    expect(w.openSellLots(BTC)).toBe(12);
    w.remove(a);
    expect(a.remainingLots).toBe(0);
    expect(w.openSellLots(BTC)).toBe(5);
    expect(w.quote(BTC, 'SELL')).toBe(b); // a was no longer the quote: b replaced it
    expect(w.all()).toEqual([b]);
  });

  it('ignores a second remove of the same order', () => {
    const w = new WorkingOrders(1);
    const a = w.add(id(1), BTC, 'BUY', 934065, 10);
    w.add(id(2), BTC, 'BUY', 934000, 4);
    w.remove(a);
    w.remove(a);
    expect(w.openBuyLots(BTC)).toBe(4);
    expect(w.count).toBe(1);
  });

  it('releases an order from its quote slot while it stays live and keeps counting', () => {
    const w = new WorkingOrders(1);
    const bid = w.add(id(1), BTC, 'BUY', 934065, 10);
    bid.cancelSent = true;
    w.release(bid);
    expect(w.quote(BTC, 'BUY')).toBeNull();
    expect(w.get(id(1))).toBe(bid);
    expect(w.openBuyLots(BTC)).toBe(10);
    expect(w.count).toBe(1);
  });

  it('does not clear a newer quote when a released older order is removed', () => {
    const w = new WorkingOrders(1);
    const old = w.add(id(1), BTC, 'BUY', 934065, 10);
    w.release(old);
    const fresh = w.add(id(2), BTC, 'BUY', 934100, 10);
    w.remove(old);
    expect(w.quote(BTC, 'BUY')).toBe(fresh);
    expect(w.openBuyLots(BTC)).toBe(10);
  });

  it('lists live orders in the order they were sent', () => {
    const w = new WorkingOrders(2);
    w.add(id(1), BTC, 'BUY', 1, 1);
    w.add(id(2), ETH, 'SELL', 2, 1);
    w.add(id(3), BTC, 'SELL', 3, 1);
    w.remove(w.get(id(2))!);
    w.add(id(4), ETH, 'BUY', 4, 1);
    expect(w.all().map((o) => o.seq)).toEqual([1, 3, 4]);
  });

  it('exposes the per-symbol record with the same totals', () => {
    const w = new WorkingOrders(1);
    const bid = w.add(id(1), BTC, 'BUY', 934065, 10);
    const s = w.symbol(BTC);
    expect(s.openBuyLots).toBe(10);
    expect(s.openSellLots).toBe(0);
    expect(s.bid).toBe(bid);
    expect(s.ask).toBeNull();
  });

  it('throws for a symbol index it was not built with', () => {
    const w = new WorkingOrders(1);
    expect(() => w.openBuyLots(ETH)).toThrow('invariant violated: no working orders for symbol index 1');
  });

  it('finds, counts and lists live orders exactly as a Map keyed by order number would', () => {
    const rng = new SeededRng('working-orders');
    const w = new WorkingOrders(2);
    const reference = new Map<number, WorkingOrder>(); // insertion order = send order
    const live: WorkingOrder[] = [];
    let next = 1;
    // Order numbers whose lookup differed from the Map's, checked once at the end (an expect per lookup cost a second).
    const wrongLookups: number[] = [];
    const lookUp = (seq: number): void => {
      if (w.get(seq) !== reference.get(seq)) wrongLookups.push(seq);
    };
    for (let step = 0; step < 40_000; step++) {
      const r = rng.next();
      if (r < 0.4 || live.length === 0) {
        const symbol = rng.next() < 0.5 ? BTC : ETH;
        const side = rng.next() < 0.5 ? 'BUY' : 'SELL';
        const seq = next++;
        const o = rng.next() < 0.9 ? w.add(seq, symbol, side, 100, 5) : w.addOther(seq, symbol, side, 100, 5);
        reference.set(o.seq, o);
        live.push(o);
      } else if (r < 0.75) {
        // Mostly the oldest ends (a cancelled quote), sometimes any; one in forty stays live for good.
        const at = rng.next() < 0.7 ? 0 : Math.floor(rng.next() * live.length);
        const o = live.splice(at, 1)[0]!;
        if (o.ordinal % 40 === 0) continue;
        if (rng.next() < 0.5) w.remove(o);
        else w.reduce(o, o.remainingLots);
        reference.delete(o.seq);
      } else if (r < 0.98) {
        lookUp(1 + Math.floor(rng.next() * next));
      } else {
        expect(w.count).toBe(reference.size);
        expect(w.all()).toEqual([...reference.values()]);
      }
    }
    expect(w.count).toBe(reference.size);
    expect(w.all()).toEqual([...reference.values()]);
    expect(w.ofSymbol(ETH)).toEqual([...reference.values()].filter((o) => o.symbol === ETH));
    for (let seq = 0; seq <= next; seq++) lookUp(seq);
    expect(wrongLookups).toEqual([]);
    expect(reference.size).toBeGreaterThan(300); // the long-lived ones, which the index moves out of its window
    let buys = 0;
    for (const o of reference.values()) if (o.symbol === BTC && o.side === 'BUY') buys += o.remainingLots;
    expect(w.openBuyLots(BTC)).toBe(buys);
  });
});
