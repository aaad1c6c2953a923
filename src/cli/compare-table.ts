// The table `compare` prints on stderr: one row per changed path (A, B, delta, percentage), coloured by kind when the terminal takes colour.
import type { JsonValue } from '../core/report/canonical-json.js';
import type { ReportChange, ReportDiff } from '../core/report/report-diff.js';
import type { SummaryStyles } from './summary.js';

/** Longest value shown in a cell; the --json output carries the whole value. */
const CELL_MAX = 40;

function cell(value: JsonValue, present: boolean): string {
  if (!present) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length <= CELL_MAX ? text : `${text.slice(0, CELL_MAX - 1)}…`;
}

function signed(text: string | null): string {
  if (text === null) return '';
  return text.startsWith('-') || text === '0' ? text : `+${text}`;
}

function row(c: ReportChange): readonly string[] {
  return [c.path, cell(c.a, c.kind !== 'added'), cell(c.b, c.kind !== 'removed'), c.kind === 'changed' ? signed(c.delta) : c.kind, c.pct === null ? '' : `${signed(c.pct)} %`];
}

/** Counts of each kind: "2 changed, 1 added, 0 removed". */
export function diffCounts(diff: ReportDiff): { readonly changed: number; readonly added: number; readonly removed: number } {
  let changed = 0;
  let added = 0;
  let removed = 0;
  for (const c of diff.changes) {
    if (c.kind === 'changed') changed++;
    else if (c.kind === 'added') added++;
    else removed++;
  }
  return { changed, added, removed };
}

/** The whole stderr text: the table (when the reports differ) and one summary line. */
export function formatCompareTable(diff: ReportDiff, labels: { readonly a: string; readonly b: string }, styles: SummaryStyles): string {
  if (diff.equal) return `${styles.green('equal')}: ${labels.a} and ${labels.b} have the same keys and values\n`;
  const header = ['path', 'A', 'B', 'Δ (B − A)', 'Δ %'];
  const rows = diff.changes.map(row);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const colour = (c: ReportChange, text: string): string => (c.kind === 'added' ? styles.green(text) : c.kind === 'removed' ? styles.red(text) : text);
  const out = [`A = ${labels.a}`, `B = ${labels.b}`, styles.bold(line(header)), ...diff.changes.map((c, i) => colour(c, line(rows[i]!)))];
  const n = diffCounts(diff);
  out.push(`${styles.yellow('different')}: ${n.changed} changed, ${n.added} added, ${n.removed} removed`);
  return `${out.join('\n')}\n`;
}
