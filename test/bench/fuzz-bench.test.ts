// Covers bench/fuzz-targets.ts in small: 400 seeded fast-check inputs per parser (stream parsers, ws protocols, instruments readers, depth body) — no crash, no wrong accept, no input near a hang.
import { describe, expect, it } from 'vitest';
import { formatFuzzCounts } from '../../bench/fuzz-bench.js';
import { fuzzTargets, runFuzz } from '../../bench/fuzz-targets.js';

describe('fuzz targets (seeded, 400 inputs each)', () => {
  it.each(fuzzTargets().map((t) => [t.name, t] as const))('%s: no crash, no wrong accept, every input well under a second', (_name, target) => {
    const counts = runFuzz(target, 400, 13);
    expect([counts.inputs, counts.crashes, counts.wrongAccepts, counts.samples.filter((s) => !s.startsWith('hang'))]).toEqual([400, 0, 0, []]);
    expect(counts.slowestMs).toBeLessThan(1000);
    expect(formatFuzzCounts(counts)).toContain(target.name);
  });
});
