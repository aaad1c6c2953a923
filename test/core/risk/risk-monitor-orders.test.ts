// Covers RiskMonitor's order gates added with the full monitor: nothing passes while FROZEN (any reason), REDUCING lets only reducing orders through, the rolling order-rate limit, checkOrderAt, block counts.
import { describe, it, expect } from 'vitest';
import { RiskMonitor, type OrderIntent, type RiskLimits } from '../../../src/core/risk/risk-monitor.js';
import { BTC_LOT_E8, FakeExposure } from '../../helpers/fake-exposure.js';

const T0 = 1_735_689_600_000;
const ALLOWED = { kind: 'allow' };
const FROZEN = { kind: 'deny', reason: 'FROZEN' };
const REDUCING = { kind: 'deny', reason: 'REDUCING_ONLY' };
const RATE = { kind: 'deny', reason: 'MAX_ORDER_RATE' };

function monitor(limits: Partial<RiskLimits> = {}): RiskMonitor {
  return new RiskMonitor({ maxInventoryE8: 10 * BTC_LOT_E8, maxTotalNotionalE8: 1e15, edgeThresholdBpsE4: 10_000, ...limits });
}

/** An intent on BTCUSDT (symbol index 0) or ETHUSDT (1), FakeExposure's order. */
const order = (symbol: string, side: 'BUY' | 'SELL', qtyLots: number): OrderIntent => ({ symbolIndex: symbol === 'ETHUSDT' ? 1 : 0, side, qtyLots });

/** Every kind of order against a long BTC and short ETH book: growing, reducing, flattening, flipping. */
const EVERY_ORDER: OrderIntent[] = [
  order('BTCUSDT', 'BUY', 1),
  order('BTCUSDT', 'SELL', 1),
  order('BTCUSDT', 'SELL', 4),
  order('BTCUSDT', 'SELL', 9),
  order('ETHUSDT', 'BUY', 2),
  order('ETHUSDT', 'SELL', 1),
];

const FREEZES: Array<[string, (risk: RiskMonitor) => unknown]> = [
  ['EDGE_BELOW_THRESHOLD', (risk) => risk.evaluateEdge('BTCUSDT', -1, T0)],
  ['STALE_MARKET_DATA', (risk) => (risk.watchMarketData(['BTCUSDT'], T0 - 2000), risk.checkStale(T0))],
  ['MAX_DRAWDOWN', (risk) => risk.checkDrawdown(-2n, T0)],
  ['VENUE_CIRCUIT_OPEN', (risk) => risk.onCircuitOpen(T0)],
  ['MANUAL', (risk) => risk.manualFreeze('scenario', T0)],
];

describe('RiskMonitor — no order passes while FROZEN', () => {
  it.each(FREEZES)('denies every order with FROZEN after a %s freeze, and does not use up the order rate', (reason, freeze) => {
    const risk = monitor({ staleMs: 1000, maxDrawdownPico: 1n, maxOrdersPerSec: 1, reduceAtDrawdownPico: 0n });
    const view = new FakeExposure().set('BTCUSDT', { position: 4 }).set('ETHUSDT', { position: -2 });
    expect(freeze(risk)).toMatchObject({ reason });
    expect(risk.state).toBe('FROZEN');
    for (const o of EVERY_ORDER) {
      expect(risk.checkOrder(o, view)).toEqual(FROZEN);
      expect(risk.checkOrderAt(o, view, T0 + 1)).toEqual(FROZEN);
    }
    expect(risk.blocksByReason()).toEqual({ FROZEN: 12 });
    risk.unfreeze('operator', T0 + 2);
    risk.leaveReducing(T0 + 2);
    expect(risk.checkOrderAt(order('BTCUSDT', 'SELL', 1), view, T0 + 2)).toEqual(ALLOWED); // the one-per-second slot was free
  });
});

