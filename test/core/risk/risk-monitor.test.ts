// Covers RiskMonitor: MAX_INVENTORY and MAX_TOTAL_NOTIONAL blocks at their exact limits, reducing orders, FROZEN, edge freezes, block counts.
import { describe, it, expect } from 'vitest';
import { RiskMonitor, type RiskLimits } from '../../../src/core/risk/risk-monitor.js';
import { BTC_LOT_E8, ETH_LOT_E8, FakeExposure } from '../../helpers/fake-exposure.js';

const HUGE = 1e15;

function monitor(limits: Partial<RiskLimits> = {}): RiskMonitor {
  return new RiskMonitor({ maxInventoryE8: 10 * BTC_LOT_E8, maxTotalNotionalE8: HUGE, edgeThresholdBpsE4: 10_000, ...limits });
}

const ALLOWED = { kind: 'allow' };
const INVENTORY = { kind: 'deny', reason: 'MAX_INVENTORY' };
const TOTAL = { kind: 'deny', reason: 'MAX_TOTAL_NOTIONAL' };
const FROZEN = { kind: 'deny', reason: 'FROZEN' };

describe('RiskMonitor.checkOrder — MAX_INVENTORY', () => {
  it('allows a buy that reaches the limit exactly and blocks one lot more', () => {
    const risk = monitor();
    const view = new FakeExposure();
    expect(risk.checkOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 10 }, view)).toEqual(ALLOWED);
    expect(risk.checkOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 11 }, view)).toEqual(INVENTORY);
  });

  it('allows a sell that reaches the short limit exactly and blocks one lot more', () => {
    const risk = monitor();
    const view = new FakeExposure();
    expect(risk.checkOrder({ symbolIndex: 0, side: 'SELL', qtyLots: 10 }, view)).toEqual(ALLOWED);
    expect(risk.checkOrder({ symbolIndex: 0, side: 'SELL', qtyLots: 11 }, view)).toEqual(INVENTORY);
  });

  it('projects from position plus every open order on the same side', () => {
    const risk = monitor();
    const view = new FakeExposure().set('BTCUSDT', { position: 3, openBuys: 5, openSells: 40 });
    expect(risk.checkOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 2 }, view)).toEqual(ALLOWED); // 3 + 5 + 2 = 10
    expect(risk.checkOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 3 }, view)).toEqual(INVENTORY); // 11
  });

  it('measures a sell from position minus open sells (open buys do not offset it)', () => {
    const risk = monitor();
    const view = new FakeExposure().set('BTCUSDT', { position: 3, openBuys: 50, openSells: 0 });
    expect(risk.checkOrder({ symbolIndex: 0, side: 'SELL', qtyLots: 13 }, view)).toEqual(ALLOWED); // 3 − 13 = −10
    expect(risk.checkOrder({ symbolIndex: 0, side: 'SELL', qtyLots: 14 }, view)).toEqual(INVENTORY); // −11
  });

  it('scales the limit by mark: the same lots pass at a lower price', () => {
    const risk = monitor();
    const view = new FakeExposure().set('BTCUSDT', { mark: 850000 }); // 11 lots × 85 = 935 USDT
    expect(risk.checkOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 11 }, view)).toEqual(ALLOWED);
    expect(risk.checkOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 12 }, view)).toEqual(INVENTORY);
  });

  it('allows a reducing order even while the position is over the limit', () => {
    const risk = monitor();
    const view = new FakeExposure().set('BTCUSDT', { position: 20 });
    expect(risk.checkOrder({ symbolIndex: 0, side: 'SELL', qtyLots: 5 }, view)).toEqual(ALLOWED); // 20 → 15, still over
    expect(risk.checkOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 1 }, view)).toEqual(INVENTORY);
    expect(risk.checkOrder({ symbolIndex: 0, side: 'SELL', qtyLots: 41 }, view)).toEqual(INVENTORY); // 20 → −21
  });

  it('checks inventory before total notional', () => {
    const risk = monitor({ maxTotalNotionalE8: 1 });
    expect(risk.checkOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 11 }, new FakeExposure())).toEqual(INVENTORY);
  });
});

