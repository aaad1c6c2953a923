// Bybit V5 product categories the simulator covers, and Bybit's default (non-VIP) fee rates per category.

export type BybitCategory = 'linear' | 'spot';

export const BYBIT_CATEGORIES: readonly BybitCategory[] = ['linear', 'spot'];

/**
 * Non-VIP base rates, bps: derivatives maker 0.02 % / taker 0.055 %, spot 0.1 % / 0.1 %.
 * Source: Bybit's "Trading Fee Structure" page (https://www.bybit.com/en/help-center/article/Trading-Fee-Structure);
 * the V5 API docs publish per-account rates only (GET /v5/account/fee-rate). Override with --maker-fee-bps/--taker-fee-bps.
 */
export const BYBIT_DEFAULT_FEES: Readonly<Record<BybitCategory, { readonly makerBps: string; readonly takerBps: string }>> = {
  linear: { makerBps: '2', takerBps: '5.5' },
  spot: { makerBps: '10', takerBps: '10' },
};

export function isBybitCategory(text: string): text is BybitCategory {
  return (BYBIT_CATEGORIES as readonly string[]).includes(text);
}
