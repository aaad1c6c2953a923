// The sweep-scaling bench figure: the sweep it states (cells × seeds × updates), the load it ran under, every round, the CPU by thread, and its ≥ 1.7× verdict (or none, for the informational small sweep).
import { describe, it, expect } from 'vitest';
import { formatSweepScaling, SWEEP_TARGET, SWEEP_TARGET_UPDATES } from '../../bench/sweep-bench.js';

const ROUNDS = [
  { oneWorker: 10, twoWorkers: 18, ratio: 1.8, load: 0.5, others: 0.02 },
  { oneWorker: 9.5, twoWorkers: 16.15, ratio: 1.7, load: 0.75, others: 0.1 },
  { oneWorker: 10.5, twoWorkers: 19.95, ratio: 1.9, load: 1, others: null },
];
const THREADS = { workers: [4.1, 3.9], main: 0.05, background: 1.3 };
const FIGURES = { cells: 6, seeds: 8, iterations: 120_000, oneWorker: 10, twoWorkers: 18, ratio: 1.8, rounds: ROUNDS, cores: 2, oneCpuPerRun: 0.08, twoCpuPerRun: 0.085, oneThreads: { workers: [8.1], main: 0.04, background: 0.9 }, twoThreads: THREADS, loadBefore: 0.5, loadAfter: 1.25 };

describe('formatSweepScaling', () => {
  it('states the sweep timed, the load average and the verdict against 1.7×', () => {
    const text = formatSweepScaling(FIGURES);
    expect(SWEEP_TARGET).toBe(1.7);
    expect(text).toContain("--grid 'spread-bps=10,20,40 latency-ms=20,50' (6 cells) × --seeds 1..8 = 48 runs of 120,000 updates each");
    expect(text).toContain('load average 0.50 before, 1.25 after');
    expect(text).toContain('  2 workers   18.00 runs/s  (1.80× one worker; rounds 1.70–1.90×)');
    expect(text).toContain('pools alternated, median of 3 rounds');
    expect(text).toContain('    round 2: 9.50 vs 16.15 runs/s, 1.70×, load average 0.75, other processes 0.10 cores\n');
    expect(text).toContain('    round 3: 10.50 vs 19.95 runs/s, 1.90×, load average 1.00\n');
    expect(text).toContain('2 workers 4.10 + 3.90 s on the worker threads, 1.30 s background (V8 compiler, GC helpers), 0.05 s main');
    expect(text).toContain('1 worker 8.10 s on the worker thread, 0.90 s background');
    expect(text).toContain('target 2 workers ≥ 1.7× one worker (wall-clock throughput, 2-core machine, otherwise idle; judged on 600,000-update runs): met');
  });

  it('says NOT met below 1.7×', () => {
    expect(formatSweepScaling({ ...FIGURES, ratio: 1.69 })).toContain('judged on 600,000-update runs): NOT met');
  });

  it('prints an informational sweep without a verdict, naming the size the target is judged on', () => {
    const text = formatSweepScaling({ ...FIGURES, ratio: 1.2 }, false);
    expect(SWEEP_TARGET_UPDATES).toBe(600_000);
    expect(text).not.toContain('target 2 workers');
    expect(text.split('\n').at(-1)).toBe("  (no target: informational; the target is judged on 600,000-update runs: each thread's JIT warm-up is a fixed cost, a larger share of a smaller sweep)");
  });
});
