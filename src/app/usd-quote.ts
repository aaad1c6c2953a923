// Which quote assets a run can trade: the ledger, risk limits and report count money in one USD unit, and USDT and USDC both count in it at par.
/** Quote assets counted 1:1 as the run's USD unit (a simplification: the stablecoins' own basis to USD is not modelled). */
export const USD_QUOTE_ASSETS: readonly string[] = ['USDT', 'USDC'];

/** True when an instrument quoted in `asset` can be traded by a run. */
export function isUsdQuoted(asset: string): boolean {
  return USD_QUOTE_ASSETS.includes(asset);
}
