// Covers RiskMonitor's later freezes on exact virtual times: stale market data, drawdown and soft-drawdown REDUCING, venue circuit open, manual freeze/unfreeze, the auto-unfreeze rule, and the state-change log.
import { describe, it, expect, vi } from 'vitest';
import { RiskMonitor, type RiskLimits } from '../../../src/core/risk/risk-monitor.js';
import { CircuitBreaker } from '../../../src/core/risk/circuit-breaker.js';
import type { FreezeReason } from '../../../src/core/risk/risk-decision.js';
import { BTC_LOT_E8 } from '../../helpers/fake-exposure.js';

const T0 = 1_735_689_600_000;
/** One USD in pico-quote. */
const USD = 1_000_000_000_000n;

function monitor(limits: Partial<RiskLimits> = {}): RiskMonitor {
  return new RiskMonitor({ maxInventoryE8: 10 * BTC_LOT_E8, maxTotalNotionalE8: 1e15, edgeThresholdBpsE4: 10_000, ...limits });
}

/** The fields every non-edge freeze event carries, for exact comparisons. */
function freezeEvent(fields: Partial<Record<string, unknown>>): Record<string, unknown> {
  return { edgeBpsE4: 0, thresholdBpsE4: 0, ordersCancelled: 0, cancelsConfirmedAt: -1, source: 'auto', staleAgeMs: null, drawdownPico: null, symbol: null, ...fields };
}

describe('RiskMonitor — stale market data', () => {
  it('is off by default: no freeze after an hour without data', () => {
    const risk = monitor();
    risk.watchMarketData(['BTCUSDT'], T0);
    expect(risk.checkStale(T0 + 3_600_000)).toBeNull();
    expect(risk.staleSymbol(T0 + 3_600_000)).toBeNull();
    expect(risk.state).toBe('ACTIVE');
  });

  it('freezes only once a watched symbol has been silent strictly more than staleMs, naming it and its age', () => {
    const risk = monitor({ staleMs: 5000 });
    risk.watchMarketData(['BTCUSDT', 'ETHUSDT'], T0);
    risk.onMarketData(0, T0 + 4000); // BTCUSDT
    risk.onMarketData(1, T0 + 1000); // ETHUSDT
    expect(risk.checkStale(T0 + 6000)).toBeNull(); // ETH age 5000: not more than 5000
    const event = risk.checkStale(T0 + 6001);
    expect(event).toEqual(freezeEvent({ reason: 'STALE_MARKET_DATA', symbol: 'ETHUSDT', ts: T0 + 6001, staleAgeMs: 5001 }));
    expect(risk.state).toBe('FROZEN');
    expect(risk.freezeEvents).toEqual([event]);
  });

  it('counts a symbol that never had data from the watch start, and picks the first name when ages tie', () => {
    const risk = monitor({ staleMs: 5000 });
    risk.watchMarketData(['ETHUSDT', 'BTCUSDT'], T0);
    expect(risk.checkStale(T0 + 5001)).toMatchObject({ symbol: 'BTCUSDT', staleAgeMs: 5001 });
  });

  it('does not freeze again while frozen', () => {
    const risk = monitor({ staleMs: 1000 });
    risk.watchMarketData(['BTCUSDT'], T0);
    risk.onMarketData(0, T0);
    expect(risk.checkStale(T0 + 1001)).not.toBeNull();
    expect(risk.checkStale(T0 + 9000)).toBeNull();
    expect(risk.freezeEvents).toHaveLength(1);
  });
});

