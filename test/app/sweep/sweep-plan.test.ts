// Covers the sweep plan: the grid's cartesian product over the base options, strategy parameters merged over --strategy-params, runs in cell-then-seed order, and shards that together hold every run once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGrid } from '../../../src/app/sweep/sweep-grid.js';
import { cellRunInput } from '../../../src/app/sweep/run-cell.js';
import { buildCells, parseShard, shardTasks, sweepTasks } from '../../../src/app/sweep/sweep-plan.js';

const noFile = (): string => '{}';

describe('sweep plan', () => {
  it('makes every combination, the first axis varying slowest, over the base options', () => {
    const cells = buildCells({ iterations: '10', strategy: 'avellaneda-stoikov', strategyParams: '{"kappa":2}' }, parseGrid('spread-bps=10,20 strategy-params.gamma=0.1,0.2', noFile));
    expect(cells.map((c) => c.params)).toEqual([
      [['spread-bps', '10'], ['strategy-params.gamma', '0.1']],
      [['spread-bps', '10'], ['strategy-params.gamma', '0.2']],
      [['spread-bps', '20'], ['strategy-params.gamma', '0.1']],
      [['spread-bps', '20'], ['strategy-params.gamma', '0.2']],
    ]);
    expect(cells[3]!.run).toEqual({ input: { iterations: '10', strategy: 'avellaneda-stoikov', spreadBps: '20', strategyParams: '{"kappa":2}' }, params: { gamma: 0.2 } });
    expect(cellRunInput(cells[3]!.run)).toEqual({ iterations: '10', strategy: 'avellaneda-stoikov', spreadBps: '20', strategyParams: '{"kappa":2,"gamma":0.2}' });
  });

  it('sets a switch as a boolean', () => {
    expect(buildCells({}, parseGrid('throttle=false', noFile))[0]!.run.input).toEqual({ throttle: false });
  });

  it('lists runs cell by cell, seeds in the order given', () => {
    expect(sweepTasks(2, [5, 3])).toEqual([
      { index: 0, cell: 0, seed: 5 },
      { index: 1, cell: 0, seed: 3 },
      { index: 2, cell: 1, seed: 5 },
      { index: 3, cell: 1, seed: 3 },
    ]);
  });

  it('slices round robin: shard i of n takes every n-th run from the (i-1)-th', () => {
    expect(shardTasks(sweepTasks(2, [1, 2, 3]), { index: 2, count: 4 }).map((t) => t.index)).toEqual([1, 5]);
  });

  it('gives every run to exactly one shard', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 9 }), (cells, seeds, count) => {
        const tasks = sweepTasks(cells, Array.from({ length: seeds }, (_, i) => i));
        const slices = Array.from({ length: count }, (_, i) => shardTasks(tasks, { index: i + 1, count }).map((t) => t.index));
        expect(slices.flat().sort((a, b) => a - b)).toEqual(tasks.map((t) => t.index));
      }),
    );
  });

  it('reads --shard i/n and refuses anything else', () => {
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
    expect(() => parseShard('0/4')).toThrow("--shard '0/4' is not allowed: expected i/n with 1 ≤ i ≤ n");
    expect(() => parseShard('5/4')).toThrow('is not allowed');
  });
});
