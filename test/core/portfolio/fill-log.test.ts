// Covers FillLog: keeps the latest N fills oldest-first with their fees, counts all, reports how many were omitted.
import { describe, it, expect } from 'vitest';
import { FillLog } from '../../../src/core/portfolio/fill-log.js';
import type { Fill } from '../../../src/core/model/fill.js';
import type { FillId, OrderId } from '../../../src/core/model/ids.js';

function fill(n: number): Fill {
  return {
    id: `F-${n}` as FillId,
    orderId: `O-${n}` as OrderId,
    symbol: 'BTCUSDT', symbolIndex: 0,
    side: 'BUY',
    priceTicks: 935000 + n,
    qtyLots: 1,
    liquidity: 'MAKER',
    ts: n,
    quoteMidTicks: 935000,
  };
}

function fillIds(log: FillLog): string[] {
  return log.recent().map((l) => l.fill.id);
}

describe('FillLog', () => {
  it('keeps every fill while under capacity, nothing omitted', () => {
    const log = new FillLog(3);
    log.add(fill(1), 10n, 0);
    log.add(fill(2), 20n, 0);
    expect(fillIds(log)).toEqual(['F-1', 'F-2']);
    expect(log.count).toBe(2);
    expect(log.omitted).toBe(0);
  });

  it('keeps exactly N at capacity in order', () => {
    const log = new FillLog(3);
    for (let n = 1; n <= 3; n++) log.add(fill(n), BigInt(n), 0);
    expect(fillIds(log)).toEqual(['F-1', 'F-2', 'F-3']);
    expect(log.omitted).toBe(0);
  });

  it.each([4, 5, 6, 7, 10, 11])('keeps the last 3 of %i fills oldest first with their fees', (total) => {
    const log = new FillLog(3);
    for (let n = 1; n <= total; n++) log.add(fill(n), BigInt(n * 100), 0);
    expect(log.recent().map((l) => [l.fill.id, l.feePico])).toEqual([
      [`F-${total - 2}`, BigInt((total - 2) * 100)],
      [`F-${total - 1}`, BigInt((total - 1) * 100)],
      [`F-${total}`, BigInt(total * 100)],
    ]);
    expect(log.count).toBe(total);
    expect(log.omitted).toBe(total - 3);
  });

  it('keeps the last one with capacity 1', () => {
    const log = new FillLog(1);
    for (let n = 1; n <= 4; n++) log.add(fill(n), 0n, 0);
    expect(fillIds(log)).toEqual(['F-4']);
    expect(log.omitted).toBe(3);
  });

  it('keeps none with capacity 0 but still counts them all as omitted', () => {
    const log = new FillLog(0);
    for (let n = 1; n <= 5; n++) log.add(fill(n), 0n, 0);
    expect(log.recent()).toEqual([]);
    expect(log.count).toBe(5);
    expect(log.omitted).toBe(5);
  });

  it('returns a copy that later adds do not change', () => {
    const log = new FillLog(2);
    log.add(fill(1), 0n, 0);
    const snapshot = log.recent();
    log.add(fill(2), 0n, 0);
    log.add(fill(3), 0n, 0);
    expect(snapshot.map((l) => l.fill.id)).toEqual(['F-1']);
  });
});