describe('RiskMonitor.checkOrder — MAX_TOTAL_NOTIONAL', () => {
  const limit = 10 * BTC_LOT_E8 + 2 * ETH_LOT_E8; // 935 + 67 = 1002 USDT

  it('sums the worst case over both symbols: allowed at the limit, blocked one lot over', () => {
    const risk = monitor({ maxInventoryE8: HUGE, maxTotalNotionalE8: limit });
    const view = new FakeExposure().set('BTCUSDT', { position: 10 });
    expect(risk.checkOrder({ symbolIndex: 1, side: 'BUY', qtyLots: 2 }, view)).toEqual(ALLOWED);
    expect(risk.checkOrder({ symbolIndex: 1, side: 'BUY', qtyLots: 3 }, view)).toEqual(TOTAL);
    expect(risk.checkOrder({ symbolIndex: 1, side: 'SELL', qtyLots: 2 }, view)).toEqual(ALLOWED);
    expect(risk.checkOrder({ symbolIndex: 1, side: 'SELL', qtyLots: 3 }, view)).toEqual(TOTAL);
  });

  it('counts existing open orders of the other symbol', () => {
    const risk = monitor({ maxInventoryE8: HUGE, maxTotalNotionalE8: limit });
    const view = new FakeExposure().set('BTCUSDT', { openSells: 10 }).set('ETHUSDT', { openBuys: 1 });
    expect(risk.checkOrder({ symbolIndex: 1, side: 'BUY', qtyLots: 1 }, view)).toEqual(ALLOWED); // 10 BTC + 2 ETH
    expect(risk.checkOrder({ symbolIndex: 1, side: 'BUY', qtyLots: 2 }, view)).toEqual(TOTAL);
  });

  it('allows an order that does not raise the total while over the limit, blocks one that does', () => {
    const risk = monitor({ maxInventoryE8: HUGE, maxTotalNotionalE8: limit });
    const view = new FakeExposure().set('BTCUSDT', { position: 12 }); // 1122 USDT > 1002
    expect(risk.checkOrder({ symbolIndex: 0, side: 'SELL', qtyLots: 5 }, view)).toEqual(ALLOWED);
    expect(risk.checkOrder({ symbolIndex: 1, side: 'BUY', qtyLots: 1 }, view)).toEqual(TOTAL);
  });
});

describe('RiskMonitor edge freeze', () => {
  it('starts ACTIVE', () => {
    const risk = monitor();
    expect(risk.state).toBe('ACTIVE');
    expect(risk.frozen).toBe(false);
    expect(risk.freezeEvents).toEqual([]);
  });

  it('does not freeze when the edge equals the threshold', () => {
    const risk = monitor();
    expect(risk.evaluateEdge('BTCUSDT', 10_000, 5_000)).toBeNull();
    expect(risk.evaluateEdge('BTCUSDT', 250_000, 5_000)).toBeNull();
    expect(risk.state).toBe('ACTIVE');
    expect(risk.freezeEvents).toEqual([]);
  });

  it('freezes when the edge falls strictly below the threshold and records the event once', () => {
    const risk = monitor();
    const event = risk.evaluateEdge('ETHUSDT', 9_999, 1_735_689_601_234);
    expect(event).toEqual({
      reason: 'EDGE_BELOW_THRESHOLD',
      symbol: 'ETHUSDT',
      ts: 1_735_689_601_234,
      edgeBpsE4: 9_999,
      thresholdBpsE4: 10_000,
      ordersCancelled: 0,
      cancelsConfirmedAt: -1,
      source: 'auto',
      staleAgeMs: null,
      drawdownPico: null,
    });
    expect(risk.state).toBe('FROZEN');
    expect(risk.frozen).toBe(true);
    expect(risk.evaluateEdge('BTCUSDT', -50_000, 1_735_689_602_000)).toBeNull();
    expect(risk.freezeEvents).toHaveLength(1);
    expect(risk.freezeEvents[0]).toBe(event);
  });

  it('compares negative thresholds the same way', () => {
    const risk = monitor({ edgeThresholdBpsE4: -5_000 });
    expect(risk.evaluateEdge('BTCUSDT', -5_000, 0)).toBeNull();
    expect(risk.evaluateEdge('BTCUSDT', -5_001, 0)?.edgeBpsE4).toBe(-5_001);
  });

  it('denies every order with FROZEN once frozen, even a reducing one', () => {
    const risk = monitor();
    const view = new FakeExposure().set('BTCUSDT', { position: 5 });
    risk.evaluateEdge('BTCUSDT', 0, 0);
    expect(risk.checkOrder({ symbolIndex: 0, side: 'SELL', qtyLots: 1 }, view)).toEqual(FROZEN);
    expect(risk.checkOrder({ symbolIndex: 1, side: 'BUY', qtyLots: 1 }, view)).toEqual(FROZEN);
  });
});

describe('RiskMonitor block counts', () => {
  it('counts denials by reason, reasons sorted by name, and ignores allowed orders', () => {
    const risk = monitor({ maxTotalNotionalE8: 10 * BTC_LOT_E8 + 2 * ETH_LOT_E8 });
    const view = new FakeExposure().set('BTCUSDT', { position: 10 });
    expect(risk.blocksByReason()).toEqual({});
    expect(risk.blocksTotal).toBe(0);
    risk.checkOrder({ symbolIndex: 1, side: 'BUY', qtyLots: 3 }, view); // total
    risk.checkOrder({ symbolIndex: 1, side: 'BUY', qtyLots: 4 }, view); // total
    risk.checkOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 1 }, view); // inventory
    risk.checkOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 2 }, view); // inventory
    risk.checkOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 3 }, view); // inventory
    risk.checkOrder({ symbolIndex: 1, side: 'BUY', qtyLots: 1 }, view); // allowed
    risk.evaluateEdge('BTCUSDT', -1, 0);
    risk.checkOrder({ symbolIndex: 1, side: 'BUY', qtyLots: 1 }, view); // frozen
    const byReason = risk.blocksByReason();
    expect(Object.keys(byReason)).toEqual(['FROZEN', 'MAX_INVENTORY', 'MAX_TOTAL_NOTIONAL']);
    expect(byReason).toEqual({ FROZEN: 1, MAX_INVENTORY: 3, MAX_TOTAL_NOTIONAL: 2 });
    expect(risk.blocksTotal).toBe(6);
  });
});
