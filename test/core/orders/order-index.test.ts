// Covers OrderIndex: orders by number behave exactly as a Map keyed by number — seeded random set/get/delete, long-lived orders moved out of the window, and numbers never added.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../src/core/model/order.js';
import { OrderIndex } from '../../../src/core/orders/order-index.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';

const order = (seq: number): Order => ({ seq } as Order);

describe('OrderIndex', () => {
  it('answers like a Map keyed by order number over seeded random place / lookup / forget sequences, with some orders kept for a long time', () => {
    const rng = new SeededRng('order-index');
    const index = new OrderIndex();
    const reference = new Map<number, Order>();
    const live: Order[] = [];
    let next = 1;
    // Order numbers whose lookup differed from the Map's, checked once at the end (an expect per lookup cost a second).
    const wrongLookups: number[] = [];
    const lookUp = (seq: number): void => {
      if (index.get(seq) !== reference.get(seq)) wrongLookups.push(seq);
    };
    for (let step = 0; step < 60_000; step++) {
      const r = rng.next();
      if (r < 0.45 || live.length === 0) {
        const o = order(next++);
        index.set(o);
        reference.set(o.seq, o);
        live.push(o);
      } else if (r < 0.9) {
        // Mostly the oldest orders end (cancel after a requote), sometimes a random one; one in fifty stays for good.
        const at = rng.next() < 0.7 ? 0 : Math.floor(rng.next() * live.length);
        const o = live.splice(at, 1)[0]!;
        if (o.seq % 50 === 0) continue; // stays addressable for good
        index.delete(o);
        reference.delete(o.seq);
      } else {
        lookUp(1 + Math.floor(rng.next() * next));
      }
    }
    for (let seq = 1; seq < next; seq++) lookUp(seq);
    expect(wrongLookups).toEqual([]);
    expect(reference.size).toBeGreaterThan(500); // the long-lived ones
    // …which the window moved to its overflow map on the way (the path this test is for).
    expect((index as unknown as { overflow: Map<number, Order> }).overflow.size).toBeGreaterThan(0);
  });

  it('finds nothing for numbers it was not given', () => {
    const index = new OrderIndex();
    index.set(order(1));
    for (const seq of [0, 2, -1, 1.5, Number.NaN, 99_999_999_999_999]) expect(index.get(seq)).toBeUndefined();
    expect(index.get(1)?.seq).toBe(1);
  });

  it('forgets a deleted order and can index it again', () => {
    const index = new OrderIndex();
    const o = order(3);
    index.set(o);
    index.delete(o);
    expect(index.get(o.seq)).toBeUndefined();
    index.set(o);
    expect(index.get(o.seq)).toBe(o);
  });

  it('says whether set added and delete removed, and lists what it holds', () => {
    const index = new OrderIndex();
    const a = order(1);
    const b = order(2);
    expect(index.set(a)).toBe(true);
    expect(index.set(a)).toBe(false);
    expect(index.set(b)).toBe(true);
    expect(index.values().map((o) => o.seq).sort((x, y) => x - y)).toEqual([1, 2]);
    expect(index.delete(a)).toBe(true);
    expect(index.delete(a)).toBe(false);
    expect(index.values()).toEqual([b]);
  });
});
