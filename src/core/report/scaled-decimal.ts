// formatScaled: an integer count of 10^-scale units as a canonical decimal string ("-0.05", "93500", "0") by placing the point in its digits — exact, no decimal.js; the --series writer formats hundreds of thousands of values with it.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { Decimal } from '../money/decimal.js';

/** units × 10^-scale, trailing zeros dropped, "0" for zero: the same text as formatUnits / Decimal#toFixed. `units` a safe integer or a bigint. */
export function formatScaled(units: number | bigint, scale: number): string {
  if (typeof units === 'number' && !Number.isSafeInteger(units)) throw invariantViolation(`formatScaled needs a safe integer, got ${units}`);
  if (units === 0 || units === 0n) return '0';
  let digits = units.toString();
  const negative = digits.charCodeAt(0) === 45;
  if (negative) digits = digits.slice(1);
  const sign = negative ? '-' : '';
  if (scale <= 0) return `${sign}${digits}${'0'.repeat(-scale)}`;
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  // Trailing zeros of the fraction go; the point goes with them when nothing is left.
  const point = digits.length - scale;
  let end = digits.length;
  while (end > point && digits.charCodeAt(end - 1) === 48) end--;
  return end === point ? `${sign}${digits.slice(0, point)}` : `${sign}${digits.slice(0, point)}.${digits.slice(point, end)}`;
}

/** A unit (tick or lot size) as stepScaled × 10^-scale, stepScaled an integer: formatScaled(count × stepScaled, scale) then formats counts of it. */
export interface ScaledUnit {
  readonly stepScaled: bigint;
  readonly scale: number;
}

export function scaledUnit(unit: Decimal): ScaledUnit {
  const text = unit.toFixed();
  const point = text.indexOf('.');
  const scale = point < 0 ? 0 : text.length - point - 1;
  return { stepScaled: BigInt(text.replace('.', '')), scale };
}

/** `count` units of `unit` as a canonical decimal string. */
export function formatCount(count: number, unit: ScaledUnit): string {
  return unit.stepScaled === 1n ? formatScaled(count, unit.scale) : formatScaled(BigInt(count) * unit.stepScaled, unit.scale);
}
