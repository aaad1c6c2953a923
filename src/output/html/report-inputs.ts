// Reads what `report html` draws from: a REPORT.json (a shadow-exec report: JSON object with execution and pnl sections) and a --series file (JSON Lines or CSV); anything else is a UsageError (exit 2) saying what and where.
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { parseSeries, seriesFormatOf } from '../../core/report/series-format.js';
import type { SeriesRecord } from '../../core/report/series-record.js';
import { jsonSyntaxError } from '../../core/text/json-syntax-error.js';

/** A report is a few hundred kB at most (20 fills by default); far larger was named by mistake. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** A series of a long run at 1 s is tens of MB. */
export const MAX_SERIES_BYTES = 1024 * 1024 * 1024;

function readText(path: string, what: string, maxBytes: number): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`${what} '${path}' is not a regular file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${what} '${path}' cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  if (size > maxBytes) throw new UsageError(`${what} '${path}' is ${size} bytes, more than the ${maxBytes} a ${what === 'REPORT.json' ? 'report' : 'series file'} may have`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    throw new UsageError(`${what} '${path}' is not UTF-8 text`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The parsed report; a UsageError when it is not JSON or not shaped like a shadow-exec report. */
export function readReport(path: string): Record<string, unknown> {
  const what = 'REPORT.json';
  const text = readText(path, what, MAX_REPORT_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${what} '${path}' is ${jsonSyntaxError(text)}`);
  }
  if (!isObject(value)) throw new UsageError(`${what} '${path}' is not a shadow-exec report: expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  for (const section of ['execution', 'pnl', 'orders']) {
    if (!isObject(value[section])) throw new UsageError(`${what} '${path}' is not a shadow-exec report: it has no "${section}" object (write one with \`shadow-exec run --out REPORT.json\`)`);
  }
  return value;
}

/** The records of a --series file, its format chosen by its extension (.jsonl/.ndjson/.json or .csv). */
export function readSeries(path: string): SeriesRecord[] {
  const what = `--series '${path}'`;
  const format = seriesFormatOf(path);
  if (format === null) throw new UsageError(`${what}: name a .jsonl (JSON Lines) or .csv file, as run --series-out wrote it; the extension says which`);
  return parseSeries(readText(path, '--series', MAX_SERIES_BYTES), format, what);
}
