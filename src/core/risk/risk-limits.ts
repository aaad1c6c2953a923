// RiskLimits: the risk monitor's settings, and their validation into the resolved form the monitor uses.
import { ShadowExecError } from '../errors/shadow-exec-error.js';
import { MANUAL_UNFREEZE, type UnfreezePolicy } from './unfreeze-policy.js';

/** The first three are always on; every later limit is off when absent or null, so older callers behave as before. */
export interface RiskLimits {
  /** Per-symbol inventory limit, QUOTE_E8 (worst-case position on the order's side × mark). */
  readonly maxInventoryE8: number;
  /** Total limit over all symbols, QUOTE_E8 (Σ worst-case position × mark). */
  readonly maxTotalNotionalE8: number;
  /** Freeze when a symbol's net edge falls strictly below this, bps × 10⁴. */
  readonly edgeThresholdBpsE4: number;
  /** Freeze (STALE_MARKET_DATA) when a traded symbol has had no market data for strictly more than this, ms. @default null (off) */
  readonly staleMs?: number | null;
  /** Freeze (MAX_DRAWDOWN) when peak − current total PnL is strictly more than this, pico-quote (10⁻¹²). @default null (off) */
  readonly maxDrawdownPico?: bigint | null;
  /** Enter REDUCING (SOFT_DRAWDOWN) when the drawdown is strictly more than this, pico-quote; below maxDrawdownPico. @default null (off) */
  readonly reduceAtDrawdownPico?: bigint | null;
  /** Block (MAX_ORDER_RATE) an order that would be the (N+1)th in the rolling second (now − 1000, now]. @default null (off) */
  readonly maxOrdersPerSec?: number | null;
  /** How a freeze ends. @default manual */
  readonly unfreeze?: UnfreezePolicy;
}

/** The optional limits checked, with null for "off". */
export interface ResolvedRiskOptions {
  readonly staleMs: number | null;
  readonly maxDrawdownPico: bigint | null;
  readonly reduceAtDrawdownPico: bigint | null;
  readonly maxOrdersPerSec: number | null;
  readonly unfreeze: UnfreezePolicy;
}

function optionalPositiveInteger(value: number | null | undefined, what: string): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isSafeInteger(value) || value <= 0) throw new ShadowExecError('E_CONFIG', `risk limit ${what} must be a positive integer or null, got ${String(value)}`);
  return value;
}

function optionalPico(value: bigint | null | undefined, what: string): bigint | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'bigint' || value < 0n) throw new ShadowExecError('E_CONFIG', `risk limit ${what} must be a non-negative bigint or null, got ${String(value)}`);
  return value;
}

/** Checks the optional limits (E_CONFIG naming the field); the three original limits are taken as given. */
export function resolveRiskOptions(limits: RiskLimits): ResolvedRiskOptions {
  const maxDrawdownPico = optionalPico(limits.maxDrawdownPico, 'maxDrawdownPico');
  const reduceAtDrawdownPico = optionalPico(limits.reduceAtDrawdownPico, 'reduceAtDrawdownPico');
  if (maxDrawdownPico !== null && reduceAtDrawdownPico !== null && reduceAtDrawdownPico >= maxDrawdownPico) {
    throw new ShadowExecError('E_CONFIG', `risk limit reduceAtDrawdownPico (${reduceAtDrawdownPico}) must be below maxDrawdownPico (${maxDrawdownPico})`);
  }
  const unfreeze = limits.unfreeze ?? MANUAL_UNFREEZE;
  if (unfreeze.kind === 'auto' && (!Number.isSafeInteger(unfreeze.afterMs) || unfreeze.afterMs < 0)) {
    throw new ShadowExecError('E_CONFIG', `risk limit unfreeze auto delay must be a non-negative integer of ms, got ${String(unfreeze.afterMs)}`);
  }
  return {
    staleMs: optionalPositiveInteger(limits.staleMs, 'staleMs'),
    maxDrawdownPico,
    reduceAtDrawdownPico,
    maxOrdersPerSec: optionalPositiveInteger(limits.maxOrdersPerSec, 'maxOrdersPerSec'),
    unfreeze,
  };
}
