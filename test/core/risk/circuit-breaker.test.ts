// Covers CircuitBreaker on a virtual clock: opening at the threshold, the rolling failure window, cooldown to HALF_OPEN, probe exclusivity, probe success and failure, stragglers, config validation.
import { describe, it, expect } from 'vitest';
import { CircuitBreaker, type CircuitBreakerOptions } from '../../../src/core/risk/circuit-breaker.js';
import { thrown } from '../../helpers/thrown.js';

const T0 = 1_735_689_600_000;

/** Fails `count` times, `stepMs` apart, starting at `fromMs`; returns the time of the last failure. */
function failTimes(breaker: CircuitBreaker, fromMs: number, count: number, stepMs: number): number {
  let t = fromMs;
  for (let i = 0; i < count; i += 1) {
    t = fromMs + i * stepMs;
    breaker.onFailure(t);
  }
  return t;
}

function openedAt(t: number, options: CircuitBreakerOptions = {}): CircuitBreaker {
  const breaker = new CircuitBreaker(options);
  failTimes(breaker, t, options.failureThreshold ?? 5, 0);
  return breaker;
}

describe('CircuitBreaker — CLOSED', () => {
  it('starts CLOSED with the documented defaults and lets every call through', () => {
    const breaker = new CircuitBreaker();
    expect([breaker.failureThreshold, breaker.windowMs, breaker.cooldownMs]).toEqual([5, 30_000, 60_000]);
    expect(breaker.state(T0)).toBe('CLOSED');
    expect(breaker.allows(T0)).toBe(true);
    expect(breaker.tryAcquire(T0)).toBe(true);
    expect(breaker.tryAcquire(T0)).toBe(true);
    expect(breaker.transitions).toEqual([]);
  });

  it('stays CLOSED after four failures and opens on the fifth within 30 s', () => {
    const breaker = new CircuitBreaker();
    for (let i = 0; i < 4; i += 1) expect(breaker.onFailure(T0 + i * 1000)).toBeNull();
    expect(breaker.state(T0 + 3000)).toBe('CLOSED');
    expect(breaker.failuresInWindow(T0 + 3000)).toBe(4);
    const opened = breaker.onFailure(T0 + 29_999);
    expect(opened).toEqual({ from: 'CLOSED', to: 'OPEN', atMs: T0 + 29_999, reason: 'FAILURE_THRESHOLD' });
    expect(breaker.state(T0 + 29_999)).toBe('OPEN');
    expect(breaker.allows(T0 + 29_999)).toBe(false);
    expect(breaker.tryAcquire(T0 + 29_999)).toBe(false);
    expect(breaker.transitions).toEqual([opened]);
  });

  it('does not count a failure once windowMs has passed since it (window is (now − 30 000, now])', () => {
    const breaker = new CircuitBreaker();
    failTimes(breaker, T0, 4, 0); // four at T0
    expect(breaker.failuresInWindow(T0 + 29_999)).toBe(4);
    expect(breaker.failuresInWindow(T0 + 30_000)).toBe(0);
    expect(breaker.onFailure(T0 + 30_000)).toBeNull(); // only one in the window now
    expect(breaker.state(T0 + 30_000)).toBe('CLOSED');
    expect(breaker.failuresInWindow(T0 + 30_000)).toBe(1);
  });

  it('counts failures on a rolling window: the oldest expiring keeps it closed, a fifth inside opens it', () => {
    const breaker = new CircuitBreaker();
    failTimes(breaker, T0, 4, 10_000); // T0, +10 s, +20 s, +30 s: the first has expired by +30 s
    expect(breaker.state(T0 + 30_000)).toBe('CLOSED');
    expect(breaker.failuresInWindow(T0 + 30_000)).toBe(3);
    expect(breaker.onFailure(T0 + 35_000)).toBeNull(); // 4 in (5 s, 35 s]
    expect(breaker.onFailure(T0 + 39_999)?.to).toBe('OPEN'); // +10 s still counts: 5
  });

  it('does not forgive failures on a success while CLOSED', () => {
    const breaker = new CircuitBreaker();
    failTimes(breaker, T0, 4, 1);
    expect(breaker.onSuccess(T0 + 10)).toBeNull();
    expect(breaker.failuresInWindow(T0 + 10)).toBe(4);
    expect(breaker.onFailure(T0 + 11)?.reason).toBe('FAILURE_THRESHOLD');
  });

  it('honours a configured threshold and window', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, windowMs: 1000 });
    breaker.onFailure(T0);
    expect(breaker.onFailure(T0 + 1000)).toBeNull(); // T0 expired at T0 + 1000
    expect(breaker.onFailure(T0 + 1999)?.to).toBe('OPEN');
  });
});

