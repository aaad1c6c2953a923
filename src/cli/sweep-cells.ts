// Reading a sweep document for display: its cells, the metric paths they have stats for (sorted), and a cell's stats.
import type { JsonValue } from '../core/report/canonical-json.js';

export type Obj = { [key: string]: JsonValue };
export interface Stat {
  readonly mean: string | null;
  readonly min: string | null;
  readonly max: string | null;
  readonly n: number;
}

const byCodeUnits = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

export function cellsOf(doc: JsonValue): Obj[] {
  return ((doc as Obj)['cells'] as Obj[] | undefined) ?? [];
}

/** Every metric path any cell has stats for, sorted (a `*` metric expands per report: the union is the column set). */
export function metricPaths(cells: readonly Obj[]): string[] {
  const paths = new Set<string>();
  for (const c of cells) for (const key of Object.keys(c['stats'] as Obj)) paths.add(key);
  return [...paths].sort(byCodeUnits);
}

export function paramsText(cell: Obj): string {
  return Object.entries(cell['params'] as Obj).map(([k, v]) => `${k}=${String(v)}`).join(' ') || '(base)';
}

