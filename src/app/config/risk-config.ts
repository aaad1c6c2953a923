// The risk part of a run config: limits, the net-edge freeze and how adverse selection is measured, the other freezes, the circuit breaker.
import type { DecimalText } from './decimal-text.js';

/** Net edge: realised half spread − maker fee − adverse selection, both measured over the same matured fills (the configured half spread until minFills). */
export interface EdgeConfig {
  /** --edge-threshold: freeze when a symbol's net edge falls below this, bps, -10000..10000. @default '2' */
  readonly thresholdBps: DecimalText;
  /** --markout-ms: markout horizon for adverse selection, virtual ms, 0..3600000. @default 1000 */
  readonly markoutMs: number;
  /** --edge-window: adverse selection averages the last N matured fills, 1..100000. @default 20 */
  readonly window: number;
  /** --edge-min-fills: …once at least this many have matured, 1..window. @default min(5, window) */
  readonly minFills: number;
}

/** Venue circuit breaker: opens after `failures` venue failures within `windowMs`, probes after `cooldownMs`. */
export interface CircuitConfig {
  /** --circuit-failures, 1..1000. @default 5 */
  readonly failures: number;
  /** --circuit-window-ms, 1..86400000. @default 30000 */
  readonly windowMs: number;
  /** --circuit-cooldown-ms, 1..86400000. @default 60000 */
  readonly cooldownMs: number;
}

export interface RiskConfig {
  /** --max-inv: per-symbol inventory limit, USD (quote), 0..9e7. @default '10000' */
  readonly maxInvUsd: DecimalText;
  /** --max-total: total notional limit over all symbols, USD, 0..9e7. @default '50000' */
  readonly maxTotalUsd: DecimalText;
  readonly edge: EdgeConfig;
  /** --stale-ms: freeze (STALE_MARKET_DATA) after this long without data for a traded symbol, ms, 1..86400000; null (@default): off. */
  readonly staleMs: number | null;
  /** --max-drawdown: freeze (MAX_DRAWDOWN) beyond this drop of total PnL from its peak, USD, > 0; null (@default): off. */
  readonly maxDrawdownUsd: DecimalText | null;
  /** --reduce-at-drawdown: REDUCING beyond this drawdown, USD, below maxDrawdownUsd; null (@default): off. */
  readonly reduceAtDrawdownUsd: DecimalText | null;
  /** --max-orders-per-sec: block orders beyond this many in any rolling second, 1..100000; null (@default): off. */
  readonly maxOrdersPerSec: number | null;
  /** --unfreeze: how a freeze ends: "manual", or "auto:<ms>" after its condition has cleared for that long. @default 'manual' */
  readonly unfreeze: string;
  readonly circuit: CircuitConfig;
}