describe('CircuitBreaker — OPEN and HALF_OPEN', () => {
  it('becomes HALF_OPEN exactly cooldownMs after opening, recording that moment', () => {
    const breaker = openedAt(T0);
    expect(breaker.state(T0 + 59_999)).toBe('OPEN');
    expect(breaker.allows(T0 + 59_999)).toBe(false);
    expect(breaker.state(T0 + 60_000)).toBe('HALF_OPEN');
    expect(breaker.transitions[1]).toEqual({ from: 'OPEN', to: 'HALF_OPEN', atMs: T0 + 60_000, reason: 'COOLDOWN_ELAPSED' });
  });

  it('records the half-open moment at openedAt + cooldown even when first observed later', () => {
    const breaker = openedAt(T0);
    expect(breaker.allows(T0 + 90_000)).toBe(true);
    expect(breaker.transitions.map((t) => [t.to, t.atMs])).toEqual([
      ['OPEN', T0],
      ['HALF_OPEN', T0 + 60_000],
    ]);
  });

  it('ignores failures and successes of calls made before it opened', () => {
    const breaker = openedAt(T0);
    expect(breaker.onFailure(T0 + 30_000)).toBeNull(); // does not extend the cooldown
    expect(breaker.onSuccess(T0 + 30_001)).toBeNull(); // does not close it
    expect(breaker.state(T0 + 60_000)).toBe('HALF_OPEN');
    expect(breaker.onSuccess(T0 + 60_000)).toBeNull(); // HALF_OPEN without a probe out: a straggler
    expect(breaker.onFailure(T0 + 60_001)).toBeNull();
    expect(breaker.state(T0 + 60_001)).toBe('HALF_OPEN');
    expect(breaker.transitions).toHaveLength(2);
  });

  it('grants exactly one probe in HALF_OPEN', () => {
    const breaker = openedAt(T0);
    expect(breaker.allows(T0 + 60_000)).toBe(true);
    expect(breaker.allows(T0 + 60_000)).toBe(true); // allows() does not take the probe
    expect(breaker.tryAcquire(T0 + 60_000)).toBe(true);
    expect(breaker.allows(T0 + 60_000)).toBe(false);
    expect(breaker.tryAcquire(T0 + 60_000)).toBe(false);
    expect(breaker.tryAcquire(T0 + 120_000)).toBe(false); // still waiting for the probe's outcome
    expect(breaker.state(T0 + 120_000)).toBe('HALF_OPEN');
  });

  it('closes on the probe succeeding and clears the failure window', () => {
    const breaker = openedAt(T0);
    expect(breaker.tryAcquire(T0 + 60_000)).toBe(true);
    const closed = breaker.onSuccess(T0 + 60_250);
    expect(closed).toEqual({ from: 'HALF_OPEN', to: 'CLOSED', atMs: T0 + 60_250, reason: 'PROBE_SUCCEEDED' });
    expect(breaker.state(T0 + 60_250)).toBe('CLOSED');
    expect(breaker.failuresInWindow(T0 + 60_250)).toBe(0);
    expect(breaker.tryAcquire(T0 + 60_251)).toBe(true);
    expect(breaker.tryAcquire(T0 + 60_251)).toBe(true);
    failTimes(breaker, T0 + 61_000, 4, 0);
    expect(breaker.state(T0 + 61_000)).toBe('CLOSED'); // needs five fresh failures again
    expect(breaker.onFailure(T0 + 61_001)?.to).toBe('OPEN');
  });

  it('reopens on the probe failing, with a new cooldown from the probe failure', () => {
    const breaker = openedAt(T0);
    expect(breaker.tryAcquire(T0 + 60_000)).toBe(true);
    const reopened = breaker.onFailure(T0 + 61_000);
    expect(reopened).toEqual({ from: 'HALF_OPEN', to: 'OPEN', atMs: T0 + 61_000, reason: 'PROBE_FAILED' });
    expect(breaker.state(T0 + 120_999)).toBe('OPEN');
    expect(breaker.tryAcquire(T0 + 120_999)).toBe(false);
    expect(breaker.state(T0 + 121_000)).toBe('HALF_OPEN');
    expect(breaker.tryAcquire(T0 + 121_000)).toBe(true);
    expect(breaker.onSuccess(T0 + 121_100)?.to).toBe('CLOSED');
    expect(breaker.transitions.map((t) => `${t.from}>${t.to}@${t.atMs - T0}:${t.reason}`)).toEqual([
      'CLOSED>OPEN@0:FAILURE_THRESHOLD',
      'OPEN>HALF_OPEN@60000:COOLDOWN_ELAPSED',
      'HALF_OPEN>OPEN@61000:PROBE_FAILED',
      'OPEN>HALF_OPEN@121000:COOLDOWN_ELAPSED',
      'HALF_OPEN>CLOSED@121100:PROBE_SUCCEEDED',
    ]);
  });

  it('honours a configured cooldown', () => {
    const breaker = openedAt(T0, { failureThreshold: 1, cooldownMs: 500 });
    expect(breaker.state(T0 + 499)).toBe('OPEN');
    expect(breaker.state(T0 + 500)).toBe('HALF_OPEN');
  });
});

describe('CircuitBreaker — input checks', () => {
  it.each([
    [{ failureThreshold: 0 }, 'circuit breaker failureThreshold must be a positive integer, got 0'],
    [{ failureThreshold: 2.5 }, 'circuit breaker failureThreshold must be a positive integer, got 2.5'],
    [{ windowMs: -1 }, 'circuit breaker windowMs must be a positive integer, got -1'],
    [{ cooldownMs: Number.NaN }, 'circuit breaker cooldownMs must be a positive integer, got NaN'],
  ])('rejects %j with E_CONFIG', (options, message) => {
    expect(thrown(() => new CircuitBreaker(options))).toEqual({ name: 'ShadowExecError', code: 'E_CONFIG', message });
  });

  it('refuses time going backwards', () => {
    const breaker = new CircuitBreaker();
    breaker.onFailure(T0 + 10);
    expect(thrown(() => breaker.state(T0 + 9))).toEqual({
      name: 'ShadowExecError',
      code: 'E_INVARIANT',
      message: `invariant violated: circuit breaker: time went backwards (${T0 + 9} < ${T0 + 10})`,
    });
  });
});
