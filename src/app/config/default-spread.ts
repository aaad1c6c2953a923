// The default --spread-bps of a venue market, derived from its maker fee.
import { Decimal, formatDecimal } from '../../core/money/decimal.js';

/** The floor of the default spread, bps. */
export const MIN_DEFAULT_SPREAD_BPS = '20';

/** Net edge a default quote keeps at t=0 (half spread − maker fee), bps: four times the default --edge-threshold. */
export const DEFAULT_START_EDGE_BPS = 8;

/**
 * The default --spread-bps of a venue: max(20, 2 × (maker fee + 8)) bps, so the half spread minus the maker fee starts at
 * 8 bps or more, above the default 2 bps --edge-threshold (fake, bybit linear, binance usdm: 20; 10 bps spot fees: 36).
 */
export function defaultSpreadBps(makerFeeBps: string): string {
  const derived = new Decimal(makerFeeBps).plus(DEFAULT_START_EDGE_BPS).times(2);
  return formatDecimal(Decimal.max(new Decimal(MIN_DEFAULT_SPREAD_BPS), derived));
}
