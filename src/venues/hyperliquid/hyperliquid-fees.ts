// Default Hyperliquid fee rates: the base-rate tier 0 of the docs' fee schedule, in bps of notional.
//
// hyperliquid.gitbook.io/hyperliquid-docs/trading/fees, "Perps fee tiers", tier 0 (14d weighted volume below $5M),
// "Base rate": Taker 0.045%, Maker 0.015%; "Spot fee tiers", tier 0: Taker 0.070%, Maker 0.040%. Staking discounts,
// referral discounts, HIP-3 and aligned-quote scaling are not applied; --maker-fee-bps / --taker-fee-bps override.

/** Fee rates in bps of notional as decimal strings (the shape of VenueModule's DefaultFees, issue #15). */
export interface HyperliquidFees {
  readonly makerBps: string;
  readonly takerBps: string;
}

/** Perps tier 0: maker 0.015% = 1.5 bps, taker 0.045% = 4.5 bps. */
export const HYPERLIQUID_PERP_FEES: HyperliquidFees = { makerBps: '1.5', takerBps: '4.5' };

/** Spot tier 0: maker 0.040% = 4 bps, taker 0.070% = 7 bps (spot is not simulated yet; kept with its source). */
export const HYPERLIQUID_SPOT_FEES: HyperliquidFees = { makerBps: '4', takerBps: '7' };
