// diffReports: every key-by-key difference of two JSON reports — added and removed keys, changed values, and for numbers and decimal strings the exact delta and its percentage.
import { Decimal, formatDecimal } from '../money/decimal.js';
import type { JsonValue } from './canonical-json.js';
import { pathText, patternCovers, type PathSegment } from './json-path.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ReportChange {
  /** pnl.by_symbol.BTCUSDT.total style (json-path.ts). */
  readonly path: string;
  readonly kind: ChangeKind;
  /** The value in A (null when added: the key is absent in A). */
  readonly a: JsonValue;
  /** The value in B (null when removed). */
  readonly b: JsonValue;
  /** B − A, exact, when both are numbers or decimal strings; else null. */
  readonly delta: string | null;
  /** delta / |A| × 100, rounded half-even to 2 places; null without a delta or when A is 0. */
  readonly pct: string | null;
}

export interface ReportDiff {
  readonly equal: boolean;
  /** In path order: object keys by UTF-16 code units, array elements by index. */
  readonly changes: readonly ReportChange[];
}

/** A plain decimal as reports write money and quantities ("-12.5", "0"); not "1e5", not "2025-01-01". */
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

function numeric(value: JsonValue | undefined): Decimal | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(value);
  if (typeof value === 'string' && DECIMAL_TEXT.test(value)) return new Decimal(value);
  return null;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const byCodeUnits = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

function sameJson(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A changed leaf: the delta and percentage when both sides are numeric. */
function changed(path: string, a: JsonValue, b: JsonValue): ReportChange {
  const x = numeric(a);
  const y = numeric(b);
  if (x === null || y === null) return { path, kind: 'changed', a, b, delta: null, pct: null };
  const delta = y.minus(x);
  const pct = x.isZero() ? null : formatDecimal(delta.div(x.abs()).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN));
  return { path, kind: 'changed', a, b, delta: formatDecimal(delta), pct };
}

/**
 * The differences between `a` and `b`. Objects are compared key by key (a key only one side has is one added or
 * removed change, whatever it holds), arrays element by element (extra elements are added or removed), anything else
 * as JSON values. A path covered by an `ignore` pattern (json-path.ts, e.g. market_data.timings) is skipped on both sides.
 */
export function diffReports(a: JsonValue, b: JsonValue, ignore: readonly (readonly PathSegment[])[] = []): ReportDiff {
  const changes: ReportChange[] = [];
  const walk = (x: JsonValue | undefined, y: JsonValue | undefined, at: PathSegment[]): void => {
    if (at.length > 0 && ignore.some((p) => patternCovers(p, at))) return;
    if (x === undefined && y === undefined) return;
    const path = at.length === 0 ? '$' : pathText(at);
    if (x === undefined) return void changes.push({ path, kind: 'added', a: null, b: y!, delta: null, pct: null });
    if (y === undefined) return void changes.push({ path, kind: 'removed', a: x, b: null, delta: null, pct: null });
    if (isObject(x) && isObject(y)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort(byCodeUnits);
      for (const key of keys) walk(x[key], y[key], [...at, key]);
      return;
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      for (let i = 0; i < Math.max(x.length, y.length); i++) walk(x[i], y[i], [...at, i]);
      return;
    }
    if (!sameJson(x, y)) changes.push(changed(path, x, y));
  };
  walk(a, b, []);
  return { equal: changes.length === 0, changes };
}
