// SweepPlan: the cells of a sweep (the grid's cartesian product over a base run's options) and its runs (cells × seeds), and the deterministic slice of them one shard runs.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { RunInput } from '../config/run-input.js';
import { RUN_OPTION_SPECS } from '../config/run-option-specs.js';
import type { CellInput } from './run-cell.js';
import type { SweepAxis } from './sweep-grid.js';

/** One combination of grid values: `params` in axis order, `run` the base run options with them applied (no seed). */
export interface SweepCell {
  readonly index: number;
  readonly params: readonly (readonly [key: string, value: string])[];
  readonly run: CellInput;
}

/** One run: a cell at a seed; `index` = cell × seeds + the seed's position, the order every output lists runs in. */
export interface SweepTask {
  readonly index: number;
  readonly cell: number;
  readonly seed: number;
}

/** `--shard i/n`: the 1-based i-th of n slices. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Every combination of the axes' values, the first axis varying slowest (as nested loops in axis order). */
export function cellParams(axes: readonly Pick<SweepAxis, 'key' | 'values'>[]): (readonly [string, string])[][] {
  let cells: (readonly [string, string])[][] = [[]];
  for (const axis of axes) cells = cells.flatMap((cell) => axis.values.map((value) => [...cell, [axis.key, value] as const]));
  return cells;
}

/**
 * `base` with a cell's values set: an option's text (a switch's true/false as a boolean); a strategy parameter goes to
 * `params`, merged over --strategy-params where the cell runs (run-cell.ts reads a --strategy-params @FILE there).
 */
export function cellInput(base: RunInput, axes: readonly SweepAxis[], values: readonly string[]): CellInput {
  const input: Record<string, unknown> = { ...base };
  const params: { [name: string]: JsonValue } = {};
  axes.forEach((axis, i) => {
    const value = values[i]!;
    if (axis.param !== null) params[axis.param] = JSON.parse(value) as JsonValue;
    else input[axis.option] = RUN_OPTION_SPECS[axis.option].file === 'switch' ? value === 'true' : value;
  });
  return { input: input as RunInput, params };
}

export function buildCells(base: RunInput, axes: readonly SweepAxis[]): SweepCell[] {
  return cellParams(axes).map((params, index) => ({ index, params, run: cellInput(base, axes, params.map(([, v]) => v)) }));
}

/** Every run in output order: cell by cell, each cell's seeds in the order given. */
export function sweepTasks(cells: number, seeds: readonly number[]): SweepTask[] {
  const tasks: SweepTask[] = [];
  for (let cell = 0; cell < cells; cell++) seeds.forEach((seed, i) => tasks.push({ index: cell * seeds.length + i, cell, seed }));
  return tasks;
}

/** `--shard i/n` → {index: i, count: n}; 1 ≤ i ≤ n ≤ 100000. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match === null ? NaN : Number(match[1]);
  const count = match === null ? NaN : Number(match[2]);
  if (!(index >= 1 && count >= 1 && index <= count && count <= 100_000)) throw new UsageError(`--shard '${text}' is not allowed: expected i/n with 1 ≤ i ≤ n (at most 100000), e.g. 1/4; in a Kubernetes Indexed Job --shard $((JOB_COMPLETION_INDEX + 1))/N`);
  return { index, count };
}

/** The runs shard i of n runs: every n-th run starting at the (i−1)-th (round robin, so each shard gets a share of every cell's cost). */
export function shardTasks(tasks: readonly SweepTask[], shard: Shard | null): SweepTask[] {
  return shard === null ? [...tasks] : tasks.filter((t) => t.index % shard.count === shard.index - 1);
}
