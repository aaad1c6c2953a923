// Risk decisions are values, never exceptions: allow, or deny with a stable reason code; plus the freeze, unfreeze and state-change records.

export type BlockReason = 'MAX_INVENTORY' | 'MAX_TOTAL_NOTIONAL' | 'FROZEN' | 'MAX_ORDER_RATE' | 'REDUCING_ONLY';
export type FreezeReason = 'EDGE_BELOW_THRESHOLD' | 'STALE_MARKET_DATA' | 'MAX_DRAWDOWN' | 'VENUE_CIRCUIT_OPEN' | 'MANUAL';
export const FREEZE_REASONS: readonly FreezeReason[] = ['EDGE_BELOW_THRESHOLD', 'STALE_MARKET_DATA', 'MAX_DRAWDOWN', 'VENUE_CIRCUIT_OPEN', 'MANUAL'];
/** Why the system only lets position-reducing orders through. */
export type ReducingReason = 'SOFT_DRAWDOWN' | 'MANUAL';

/** Where a manual freeze or unfreeze came from. */
export type ControlSource = 'signal' | 'control-file' | 'scenario' | 'operator';
/** `auto`: a risk rule froze, or the auto-unfreeze policy unfroze; otherwise the manual control that did it. */
export type RiskActionSource = 'auto' | ControlSource;

export const CONTROL_SOURCES: readonly ControlSource[] = ['signal', 'control-file', 'scenario', 'operator'];

export type RiskDecision = { readonly kind: 'allow' } | { readonly kind: 'deny'; readonly reason: BlockReason };

export const ALLOW: RiskDecision = { kind: 'allow' };

/** Every block reason, sorted by name (the report's order); a reason's position here is its counter slot. */
export const BLOCK_REASONS: readonly BlockReason[] = ['FROZEN', 'MAX_INVENTORY', 'MAX_ORDER_RATE', 'MAX_TOTAL_NOTIONAL', 'REDUCING_ONLY'];

/**
 * One shared denial per reason: a decision is read-only, so a denied order allocates nothing (a run whose quotes are
 * blocked on every update — 1000 symbols over --max-total — makes two of them per update).
 */
export const DENY: Readonly<Record<BlockReason, RiskDecision>> = {
  FROZEN: { kind: 'deny', reason: 'FROZEN' },
  MAX_INVENTORY: { kind: 'deny', reason: 'MAX_INVENTORY' },
  MAX_ORDER_RATE: { kind: 'deny', reason: 'MAX_ORDER_RATE' },
  MAX_TOTAL_NOTIONAL: { kind: 'deny', reason: 'MAX_TOTAL_NOTIONAL' },
  REDUCING_ONLY: { kind: 'deny', reason: 'REDUCING_ONLY' },
};

export interface FreezeEvent {
  readonly reason: FreezeReason;
  /** The symbol that tripped the rule (edge, stale data); null for system-wide reasons (drawdown, circuit, manual). */
  readonly symbol: string | null;
  /** Virtual ms when the freeze was decided. */
  readonly ts: number;
  /** Net edge and threshold at the freeze, bps × 10⁴; meaningful for EDGE_BELOW_THRESHOLD only (0 otherwise). */
  readonly edgeBpsE4: number;
  readonly thresholdBpsE4: number;
  /** Orders the freeze asked the venue to cancel, and when the last cancel was confirmed (-1 until then). */
  ordersCancelled: number;
  cancelsConfirmedAt: number;
  /** `auto` for a rule, else the manual control. */
  readonly source: RiskActionSource;
  /** STALE_MARKET_DATA: ms since the symbol's last market data; null for other reasons. */
  readonly staleAgeMs: number | null;
  /** MAX_DRAWDOWN: peak − current total PnL, pico-quote (10⁻¹²); null for other reasons. */
  readonly drawdownPico: bigint | null;
}

export interface UnfreezeEvent {
  /** Reason and symbol of the freeze this ended. */
  readonly reason: FreezeReason;
  readonly symbol: string | null;
  /** Virtual ms of the unfreeze, and of the freeze it ended. */
  readonly ts: number;
  readonly frozenAt: number;
  /** `auto` (the auto-unfreeze policy) or the manual control. */
  readonly source: RiskActionSource;
}

export type RiskState = 'ACTIVE' | 'REDUCING' | 'FROZEN';
export type RiskTransitionReason = FreezeReason | ReducingReason | 'UNFROZEN' | 'REDUCING_ENDED';

/** One change of the monitor's state. */
export interface RiskTransition {
  readonly from: RiskState;
  readonly to: RiskState;
  readonly atMs: number;
  readonly reason: RiskTransitionReason;
  readonly source: RiskActionSource;
}
