// The table a sweep prints on stderr: one block per cell, one line per metric (mean, min and max over its seeds, and how many runs had a number).
import type { JsonValue } from '../core/report/canonical-json.js';
import type { SummaryStyles } from './summary.js';
import { cellsOf, metricPaths, paramsText, type Obj, type Stat } from './sweep-cells.js';

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