describe('RiskMonitor — drawdown', () => {
  it('is off by default but still tracks peak and drawdown', () => {
    const risk = monitor();
    expect(risk.checkDrawdown(20n * USD, T0)).toBeNull();
    expect(risk.checkDrawdown(-1_000_000n * USD, T0 + 1)).toBeNull();
    expect(risk.peakPnl).toBe(20n * USD);
    expect(risk.drawdownPico).toBe(1_000_020n * USD);
    expect(risk.state).toBe('ACTIVE');
  });

  it('measures from a peak that starts at 0: freezes one pico past the limit, not at it', () => {
    const risk = monitor({ maxDrawdownPico: 100n * USD });
    expect(risk.checkDrawdown(-100n * USD, T0)).toBeNull();
    expect(risk.checkDrawdown(-100n * USD - 1n, T0 + 250)).toEqual(freezeEvent({ reason: 'MAX_DRAWDOWN', ts: T0 + 250, drawdownPico: 100n * USD + 1n }));
  });

  it('follows the peak up: a loss from a higher peak counts', () => {
    const risk = monitor({ maxDrawdownPico: 100n * USD });
    risk.checkDrawdown(50n * USD, T0);
    risk.checkDrawdown(10n * USD, T0 + 1);
    expect(risk.checkDrawdown(-50n * USD, T0 + 2)).toBeNull(); // 100 below the 50 peak
    expect(risk.checkDrawdown(-50n * USD - 1n, T0 + 3)?.drawdownPico).toBe(100n * USD + 1n);
    expect(risk.peakPnl).toBe(50n * USD);
  });

  it('enters REDUCING past the softer limit, leaves it on recovery, and freezes past the hard limit', () => {
    const risk = monitor({ reduceAtDrawdownPico: 40n * USD, maxDrawdownPico: 100n * USD });
    expect(risk.checkDrawdown(-40n * USD, T0)).toBeNull();
    expect(risk.state).toBe('ACTIVE');
    expect(risk.checkDrawdown(-40n * USD - 1n, T0 + 100)).toBeNull();
    expect(risk.state).toBe('REDUCING');
    expect(risk.reducingReason).toBe('SOFT_DRAWDOWN');
    risk.checkDrawdown(-30n * USD, T0 + 200);
    expect(risk.state).toBe('ACTIVE');
    risk.checkDrawdown(-60n * USD, T0 + 300);
    expect(risk.checkDrawdown(-101n * USD, T0 + 400)?.reason).toBe('MAX_DRAWDOWN');
    expect(risk.state).toBe('FROZEN');
    expect(risk.transitions).toEqual([
      { from: 'ACTIVE', to: 'REDUCING', atMs: T0 + 100, reason: 'SOFT_DRAWDOWN', source: 'auto' },
      { from: 'REDUCING', to: 'ACTIVE', atMs: T0 + 200, reason: 'REDUCING_ENDED', source: 'auto' },
      { from: 'ACTIVE', to: 'REDUCING', atMs: T0 + 300, reason: 'SOFT_DRAWDOWN', source: 'auto' },
      { from: 'REDUCING', to: 'FROZEN', atMs: T0 + 400, reason: 'MAX_DRAWDOWN', source: 'auto' },
    ]);
  });

  it('crossing both limits at once freezes in one step and returns to REDUCING on unfreeze', () => {
    const risk = monitor({ reduceAtDrawdownPico: 40n * USD, maxDrawdownPico: 100n * USD });
    risk.checkDrawdown(-150n * USD, T0);
    expect(risk.transitions).toEqual([{ from: 'ACTIVE', to: 'FROZEN', atMs: T0, reason: 'MAX_DRAWDOWN', source: 'auto' }]);
    expect(risk.reducingReason).toBe('SOFT_DRAWDOWN');
    risk.unfreeze('operator', T0 + 5000);
    expect(risk.state).toBe('REDUCING');
    expect(risk.transitions[1]).toEqual({ from: 'FROZEN', to: 'REDUCING', atMs: T0 + 5000, reason: 'UNFROZEN', source: 'operator' });
  });

  it('keeps tracking while frozen, so the state after an unfreeze reflects the latest drawdown', () => {
    const risk = monitor({ reduceAtDrawdownPico: 40n * USD, maxDrawdownPico: 100n * USD });
    risk.manualFreeze('operator', T0);
    expect(risk.checkDrawdown(-200n * USD, T0 + 1)).toBeNull(); // already frozen: no second freeze
    risk.checkDrawdown(0n, T0 + 2); // recovered while frozen
    risk.unfreeze('operator', T0 + 3);
    expect(risk.state).toBe('ACTIVE');
  });

  it('does not end a manual REDUCING when the drawdown recovers', () => {
    const risk = monitor({ reduceAtDrawdownPico: 40n * USD });
    expect(risk.enterReducing('MANUAL', T0, 'operator')).toBe(true);
    risk.checkDrawdown(-50n * USD, T0 + 1);
    risk.checkDrawdown(0n, T0 + 2);
    expect(risk.reducingReason).toBe('MANUAL');
    expect(risk.enterReducing('SOFT_DRAWDOWN', T0 + 3)).toBe(false);
    expect(risk.leaveReducing(T0 + 4, 'operator')).toBe(true);
    expect(risk.leaveReducing(T0 + 5)).toBe(false);
    expect(risk.transitions.map((t) => [t.to, t.reason, t.source])).toEqual([
      ['REDUCING', 'MANUAL', 'operator'],
      ['ACTIVE', 'REDUCING_ENDED', 'operator'],
    ]);
  });
});

