// Covers EdgeTracker: markout maturity timing, adverse-selection samples (truncated), rolling window mean, minFills gate, the realised half-spread (prior until minFills), net edge.
import { describe, it, expect } from 'vitest';
import { EdgeTracker, type EdgeSettings } from '../../../src/core/risk/edge-tracker.js';
import type { Fill } from '../../../src/core/model/fill.js';
import type { FillId, OrderId } from '../../../src/core/model/ids.js';
import type { Side } from '../../../src/core/model/order.js';

const SETTINGS: EdgeSettings = {
  halfSpreadBpsE4: 100_000, // 10 bps
  makerFeeBpsE4: 20_000, // 2 bps
  markoutMs: 1000,
  window: 3,
  minFills: 1,
};

/** Symbol indexes in the trackers below: BTCUSDT 0, ETHUSDT 1. */
const BTC = 0;
const ETH = 1;

/** A fill priced 10 bps inside its quote mid (the prior's half-spread), unless `priceTicks` says otherwise. */
function fill(side: Side, ts: number, quoteMidTicks: number, symbol = 'BTCUSDT', priceTicks = Math.round(quoteMidTicks * (side === 'BUY' ? 0.999 : 1.001))): Fill {
  return {
    id: 'F-1' as FillId,
    orderId: 'O-1' as OrderId,
    symbol,
    symbolIndex: symbol === 'ETHUSDT' ? ETH : BTC,
    side,
    priceTicks,
    qtyLots: 1,
    liquidity: 'MAKER',
    ts,
    quoteMidTicks,
  };
}

/** Matures one fill and returns its sample (window 1, minFills 1, so adverse = the sample). */
function sampleOf(side: Side, quoteMid: number, markoutMid: number): number {
  const t = new EdgeTracker(['BTCUSDT'], { ...SETTINGS, window: 1 });
  t.onFill(fill(side, 0, quoteMid));
  t.onMarket(BTC, 1000, markoutMid);
  return t.snapshot(BTC).adverseSelectionBpsE4;
}

describe('EdgeTracker: the realised half-spread', () => {
  it('uses the configured half-spread as the prior until minFills have matured, then the mean realised half-spread of the same window', () => {
    const t = new EdgeTracker(['BTCUSDT'], { ...SETTINGS, minFills: 2, window: 2 });
    // Bought 25 bps under the quote mid, sold 5 bps over it, bought 1 bps over it (a taker): 250 000, 50 000, −10 000.
    t.onFill(fill('BUY', 0, 1_000_000, 'BTCUSDT', 997_500));
    t.onMarket(BTC, 1000, 1_000_000);
    expect(t.snapshot(BTC)).toMatchObject({ halfSpreadBpsE4: 100_000, netEdgeBpsE4: 80_000, maturedMarkouts: 1 }); // one matured: the prior
    t.onFill(fill('SELL', 1000, 1_000_000, 'BTCUSDT', 1_000_500));
    t.onMarket(BTC, 2000, 1_000_000);
    expect(t.snapshot(BTC)).toMatchObject({ halfSpreadBpsE4: 150_000, adverseSelectionBpsE4: 0, netEdgeBpsE4: 130_000 }); // (250 000 + 50 000) / 2
    t.onFill(fill('BUY', 2000, 1_000_000, 'BTCUSDT', 1_000_100));
    expect(t.snapshot(BTC).halfSpreadBpsE4).toBe(150_000); // not matured yet: the window is still the first two
    t.onMarket(BTC, 3000, 999_000);
    // The window is the last two matured fills: spread (50 000 − 10 000) / 2, adverse (0 + 100 000) / 2.
    expect(t.snapshot(BTC)).toMatchObject({ halfSpreadBpsE4: 20_000, adverseSelectionBpsE4: 50_000, netEdgeBpsE4: -50_000 });
    expect(t.netEdgeBpsE4(BTC)).toBe(-50_000);
  });

  it('adds up with adverse selection to the fill\'s markout: spread − adverse = side × (markout mid − price) / quote mid', () => {
    const t = new EdgeTracker(['BTCUSDT'], { ...SETTINGS, window: 1 });
    t.onFill(fill('SELL', 0, 2_000_000, 'BTCUSDT', 2_003_000)); // sold 15 bps over the mid
    t.onMarket(BTC, 1000, 2_001_000); // the mid rose 5 bps after: adverse 5 bps
    const e = t.snapshot(BTC);
    expect([e.halfSpreadBpsE4, e.adverseSelectionBpsE4]).toEqual([150_000, 50_000]);
    expect(e.halfSpreadBpsE4 - e.adverseSelectionBpsE4).toBe(100_000); // −(2 001 000 − 2 003 000) / 2 000 000 × 10⁸
  });
});

