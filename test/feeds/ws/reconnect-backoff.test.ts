// Covers backoffDelayMs and validateBackoff: doubling from 1 s, the cap, the ±20 % jitter rule, no draw without jitter, limits.
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import { backoffDelayMs, DEFAULT_BACKOFF, validateBackoff } from '../../../src/feeds/ws/reconnect-backoff.js';
import { codeOf } from '../../helpers/error-code.js';
import { ScriptedRng } from '../../helpers/scripted-rng.js';

const NO_JITTER = { ...DEFAULT_BACKOFF, jitterRatio: 0 };

describe('backoffDelayMs', () => {
  it('doubles from 1 s and stops at the cap: 1, 2, 4, 8, 16, 30, 30 s', () => {
    const rng = new ScriptedRng([]);
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelayMs(a, NO_JITTER, rng))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(rng.draws).toBe(0);
  });

  it('honours a smaller cap', () => {
    const settings = { ...NO_JITTER, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelayMs(a, settings, new ScriptedRng([])))).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('jitters uniformly within ±20 % of the base: u = 0 → −20 %, u = 0.5 → base, u → 1 → +20 %', () => {
    const rng = new ScriptedRng([0, 0.5, 0.999, 0.25]);
    expect([1, 2, 3, 4].map((a) => backoffDelayMs(a, DEFAULT_BACKOFF, rng))).toEqual([800, 2000, 4798, 7200]);
    expect(rng.draws).toBe(4);
  });

  it('never exceeds the cap after jitter', () => {
    expect(backoffDelayMs(6, DEFAULT_BACKOFF, new ScriptedRng([0.9]))).toBe(30000);
    expect(backoffDelayMs(6, DEFAULT_BACKOFF, new ScriptedRng([0.25]))).toBe(27000);
  });

  it('is reproducible from a seed', () => {
    const draw = (): number[] => {
      const rng = new SeededRng('backoff-seed');
      return [1, 2, 3, 4, 5, 6].map((a) => backoffDelayMs(a, DEFAULT_BACKOFF, rng));
    };
    expect(draw()).toEqual(draw());
    expect(draw()).toEqual(SEEDED_DELAYS);
  });
});

/** backoffDelayMs(1…6) with SeededRng('backoff-seed'), default settings. */
const SEEDED_DELAYS = [956, 1802, 3737, 7606, 15728, 29955];

describe('validateBackoff', () => {
  it('refuses a cap above 30 s, a cap below the first delay and a jitter of 1 or more', () => {
    expect(codeOf(() => validateBackoff({ ...DEFAULT_BACKOFF, maxDelayMs: 30_001 }))).toBe('E_CONFIG');
    expect(codeOf(() => validateBackoff({ ...DEFAULT_BACKOFF, maxDelayMs: 500 }))).toBe('E_CONFIG');
    expect(codeOf(() => validateBackoff({ ...DEFAULT_BACKOFF, jitterRatio: 1 }))).toBe('E_CONFIG');
    expect(validateBackoff({ initialDelayMs: 1000, maxDelayMs: 30_000, jitterRatio: 0.2 })).toEqual(DEFAULT_BACKOFF);
  });
});
