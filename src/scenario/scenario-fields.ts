// Readers of single scenario fields: each checks one JSON value and returns it typed, or throws ScenarioError naming its path and what was expected.
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import { Decimal, formatDecimal } from '../core/money/decimal.js';
import type { JsonValue } from '../core/report/canonical-json.js';

/** E_SCENARIO: the message is `<path>: expected <what>, got <value>` (or `<path>: missing, expected <what>`). */
export class ScenarioError extends ShadowExecError {
  /** JSON path of the bad field, e.g. `timeline[3].at`; `(top level)` for the document itself. */
  readonly path: string;

  constructor(path: string, message: string) {
    super('E_SCENARIO', message, { retryable: false });
    this.name = 'ScenarioError';
    this.path = path;
  }
}

export const TOP_LEVEL = '(top level)';

/** A value as a message shows it: strings JSON-quoted, arrays and objects by kind. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `the number ${String(value)}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function fail(path: string, expected: string, value: unknown): ScenarioError {
  if (value === undefined) return new ScenarioError(path, `${path}: missing, expected ${expected}`);
  return new ScenarioError(path, `${path}: expected ${expected}, got ${describeValue(value)}`);
}

/** `a.b`, `a[3]`, or `a["odd key"]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const base = path === TOP_LEVEL ? '' : path;
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

export function readObject(value: unknown, path: string, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fail(path, what, value);
  return value as Record<string, unknown>;
}

export function readArray(value: unknown, path: string, what: string): readonly unknown[] {
  if (!Array.isArray(value)) throw fail(path, what, value);
  return value;
}

/** The first key (in document order) that is not allowed is an error. */
export function rejectUnknownKeys(object: Record<string, unknown>, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) throw new ScenarioError(childPath(path, key), `${childPath(path, key)}: unknown field, expected one of: ${allowed.join(', ')}`);
  }
}

export function readString(value: unknown, path: string, what = 'a non-empty string'): string {
  if (typeof value !== 'string' || value.trim() === '') throw fail(path, what, value);
  return value;
}

export function readChoice<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw fail(path, `one of ${allowed.join(', ')}`, value);
  return value as T;
}

export function readInteger(value: unknown, path: string, min: number, max: number, nonZero = false): number {
  const what = `a whole number from ${min} to ${max}${nonZero ? ', not 0' : ''}`;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max || (nonZero && value === 0)) throw fail(path, what, value);
  return value;
}

const DURATION = /^(\d+)(ms|s|m|h)$/;
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Longest time or duration a scenario may name, ms (30 days, as --duration). */
export const MAX_SCENARIO_MS = 30 * 86_400_000;
export const DURATION_PATTERN = DURATION.source;

/** "500ms" | "30s" | "5m" | "2h" | a whole number of ms → ms, from `minMs` to 30 days. */
export function readDuration(value: unknown, path: string, minMs: 0 | 1): number {
  const what = `${minMs === 1 ? 'a positive duration' : 'a duration'} like "30s" or a number of ms`;
  let ms = NaN;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string') {
    const match = DURATION.exec(value);
    if (match !== null) ms = Number(match[1]) * UNIT_MS[match[2]!]!;
  }
  if (!Number.isSafeInteger(ms) || ms < 0) throw fail(path, what, value);
  if (ms < minMs) throw fail(path, 'a duration greater than 0', value);
  if (ms > MAX_SCENARIO_MS) throw fail(path, 'a duration of at most 30 days', value);
  return ms;
}

export interface DecimalRule {
  /** What the number measures, for the message ("bps"). */
  readonly unit: string;
  readonly min: string | null;
  readonly max: string | null;
  readonly minExclusive?: boolean;
  readonly nonZero?: boolean;
  readonly places: number;
  /** Examples for the message, e.g. `50 or "-12.5"`. */
  readonly like: string;
}

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function describeRule(rule: DecimalRule): string {
  const parts = [`a decimal number of ${rule.unit}`];
  if (rule.min !== null && rule.max !== null) parts.push(`${rule.minExclusive ? 'greater than' : 'from'} ${rule.min} ${rule.minExclusive ? 'and at most' : 'to'} ${rule.max}`);
  else if (rule.min !== null) parts.push(`${rule.minExclusive ? 'greater than' : 'at least'} ${rule.min}`);
  if (rule.nonZero) parts.push('not 0');
  parts.push(`with at most ${rule.places} decimal places, like ${rule.like}`);
  return parts.join(', ');
}

/** A JSON number or a plain decimal string → canonical decimal string (never through float arithmetic). */
export function readDecimal(value: unknown, path: string, rule: DecimalRule): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!PLAIN_DECIMAL.test(text) || text.replace(/[^0-9]/g, '').length > 30) throw fail(path, describeRule(rule), value);
  const d = new Decimal(text);
  const belowMin = rule.min !== null && (rule.minExclusive ? d.lte(rule.min) : d.lt(rule.min));
  const aboveMax = rule.max !== null && d.gt(rule.max);
  if (belowMin || aboveMax || (rule.nonZero === true && d.isZero()) || d.decimalPlaces() > rule.places) throw fail(path, describeRule(rule), value);
  return formatDecimal(d);
}

/** Any JSON value (what JSON.parse can produce), checked recursively for values built in code. */
export function readJson(value: unknown, path: string): JsonValue {
  const what = 'a JSON value (string, number, boolean, null, array or object)';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw fail(path, what, value);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => readJson(item, childPath(path, i)));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) out[key] = readJson(item, childPath(path, key));
    return out;
  }
  throw fail(path, what, value);
}