describe('EdgeTracker', () => {
  it('reports halfSpread − makerFee with no markouts', () => {
    const t = new EdgeTracker(['BTCUSDT'], SETTINGS);
    expect(t.snapshot(BTC)).toEqual({ netEdgeBpsE4: 80_000, halfSpreadBpsE4: 100_000, adverseSelectionBpsE4: 0, maturedMarkouts: 0, pendingMarkouts: 0 });
  });

  it('matures queued markouts in fill order, each at its own due time, and throws for an index it does not track', () => {
    const t = new EdgeTracker(['BTCUSDT', 'ETHUSDT'], SETTINGS);
    t.onFill(fill('BUY', 1000, 1_000_000));
    t.onFill(fill('SELL', 1500, 1_000_000));
    expect(t.onMarket(ETH, 5000, 1_000_000)).toBe(false);
    expect(t.onMarket(BTC, 2000, 1_000_000)).toBe(true);
    expect(t.snapshot(BTC)).toMatchObject({ maturedMarkouts: 1, pendingMarkouts: 1 });
    expect(t.onMarket(BTC, 2499, 1_000_000)).toBe(false);
    expect(t.onMarket(BTC, 2500, 1_000_000)).toBe(true);
    expect(t.snapshot(BTC)).toMatchObject({ maturedMarkouts: 2, pendingMarkouts: 0 });
    t.onFill(fill('BUY', 3000, 1_000_000));
    expect(t.onMarket(BTC, 3999, 1_000_000)).toBe(false);
    expect(t.onMarket(BTC, 4000, 1_000_000)).toBe(true);
    expect(() => t.onMarket(2, 9999, 1_000_000)).toThrow();
  });

  it('matures a markout at the first update at or after fill ts + markoutMs', () => {
    const t = new EdgeTracker(['BTCUSDT'], SETTINGS);
    t.onFill(fill('BUY', 1000, 1_000_000));
    expect(t.snapshot(BTC).pendingMarkouts).toBe(1);
    expect(t.onMarket(BTC, 1999, 900_000)).toBe(false);
    expect(t.snapshot(BTC).maturedMarkouts).toBe(0);
    expect(t.onMarket(BTC, 2000, 999_000)).toBe(true);
    expect(t.snapshot(BTC)).toEqual({
      netEdgeBpsE4: -20_000, // 100 000 − 20 000 − 100 000
      halfSpreadBpsE4: 100_000, // bought at 999 000 against a quote mid of 1 000 000: 10 bps realised
      adverseSelectionBpsE4: 100_000, // (1 000 000 − 999 000) × 1e8 / 1 000 000 = 10 bps
      maturedMarkouts: 1,
      pendingMarkouts: 0,
    });
    expect(t.onMarket(BTC, 3000, 500_000)).toBe(false);
    expect(t.snapshot(BTC).adverseSelectionBpsE4).toBe(100_000);
    expect(t.netEdgeBpsE4(BTC)).toBe(-20_000);
  });

  it('netEdgeBpsE4 answers as snapshot().netEdgeBpsE4 through minFills, the window and both signs', () => {
    const t = new EdgeTracker(['BTCUSDT'], { ...SETTINGS, minFills: 2 });
    const mids = [1_000_000, 1_003_000, 998_500, 1_000_000, 996_000, 1_007_000, 1_000_000];
    for (let i = 0; i < mids.length; i++) {
      t.onFill(fill(i % 2 === 0 ? 'BUY' : 'SELL', 1000 * i, mids[i]!));
      t.onMarket(BTC, 1000 * i + 1000, mids[(i + 1) % mids.length]!);
      expect(t.netEdgeBpsE4(BTC)).toBe(t.snapshot(BTC).netEdgeBpsE4);
    }
    expect(t.snapshot(BTC).maturedMarkouts).toBe(mids.length);
  });

  it('uses the mid of the first update after the due time when updates are sparse', () => {
    const t = new EdgeTracker(['BTCUSDT'], SETTINGS);
    t.onFill(fill('BUY', 1000, 1_000_000));
    t.onMarket(BTC, 2500, 998_000);
    expect(t.snapshot(BTC).adverseSelectionBpsE4).toBe(200_000);
  });

  it('signs the sample: a buy followed by a falling mid and a sell followed by a rising mid are adverse', () => {
    expect(sampleOf('BUY', 1_000_000, 999_000)).toBe(100_000);
    expect(sampleOf('BUY', 1_000_000, 1_001_000)).toBe(-100_000);
    expect(sampleOf('SELL', 1_000_000, 1_001_000)).toBe(100_000);
    expect(sampleOf('SELL', 1_000_000, 999_000)).toBe(-100_000);
    expect(sampleOf('SELL', 1_000_000, 1_000_000)).toBe(0);
  });

  it('truncates each sample toward zero', () => {
    expect(sampleOf('BUY', 3, 2)).toBe(33_333_333); // 1e8 / 3 = 33 333 333.3
    expect(sampleOf('SELL', 3, 2)).toBe(-33_333_333);
    expect(sampleOf('BUY', 935_000, 934_999)).toBe(106); // 1e8 / 935 000 = 106.95
    expect(sampleOf('SELL', 935_000, 934_999)).toBe(-106);
  });

  it('averages the last `window` samples, truncating the mean toward zero', () => {
    const t = new EdgeTracker(['BTCUSDT'], SETTINGS);
    const mids = [999_000, 998_000, 1_000_000, 997_000]; // samples 100 000, 200 000, 0, 300 000
    mids.forEach((mid, i) => {
      t.onFill(fill('BUY', i * 10, 1_000_000));
      t.onMarket(BTC, i * 10 + 1000, mid);
    });
    // last three: (200 000 + 0 + 300 000) / 3 = 166 666.67 → 166 666
    expect(t.snapshot(BTC)).toEqual({ netEdgeBpsE4: -86_666, halfSpreadBpsE4: 100_000, adverseSelectionBpsE4: 166_666, maturedMarkouts: 4, pendingMarkouts: 0 });
    t.onFill(fill('BUY', 100, 1_000_000));
    t.onMarket(BTC, 1100, 1_000_000); // window now 0, 300 000, 0
    expect(t.snapshot(BTC).adverseSelectionBpsE4).toBe(100_000);
  });

  it('truncates a negative mean toward zero', () => {
    const t = new EdgeTracker(['BTCUSDT'], SETTINGS);
    for (const [i, mid] of [1_001_000, 1_000_000, 1_001_000].entries()) {
      t.onFill(fill('BUY', i, 1_000_000));
      t.onMarket(BTC, i + 1000, mid);
    }
    expect(t.snapshot(BTC).adverseSelectionBpsE4).toBe(-66_666); // −200 000 / 3
    expect(t.snapshot(BTC).netEdgeBpsE4).toBe(146_666);
  });

  it('counts adverse selection as 0 until minFills markouts have matured', () => {
    const t = new EdgeTracker(['BTCUSDT'], { ...SETTINGS, minFills: 3 });
    for (let i = 0; i < 2; i++) {
      t.onFill(fill('BUY', i, 1_000_000));
      t.onMarket(BTC, i + 1000, 999_000);
    }
    expect(t.snapshot(BTC)).toEqual({ netEdgeBpsE4: 80_000, halfSpreadBpsE4: 100_000, adverseSelectionBpsE4: 0, maturedMarkouts: 2, pendingMarkouts: 0 });
    t.onFill(fill('BUY', 2, 1_000_000));
    t.onMarket(BTC, 1002, 999_000);
    expect(t.snapshot(BTC).adverseSelectionBpsE4).toBe(100_000);
    expect(t.snapshot(BTC).netEdgeBpsE4).toBe(-20_000);
  });

  it('matures every due markout in one update and leaves later ones pending', () => {
    const t = new EdgeTracker(['BTCUSDT'], { ...SETTINGS, window: 10 });
    t.onFill(fill('BUY', 0, 1_000_000));
    t.onFill(fill('SELL', 500, 1_000_000));
    t.onFill(fill('BUY', 1500, 1_000_000));
    expect(t.onMarket(BTC, 1500, 998_000)).toBe(true); // matures the first two: +200 000 and −200 000
    expect(t.snapshot(BTC)).toEqual({ netEdgeBpsE4: 80_000, halfSpreadBpsE4: 100_000, adverseSelectionBpsE4: 0, maturedMarkouts: 2, pendingMarkouts: 1 });
    t.onMarket(BTC, 2500, 997_000); // +300 000
    expect(t.snapshot(BTC).adverseSelectionBpsE4).toBe(100_000);
    expect(t.snapshot(BTC).pendingMarkouts).toBe(0);
  });

  it('keeps symbols apart', () => {
    const t = new EdgeTracker(['BTCUSDT', 'ETHUSDT'], SETTINGS);
    t.onFill(fill('BUY', 0, 1_000_000, 'ETHUSDT'));
    expect(t.onMarket(BTC, 5000, 1)).toBe(false);
    expect(t.snapshot(ETH).pendingMarkouts).toBe(1);
    t.onMarket(ETH, 1000, 999_000);
    expect(t.snapshot(ETH).adverseSelectionBpsE4).toBe(100_000);
    expect(t.snapshot(BTC).maturedMarkouts).toBe(0);
  });

  it('keeps counts right across compaction of a long pending queue', () => {
    const t = new EdgeTracker(['BTCUSDT'], SETTINGS);
    for (let i = 0; i < 1100; i++) t.onFill(fill('BUY', i, 1_000_000));
    t.onMarket(BTC, 2049, 1_000_000); // fills 0..1049 mature with sample 0
    expect(t.snapshot(BTC)).toEqual({ netEdgeBpsE4: 80_000, halfSpreadBpsE4: 100_000, adverseSelectionBpsE4: 0, maturedMarkouts: 1050, pendingMarkouts: 50 });
    t.onFill(fill('BUY', 1100, 1_000_000));
    t.onMarket(BTC, 2100, 999_000); // the remaining 51 mature with 100 000 each
    expect(t.snapshot(BTC)).toEqual({ netEdgeBpsE4: -20_000, halfSpreadBpsE4: 100_000, adverseSelectionBpsE4: 100_000, maturedMarkouts: 1101, pendingMarkouts: 0 });
  });

  it('exposes its settings and symbols and throws for a symbol index beyond them', () => {
    const t = new EdgeTracker(['BTCUSDT'], SETTINGS);
    expect(t.settings).toBe(SETTINGS);
    expect(t.symbols).toEqual(['BTCUSDT']);
    expect(() => t.snapshot(1)).toThrow('invariant violated: edge tracker has no symbol index 1');
  });
});
