// Hot-path conversion of venue decimal strings to integer units of a grid step, exact, without decimal.js or floats.
//
// A step "0.0001" is compiled once into (scale 4, stepScaled 1); a value's digits are then read into
// the integer N = value × 10^scale and divided by stepScaled. Every intermediate stays an integer
// below 2^53 on the success path, so Number arithmetic is exact; a value whose N would pass 2^53 is
// redone in bigint (rare: only values near the limit), and a result above MAX_SAFE_INTEGER fails.
//
// Failure contract: `tryDecimalToUnits` returns NaN (cheap; test with `u !== u` or Number.isNaN) for
// malformed text, an off-grid value or a too-large value. `decimalToUnits` throws ShadowExecError
// E_INVALID_DECIMAL (malformed) or E_OFF_GRID (off the grid or beyond MAX_SAFE_INTEGER units).
//
// Accepted text: /^[+-]?(\d+(\.\d*)?|\.\d+)$/ — the same plain decimals as parseDecimal, except that
// surrounding whitespace is rejected (venues send none) and there is no 30-digit cap (trailing zeros
// like "0.35130000" are free). "-0" gives 0, never -0. Text longer than MAX_DECIMAL_CHARS is refused
// (NaN) before any digit is read: no venue sends such a decimal, and a hostile 10 M-digit one must
// not cost a BigInt of its whole length (bounded time whatever the input).
import { ShadowExecError } from '../errors/shadow-exec-error.js';
import { parseDecimal } from './decimal.js';

/** A grid step compiled for the hot path: step = stepScaled × 10^-scale, stepScaled a positive safe integer. */
export interface UnitGrid {
  /** The step as given ("0.00010000"). */
  readonly step: string;
  /** Decimal places of the step once trailing zeros are dropped. */
  readonly scale: number;
  readonly stepScaled: number;
}

/**
 * Longest decimal text accepted, in characters (sign, digits, point). Venue decimals are at most
 * ~30 characters ("0.000000012345678900000000"); 64 leaves room for trailing zeros. Longer: NaN.
 */
export const MAX_DECIMAL_CHARS = 64;
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const CH_0 = 48;
const CH_DOT = 46;
const CH_MINUS = 45;
const CH_PLUS = 43;
/** Steps finer than 10^-MAX_SCALE are refused: 10^k stays exact in a double up to k = 22. */
const MAX_SCALE = 22;
/** 10^k for k = 0…MAX_SCALE, built by exact multiplications. */
const POW10: readonly number[] = (() => {
  const powers = [1];
  for (let k = 1; k <= MAX_SCALE; k++) powers.push((powers[k - 1] ?? 0) * 10);
  return powers;
})();

/** Compiles a positive plain-decimal step ("0.0001", "0.5", "10"); throws E_INVALID_DECIMAL or E_CONFIG. */
export function compileUnitGrid(step: string, what = 'step'): UnitGrid {
  const value = parseDecimal(step, what);
  if (value.lte(0)) throw new ShadowExecError('E_CONFIG', `${what}: '${step}' must be positive`);
  const scale = Math.max(0, value.decimalPlaces());
  if (scale > MAX_SCALE) throw new ShadowExecError('E_CONFIG', `${what}: '${step}' has more than ${MAX_SCALE} decimals`);
  const scaled = value.times(`1e${scale}`);
  if (scaled.gt(Number.MAX_SAFE_INTEGER)) throw new ShadowExecError('E_CONFIG', `${what}: '${step}' is too large`);
  return { step, scale, stepScaled: scaled.toNumber() };
}

/** value / step as an exact integer, or NaN when `text` is not a plain decimal, is off the grid or is too large. */
export function tryDecimalToUnits(text: unknown, grid: UnitGrid): number {
  if (typeof text !== 'string') return NaN;
  return tryDecimalRangeToUnits(text, 0, text.length, grid);
}

/**
 * As tryDecimalToUnits for the characters [start, end) of `text`, read in place (no substring): the
 * fast paths of the stream parsers convert decimals inside a raw frame. 0 ≤ start ≤ end ≤ text.length.
 */
