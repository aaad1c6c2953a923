// fast-check arbitraries for the integer-grid differential tests: small decimal strings (so limits and orders meet often), grids and orders on them.
import fc from 'fast-check';
import { Decimal } from '../../src/core/money/decimal.js';

/** A positive decimal m × 10^-s as plain text, m in 1..mMax, s in 0..sMax. */
export function positiveDecimal(mMax = 60, sMax = 4): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 1, max: mMax }), fc.integer({ min: 0, max: sMax })).map(([m, s]) => new Decimal(m).div(new Decimal(10).pow(s)).toFixed());
}

/** A non-negative decimal, zero included (a disabled Binance limit). */
export function nonNegativeDecimal(mMax = 60, sMax = 4): fc.Arbitrary<string> {
  return fc.oneof(fc.constant('0'), positiveDecimal(mMax, sMax));
}

/** An order's grid integer: mostly small (near the limits), sometimes zero, negative or past 2^32. */
export const gridInteger: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 20 }) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: 0 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) },
);

/** The core instrument's grid unit relative to the venue's: the same, a finer unit (a terminating divisor) or a multiple (orders off the venue's grid). */
export function coreUnit(venueUnit: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(venueUnit) },
    { weight: 1, arbitrary: fc.constantFrom(2, 4, 5, 8, 10, 20, 25).map((k) => new Decimal(venueUnit).div(k).toFixed()) },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: 5 }).map((k) => new Decimal(venueUnit).times(k).toFixed()) },
  );
}

/** Which limit an order is pushed onto (±1), so the boundaries are hit, not only crossed at random. */
export const boundaryTarget = fc.record({
  target: fc.constantFrom('free', 'minNotional', 'maxNotional', 'minNotionalByPrice', 'maxNotionalByPrice', 'minQty', 'maxQty', 'minPrice', 'maxPrice'),
  delta: fc.integer({ min: -1, max: 1 }),
});

/** Limits as the grids hold them (GridLimit.n, clamped to ±2^53). */
export interface GridLimits {
  readonly minPriceTicks: number;
  readonly maxPriceTicks: number;
  readonly minQtyLots: number;
  readonly maxQtyLots: number;
  readonly minNotionalAtoms: number;
  readonly maxNotionalAtoms: number;
}

const SAFE = (n: number): boolean => Math.abs(n) < 2 ** 52;

/** The order moved onto the chosen limit (unchanged when that limit is absent or huge). */
export function onBoundary(order: { priceTicks: number; qtyLots: number }, limits: GridLimits, pick: { target: string; delta: number }): { priceTicks: number; qtyLots: number } {
  const { target, delta } = pick;
  const at = (n: number): number | null => (SAFE(n) ? n + delta : null);
  const per = (atoms: number, by: number): number | null => (SAFE(atoms) && by > 0 ? Math.ceil(atoms / by) + delta : null);
  const perPrice = (atoms: number): number | null => per(atoms, order.priceTicks);
  const moved: Record<string, () => { priceTicks: number; qtyLots: number }> = {
    free: () => order,
    minPrice: () => ({ ...order, priceTicks: at(limits.minPriceTicks) ?? order.priceTicks }),
    maxPrice: () => ({ ...order, priceTicks: at(limits.maxPriceTicks) ?? order.priceTicks }),
    minQty: () => ({ ...order, qtyLots: at(limits.minQtyLots) ?? order.qtyLots }),
    maxQty: () => ({ ...order, qtyLots: at(limits.maxQtyLots) ?? order.qtyLots }),
    minNotional: () => ({ ...order, qtyLots: perPrice(limits.minNotionalAtoms) ?? order.qtyLots }),
    maxNotional: () => ({ ...order, qtyLots: perPrice(limits.maxNotionalAtoms) ?? order.qtyLots }),
    minNotionalByPrice: () => ({ ...order, priceTicks: per(limits.minNotionalAtoms, order.qtyLots) ?? order.priceTicks }),
    maxNotionalByPrice: () => ({ ...order, priceTicks: per(limits.maxNotionalAtoms, order.qtyLots) ?? order.priceTicks }),
  };
  return moved[target]!();
}
