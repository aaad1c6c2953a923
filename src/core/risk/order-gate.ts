// Per-order risk rules on a snapshot of exposure: REDUCING-only, per-symbol inventory and total notional (QUOTE_E8 units).
import type { Side } from '../model/order.js';
import type { SymbolIndex } from '../model/symbol-table.js';
import { ALLOW, DENY, type RiskDecision } from './risk-decision.js';
import { worstBuyLots, worstCaseNotionalE8, worstSellLots } from './exposure.js';

/** Read-only exposure the monitor needs, by symbol index; the loop implements it from the ledger and its working orders. */
export interface ExposureView {
  /** Σ over all symbols of worstCaseNotionalE8(position, open buys, open sells, mark, atom). */
  worstCaseTotalE8(): number;
  positionLots(symbol: SymbolIndex): number;
  openBuyLots(symbol: SymbolIndex): number;
  openSellLots(symbol: SymbolIndex): number;
  markTicks(symbol: SymbolIndex): number;
  atomE8(symbol: SymbolIndex): number;
}

export interface OrderIntent {
  /** The symbol's index in the run (what the exposure view is asked by). */
  readonly symbolIndex: SymbolIndex;
  readonly side: Side;
  readonly qtyLots: number;
}

export interface OrderGateLimits {
  readonly maxInventoryE8: number;
  readonly maxTotalNotionalE8: number;
}

/**
 * REDUCING_ONLY (when `reducingOnly`): a BUY needs position < 0 and position + open buys + qty ≤ 0; a SELL needs
 * position > 0 and position − open sells − qty ≥ 0, so it cannot grow or flip the position even if every open order
 * on its side fills. Then MAX_INVENTORY, then MAX_TOTAL_NOTIONAL; an order that does not raise the measure passes.
 */
export function decideOrder(order: OrderIntent, view: ExposureView, limits: OrderGateLimits, reducingOnly: boolean): RiskDecision {
  const symbol = order.symbolIndex;
  const pos = view.positionLots(symbol);
  const buys = view.openBuyLots(symbol);
  const sells = view.openSellLots(symbol);
  const mark = view.markTicks(symbol);
  const atom = view.atomE8(symbol);

  if (reducingOnly) {
    const reduces = order.side === 'BUY' ? pos < 0 && pos + buys + order.qtyLots <= 0 : pos > 0 && pos - sells - order.qtyLots >= 0;
    if (!reduces) return DENY.REDUCING_ONLY;
  }

  const current = order.side === 'BUY' ? worstBuyLots(pos, buys) : worstSellLots(pos, sells);
  const projected = order.side === 'BUY' ? current + order.qtyLots : current - order.qtyLots;
  if (Math.abs(projected) * mark * atom > limits.maxInventoryE8 && Math.abs(projected) > Math.abs(current)) {
    return DENY.MAX_INVENTORY;
  }

  const totalNow = view.worstCaseTotalE8();
  const symbolNow = worstCaseNotionalE8(pos, buys, sells, mark, atom);
  const symbolAfter =
    order.side === 'BUY'
      ? worstCaseNotionalE8(pos, buys + order.qtyLots, sells, mark, atom)
      : worstCaseNotionalE8(pos, buys, sells + order.qtyLots, mark, atom);
  const totalAfter = totalNow - symbolNow + symbolAfter;
  if (totalAfter > limits.maxTotalNotionalE8 && totalAfter > totalNow) {
    return DENY.MAX_TOTAL_NOTIONAL;
  }
  return ALLOW;
}
