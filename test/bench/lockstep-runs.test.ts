// The lockstep children of the venue-cost bench: each child runs its own run to the end, one slice per turn, and charges it its CPU.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { LockstepChildren } from '../../bench/lockstep-runs.js';

const CHILD = new URL('../../dist/bench/lockstep-child.js', import.meta.url);

describe('lockstep children', () => {
  it.runIf(existsSync(CHILD))('runs each child\'s run to its own end, in turns, and charges each its CPU', async () => {
    const children = new LockstepChildren(2, CHILD);
    try {
      const runs = await children.run([{ iterations: '40000' }, { iterations: '3000', exchange: 'bybit', category: 'linear' }], [1, 0]);
      expect(runs.map((r) => r.updates)).toEqual([40000, 3000]);
      expect(runs.every((r) => r.cpuMicros > 0)).toBe(true);
      const again = await children.run([{ iterations: '500' }, { iterations: '600' }], [0, 1]);
      expect(again.map((r) => r.updates)).toEqual([500, 600]);
    } finally {
      children.close();
    }
  }, 30_000);
});
