// Covers SystemTimers: wall-clock now(), a 0 ms timer fires, a cleared one never does (timers fire in order).
import { describe, expect, it } from 'vitest';
import { SystemTimers } from '../../../src/feeds/ws/system-timers.js';

describe('SystemTimers', () => {
  it('reads the wall clock and runs and cancels Node timers', async () => {
    const timers = new SystemTimers();
    const before = Date.now();
    const now = timers.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    const fired: string[] = [];
    const cancelled = timers.setTimeout(() => fired.push('cancelled'), 0);
    timers.clearTimeout(cancelled);
    await new Promise<void>((resolve) =>
      timers.setTimeout(() => {
        fired.push('kept');
        resolve();
      }, 0),
    );
    expect(fired).toEqual(['kept']);
  });
});