describe('RiskMonitor — venue circuit open', () => {
  it('freezes VENUE_CIRCUIT_OPEN once, system-wide', () => {
    const risk = monitor();
    expect(risk.onCircuitOpen(T0 + 42)).toEqual(freezeEvent({ reason: 'VENUE_CIRCUIT_OPEN', ts: T0 + 42 }));
    expect(risk.onCircuitOpen(T0 + 43)).toBeNull();
    expect(risk.freezeEvents).toHaveLength(1);
  });

  it('freezes on the fifth venue failure within 30 s and auto-unfreezes 1 s after the breaker closed again', () => {
    const risk = monitor({ unfreeze: { kind: 'auto', afterMs: 1000 } });
    const breaker = new CircuitBreaker();
    const closed = (t: number) => (reason: FreezeReason) => reason === 'VENUE_CIRCUIT_OPEN' && breaker.state(t) === 'CLOSED';
    for (let i = 0; i < 5; i += 1) if (breaker.onFailure(T0 + i * 100)?.to === 'OPEN') risk.onCircuitOpen(T0 + i * 100);
    expect(risk.currentFreeze).toMatchObject({ reason: 'VENUE_CIRCUIT_OPEN', ts: T0 + 400 });
    expect(risk.evaluateUnfreeze(T0 + 60_400, closed(T0 + 60_400))).toBeNull(); // HALF_OPEN
    expect(breaker.tryAcquire(T0 + 60_400)).toBe(true);
    breaker.onSuccess(T0 + 60_500);
    expect(risk.evaluateUnfreeze(T0 + 60_500, closed(T0 + 60_500))).toBeNull(); // cleared at 60 500
    expect(risk.evaluateUnfreeze(T0 + 61_499, closed(T0 + 61_499))).toBeNull();
    expect(risk.evaluateUnfreeze(T0 + 61_500, closed(T0 + 61_500))).toEqual({
      reason: 'VENUE_CIRCUIT_OPEN',
      symbol: null,
      ts: T0 + 61_500,
      frozenAt: T0 + 400,
      source: 'auto',
    });
    expect(risk.state).toBe('ACTIVE');
  });
});

