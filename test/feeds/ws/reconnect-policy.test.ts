// Covers ReconnectPolicy: backoff attempts, reset when stable, the circuit after N failed dials, the attempt limit, reset().
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF } from '../../../src/feeds/ws/reconnect-backoff.js';
import { ReconnectPolicy } from '../../../src/feeds/ws/reconnect-policy.js';
import { ScriptedRng } from '../../helpers/scripted-rng.js';

const settings = { backoff: { ...DEFAULT_BACKOFF, jitterRatio: 0 }, maxReconnectAttempts: Number.POSITIVE_INFINITY, circuitBreakerThreshold: 3 };

describe('ReconnectPolicy', () => {
  it('escalates the delay for sockets that open and drop, and restarts at 1 s once one was stable', () => {
    const p = new ReconnectPolicy(settings, new ScriptedRng([]));
    expect([p.lost(false, 'x'), p.lost(false, 'x'), p.lost(false, 'x')]).toEqual([
      { kind: 'retry', attempt: 1, delayMs: 1000 },
      { kind: 'retry', attempt: 2, delayMs: 2000 },
      { kind: 'retry', attempt: 3, delayMs: 4000 },
    ]);
    p.stable();
    expect(p.lost(false, 'x')).toEqual({ kind: 'retry', attempt: 1, delayMs: 1000 });
    expect(p.circuitOpen).toBe(false);
  });

  it('opens the circuit at the threshold of consecutive failed dials; an opened socket resets the count', () => {
    const p = new ReconnectPolicy(settings, new ScriptedRng([]));
    p.lost(true, 'refused');
    p.lost(true, 'refused');
    p.opened();
    expect(p.consecutiveFailures).toBe(0);
    p.lost(true, 'refused');
    p.lost(true, 'refused');
    expect(p.lost(true, 'refused')).toEqual({ kind: 'give-up', reason: 'circuit open after 3 consecutive failed connection attempts; last: refused', circuitOpen: true });
    expect([p.circuitOpen, p.consecutiveFailures]).toEqual([true, 3]);
    p.reset();
    expect([p.circuitOpen, p.consecutiveFailures]).toEqual([false, 0]);
    expect(p.lost(false, 'x')).toEqual({ kind: 'retry', attempt: 1, delayMs: 1000 });
  });

  it('gives up after maxReconnectAttempts', () => {
    const p = new ReconnectPolicy({ ...settings, maxReconnectAttempts: 1 }, new ScriptedRng([]));
    expect(p.lost(false, 'a').kind).toBe('retry');
    expect(p.lost(false, 'drop')).toEqual({ kind: 'give-up', reason: 'reconnect attempts exhausted (1) after: drop', circuitOpen: false });
  });
});
