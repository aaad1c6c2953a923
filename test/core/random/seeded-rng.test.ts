// Covers SeededRng (seeded streams and named forks), chance (no draw at p=0/1) and approxStandardNormal (range and moments).
import { describe, it, expect } from 'vitest';
import { SeededRng, approxStandardNormal, chance } from '../../../src/core/random/seeded-rng.js';
import type { Rng } from '../../../src/ports/rng.js';

function draws(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

describe('SeededRng', () => {
  it('yields the same sequence for the same seed', () => {
    expect(draws(new SeededRng('42'), 50)).toEqual(draws(new SeededRng('42'), 50));
  });

  it('yields different sequences for different seeds', () => {
    expect(draws(new SeededRng('42'), 10)).not.toEqual(draws(new SeededRng('43'), 10));
  });

  it('draws uniformly in [0, 1)', () => {
    const values = draws(new SeededRng('range'), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });

  it('gives a fork a sequence that draws made on the parent do not shift', () => {
    const fresh = new SeededRng('42').fork('a');
    const used = new SeededRng('42');
    draws(used, 137);
    const late = used.fork('a');
    expect(draws(late, 20)).toEqual(draws(fresh, 20));
  });

  it('does not shift the parent when the fork draws', () => {
    const parent = new SeededRng('42');
    const child = parent.fork('fills');
    draws(child, 99);
    expect(draws(parent, 20)).toEqual(draws(new SeededRng('42'), 20));
  });

  it('gives different fork names different streams, and both differ from the parent', () => {
    const root = new SeededRng('42');
    const a = draws(root.fork('fills'), 10);
    const b = draws(root.fork('latency'), 10);
    const parent = draws(new SeededRng('42'), 10);
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(parent);
    expect(b).not.toEqual(parent);
  });

  it('seeds a fork with "<seed>/<name>"', () => {
    expect(draws(new SeededRng('7').fork('market'), 10)).toEqual(draws(new SeededRng('7/market'), 10));
    expect(draws(new SeededRng('7').fork('market').fork('BTCUSDT'), 10)).toEqual(draws(new SeededRng('7/market/BTCUSDT'), 10));
  });
});

describe('chance', () => {
  it('returns false for p=0 (and below) and true for p=1 (and above) without advancing the stream', () => {
    const rng = new SeededRng('chance');
    const reference = new SeededRng('chance');
    expect(chance(rng, 0)).toBe(false);
    expect(chance(rng, -0.5)).toBe(false);
    expect(chance(rng, 1)).toBe(true);
    expect(chance(rng, 2)).toBe(true);
    expect(draws(rng, 5)).toEqual(draws(reference, 5));
  });

  it('draws exactly once for 0 < p < 1', () => {
    const rng = new SeededRng('chance');
    const reference = new SeededRng('chance');
    const first = reference.next();
    expect(chance(rng, 0.5)).toBe(first < 0.5);
    expect(rng.next()).toBe(reference.next());
  });

  it('compares the draw strictly below p', () => {
    const fixed = (value: number): Rng => ({ next: () => value, fork: () => fixed(value) });
    expect(chance(fixed(0.29), 0.3)).toBe(true);
    expect(chance(fixed(0.3), 0.3)).toBe(false);
  });
});

describe('approxStandardNormal', () => {
  it('stays within ±3.47 and has mean near 0 and variance near 1 over 10k draws', () => {
    const rng = new SeededRng('normal');
    const values = Array.from({ length: 10_000 }, () => approxStandardNormal(rng));
    // Every draw is bounded iff the extremes are (20,000 expects cost a second).
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-3.47);
    expect(Math.max(...values)).toBeLessThanOrEqual(3.47);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(variance).toBeGreaterThan(0.9);
    expect(variance).toBeLessThan(1.1);
  });

  it('consumes exactly four draws and maps them to (sum − 2) × √3', () => {
    const values = [0.9, 0.8, 0.5, 0.2];
    let i = 0;
    const rng: Rng = { next: () => values[i++]!, fork: () => rng };
    expect(approxStandardNormal(rng)).toBeCloseTo((2.4 - 2) * Math.sqrt(3), 12);
    expect(i).toBe(4);
  });
});

describe('SeededRng stepping Alea itself', () => {
  it('gives exactly seedrandom’s alea quick() stream, for root seeds and forks', async () => {
    const { default: seedrandom } = await import('seedrandom');
    for (const seed of ['42', 'bench/fills', 'market/BTCUSDT', '', 'ünï']) {
      const ours = new SeededRng(seed);
      const theirs = seedrandom.alea(seed);
      // One comparison of the whole streams (an expect per draw cost seconds): toEqual still names the first index that differs.
      expect(draws(ours, 20_000), seed).toEqual(Array.from({ length: 20_000 }, () => theirs.quick()));
    }
    const fork = new SeededRng('7').fork('fills');
    const reference = seedrandom.alea('7/fills');
    expect(draws(fork, 1_000)).toEqual(Array.from({ length: 1_000 }, () => reference.quick()));
  });
});