describe('RiskMonitor — manual freeze and unfreeze', () => {
  it('records a manual freeze and unfreeze with their sources and times', () => {
    const risk = monitor();
    expect(risk.unfreeze('operator', T0)).toBeNull(); // nothing to unfreeze
    const freeze = risk.manualFreeze('signal', T0 + 1000);
    expect(freeze).toEqual(freezeEvent({ reason: 'MANUAL', ts: T0 + 1000, source: 'signal' }));
    expect(risk.manualFreeze('control-file', T0 + 1500)).toBeNull(); // already frozen by hand
    const unfreeze = risk.unfreeze('control-file', T0 + 2000);
    expect(unfreeze).toEqual({ reason: 'MANUAL', symbol: null, ts: T0 + 2000, frozenAt: T0 + 1000, source: 'control-file' });
    expect(risk.unfreezeEvents).toEqual([unfreeze]);
    expect(risk.transitions).toEqual([
      { from: 'ACTIVE', to: 'FROZEN', atMs: T0 + 1000, reason: 'MANUAL', source: 'signal' },
      { from: 'FROZEN', to: 'ACTIVE', atMs: T0 + 2000, reason: 'UNFROZEN', source: 'control-file' },
    ]);
  });

  it('records each control source', () => {
    const risk = monitor();
    for (const [i, source] of (['signal', 'control-file', 'scenario', 'operator'] as const).entries()) {
      risk.manualFreeze(source, T0 + i * 10);
      risk.unfreeze(source, T0 + i * 10 + 5);
    }
    expect(risk.freezeEvents.map((f) => f.source)).toEqual(['signal', 'control-file', 'scenario', 'operator']);
    expect(risk.unfreezeEvents.map((u) => [u.source, u.ts - T0])).toEqual([
      ['signal', 5],
      ['control-file', 15],
      ['scenario', 25],
      ['operator', 35],
    ]);
  });

  it('replaces a rule freeze by a manual one, and unfreezes a rule freeze by hand', () => {
    const risk = monitor();
    risk.evaluateEdge('BTCUSDT', 0, T0);
    expect(risk.manualFreeze('operator', T0 + 10)).toMatchObject({ reason: 'MANUAL', ts: T0 + 10, source: 'operator' });
    expect(risk.freezeEvents.map((f) => f.reason)).toEqual(['EDGE_BELOW_THRESHOLD', 'MANUAL']);
    expect(risk.transitions).toHaveLength(1); // FROZEN stayed FROZEN
    expect(risk.unfreeze('scenario', T0 + 20)).toMatchObject({ reason: 'MANUAL', frozenAt: T0 + 10 });
    risk.evaluateEdge('BTCUSDT', 0, T0 + 30);
    expect(risk.unfreeze('operator', T0 + 40)).toMatchObject({ reason: 'EDGE_BELOW_THRESHOLD', symbol: 'BTCUSDT', frozenAt: T0 + 30, source: 'operator' });
  });
});