export function tryDecimalRangeToUnits(text: string, start: number, end: number, grid: UnitGrid): number {
  if (end - start > MAX_DECIMAL_CHARS) return NaN;
  let i = start;
  let negative = false;
  let c = start < end ? text.charCodeAt(start) : -1;
  if (c === CH_MINUS) {
    negative = true;
    i++;
  } else if (c === CH_PLUS) {
    i++;
  }
  const intStart = i;
  let n = 0;
  // (c >>> 0) > 9 is one unsigned compare for "not a digit" (c < 0 wraps to a huge value).
  for (; i < end; i++) {
    c = text.charCodeAt(i) - CH_0;
    if (c >>> 0 > 9) break;
    n = n * 10 + c;
  }
  let digits = i - intStart;
  let frac = 0;
  const scale = grid.scale;
  if (i < end) {
    if (c !== CH_DOT - CH_0) return NaN;
    i++;
    digits += end - i;
    const keptEnd = end - i > scale ? i + scale : end;
    frac = keptEnd - i;
    for (; i < keptEnd; i++) {
      c = text.charCodeAt(i) - CH_0;
      if (c >>> 0 > 9) return NaN;
      n = n * 10 + c;
    }
    // A multiple of the step has at most `scale` decimals: anything but '0' beyond is off the grid (or not a digit).
    for (; i < end; i++) if (text.charCodeAt(i) !== CH_0) return NaN;
  }
  if (digits === 0) return NaN;
  if (frac < scale) n *= POW10[scale - frac] ?? NaN;
  // Rounding is monotone, so a true N above 2^53 can never come out of the loop as a safe value.
  if (n > Number.MAX_SAFE_INTEGER) return bigUnits(start === 0 && end === text.length ? text : text.slice(start, end), grid, negative);
  const step = grid.stepScaled;
  if (step !== 1) {
    if (n % step !== 0) return NaN;
    n = n / step;
  }
  return negative && n !== 0 ? -n : n;
}

/**
 * As tryDecimalToUnits for the value mantissa × 10^-fracDigits, already read into numbers (a scanner that checked the
 * decimal's digits on bytes packs it so): the same result as tryDecimalToUnits of its text, without the text.
 * Preconditions: mantissa a non-negative safe integer, fracDigits an integer 0…MAX_SCALE (otherwise NaN).
 */
export function tryScaledToUnits(mantissa: number, fracDigits: number, grid: UnitGrid): number {
  const scale = grid.scale;
  let n: number;
  if (fracDigits <= scale) {
    n = mantissa * (POW10[scale - fracDigits] ?? NaN);
    // An exact product ≤ 2^53 stays exact; a larger one is redone in bigint (the text path does the same).
    if (n > Number.MAX_SAFE_INTEGER) return bigScaledUnits(mantissa, fracDigits, grid);
  } else {
    // Digits beyond the step's scale must all be 0: the mantissa is a multiple of 10^(fracDigits - scale) (% and / exact).
    const drop = POW10[fracDigits - scale] ?? NaN;
    if (mantissa % drop !== 0) return NaN;
    n = mantissa / drop;
  }
  const step = grid.stepScaled;
  if (step !== 1) {
    if (n % step !== 0) return NaN;
    n = n / step;
  }
  return n;
}

function bigScaledUnits(mantissa: number, fracDigits: number, grid: UnitGrid): number {
  const scaled = BigInt(mantissa) * 10n ** BigInt(grid.scale - fracDigits);
  const step = BigInt(grid.stepScaled);
  if (scaled % step !== 0n) return NaN;
  const units = scaled / step;
  return units > BigInt(Number.MAX_SAFE_INTEGER) ? NaN : Number(units);
}

/** Slow path for N ≥ 2^53 (values near or beyond the limit): exact in bigint. */
function bigUnits(text: string, grid: UnitGrid, negative: boolean): number {
  const body = text.charCodeAt(0) === CH_MINUS || text.charCodeAt(0) === CH_PLUS ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const fracPart = dot < 0 ? '' : body.slice(dot + 1);
  const kept = fracPart.slice(0, grid.scale).padEnd(grid.scale, '0');
  const scaled = BigInt((intPart === '' ? '0' : intPart) + kept);
  const step = BigInt(grid.stepScaled);
  if (scaled % step !== 0n) return NaN;
  const units = scaled / step;
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) return NaN;
  const n = Number(units);
  return negative && n !== 0 ? -n : n;
}

