// The one configured decimal.js constructor, and exact conversions between decimal strings and scaled integers.
import { Decimal as DecimalJs } from 'decimal.js';
import { ShadowExecError } from '../errors/shadow-exec-error.js';
import { formatScaled } from './format-scaled.js';

/** Configured once: 40 significant digits, half-even rounding, never exponent notation in toString. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** Longer inputs could lose digits to the 40-digit precision and pass a grid check they should fail. */
const MAX_DIGITS = 30;

/** Parses a plain decimal string ("93500.5", "-0.25"); rejects exponents, NaN, Infinity and blanks. */
export function parseDecimal(text: string, what: string): Decimal {
  const trimmed = text.trim();
  if (!DECIMAL_PATTERN.test(trimmed)) {
    throw new ShadowExecError('E_INVALID_DECIMAL', `${what}: '${text}' is not a plain decimal number`);
  }
  if (trimmed.replace(/[^0-9]/g, '').replace(/^0+/, '').length > MAX_DIGITS) {
    throw new ShadowExecError('E_INVALID_DECIMAL', `${what}: '${text}' has more than ${MAX_DIGITS} digits`);
  }
  return new Decimal(trimmed);
}

/** value / unit as an exact integer; throws E_OFF_GRID when value is not a whole multiple of unit. */
export function toUnits(value: Decimal, unit: Decimal, what: string): number {
  const units = value.div(unit);
  if (!units.isInteger()) {
    throw new ShadowExecError('E_OFF_GRID', `${what}: ${value.toString()} is not a multiple of ${unit.toString()}`);
  }
  if (units.abs().gt(Number.MAX_SAFE_INTEGER)) {
    throw new ShadowExecError('E_OFF_GRID', `${what}: ${value.toString()} is too large`);
  }
  return units.toNumber();
}

/** Canonical decimal string: no exponent, no trailing fractional zeros, "0" for zero (never "-0"). */
export function formatDecimal(value: Decimal): string {
  if (value.isZero()) return '0';
  return value.toFixed();
}

/** Per unit seen by formatUnits: k when the unit is exactly 10⁻ᵏ (k ≥ 0), else -1 (the units are multiplied in decimal.js). */
const POWER_OF_TEN = new WeakMap<Decimal, number>();

/** k when `unit` is 10⁻ᵏ for a whole k ≥ 0 ("1", "0.1", "0.001", …), else -1. */
function tenthsOf(unit: Decimal): number {
  let k = POWER_OF_TEN.get(unit);
  if (k === undefined) {
    const text = unit.toFixed();
    k = text === '1' ? 0 : /^0\.0*1$/.test(text) ? text.length - 2 : -1;
    POWER_OF_TEN.set(unit, k);
  }
  return k;
}

/** Formats integer units (number or bigint) of size `unit` as a canonical decimal string (digit shifting when `unit` is a power of ten: formatScaled). */
export function formatUnits(units: number | bigint, unit: Decimal): string {
  const k = tenthsOf(unit);
  const shifted = k < 0 ? null : formatScaled(units, k);
  return shifted ?? formatDecimal(new Decimal(units.toString()).times(unit));
}