describe('RiskMonitor — auto unfreeze', () => {
  function staleFrozen(afterMs: number): RiskMonitor {
    const risk = monitor({ staleMs: 1000, unfreeze: { kind: 'auto', afterMs } });
    risk.watchMarketData(['BTCUSDT'], T0);
    risk.onMarketData(0, T0);
    risk.checkStale(T0 + 1001);
    return risk;
  }

  it('never unfreezes under the manual policy, and does not even ask about the condition', () => {
    const risk = monitor({ staleMs: 1000 });
    risk.watchMarketData(['BTCUSDT'], T0);
    risk.onMarketData(0, T0);
    risk.checkStale(T0 + 1001);
    const cleared = vi.fn(() => true);
    expect(risk.evaluateUnfreeze(T0 + 1_000_000, cleared)).toBeNull();
    expect(cleared).not.toHaveBeenCalled();
    expect(risk.frozen).toBe(true);
  });

  it('never auto-unfreezes a manual freeze, whatever the delay', () => {
    const risk = monitor({ unfreeze: { kind: 'auto', afterMs: 0 } });
    risk.manualFreeze('signal', T0);
    const cleared = vi.fn(() => true);
    for (let t = T0; t <= T0 + 10_000; t += 1000) expect(risk.evaluateUnfreeze(t, cleared)).toBeNull();
    expect(cleared).not.toHaveBeenCalled();
    expect(risk.state).toBe('FROZEN');
  });

  it('unfreezes at the first evaluation at least <ms> after the first one that saw the condition cleared', () => {
    const risk = staleFrozen(5000);
    const reasons: FreezeReason[] = [];
    const answer = (value: boolean) => (reason: FreezeReason) => (reasons.push(reason), value);
    expect(risk.evaluateUnfreeze(T0 + 2000, answer(false))).toBeNull();
    expect(risk.evaluateUnfreeze(T0 + 3000, answer(true))).toBeNull(); // cleared since 3000
    expect(risk.evaluateUnfreeze(T0 + 7999, answer(true))).toBeNull();
    expect(risk.evaluateUnfreeze(T0 + 8000, answer(true))).toEqual({ reason: 'STALE_MARKET_DATA', symbol: 'BTCUSDT', ts: T0 + 8000, frozenAt: T0 + 1001, source: 'auto' });
    expect(reasons).toEqual(['STALE_MARKET_DATA', 'STALE_MARKET_DATA', 'STALE_MARKET_DATA', 'STALE_MARKET_DATA']);
    expect(risk.state).toBe('ACTIVE');
    expect(risk.evaluateUnfreeze(T0 + 9000, answer(true))).toBeNull(); // not frozen
  });

  it('restarts the wait when an evaluation sees the condition back', () => {
    const risk = staleFrozen(5000);
    risk.evaluateUnfreeze(T0 + 2000, () => true);
    risk.evaluateUnfreeze(T0 + 3000, () => false);
    expect(risk.evaluateUnfreeze(T0 + 4000, () => true)).toBeNull(); // cleared since 4000
    expect(risk.evaluateUnfreeze(T0 + 7000, () => true)).toBeNull(); // would have been due from 2000
    expect(risk.evaluateUnfreeze(T0 + 9000, () => true)?.ts).toBe(T0 + 9000);
  });

  it('with auto:0 unfreezes on the first evaluation that sees the condition cleared', () => {
    const risk = staleFrozen(0);
    expect(risk.evaluateUnfreeze(T0 + 1500, () => false)).toBeNull();
    expect(risk.evaluateUnfreeze(T0 + 1600, () => true)?.ts).toBe(T0 + 1600);
  });

  it('does not carry a cleared-since time over from an earlier freeze', () => {
    const risk = staleFrozen(5000);
    risk.evaluateUnfreeze(T0 + 2000, () => true); // cleared since 2000 …
    risk.unfreeze('operator', T0 + 2500); // … but ended by hand
    risk.onCircuitOpen(T0 + 3000);
    expect(risk.evaluateUnfreeze(T0 + 7000, () => true)).toBeNull(); // cleared since 7000, not 2000
    expect(risk.evaluateUnfreeze(T0 + 12_000, () => true)).toMatchObject({ reason: 'VENUE_CIRCUIT_OPEN', ts: T0 + 12_000, source: 'auto' });
  });

  it('judges its own conditions: stale data and drawdown; leaves edge, circuit and manual to the caller', () => {
    const risk = monitor({ staleMs: 1000, maxDrawdownPico: 10n * USD, unfreeze: { kind: 'auto', afterMs: 500 } });
    risk.watchMarketData(['BTCUSDT'], T0);
    risk.onMarketData(0, T0);
    risk.checkStale(T0 + 1001);
    const own = (t: number) => (reason: FreezeReason) => risk.ownConditionCleared(reason, t) === true;
    expect(risk.evaluateUnfreeze(T0 + 1100, own(T0 + 1100))).toBeNull(); // still stale
    risk.onMarketData(0, T0 + 1200);
    expect(risk.evaluateUnfreeze(T0 + 1200, own(T0 + 1200))).toBeNull(); // fresh since 1200
    expect(risk.evaluateUnfreeze(T0 + 1700, own(T0 + 1700))?.reason).toBe('STALE_MARKET_DATA');

    risk.checkDrawdown(-11n * USD, T0 + 2000);
    expect(risk.ownConditionCleared('MAX_DRAWDOWN', T0 + 2000)).toBe(false);
    risk.checkDrawdown(-10n * USD, T0 + 2100);
    expect(risk.ownConditionCleared('MAX_DRAWDOWN', T0 + 2100)).toBe(true);
    expect(['EDGE_BELOW_THRESHOLD', 'VENUE_CIRCUIT_OPEN', 'MANUAL'].map((r) => risk.ownConditionCleared(r as FreezeReason, T0 + 2100))).toEqual([null, null, null]);
  });
});
