// The CSV a sweep writes with --format csv: one row per cell — the grid values, the runs, then mean, min and max of each metric path.
import type { JsonValue } from '../core/report/canonical-json.js';
import { cellsOf, metricPaths, type Obj, type Stat } from './sweep-cells.js';

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
