// RiskMonitor: blocks orders that would breach inventory/total-notional limits and freezes on edge collapse.
import type { Side } from '../model/order.js';
import { ALLOW, type BlockReason, type FreezeEvent, type FreezeReason, type RiskDecision } from './risk-decision.js';
import { worstBuyLots, worstCaseNotionalE8, worstSellLots } from './exposure.js';

export type RiskState = 'ACTIVE' | 'FROZEN';

export interface RiskLimits {
  /** Per-symbol inventory limit, QUOTE_E8 (worst-case position on the order's side × mark). */
  readonly maxInventoryE8: number;
  /** Total limit over all symbols, QUOTE_E8 (Σ worst-case position × mark). */
  readonly maxTotalNotionalE8: number;
  /** Freeze when a symbol's net edge falls strictly below this, bps × 10⁴. */
  readonly edgeThresholdBpsE4: number;
}

/** Read-only exposure the monitor needs; the loop implements it from the ledger and its working orders. */
export interface ExposureView {
  /** Σ over all symbols of worstCaseNotionalE8(position, open buys, open sells, mark, atom). */
  worstCaseTotalE8(): number;
  positionLots(symbol: string): number;
  openBuyLots(symbol: string): number;
  openSellLots(symbol: string): number;
  markTicks(symbol: string): number;
  atomE8(symbol: string): number;
}

export interface OrderIntent {
  readonly symbol: string;
  readonly side: Side;
  readonly qtyLots: number;
}

export class RiskMonitor {
  private riskState: RiskState = 'ACTIVE';
  private readonly blocks = new Map<BlockReason, number>();
  private readonly freezes: FreezeEvent[] = [];

  constructor(readonly limits: RiskLimits) {}

  get state(): RiskState {
    return this.riskState;
  }

  get frozen(): boolean {
    return this.riskState === 'FROZEN';
  }

  /** Decides one order; a denial is counted under its reason. */
  checkOrder(order: OrderIntent, view: ExposureView): RiskDecision {
    const decision = this.decide(order, view);
    if (decision.kind === 'deny') this.blocks.set(decision.reason, (this.blocks.get(decision.reason) ?? 0) + 1);
    return decision;
  }

  private decide(order: OrderIntent, view: ExposureView): RiskDecision {
    if (this.riskState === 'FROZEN') return { kind: 'deny', reason: 'FROZEN' };
    const { symbol } = order;
    const pos = view.positionLots(symbol);
    const buys = view.openBuyLots(symbol);
    const sells = view.openSellLots(symbol);
    const mark = view.markTicks(symbol);
    const atom = view.atomE8(symbol);

    const current = order.side === 'BUY' ? worstBuyLots(pos, buys) : worstSellLots(pos, sells);
    const projected = order.side === 'BUY' ? current + order.qtyLots : current - order.qtyLots;
    if (Math.abs(projected) * mark * atom > this.limits.maxInventoryE8 && Math.abs(projected) > Math.abs(current)) {
      return { kind: 'deny', reason: 'MAX_INVENTORY' };
    }

    const totalNow = view.worstCaseTotalE8();
    const symbolNow = worstCaseNotionalE8(pos, buys, sells, mark, atom);
    const symbolAfter =
      order.side === 'BUY'
        ? worstCaseNotionalE8(pos, buys + order.qtyLots, sells, mark, atom)
        : worstCaseNotionalE8(pos, buys, sells + order.qtyLots, mark, atom);
    const totalAfter = totalNow - symbolNow + symbolAfter;
    if (totalAfter > this.limits.maxTotalNotionalE8 && totalAfter > totalNow) {
      return { kind: 'deny', reason: 'MAX_TOTAL_NOTIONAL' };
    }
    return ALLOW;
  }

  /** Freezes when an ACTIVE system's net edge on `symbol` is below the threshold; returns the new event. */
  evaluateEdge(symbol: string, edgeBpsE4: number, nowMs: number): FreezeEvent | null {
    if (this.riskState === 'FROZEN' || edgeBpsE4 >= this.limits.edgeThresholdBpsE4) return null;
    return this.freeze('EDGE_BELOW_THRESHOLD', symbol, nowMs, edgeBpsE4);
  }

  private freeze(reason: FreezeReason, symbol: string, nowMs: number, edgeBpsE4: number): FreezeEvent {
    this.riskState = 'FROZEN';
    const event: FreezeEvent = {
      reason,
      symbol,
      ts: nowMs,
      edgeBpsE4,
      thresholdBpsE4: this.limits.edgeThresholdBpsE4,
      ordersCancelled: 0,
      cancelsConfirmedAt: -1,
    };
    this.freezes.push(event);
    return event;
  }

  get freezeEvents(): readonly FreezeEvent[] {
    return this.freezes;
  }

  /** Blocks by reason, reasons sorted by name. */
  blocksByReason(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const reason of [...this.blocks.keys()].sort()) out[reason] = this.blocks.get(reason)!;
    return out;
  }

  get blocksTotal(): number {
    let total = 0;
    for (const n of this.blocks.values()) total += n;
    return total;
  }
}
