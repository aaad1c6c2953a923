// Covers sweepProgressText: the bar, runs done of all, the rate and the ETA from it (wall-clock figures passed in).
import { describe, expect, it } from 'vitest';
import { sweepProgressText } from '../../src/cli/sweep-progress-text.js';

describe('sweepProgressText', () => {
  it('draws the share done, the rate and the time left at that rate', () => {
    expect(sweepProgressText(10, 40, 2, 5_000)).toBe('sweep [█████░░░░░░░░░░░░░░░] 10/40 runs (25%) · 2 workers · 2.0 runs/s · ETA 0:15');
  });

  it('has no ETA before the first run finished, and a full bar at the end', () => {
    expect(sweepProgressText(0, 3, 1, 800)).toBe('sweep [░░░░░░░░░░░░░░░░░░░░] 0/3 runs (0%) · 1 worker · 0.0 runs/s');
    expect(sweepProgressText(3, 3, 1, 1_500)).toBe('sweep [████████████████████] 3/3 runs (100%) · 1 worker · 2.0 runs/s · ETA 0:00');
  });
});
