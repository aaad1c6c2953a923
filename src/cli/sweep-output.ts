// A sweep document for people and spreadsheets: the per-cell table on stderr (mean, min and max of each metric over the seeds) and the CSV on stdout (one row per cell).
import type { JsonValue } from '../core/report/canonical-json.js';
import type { SummaryStyles } from './summary.js';

type Obj = { [key: string]: JsonValue };
interface Stat {
  readonly mean: string | null;
  readonly min: string | null;
  readonly max: string | null;
  readonly n: number;
}

const byCodeUnits = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

function cellsOf(doc: JsonValue): Obj[] {
  return ((doc as Obj)['cells'] as Obj[] | undefined) ?? [];
}

/** Every metric path any cell has stats for, sorted (a `*` metric expands per report: the union is the column set). */
function metricPaths(cells: readonly Obj[]): string[] {
  const paths = new Set<string>();
  for (const c of cells) for (const key of Object.keys(c['stats'] as Obj)) paths.add(key);
  return [...paths].sort(byCodeUnits);
}

function paramsText(cell: Obj): string {
  return Object.entries(cell['params'] as Obj).map(([k, v]) => `${k}=${String(v)}`).join(' ') || '(base)';
}

/** The table: one block per cell, one line per metric. */
export function formatSweepTable(doc: JsonValue, styles: SummaryStyles): string {
  const cells = cellsOf(doc);
  const paths = metricPaths(cells);
  const header = ['cell', 'params', 'metric', 'mean', 'min', 'max', 'n'];
  const rows: string[][] = [];
  for (const c of cells) {
    const stats = c['stats'] as unknown as Readonly<Record<string, Stat>>;
    paths.forEach((path, i) => {
      const s = stats[path];
      rows.push([i === 0 ? String(c['cell']) : '', i === 0 ? paramsText(c) : '', path, s?.mean ?? '—', s?.min ?? '—', s?.max ?? '—', String(s?.n ?? 0)]);
    });
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const d = doc as Obj;
  const status = d['status'] === 'completed' ? styles.green('completed') : styles.yellow(String(d['status']));
  const definition = d['definition'] as Obj;
  return `${[styles.bold(line(header)), ...rows.map(line)].join('\n')}\nsweep ${status}: ${String(d['runs_done'])} of ${String(definition['runs'])} runs, ${cells.length} cells × ${(definition['seeds'] as JsonValue[]).length} seeds\n`;
}

/** A CSV field (RFC 4180 quoting; lines end in \n): quoted when it holds a comma, quote or line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV: cell, one column per grid key, runs, then <metric>.mean, .min, .max for each metric path (sorted); empty where there is no value. */
export function sweepCsv(doc: JsonValue): string {
  const cells = cellsOf(doc);
  const keys = (((doc as Obj)['definition'] as Obj)['grid'] as Obj[]).map((a) => String(a['key']));
  const paths = metricPaths(cells);
  const header = ['cell', ...keys, 'runs', ...paths.flatMap((p) => [`${p}.mean`, `${p}.min`, `${p}.max`])];
  const lines = [header.map(csvField).join(',')];
  for (const c of cells) {
    const params = c['params'] as Obj;
    const stats = c['stats'] as unknown as Readonly<Record<string, Stat>>;
    const fields = [String(c['cell']), ...keys.map((k) => String(params[k] ?? '')), String((c['runs'] as JsonValue[]).length), ...paths.flatMap((p) => [stats[p]?.mean ?? '', stats[p]?.min ?? '', stats[p]?.max ?? ''])];
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}
