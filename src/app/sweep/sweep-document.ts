// The sweep's JSON document: its definition, every finished run's metrics by cell, and per cell the mean, min and max of each metric over its seeds (exact decimals); built from runs, and merged from shards.
import { Decimal, formatDecimal } from '../../core/money/decimal.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import { cellParams, type Shard } from './sweep-plan.js';

/** The document's format; `sweep merge` refuses any other. */
export const SWEEP_FORMAT = 'shadow-exec-sweep/1';
/** Places of a mean (half-even); min and max are exact. */
export const MEAN_PLACES = 12;

/** What a sweep is: equal definitions (and tool versions) are what lets shards merge. */
export interface SweepDefinition {
  readonly tool: { readonly name: string; readonly version: string };
  /** The base run options as given (no seed), keyed by their camelCase names. */
  readonly base: { readonly [key: string]: string | boolean };
  readonly grid: readonly { readonly key: string; readonly values: readonly string[] }[];
  readonly seeds: readonly number[];
  readonly metrics: readonly string[];
}

/** One finished run. */
export interface SweepRun {
  readonly cell: number;
  readonly seed: number;
  readonly status: string;
  readonly metrics: readonly (readonly [string, JsonValue])[];
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

function numeric(value: JsonValue | undefined): Decimal | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return new Decimal(value);
  if (typeof value === 'string' && DECIMAL_TEXT.test(value)) return new Decimal(value);
  return null;
}

/** mean (sum / n, rounded half-even to 12 places), min, max over the numeric values; n counts them (null, text and absent values are left out). */
export function metricStats(values: readonly (JsonValue | undefined)[]): { mean: string | null; min: string | null; max: string | null; n: number } {
  const numbers = values.map(numeric).filter((d): d is Decimal => d !== null);
  if (numbers.length === 0) return { mean: null, min: null, max: null, n: 0 };
  let sum = new Decimal(0);
  let min = numbers[0]!;
  let max = numbers[0]!;
  for (const d of numbers) {
    sum = sum.plus(d);
    if (d.lt(min)) min = d;
    if (d.gt(max)) max = d;
  }
  return { mean: formatDecimal(sum.div(numbers.length).toDecimalPlaces(MEAN_PLACES, Decimal.ROUND_HALF_EVEN)), min: formatDecimal(min), max: formatDecimal(max), n: numbers.length };
}

function definitionJson(d: SweepDefinition): JsonValue {
  return { tool: { ...d.tool }, base: { ...d.base }, grid: d.grid.map((a) => ({ key: a.key, values: [...a.values] })), seeds: [...d.seeds], metrics: [...d.metrics], cells: cellCount(d), runs: cellCount(d) * d.seeds.length };
}

function cellCount(d: SweepDefinition): number {
  return d.grid.reduce((n, a) => n * a.values.length, 1);
}

/**
 * The document for `runs` (any order: listed by cell, then by the seed's position in the definition). Every cell is
 * listed, with the runs it has; `status` is "completed" once every run of the definition is in, else "incomplete".
 * `shard` is null for a whole sweep and for a merge, so both give the same bytes.
 */
export function sweepDocument(definition: SweepDefinition, runs: readonly SweepRun[], shard: Shard | null): JsonValue {
  const seedPosition = new Map(definition.seeds.map((s, i) => [s, i]));
  const sorted = [...runs].sort((a, b) => a.cell - b.cell || seedPosition.get(a.seed)! - seedPosition.get(b.seed)!);
  const byCell = new Map<number, SweepRun[]>();
  for (const run of sorted) byCell.set(run.cell, [...(byCell.get(run.cell) ?? []), run]);
  const cells: JsonValue[] = cellParams(definition.grid).map((params, cell) => {
    const cellRuns = byCell.get(cell) ?? [];
    const paths: string[] = [];
    for (const run of cellRuns) for (const [path] of run.metrics) if (!paths.includes(path)) paths.push(path);
    const stats: { [path: string]: JsonValue } = {};
    for (const path of paths) stats[path] = metricStats(cellRuns.map((r) => r.metrics.find(([p]) => p === path)?.[1]));
    return {
      cell,
      params: Object.fromEntries(params),
      runs: cellRuns.map((r) => ({ seed: r.seed, status: r.status, metrics: Object.fromEntries(r.metrics) as { [path: string]: JsonValue } })),
      stats,
    };
  });
  const total = cellCount(definition) * definition.seeds.length;
  return {
    format: SWEEP_FORMAT,
    definition: definitionJson(definition),
    shard: shard === null ? null : { index: shard.index, count: shard.count },
    status: sorted.length === total ? 'completed' : 'incomplete',
    runs_done: sorted.length,
    cells,
  };
}
