// The sweep-scaling bench figure: the sweep it states (cells × seeds × updates), the load it ran under, and its ≥ 1.7× verdict.
import { describe, it, expect } from 'vitest';
import { formatSweepScaling, SWEEP_TARGET } from '../../bench/sweep-bench.js';

const FIGURES = { cells: 6, seeds: 8, iterations: 120_000, oneWorker: 10, twoWorkers: 18, ratio: 1.8, cores: 2, oneCpuPerRun: 0.08, twoCpuPerRun: 0.085, loadBefore: 0.5, loadAfter: 1.25 };

describe('formatSweepScaling', () => {
  it('states the sweep timed, the load average and the verdict against 1.7×', () => {
    const text = formatSweepScaling(FIGURES);
    expect(SWEEP_TARGET).toBe(1.7);
    expect(text).toContain("--grid 'spread-bps=10,20,40 latency-ms=20,50' (6 cells) × --seeds 1..8 = 48 runs of 120,000 updates each");
    expect(text).toContain('load average 0.50 before, 1.25 after');
    expect(text).toContain('  2 workers   18.00 runs/s  (1.80× one worker)');
    expect(text).toContain('target 2 workers ≥ 1.7× one worker (wall-clock throughput, 2-core machine, otherwise idle): met');
  });

  it('says NOT met below 1.7×', () => {
    expect(formatSweepScaling({ ...FIGURES, ratio: 1.69 })).toContain('otherwise idle): NOT met');
  });
});
