// Covers RandomWalk: first step at the start bid, integer-tick moves from approxStandardNormal × σ, fixed spread, sizes, bid floor; steps are QuoteEvents without a venue seq.
import { describe, it, expect } from 'vitest';
import { RandomWalk, type RandomWalkSettings } from '../../../src/core/market/random-walk.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import { ScriptedRng } from '../../helpers/scripted-rng.js';

const SETTINGS: RandomWalkSettings = { symbol: 'BTCUSDT', startBidTicks: 935000, spreadTicks: 1, sigmaTicks: 10, maxLevelLots: 10 };

describe('RandomWalk', () => {
  it('returns the start bid on the first step, drawing only the two sizes', () => {
    const rng = new ScriptedRng([0, 0.99]);
    const book = new RandomWalk(SETTINGS, rng).step(1000, true);
    expect(book).toEqual({ kind: 'quote', symbol: 'BTCUSDT', ts: 1000, bidTicks: 935000, askTicks: 935001, bidLots: 1, askLots: 10, seq: null });
    expect(rng.draws).toBe(2);
  });

  it('moves the bid by round(normal × σ) ticks on later steps and keeps the spread', () => {
    // first step: sizes 0.5, 0.5; second: normal from 0.9 + 0.8 + 0.5 + 0.2 → 0.4 × √3 = 0.6928 → × 10 → 7 ticks
    const rng = new ScriptedRng([0.5, 0.5, 0.9, 0.8, 0.5, 0.2, 0.35, 0.05]);
    const walk = new RandomWalk({ ...SETTINGS, spreadTicks: 3 }, rng);
    walk.step(0, true);
    expect(walk.step(100, false)).toEqual({ kind: 'quote', symbol: 'BTCUSDT', ts: 100, bidTicks: 935007, askTicks: 935010, bidLots: 4, askLots: 1, seq: null });
    expect(rng.draws).toBe(8);
  });

  it('never lets the bid fall below 1 tick', () => {
    const walk = new RandomWalk({ ...SETTINGS, startBidTicks: 2, sigmaTicks: 1000 }, new SeededRng('floor'));
    for (let i = 0; i < 500; i++) {
      const book = walk.step(i, i === 0);
      expect(book.bidTicks).toBeGreaterThanOrEqual(1);
      expect(book.askTicks).toBe(book.bidTicks + 1);
    }
  });

  it('draws sizes in 1..maxLevelLots', () => {
    const walk = new RandomWalk({ ...SETTINGS, maxLevelLots: 3 }, new SeededRng('sizes'));
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const book = walk.step(i, i === 0);
      seen.add(book.bidLots);
      seen.add(book.askLots);
    }
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('repeats the same path for the same seed', () => {
    const path = (): number[] => {
      const walk = new RandomWalk(SETTINGS, new SeededRng('path'));
      return Array.from({ length: 100 }, (_, i) => walk.step(i, i === 0).bidTicks);
    };
    const a = path();
    expect(a).toEqual(path());
    expect(new Set(a).size).toBeGreaterThan(10);
  });
});
