// Reads one option's raw value against its spec (run-option-specs.ts): whole numbers, decimals and choices, each rejection naming the flag, the value and what is allowed.
import { ShadowExecError, UsageError } from '../../core/errors/shadow-exec-error.js';
import { Decimal, formatDecimal } from '../../core/money/decimal.js';
import { RUN_OPTION_SPECS, type RunOptionKey } from './run-option-specs.js';
import type { RunOptionRange } from './run-option-spec.js';
import { matchChoice } from './venue-flag.js';

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function bad(flag: string, value: string, allowed: string): UsageError {
  return new UsageError(`${flag} '${value}' is not allowed: expected ${allowed}`);
}

/** The range of `key`, which must be of `type` (an E_INVARIANT error names a spec that is not). */
export function rangeOf<T extends RunOptionRange['type']>(key: RunOptionKey, type: T): Extract<RunOptionRange, { type: T }> {
  const range: RunOptionRange | null = RUN_OPTION_SPECS[key].range;
  if (range === null || range.type !== type) throw new ShadowExecError('E_INVARIANT', `invariant violated: option ${key} has no ${type} range`);
  return range as Extract<RunOptionRange, { type: T }>;
}

/** The declared default of `key`, as text. */
export function defaultText(key: RunOptionKey): string {
  const fallback = RUN_OPTION_SPECS[key].default;
  if (fallback === null || typeof fallback === 'boolean') throw new ShadowExecError('E_INVARIANT', `invariant violated: option ${key} has no default value`);
  return String(fallback);
}

/** A whole number within `key`'s range (`max` overrides it where another option bounds it); absent: `fallback`. */
export function integerValue(key: RunOptionKey, raw: string | undefined, fallback: number = Number(defaultText(key)), max?: number): number {
  if (raw === undefined) return fallback;
  const range = rangeOf(key, 'integer');
  const upper = max ?? range.max;
  const text = raw.trim();
  const allowed = `a whole number from ${range.min} to ${upper}`;
  const flag = RUN_OPTION_SPECS[key].flag;
  if (!/^\d+$/.test(text)) throw bad(flag, raw, allowed);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < range.min || n > upper) throw bad(flag, raw, allowed);
  return n;
}

/** A whole number of `key` that is off (null) when not given. */
export function optionalInteger(key: RunOptionKey, raw: string | undefined): number | null {
  return raw === undefined ? null : integerValue(key, raw, 0);
}

/** `raw` as a canonical decimal within `key`'s range; `flag` names it in errors (`--exit-oco take profit`). */
export function decimalOf(key: RunOptionKey, raw: string, flag: string = RUN_OPTION_SPECS[key].flag): string {
  const rule = rangeOf(key, 'decimal');
  const text = raw.trim();
  const lower = rule.minExclusive ? `greater than ${rule.min}` : `from ${rule.min}`;
  const allowed = `a decimal ${lower} ${rule.minExclusive ? 'and at most' : 'to'} ${rule.max} with at most ${rule.places} decimal places`;
  if (!DECIMAL_TEXT.test(text)) throw bad(flag, raw, allowed);
  const value = new Decimal(text);
  const min = new Decimal(rule.min);
  const belowMin = rule.minExclusive ? value.lte(min) : value.lt(min);
  if (belowMin || value.gt(rule.max) || value.decimalPlaces() > rule.places) throw bad(flag, raw, allowed);
  return formatDecimal(value);
}

/** A decimal of `key`; absent: `fallback` (checked too). */
export function decimalValue(key: RunOptionKey, raw: string | undefined, fallback: string = defaultText(key)): string {
  return decimalOf(key, raw ?? fallback);
}

/** A decimal of `key` that is off (null) when not given. */
export function optionalDecimal(key: RunOptionKey, raw: string | undefined): string | null {
  return raw === undefined ? null : decimalOf(key, raw);
}

/** One of `key`'s choices, in any case; absent: `fallback`. */
export function choiceValue<T extends string>(key: RunOptionKey, raw: string | undefined, allowed: readonly T[], fallback: T = defaultText(key) as T): T {
  const value = matchChoice(raw ?? fallback, allowed);
  if (value === null) throw bad(RUN_OPTION_SPECS[key].flag, raw ?? '', allowed.join(', '));
  return value;
}
