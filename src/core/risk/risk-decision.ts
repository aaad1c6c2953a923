// Risk decisions are values, never exceptions: allow, or deny with a stable reason code.

export type BlockReason = 'MAX_INVENTORY' | 'MAX_TOTAL_NOTIONAL' | 'FROZEN';
export type FreezeReason = 'EDGE_BELOW_THRESHOLD';

export type RiskDecision = { readonly kind: 'allow' } | { readonly kind: 'deny'; readonly reason: BlockReason };

export const ALLOW: RiskDecision = { kind: 'allow' };

export interface FreezeEvent {
  readonly reason: FreezeReason;
  readonly symbol: string;
  /** Virtual ms when the freeze was decided. */
  readonly ts: number;
  /** Net edge and threshold at the freeze, bps × 10⁴. */
  readonly edgeBpsE4: number;
  readonly thresholdBpsE4: number;
  /** Orders the freeze asked the venue to cancel, and when the last cancel was confirmed (-1 until then). */
  ordersCancelled: number;
  cancelsConfirmedAt: number;
}
