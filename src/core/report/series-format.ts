// The --series file formats, both ways: JSON Lines (one record per line, keys sorted) and CSV (a header of every column, RFC 4180 quoting); reading refuses anything else with the line it stopped at.
import { UsageError } from '../errors/shadow-exec-error.js';
import { jsonSyntaxError } from '../text/json-syntax-error.js';
import { SERIES_COLUMNS, SERIES_INTEGER_COLUMNS, SERIES_TYPES, type SeriesColumn, type SeriesRecord } from './series-record.js';

export type SeriesFormat = 'jsonl' | 'csv';

/** Columns whose text is a decimal number (money, prices, quantities, bps). */
const DECIMAL_COLUMNS: ReadonlySet<string> = new Set([
  'mid', 'bid', 'ask', 'position', 'inventory_usd', 'realized_pnl_usd', 'unrealized_pnl_usd', 'fees_usd', 'total_pnl_usd',
  'net_edge_bps', 'edge_threshold_bps', 'price', 'qty', 'fee_usd',
]);
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
/** Names, ids, reasons: short printable text (the HTML report escapes them anyway). */
const NAME = /^[\x20-\x7e]{1,200}$/;
const COLUMN_SET: ReadonlySet<string> = new Set(SERIES_COLUMNS);
const TYPE_SET: ReadonlySet<string> = new Set(SERIES_TYPES);

/** The format a --series-out or --series path names by its extension (.jsonl / .ndjson / .json: JSON Lines; .csv: CSV); null for another. */
export function seriesFormatOf(path: string): SeriesFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson') || lower.endsWith('.json')) return 'jsonl';
  return null;
}

/** One JSON object per line, keys in sorted order, columns the record lacks left out; a trailing newline. */
export function toJsonLines(records: readonly SeriesRecord[]): string {
  const sorted = [...SERIES_COLUMNS].sort();
  let out = '';
  for (const record of records) {
    const line: Record<string, unknown> = {};
    for (const key of sorted) if (record[key] !== undefined) line[key] = record[key];
    out += `${JSON.stringify(line)}\n`;
  }
  return out;
}

/** One CSV cell: empty for no value, quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header of every column, then one row per record (an empty cell: no value or not a column of its type). */
export function toCsv(records: readonly SeriesRecord[]): string {
  return csvHeader() + formatSeriesRows(records, 'csv');
}

export function formatSeries(records: readonly SeriesRecord[], format: SeriesFormat): string {
  return format === 'csv' ? toCsv(records) : toJsonLines(records);
}

/** The CSV header line (what toCsv starts with). */
export function csvHeader(): string {
  return `${SERIES_COLUMNS.join(',')}\n`;
}

/**
 * A batch of records as they follow earlier ones in a file: JSON Lines, or CSV rows without the header (csvHeader()
 * first). The batches of a series, one after the other after the header, are formatSeries of all of it.
 */
export function formatSeriesRows(records: readonly SeriesRecord[], format: SeriesFormat): string {
  if (format === 'jsonl') return toJsonLines(records);
  let out = '';
  for (const record of records) out += `${SERIES_COLUMNS.map((c) => csvCell(record[c])).join(',')}\n`;
  return out;
}

function fail(what: string, line: number, message: string): UsageError {
  return new UsageError(`${what}: line ${line}: ${message}`);
}

/** A checked record from raw fields; `what` names the file in messages ("--series 'run.csv'"). */
function checkRecord(fields: Readonly<Record<string, unknown>>, what: string, line: number): SeriesRecord {
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!COLUMN_SET.has(key)) throw fail(what, line, `unknown field ${JSON.stringify(key.slice(0, 40))}: the fields are ${SERIES_COLUMNS.join(', ')}`);
    if (value === null) {
      out[key] = null;
      continue;
    }
    if (SERIES_INTEGER_COLUMNS.has(key as SeriesColumn)) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw fail(what, line, `${key} must be a whole number`);
    } else if (typeof value !== 'string') {
      throw fail(what, line, `${key} must be a string`);
    } else if (DECIMAL_COLUMNS.has(key) ? !DECIMAL.test(value) || value.length > 60 : !NAME.test(value)) {
      throw fail(what, line, DECIMAL_COLUMNS.has(key) ? `${key} must be a decimal string such as "95000.5"` : `${key} must be 1–200 printable ASCII characters`);
    }
    out[key] = value;
  }
  if (typeof out['type'] !== 'string' || !TYPE_SET.has(out['type'])) throw fail(what, line, `type must be one of ${SERIES_TYPES.join(', ')}`);
  if (typeof out['ts_ms'] !== 'number') throw fail(what, line, 'ts_ms (virtual ms since the epoch) is missing');
  if (typeof out['utc'] !== 'string') throw fail(what, line, 'utc is missing');
  if ((out['type'] === 'sample' || out['type'] === 'fill') && typeof out['symbol'] !== 'string') throw fail(what, line, `a ${out['type']} record needs a symbol`);
  return out as SeriesRecord;
}

function parseJsonLines(text: string, what: string): SeriesRecord[] {
  const records: SeriesRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw fail(what, i + 1, `not JSON (${jsonSyntaxError(raw).replace(' at line 1, column', ' at column')})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fail(what, i + 1, 'expected a JSON object');
    records.push(checkRecord(value as Record<string, unknown>, what, i + 1));
  }
  return records;
}

/** RFC 4180 rows (quoted cells may hold commas, quotes and newlines); `line` is the row's first physical line. */
function csvRows(text: string, what: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"') {
      if (cell !== '') throw fail(what, line, 'a quote inside an unquoted cell');
      quoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (!(cells.length === 1 && cells[0] === '')) rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else {
      cell += c;
    }
    i++;
  }
  if (quoted) throw fail(what, rowLine, 'a quoted cell is not closed');
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}

function parseCsv(text: string, what: string): SeriesRecord[] {
  const rows = csvRows(text, what);
  const header = rows[0];
  if (header === undefined) return [];
  for (const name of header.cells) if (!COLUMN_SET.has(name)) throw fail(what, 1, `unknown column ${JSON.stringify(name.slice(0, 40))}: the header names the fields ${SERIES_COLUMNS.join(', ')}`);
  if (new Set(header.cells).size !== header.cells.length) throw fail(what, 1, 'a column is named twice');
  return rows.slice(1).map(({ cells, line }) => {
    if (cells.length !== header.cells.length) throw fail(what, line, `${cells.length} cells, the header has ${header.cells.length}`);
    const fields: Record<string, unknown> = {};
    header.cells.forEach((name, j) => {
      const cell = cells[j]!;
      if (cell === '') return;
      if (SERIES_INTEGER_COLUMNS.has(name as SeriesColumn)) {
        if (!/^-?\d{1,16}$/.test(cell)) throw fail(what, line, `${name} must be a whole number`);
        fields[name] = Number(cell);
      } else fields[name] = cell;
    });
    return checkRecord(fields, what, line);
  });
}

/** The records of a --series file's text; a UsageError (exit 2) naming the line of the first thing that is not a record. */
export function parseSeries(text: string, format: SeriesFormat, what: string): SeriesRecord[] {
  return format === 'csv' ? parseCsv(text, what) : parseJsonLines(text, what);
}