/**
 * value / step rounded half-even to an integer, or NaN when `text` is malformed or the result is too
 * large. For computed reference prices (mark, index) that venues publish finer than the tick.
 */
export function tryDecimalToUnitsRounded(text: unknown, grid: UnitGrid): number {
  if (typeof text !== 'string' || text.length > MAX_DECIMAL_CHARS) return NaN;
  const len = text.length;
  const scale = grid.scale;
  let i = 0;
  let negative = false;
  let c = text.charCodeAt(0);
  if (c === CH_MINUS) {
    negative = true;
    i = 1;
  } else if (c === CH_PLUS) {
    i = 1;
  }
  let n = 0;
  let digits = 0;
  for (; i < len; i++) {
    c = text.charCodeAt(i) - CH_0;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
    digits++;
  }
  let frac = 0;
  // The digits beyond `scale` form tail ∈ [0, 1) of one 10^-scale unit: first digit + any non-zero after it.
  let tailFirst = -1;
  let tailRestNonZero = false;
  if (i < len) {
    if (c !== CH_DOT - CH_0) return NaN;
    for (i++; i < len; i++) {
      c = text.charCodeAt(i) - CH_0;
      if (c < 0 || c > 9) return NaN;
      digits++;
      if (frac < scale) {
        n = n * 10 + c;
        frac++;
      } else if (tailFirst < 0) {
        tailFirst = c;
      } else if (c !== 0) {
        tailRestNonZero = true;
      }
    }
  }
  if (digits === 0) return NaN;
  if (frac < scale) n *= POW10[scale - frac] ?? NaN;
  if (n > Number.MAX_SAFE_INTEGER) return bigUnitsRounded(text, grid, negative);
  const step = grid.stepScaled;
  let units = Math.floor(n / step);
  if (units * step > n) units -= 1; // the float quotient can round up to the next integer for huge steps
  const twiceRem = (n - units * step) * 2;
  // Compare rem + tail with step / 2, i.e. twiceRem + 2·tail with step, where 0 ≤ 2·tail < 2.
  const tailZero = tailFirst <= 0 && !tailRestNonZero;
  let cmp: number;
  if (tailZero) cmp = twiceRem - step;
  else if (twiceRem >= step) cmp = 1;
  else if (step - twiceRem === 1) cmp = tailFirst > 5 || (tailFirst === 5 && tailRestNonZero) ? 1 : tailFirst === 5 ? 0 : -1;
  else cmp = -1;
  if (cmp > 0 || (cmp === 0 && units % 2 === 1)) units += 1;
  if (units > Number.MAX_SAFE_INTEGER) return NaN;
  return negative && units !== 0 ? -units : units;
}

/** Rounded slow path for N ≥ 2^53, in bigint; the result must still be a safe integer. */
function bigUnitsRounded(text: string, grid: UnitGrid, negative: boolean): number {
  const body = negative || text.charCodeAt(0) === CH_PLUS ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const fracPart = dot < 0 ? '' : body.slice(dot + 1);
  const scaled = BigInt((intPart === '' ? '0' : intPart) + fracPart.slice(0, grid.scale).padEnd(grid.scale, '0'));
  const tail = fracPart.slice(grid.scale);
  const step = BigInt(grid.stepScaled);
  let units = scaled / step;
  const twiceRem = (scaled % step) * 2n;
  const tailZero = !/[1-9]/.test(tail);
  const tailVsHalf = tail.charAt(0) > '5' || (tail.charAt(0) === '5' && /[1-9]/.test(tail.slice(1))) ? 1 : tail.charAt(0) === '5' ? 0 : -1;
  let cmp: number;
  if (tailZero) cmp = twiceRem > step ? 1 : twiceRem === step ? 0 : -1;
  else if (twiceRem >= step) cmp = 1;
  else if (step - twiceRem === 1n) cmp = tailVsHalf;
  else cmp = -1;
  if (cmp > 0 || (cmp === 0 && units % 2n === 1n)) units += 1n;
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) return NaN;
  const n = Number(units);
  return negative && n !== 0 ? -n : n;
}

