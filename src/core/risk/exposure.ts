// Worst-case exposure arithmetic shared by the inventory and total-notional limits (QUOTE_E8 units).

/** Worst-case position (lots, signed) on one side if every open order on that side filled. */
export function worstBuyLots(positionLots: number, openBuyLots: number): number {
  return positionLots + openBuyLots;
}

export function worstSellLots(positionLots: number, openSellLots: number): number {
  return positionLots - openSellLots;
}

/** max(|pos + open buys|, |pos − open sells|) × mark, in QUOTE_E8. */
export function worstCaseNotionalE8(
  positionLots: number,
  openBuyLots: number,
  openSellLots: number,
  markTicks: number,
  atomE8: number,
): number {
  const lots = Math.max(Math.abs(worstBuyLots(positionLots, openBuyLots)), Math.abs(worstSellLots(positionLots, openSellLots)));
  return lots * markTicks * atomE8;
}
