// Covers RollingWindowLimiter: exact block and recovery times, usage and remaining counts, peak, order and limit invariants.
import { describe, it, expect } from 'vitest';
import { RollingWindowLimiter } from '../../../src/core/limits/rolling-window-limiter.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';

describe('RollingWindowLimiter', () => {
  it('allows `limit` events at once, then blocks until the oldest leaves the window', () => {
    const l = new RollingWindowLimiter(3, 1000);
    for (const t of [0, 0, 10]) {
      expect(l.earliest(t)).toBe(t);
      l.record(t);
    }
    expect(l.earliest(10)).toBe(1000);
    expect(l.remaining(10)).toBe(0);
    l.record(1000);
    expect(l.earliest(1000)).toBe(1000); // the second event at 0 has left too
    l.record(1000);
    expect(l.earliest(1000)).toBe(1010);
    expect(l.usage(1000)).toBe(3); // 10, 1000, 1000
    expect(l.remaining(1009)).toBe(0);
    expect(l.remaining(1010)).toBe(1);
  });

  it('never lets more than `limit` events into any window, however requests arrive', () => {
    const rng = new SeededRng('limiter');
    const l = new RollingWindowLimiter(10, 1000);
    const recorded: number[] = [];
    let t = 0;
    for (let i = 0; i < 2000; i++) {
      t += Math.floor(rng.next() * 150);
      const at = l.earliest(t);
      l.record(at);
      recorded.push(at);
      t = at;
    }
    for (let i = 10; i < recorded.length; i++) expect(recorded[i]! - recorded[i - 10]!).toBeGreaterThanOrEqual(1000);
    expect(l.peak).toBe(10);
    expect(l.count).toBe(2000);
  });

  it('refuses events out of time order or over the limit', () => {
    const l = new RollingWindowLimiter(1, 100);
    l.record(50);
    expect(() => l.record(40)).toThrow('limiter events must be recorded in time order: 40 after 50');
    expect(() => l.record(60)).toThrow('limiter over its limit of 1 per 100 ms at 60');
  });
});
