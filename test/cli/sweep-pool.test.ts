// SweepPool: one pool of worker threads reused for a sweep's cell checks and then its runs, results as the runs' own.
import { describe, it, expect } from 'vitest';
import { SweepPool } from '../../src/cli/sweep-pool.js';

const TOOL = { name: 'shadow-exec', version: 'test' };
const never = (): AbortSignal => new AbortController().signal;

describe('SweepPool', () => {
  it('checks cells and then runs them on the same pool, each result the run of its seed', async () => {
    const pool = await SweepPool.open(2);
    try {
      const seeds: number[] = [];
      await pool.run([7], { task: (seed) => ({ kind: 'check', cell: { input: { iterations: '50', seed: String(seed) }, params: {} } }), onResult: (_, r) => void (r.kind === 'check' && seeds.push(r.seed)), signal: never() });
      expect(seeds).toEqual([7]);
      const fills = new Map<number, unknown>();
      await pool.run([1, 2, 1], {
        task: (seed) => ({ kind: 'run', cell: { input: { iterations: '300', seed: String(seed) }, params: {} }, metrics: ['fills.count'], tool: TOOL }),
        onResult: (seed, r) => {
          if (r.kind !== 'run') return;
          const value = r.metrics[0]![1];
          if (fills.has(seed)) expect(value).toBe(fills.get(seed));
          fills.set(seed, value);
          expect(r.status).toBe('completed');
        },
        signal: never(),
      });
      expect([...fills.keys()].sort()).toEqual([1, 2]);
    } finally {
      await pool.close();
      await pool.close();
    }
  });

  it('throws a failed check with its code, naming the item', async () => {
    const pool = await SweepPool.open(1);
    try {
      await expect(pool.run(['nope'], { task: (v) => ({ kind: 'check', cell: { input: { iterations: v }, params: {} } }), onResult: () => {}, describe: (v, m) => `cell ${v}: ${m}`, signal: never() })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(/^cell nope: /) });
    } finally {
      await pool.close();
    }
  });
});
