// The markets a ccxt venue simulates (--market spot|swap) and which ccxt markets belong to each.

/** --market values of a ccxt venue: ccxt's `type` of the market. */
export const CCXT_MARKETS = ['spot', 'swap'] as const;
export type CcxtMarketType = (typeof CCXT_MARKETS)[number];

/** Whether a ccxt market object is of `type` (spot: type 'spot'; swap: a perpetual swap, linear or inverse). */
export function isOfType(market: Record<string, unknown>, type: string): boolean {
  return market['type'] === type && market['active'] !== false;
}
