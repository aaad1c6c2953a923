// Hyperliquid's price, size and value checks of one order, on the decimal strings it would send, answered with the docs' error texts.
//
// hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/tick-and-lot-size: "Prices can have up to 5 significant
// figures, but no more than MAX_DECIMALS - szDecimals decimal places where MAX_DECIMALS is 6 for perps and 8 for spot.
// Integer prices are always allowed, regardless of the number of significant figures. E.g. 123456 is a valid price even
// though 12345.6 is not. Sizes are rounded to the szDecimals of that asset." The minimum value is the error table's:
// "Order must have minimum value of $10." (…/api/error-responses). The docs do not say which price the value is taken
// at; the order's own limit price is used here.
import { Decimal } from '../../core/money/decimal.js';
import type { VenueReject } from '../../ports/venue-rules.js';
import { HYPERLIQUID_ERRORS, hyperliquidReject } from './hyperliquid-errors.js';
import { HYPERLIQUID_MIN_ORDER_VALUE, PERP_MAX_DECIMALS } from './hyperliquid-instruments.js';

/** Most significant figures of a non-integer price. */
export const MAX_SIGNIFICANT_FIGURES = 5;

/** Decimal places of a plain decimal string, trailing zeros not counted ("1.50" → 1). */
export function decimalPlaces(text: string): number {
  const point = text.indexOf('.');
  if (point < 0) return 0;
  let end = text.length;
  while (end > point + 1 && text.charCodeAt(end - 1) === 48) end--;
  return end - point - 1;
}

/** Significant figures of a positive plain decimal string ("0.001234" → 4, "1234.50" → 5, "1200" → 4). */
export function significantFigures(text: string): number {
  // Leading zeros never count; trailing zeros are dropped too (an integer's never reach the rule: integers always pass).
  return text.replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/**
 * Why `price` is not a valid perp price for a coin of `szDecimals` (null when valid): integer prices always pass;
 * otherwise at most 6 - szDecimals decimals and at most 5 significant figures.
 */
export function perpPriceProblem(price: string, szDecimals: number, maxDecimals = PERP_MAX_DECIMALS): string | null {
  const places = decimalPlaces(price);
  if (places === 0) return null;
  if (places > maxDecimals - szDecimals) return `price ${price} has ${places} decimals, more than ${maxDecimals} - szDecimals ${szDecimals} = ${maxDecimals - szDecimals}`;
  const figures = significantFigures(price);
  if (figures > MAX_SIGNIFICANT_FIGURES) return `price ${price} has ${figures} significant figures, more than ${MAX_SIGNIFICANT_FIGURES}`;
  return null;
}

/** The order fields the checks read: the price and size strings as they would be sent. */
export interface HyperliquidOrderFields {
  readonly price: string;
  readonly size: string;
}

/** Checks in the table's order: tick (price), then size decimals, then minimum value. null: accepted. */
export function checkHyperliquidPerpOrder(fields: HyperliquidOrderFields, szDecimals: number, asset: number): VenueReject | null {
  const priceProblem = perpPriceProblem(fields.price, szDecimals);
  if (priceProblem !== null) return hyperliquidReject(HYPERLIQUID_ERRORS.TICK, `${priceProblem} (asset=${asset})`);
  // Sizes come from the lot grid (10^-szDecimals), so this holds by construction; kept for orders built by hand.
  if (decimalPlaces(fields.size) > szDecimals) return hyperliquidReject(HYPERLIQUID_ERRORS.TICK, `size ${fields.size} has more than szDecimals ${szDecimals} decimals (asset=${asset})`);
  const value = new Decimal(fields.price).times(fields.size);
  if (value.lt(HYPERLIQUID_MIN_ORDER_VALUE)) {
    return hyperliquidReject(HYPERLIQUID_ERRORS.MIN_TRADE_NTL, `order value ${value.toFixed()} is below ${HYPERLIQUID_MIN_ORDER_VALUE} USDC (asset=${asset})`);
  }
  return null;
}

/**
 * The largest valid perp price at or below (`down`) or at or above `price`: what a quoter must send. Keeps integers
 * as they are; otherwise rounds to min(6 - szDecimals decimals, 5 significant figures), the python SDK example's rule
 * (examples/rounding.py: round(float(f"{px:.5g}"), 6 - szDecimals)), done on exact decimals with a chosen direction.
 */
export function roundPerpPrice(price: string, szDecimals: number, down: boolean): string {
  const value = new Decimal(price);
  if (value.isInteger()) return value.toFixed(0);
  const mode = down ? Decimal.ROUND_DOWN : Decimal.ROUND_UP;
  const bySig = value.toSignificantDigits(MAX_SIGNIFICANT_FIGURES, mode);
  const byPlaces = bySig.toDecimalPlaces(Math.max(0, PERP_MAX_DECIMALS - szDecimals), mode);
  return byPlaces.toFixed();
}
