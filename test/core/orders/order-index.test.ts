// Covers OrderIndex: the venue's orders by id behave exactly as a Map keyed by id — seeded random set/get/delete, long-lived orders moved out of the window, and ids the store never issued.
import { describe, expect, it } from 'vitest';
import type { OrderId } from '../../../src/core/model/ids.js';
import type { Order } from '../../../src/core/model/order.js';
import { OrderIndex, orderSeqOf } from '../../../src/core/orders/order-index.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';

const order = (seq: number): Order => ({ id: `O-${seq}` as OrderId, seq } as Order);

describe('OrderIndex', () => {
  it('answers like a Map keyed by id over seeded random place / lookup / forget sequences, with some orders kept for a long time', () => {
    const rng = new SeededRng('order-index');
    const index = new OrderIndex();
    const reference = new Map<string, Order>();
    const live: Order[] = [];
    let next = 1;
    for (let step = 0; step < 60_000; step++) {
      const r = rng.next();
      if (r < 0.45 || live.length === 0) {
        const o = order(next++);
        index.set(o);
        reference.set(o.id, o);
        live.push(o);
      } else if (r < 0.9) {
        // Mostly the oldest orders end (cancel after a requote), sometimes a random one; one in fifty stays for good.
        const at = rng.next() < 0.7 ? 0 : Math.floor(rng.next() * live.length);
        const o = live.splice(at, 1)[0]!;
        if (o.seq % 50 === 0) continue; // stays addressable for good
        index.delete(o);
        reference.delete(o.id);
      } else {
        const seq = 1 + Math.floor(rng.next() * next);
        const id = `O-${seq}` as OrderId;
        expect(index.get(id)).toBe(reference.get(id));
      }
    }
    for (let seq = 1; seq < next; seq++) expect(index.get(`O-${seq}` as OrderId)).toBe(reference.get(`O-${seq}`));
    expect(reference.size).toBeGreaterThan(500); // the long-lived ones
    // …which the window moved to its overflow map on the way (the path this test is for).
    expect((index as unknown as { overflow: Map<number, Order> }).overflow.size).toBeGreaterThan(0);
  });

  it('finds nothing for ids it was not given or that the store never issues', () => {
    const index = new OrderIndex();
    index.set(order(1));
    for (const id of ['O-01', 'O-1 ', 'X-1', 'O-', 'O-2', '', 'O-99999999999999999']) expect(index.get(id as OrderId)).toBeUndefined();
    expect(index.get('O-1' as OrderId)?.seq).toBe(1);
  });

  it('forgets a deleted order and can index it again', () => {
    const index = new OrderIndex();
    const o = order(3);
    index.set(o);
    index.delete(o);
    expect(index.get(o.id)).toBeUndefined();
    index.set(o);
    expect(index.get(o.id)).toBe(o);
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

  it('reads only canonical "O-<n>" ids', () => {
    expect(orderSeqOf('O-0')).toBe(0);
    expect(orderSeqOf('O-120')).toBe(120);
    for (const id of ['O-01', 'O-', 'O-1a', 'o-1', 'O-1234567890123456']) expect(orderSeqOf(id)).toBe(-1);
  });
});
