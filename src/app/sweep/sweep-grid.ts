// SweepGrid: the axes of a parameter sweep (`spread-bps=10,20,40 latency-ms=20,50`, or the same as JSON), each a run option or a strategy parameter with its values.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { jsonSyntaxError } from '../../core/text/json-syntax-error.js';
import { RUN_OPTION_SPECS, type RunOptionKey } from '../config/run-option-specs.js';
import type { RunOptionSpec } from '../config/run-option-spec.js';

/** One axis: every cell of the sweep takes one of `values` for it. */
export interface SweepAxis {
  /** As the output writes it: the long flag without dashes (`spread-bps`; `throttle` for --no-throttle), or `strategy-params.<name>`. */
  readonly key: string;
  /** The run option it sets (strategyParams for a strategy parameter). */
  readonly option: RunOptionKey;
  /** The strategy parameter's name, or null for a plain option. */
  readonly param: string | null;
  /** The values in the order given, as option text (a strategy parameter's as JSON text: 0.1, "wide", true). */
  readonly values: readonly string[];
}

/** Options a grid cannot vary: the seed has --seeds; a sweep runs shadow mode only. */
const NOT_IN_GRID: ReadonlySet<string> = new Set(['seed', 'mode']);
const STRATEGY_PARAMS_PREFIX = 'strategy-params.';
/** Most cells a grid may have (before seeds). */
export const MAX_CELLS = 100_000;

function gridKeyOf(spec: RunOptionSpec): string {
  return spec.flag.replace(/^--(no-)?/, '');
}

/** Grid key → option, for every option a grid may vary (result-shaping options: those with a RunConfig path). */
function gridOptions(): ReadonlyMap<string, RunOptionKey> {
  const out = new Map<string, RunOptionKey>();
  for (const [key, spec] of Object.entries(RUN_OPTION_SPECS) as [RunOptionKey, RunOptionSpec][]) {
    if (spec.path === null || NOT_IN_GRID.has(key) || key === 'strategyParams') continue;
    out.set(gridKeyOf(spec), key);
  }
  return out;
}

/** The grid keys allowed, in the options table's order, for messages and --help. */
export function gridKeys(): readonly string[] {
  return [...gridOptions().keys(), `${STRATEGY_PARAMS_PREFIX}<name>`];
}

function resolveKey(raw: string): { key: string; option: RunOptionKey; param: string | null } {
  const text = raw.trim().replace(/^--/, '');
  if (text.startsWith(STRATEGY_PARAMS_PREFIX) || text.startsWith('strategyParams.')) {
    const param = text.slice(text.indexOf('.') + 1);
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(param)) throw new UsageError(`--grid key '${raw}': '${param}' is not a strategy parameter name (letters, digits, _ and -)`);
    return { key: `${STRATEGY_PARAMS_PREFIX}${param}`, option: 'strategyParams', param };
  }
  const options = gridOptions();
  const byFlag = options.get(text);
  // A config-file spelling (spreadBps) is taken too.
  const byCamel = [...options.entries()].find(([, option]) => option === text);
  const found = byFlag !== undefined ? [text, byFlag] as const : byCamel;
  if (found === undefined) {
    const why = text === 'seed' ? ': the seeds are the --seeds axis' : text === 'mode' ? ': a sweep runs shadow mode only' : text === 'strategy-params' ? ': vary one parameter at a time, strategy-params.<name>' : ' (not a result-shaping run option)';
    throw new UsageError(`--grid key '${raw}' is not allowed${why}; allowed: ${gridKeys().join(', ')}`);
  }
  return { key: found[0], option: found[1], param: null };
}

function checkValue(axis: { key: string; option: RunOptionKey; param: string | null }, value: string): string {
  if (RUN_OPTION_SPECS[axis.option].file === 'switch' && value !== 'true' && value !== 'false') throw new UsageError(`--grid ${axis.key}: '${value}' is not allowed: expected true or false`);
  if (value.trim() === '') throw new UsageError(`--grid ${axis.key}: an empty value; give values separated by commas, e.g. ${axis.key}=1,2`);
  return value;
}

