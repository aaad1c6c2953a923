// Covers PerformanceStopwatch: it reads the process's monotonic clock, so two readings never go back.
import { describe, expect, it } from 'vitest';
import { PerformanceStopwatch } from '../../src/engine/performance-stopwatch.js';

describe('PerformanceStopwatch', () => {
  it('reads performance.now: fractional ms that never decrease', () => {
    const watch = new PerformanceStopwatch();
    const first = watch.elapsedMs();
    const second = watch.elapsedMs();
    expect(second).toBeGreaterThanOrEqual(first);
    expect(first).toBeGreaterThan(0);
  });
});