/**
 * Decimals of an exact off-grid price: every plain decimal of at most MAX_DECIMAL_CHARS characters has fewer, so
 * value × 10^EXACT_SCALE is an integer for any text these functions accept.
 */
export const EXACT_SCALE = MAX_DECIMAL_CHARS;

/** A price that is not a multiple of its grid's step, held exactly (the slow path of book levels; see off-grid-level.ts). */
export interface ExactOffGrid {
  /** The value as a canonical decimal: no sign, no leading zeros before a digit, no trailing zeros ("0.35215"). */
  readonly text: string;
  /** value × 10^EXACT_SCALE, exact. */
  readonly exact: bigint;
  /** ⌊value / step⌋: the grid unit just below the value (the one above is floorUnits + 1). */
  readonly floorUnits: number;
}

/**
 * A non-negative plain decimal that lies strictly between two grid units, exactly; null when `text` is
 * malformed, negative, too long, on the grid (tryDecimalToUnits' business) or beyond MAX_SAFE_INTEGER units.
 * Uses bigint: it runs only for the rare values the fast path refused.
 */
export function tryExactOffGrid(text: unknown, grid: UnitGrid): ExactOffGrid | null {
  if (typeof text !== 'string' || text.length > MAX_DECIMAL_CHARS || !PLAIN_DECIMAL.test(text)) return null;
  const first = text.charCodeAt(0);
  const body = first === CH_MINUS || first === CH_PLUS ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const intDigits = (dot < 0 ? body : body.slice(0, dot)).replace(/^0+/, '');
  const fracDigits = (dot < 0 ? '' : body.slice(dot + 1)).replace(/0+$/, '');
  const exact = BigInt((intDigits === '' ? '0' : intDigits) + fracDigits.padEnd(EXACT_SCALE, '0'));
  if (first === CH_MINUS && exact !== 0n) return null;
  const step = BigInt(grid.stepScaled) * 10n ** BigInt(EXACT_SCALE - grid.scale);
  if (exact % step === 0n) return null;
  const floor = exact / step;
  if (floor > BigInt(Number.MAX_SAFE_INTEGER) - 1n) return null;
  const canonical = (intDigits === '' ? '0' : intDigits) + (fracDigits === '' ? '' : `.${fracDigits}`);
  return { text: canonical, exact, floorUnits: Number(floor) };
}

/** True for a plain decimal string as accepted here ("0.00038167", "-0.005"); for decimals kept as text. */
export function isPlainDecimal(text: unknown): text is string {
  return typeof text === 'string' && PLAIN_DECIMAL.test(text);
}

/** value / step as an exact integer; throws E_INVALID_DECIMAL or E_OFF_GRID naming `what`. */
export function decimalToUnits(text: string, grid: UnitGrid, what: string): number {
  const units = tryDecimalToUnits(text, grid);
  if (units === units) return units;
  throw unitsFailure(text, grid, what);
}

/** The error `decimalToUnits` throws for a text `tryDecimalToUnits` refused (slow; failure path only). */
export function unitsFailure(text: unknown, grid: UnitGrid, what: string): ShadowExecError {
  if (typeof text === 'string' && text.length > MAX_DECIMAL_CHARS) {
    return new ShadowExecError('E_INVALID_DECIMAL', `${what}: a decimal of ${text.length} characters is longer than ${MAX_DECIMAL_CHARS}`);
  }
  if (typeof text !== 'string' || !PLAIN_DECIMAL.test(text)) {
    return new ShadowExecError('E_INVALID_DECIMAL', `${what}: ${JSON.stringify(text) ?? String(text)} is not a plain decimal number`);
  }
  return new ShadowExecError('E_OFF_GRID', `${what}: ${text} is not a multiple of ${grid.step} within ${Number.MAX_SAFE_INTEGER} units`);
}