function axis(rawKey: string, values: readonly string[]): SweepAxis {
  const resolved = resolveKey(rawKey);
  if (values.length === 0) throw new UsageError(`--grid ${resolved.key}: no values`);
  const checked = values.map((v) => checkValue(resolved, v));
  const twice = checked.find((v, i) => checked.indexOf(v) !== i);
  if (twice !== undefined) throw new UsageError(`--grid ${resolved.key}: '${twice}' is given twice (each cell must differ)`);
  return { ...resolved, values: checked };
}

/** A strategy parameter's text value → JSON text: a number, true, false or null stays itself, anything else becomes a JSON string. */
function paramText(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value) || value === 'true' || value === 'false' || value === 'null') return value;
  return JSON.stringify(value);
}

/** One JSON grid value → option text: numbers and booleans as written, strings as they are, a list (symbols) comma-joined. */
function jsonValueText(key: string, value: unknown, param: boolean): string {
  if (param) {
    if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  } else {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(',');
  }
  throw new UsageError(`--grid ${key}: ${JSON.stringify(value)} is not allowed: expected ${param ? 'a number, string, boolean or null' : 'a string, number or boolean (a list option: an array of strings)'}`);
}

function checkSize(axes: readonly SweepAxis[]): readonly SweepAxis[] {
  const keys = axes.map((a) => a.key);
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice !== undefined) throw new UsageError(`--grid: ${twice} is given twice; list all its values once, e.g. ${twice}=1,2,3`);
  const cells = axes.reduce((n, a) => n * a.values.length, 1);
  if (cells > MAX_CELLS) throw new UsageError(`--grid: ${cells} cells is too many (at most ${MAX_CELLS})`);
  return axes;
}

/** A JSON grid: {"spread-bps": [10, 20], "strategy-params.gamma": [0.1, 0.2]} (a single value stands for a list of one). */
export function parseJsonGrid(text: string, source: string): readonly SweepAxis[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`--grid ${source} is ${jsonSyntaxError(text)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`--grid ${source}: expected a JSON object {"spread-bps": [10, 20], …}`);
  return checkSize(
    Object.entries(parsed as Record<string, unknown>).map(([key, raw]) => {
      const param = resolveKey(key).param !== null;
      const list: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
      return axis(key, list.map((v) => jsonValueText(key, v, param)));
    }),
  );
}

/**
 * The grid of `--grid TEXT`: axes `KEY=V1,V2,…` separated by spaces; a text starting with `{` is a JSON grid, `@FILE`
 * reads one from a file (`read`). Every key is checked against the run options (exit 2 naming it and what is allowed);
 * values are checked when each cell's run options are validated.
 */
export function parseGrid(text: string, read: (path: string) => string): readonly SweepAxis[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('@')) {
    const path = trimmed.slice(1);
    let body: string;
    try {
      body = read(path);
    } catch (error) {
      throw new UsageError(`--grid ${trimmed}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    return parseJsonGrid(body, trimmed);
  }
  if (trimmed.startsWith('{')) return parseJsonGrid(trimmed, '(JSON)');
  if (trimmed === '') throw new UsageError(`--grid is empty; give axes such as 'spread-bps=10,20,40 latency-ms=20,50'`);
  return checkSize(
    trimmed.split(/\s+/).map((part) => {
      const eq = part.indexOf('=');
      if (eq <= 0) throw new UsageError(`--grid '${part}': expected KEY=V1,V2,… such as spread-bps=10,20,40`);
      const key = part.slice(0, eq);
      const values = part.slice(eq + 1).split(',');
      const param = resolveKey(key).param !== null;
      return axis(key, param ? values.map((v) => (v.trim() === '' ? v : paramText(v))) : values);
    }),
  );
}