describe('RiskMonitor — REDUCING', () => {
  it('lets only position-reducing orders through, per symbol', () => {
    const risk = monitor();
    const view = new FakeExposure().set('BTCUSDT', { position: 4 }).set('ETHUSDT', { position: -2 });
    risk.enterReducing('MANUAL', T0, 'operator');
    expect(risk.state).toBe('REDUCING');
    expect(EVERY_ORDER.map((o) => risk.checkOrder(o, view))).toEqual([REDUCING, ALLOWED, ALLOWED, REDUCING, ALLOWED, REDUCING]);
    expect(risk.blocksByReason()).toEqual({ REDUCING_ONLY: 3 });
  });

  it('allows every order of the same book again once REDUCING ends', () => {
    const risk = monitor();
    const view = new FakeExposure().set('BTCUSDT', { position: 4 }).set('ETHUSDT', { position: -2 });
    risk.enterReducing('MANUAL', T0);
    risk.leaveReducing(T0 + 1);
    expect(EVERY_ORDER.map((o) => risk.checkOrder(o, view).kind)).toEqual(['allow', 'allow', 'allow', 'allow', 'allow', 'allow']);
  });

  it('enters REDUCING from the soft drawdown limit and blocks a growing order at that exact time', () => {
    const risk = monitor({ reduceAtDrawdownPico: 5n });
    const view = new FakeExposure().set('BTCUSDT', { position: 4 });
    risk.checkDrawdown(-5n, T0);
    expect(risk.checkOrder(order('BTCUSDT', 'BUY', 1), view)).toEqual(ALLOWED);
    risk.checkDrawdown(-6n, T0 + 1);
    expect(risk.checkOrder(order('BTCUSDT', 'BUY', 1), view)).toEqual(REDUCING);
    expect(risk.checkOrder(order('BTCUSDT', 'SELL', 4), view)).toEqual(ALLOWED);
  });
});

describe('RiskMonitor — order rate', () => {
  it('is off by default: any number of orders in one millisecond pass', () => {
    const risk = monitor();
    for (let i = 0; i < 1000; i += 1) expect(risk.checkOrderRate(T0)).toEqual(ALLOWED);
    expect(risk.blocksTotal).toBe(0);
  });

  it('blocks the (N+1)th order in any rolling second, and blocked orders do not count', () => {
    const risk = monitor({ maxOrdersPerSec: 3 });
    expect([T0, T0 + 100, T0 + 200].map((t) => risk.checkOrderRate(t))).toEqual([ALLOWED, ALLOWED, ALLOWED]);
    expect(risk.checkOrderRate(T0 + 999)).toEqual(RATE);
    expect(risk.checkOrderRate(T0 + 999)).toEqual(RATE);
    expect(risk.checkOrderRate(T0 + 1000)).toEqual(ALLOWED); // T0 left the window (T0, T0 + 1000]
    expect(risk.checkOrderRate(T0 + 1099)).toEqual(RATE);
    expect(risk.checkOrderRate(T0 + 1100)).toEqual(ALLOWED);
    expect(risk.blocksByReason()).toEqual({ MAX_ORDER_RATE: 3 });
    expect(risk.blocksTotal).toBe(3);
  });

  it('checkOrderAt asks the rate only for orders the limits allowed', () => {
    const risk = monitor({ maxOrdersPerSec: 1 });
    const view = new FakeExposure();
    expect(risk.checkOrderAt(order('BTCUSDT', 'BUY', 11), view, T0)).toEqual({ kind: 'deny', reason: 'MAX_INVENTORY' });
    expect(risk.checkOrderAt(order('BTCUSDT', 'BUY', 1), view, T0)).toEqual(ALLOWED);
    expect(risk.checkOrderAt(order('BTCUSDT', 'SELL', 1), view, T0 + 999)).toEqual(RATE);
    expect(risk.checkOrderAt(order('BTCUSDT', 'SELL', 1), view, T0 + 1000)).toEqual(ALLOWED);
    expect(risk.blocksByReason()).toEqual({ MAX_INVENTORY: 1, MAX_ORDER_RATE: 1 });
  });

  it('lists block counts by reason name, only reasons that blocked', () => {
    const risk = monitor({ maxOrdersPerSec: 1 });
    const view = new FakeExposure();
    risk.checkOrderAt(order('BTCUSDT', 'BUY', 1), view, T0);
    risk.checkOrderAt(order('BTCUSDT', 'SELL', 1), view, T0);
    risk.checkOrderAt(order('BTCUSDT', 'BUY', 11), view, T0);
    risk.manualFreeze('operator', T0);
    risk.checkOrderAt(order('BTCUSDT', 'BUY', 1), view, T0);
    risk.checkOrderAt(order('BTCUSDT', 'BUY', 1), view, T0);
    expect(JSON.stringify(risk.blocksByReason())).toBe('{"FROZEN":2,"MAX_INVENTORY":1,"MAX_ORDER_RATE":1}');
    expect(risk.blocksTotal).toBe(4);
  });
});
