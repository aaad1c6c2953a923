// Covers SymmetricQuoter: exact bid/ask ticks around mid, lot sizing rounded down, requote threshold, one-tick minimums.
import { describe, it, expect } from 'vitest';
import { SymmetricQuoter, type QuoterSettings } from '../../../src/core/strategy/symmetric-quoter.js';
import { buildInstrument } from '../../../src/core/model/instrument.js';
import { BTCUSDT_SPEC } from '../../helpers/instrument-specs.js';

const BTC = buildInstrument(BTCUSDT_SPEC); // atomE8 = 10 000

const BASE: QuoterSettings = {
  spreadBpsE4: 200_000, // 20 bps
  orderNotionalE8: 100_000_000_000, // 1000 USDT
  requoteBpsE4: 50_000, // 5 bps
};

describe('SymmetricQuoter', () => {
  it('quotes half the spread each side of mid: mid 935000, 20 bps → ±935 ticks', () => {
    const q = new SymmetricQuoter(BASE).quote(BTC, 935000);
    // half = ceil(935000 × 200000 / (2 × 1e8)) = 935
    expect(q.bidTicks).toBe(934065);
    expect(q.askTicks).toBe(935935);
  });

  it('rounds the half-spread up to a whole tick', () => {
    const q = new SymmetricQuoter(BASE).quote(BTC, 935001); // 935.001 → 936
    expect(q.bidTicks).toBe(934065);
    expect(q.askTicks).toBe(935937);
  });

  it('sizes each side as the largest whole number of lots within the target notional', () => {
    const q = new SymmetricQuoter(BASE).quote(BTC, 935000);
    // 1000 USDT / 93 406.5 = 10.706 → 10 ; 1000 / 93 593.5 = 10.684 → 10
    expect(q.bidLots).toBe(10);
    expect(q.askLots).toBe(10);
  });

  it('rounds lots down, so the ask can get one lot fewer than the bid', () => {
    // exactly 2 lots at the bid: 2 × 934065 × 10 000 = 18 681 300 000; at the ask that is 1.996 lots
    const q = new SymmetricQuoter({ ...BASE, orderNotionalE8: 18_681_300_000 }).quote(BTC, 935000);
    expect(q.bidLots).toBe(2);
    expect(q.askLots).toBe(1);
  });

  it('gives 0 lots to a side whose price makes one lot exceed the target', () => {
    const q = new SymmetricQuoter({ ...BASE, orderNotionalE8: 9_350_000_000 }).quote(BTC, 935000); // 93.5 USDT
    expect(q.bidLots).toBe(1); // 93.4065 ≤ 93.5
    expect(q.askLots).toBe(0); // 93.5935 > 93.5
  });

  it('computes requoteTicks = ceil(mid × requote bps)', () => {
    expect(new SymmetricQuoter(BASE).quote(BTC, 935000).requoteTicks).toBe(468); // 467.5 → 468
    expect(new SymmetricQuoter({ ...BASE, requoteBpsE4: 100_000 }).quote(BTC, 935000).requoteTicks).toBe(935);
  });

  it('keeps at least one tick each side and a requote of at least one tick for tiny settings', () => {
    for (const spreadBpsE4 of [0, 1, 100]) {
      const q = new SymmetricQuoter({ ...BASE, spreadBpsE4, requoteBpsE4: 0 }).quote(BTC, 935000);
      expect(q.bidTicks).toBe(934999);
      expect(q.askTicks).toBe(935001);
      expect(q.requoteTicks).toBe(1);
    }
    expect(new SymmetricQuoter({ ...BASE, requoteBpsE4: 1 }).quote(BTC, 935000).requoteTicks).toBe(1);
  });

  it('does not size a bid at or below zero ticks', () => {
    const q = new SymmetricQuoter({ ...BASE, spreadBpsE4: 200_000_000 }).quote(BTC, 1); // 200 % spread at mid 1 tick
    expect(q.bidTicks).toBe(0);
    expect(q.bidLots).toBe(0);
    expect(q.askTicks).toBe(2);
    expect(q.askLots).toBe(5_000_000); // 1e11 / (2 × 1e4)
  });

  it('reuses one quote record: each call answers exactly what a fresh quoter computes for that mid', () => {
    const quoter = new SymmetricQuoter(BASE);
    const first = quoter.quote(BTC, 935000);
    for (const mid of [935000, 935001, 1, 2_000_000, 935000, 935000, 17]) {
      const q = quoter.quote(BTC, mid);
      expect(q).toBe(first);
      expect({ ...q }).toEqual({ ...new SymmetricQuoter(BASE).quote(BTC, mid) });
    }
    expect(quoter.quote(BTC, 935000)).toEqual({ bidTicks: 934065, askTicks: 935935, bidLots: 10, askLots: 10, requoteTicks: 468 });
  });
});
