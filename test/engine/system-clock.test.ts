// Covers SystemClock: it follows the wall clock and holds its last value when the wall clock steps back.
import { describe, expect, it } from 'vitest';
import { SystemClock } from '../../src/engine/system-clock.js';

describe('SystemClock', () => {
  it('returns the wall clock, never going back', () => {
    const wall = [1000, 1005, 990, 1004, 1006];
    const clock = new SystemClock(() => wall.shift()!);
    expect([clock.now(), clock.now(), clock.now(), clock.now(), clock.now()]).toEqual([1000, 1005, 1005, 1005, 1006]);
  });

  it('reads Date.now by default', () => {
    const before = Date.now();
    const now = new SystemClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
