// Venue filter limits turned into integer tests on an instrument's tick/lot grid, computed once when the rules meet an instrument.
import { Decimal } from '../../core/money/decimal.js';

/*
 * Why integers, and which: an order reaches the venue rules as priceTicks and qtyLots, safe integers on the instrument's
 * grid. Every filter (tick or step multiple, min/max, notional) is a linear condition on those integers, so each limit
 * is turned once into a threshold in ticks, lots or tick×lot atoms (exact bigint arithmetic at build time) and each
 * order check is a Number comparison. Thresholds are clamped to ±2^53, which keeps `n < T` and `n > T` exact for any
 * safe n; a price × qty product past 2^53 falls back to bigint. The decimal.js checks stay the reference
 * (checkBybitOrder, checkBinanceOrder) and a differential test holds the two equal.
 */

const LIMIT = 2 ** 53;
const BIG_LIMIT = BigInt(LIMIT);

/** An integer threshold: as a Number clamped to ±2^53 (exact for comparisons with safe integers) and exactly. */
export interface GridLimit {
  readonly n: number;
  readonly big: bigint;
}

function limitOf(big: bigint): GridLimit {
  const n = big > BIG_LIMIT ? LIMIT : big < -BIG_LIMIT ? -LIMIT : Number(big);
  return { n, big };
}

/** No limit in that direction: every safe integer is above NO_MIN and below NO_MAX. */
export const NO_MIN: GridLimit = { n: -LIMIT, big: -(BIG_LIMIT * BIG_LIMIT) };
export const NO_MAX: GridLimit = { n: LIMIT, big: BIG_LIMIT * BIG_LIMIT };

/** Plain decimal text (toFixed: no exponent) split into sign, digits and fraction digits. */
function parts(d: Decimal): { int: string; frac: string } {
  const [int, frac = ''] = d.toFixed().split('.');
  return { int: int!, frac };
}

/** `values` as exact integers over a common power of ten (string arithmetic: no 40-digit rounding). */
function scaledAll(values: readonly Decimal[]): bigint[] {
  const split = values.map(parts);
  const places = Math.max(...split.map((p) => p.frac.length));
  return split.map(({ int, frac }) => BigInt(int + frac.padEnd(places, '0')));
}

function scaled(a: Decimal, b: Decimal): [bigint, bigint] {
  return scaledAll([a, b]) as [bigint, bigint];
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/** Smallest integer n with n × unit ≥ value: `n × unit < value` ⟺ `n < ceilUnits(value, unit)`. */
export function ceilUnits(value: string | Decimal, unit: Decimal): GridLimit {
  const [v, u] = scaled(new Decimal(value), unit);
  return limitOf(ceilDiv(v, u));
}

/** Largest integer n with n × unit ≤ value: `n × unit > value` ⟺ `n > floorUnits(value, unit)`. */
export function floorUnits(value: string | Decimal, unit: Decimal): GridLimit {
  const [v, u] = scaled(new Decimal(value), unit);
  return limitOf(floorDiv(v, u));
}

/** `a × b < limit` for safe integers, exactly (bigint only when the product passes 2^53). */
export function productBelow(a: number, b: number, limit: GridLimit): boolean {
  const p = a * b;
  return Math.abs(p) < LIMIT ? p < limit.n : BigInt(a) * BigInt(b) < limit.big;
}

/** `a × b > limit` for safe integers, exactly. */
export function productAbove(a: number, b: number, limit: GridLimit): boolean {
  const p = a * b;
  return Math.abs(p) < LIMIT ? p > limit.n : BigInt(a) * BigInt(b) > limit.big;
}

/**
 * Which grid integers n satisfy "(n × unit − base) / step is an integer": none, or those with n ≡ residue (mod period).
 * With unit = step (the usual case) period is 1 and every n passes.
 */
export interface StepRule {
  /** 0 when no n passes. */
  readonly period: bigint;
  readonly residue: bigint;
  /** period and residue as Numbers when period is a safe integer, else null (the test then runs in bigint). */
  readonly periodN: number | null;
  readonly residueN: number;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** x with a × x ≡ 1 (mod m), for gcd(a, m) = 1. */
function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

export function stepRule(unit: Decimal, base: string | Decimal, step: string | Decimal): StepRule {
  const u = new Decimal(unit);
  const b = new Decimal(base);
  const t = new Decimal(step);
  const [U, B, T] = scaledAll([u, b, t]) as [bigint, bigint, bigint];
  // n × U ≡ B (mod T): solvable iff gcd(U, T) divides B; then n ≡ (B/h) × (U/h)^-1 (mod T/h).
  const h = gcd(U, T);
  if (((B % h) + h) % h !== 0n) return { period: 0n, residue: 0n, periodN: 0, residueN: 0 };
  const period = T / h;
  const residue = period === 1n ? 0n : ((((B / h) % period) + period) % period * inverse(U / h, period)) % period;
  // ≤ 2^52 keeps (n % p) + p below 2^53, exact in a Number.
  const safe = period <= 2n ** 52n;
  return { period, residue, periodN: safe ? Number(period) : null, residueN: safe ? Number(residue) : 0 };
}

/** Whether grid integer `n` is on the step. */
export function onStepRule(n: number, rule: StepRule): boolean {
  const p = rule.periodN;
  if (p === 1) return true;
  if (p === 0) return false;
  if (p !== null) return (((n % p) + p) % p) === rule.residueN;
  const big = BigInt(n) % rule.period;
  return (big < 0n ? big + rule.period : big) === rule.residue;
}
