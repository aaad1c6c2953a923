// Binance markets the simulator covers (spot, USD-M futures) and Binance's default (regular user) fee rates per market.
import type { BinanceMarket } from './binance-rate-limits.js';

export type { BinanceMarket } from './binance-rate-limits.js';

export const BINANCE_MARKETS: readonly BinanceMarket[] = ['spot', 'usdm'];

export function isBinanceMarket(text: string): text is BinanceMarket {
  return (BINANCE_MARKETS as readonly string[]).includes(text);
}

/**
 * Regular-user (VIP 0, no BNB discount) rates, bps as decimal strings: spot maker 0.1 % / taker 0.1 %, USD-M maker
 * 0.02 % / taker 0.05 %. NOT verified against a stored official page: Binance's fee schedule
 * (https://www.binance.com/en/fee/schedule, and the FAQ "Binance Futures Fee Structure & Fee Calculations",
 * binance.com/en/support/faq/360033544231) publishes the tables as page widgets that the stored copies do not contain;
 * the values are those third-party summaries of those pages agree on. The API docs publish per-account rates only
 * (spot `GET /api/v3/account/commission`, USD-M `GET /fapi/v1/commissionRate`). Override with --maker-fee-bps/--taker-fee-bps.
 */
export const BINANCE_DEFAULT_FEES: Readonly<Record<BinanceMarket, { readonly makerBps: string; readonly takerBps: string }>> = {
  spot: { makerBps: '10', takerBps: '10' },
  usdm: { makerBps: '2', takerBps: '5' },
};
