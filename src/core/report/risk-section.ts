// The report's `risk` section: state, blocks, freezes and unfreezes with their sources, state changes, the venue circuit breaker, limits and edge.
import type { CircuitTransition } from '../risk/circuit-breaker.js';
import type { RiskMonitor } from '../risk/risk-monitor.js';
import type { JsonValue } from './canonical-json.js';
import { bpsE4, isoUtc, pico } from './units.js';

export interface RiskReportInput {
  readonly risk: RiskMonitor;
  readonly edgeBySymbol: Record<string, JsonValue>;
  readonly limits: {
    readonly maxInvUsd: string;
    readonly maxTotalUsd: string;
    readonly edgeThresholdBps: string;
    readonly staleMs?: number | null;
    readonly maxDrawdownUsd?: string | null;
    readonly reduceAtDrawdownUsd?: string | null;
    readonly maxOrdersPerSec?: number | null;
    readonly unfreeze?: string;
  };
  /** The venue circuit breaker at the end of the run; absent in reports built without one. */
  readonly circuit?: { readonly state: string; readonly transitions: readonly CircuitTransition[] };
  readonly manualActions?: readonly { readonly action: string; readonly source: string; readonly atMs: number; readonly applied: boolean }[];
}

export function riskSection(input: RiskReportInput): JsonValue {
  const { risk } = input;
  const freezes = risk.freezeEvents;
  const last = freezes[freezes.length - 1];
  return {
    state: risk.state,
    frozen: risk.frozen,
    blocks_total: risk.blocksTotal,
    blocks_by_reason: risk.blocksByReason(),
    freezes_total: freezes.length,
    // A count, as in the original tool's output ("freeze_events": 1), so `jq '.risk.freeze_events > 0'` keeps working;
    // the records are `freezes`.
    freeze_events: freezes.length,
    freezes: freezes.map(
      (f): JsonValue => ({
        reason: f.reason,
        symbol: f.symbol,
        source: f.source,
        utc: isoUtc(f.ts),
        // Edge figures belong to edge freezes only.
        net_edge_bps: f.reason === 'EDGE_BELOW_THRESHOLD' ? bpsE4(f.edgeBpsE4) : null,
        threshold_bps: f.reason === 'EDGE_BELOW_THRESHOLD' ? bpsE4(f.thresholdBpsE4) : null,
        stale_age_ms: f.staleAgeMs,
        drawdown_usd: f.drawdownPico === null ? null : pico(f.drawdownPico),
        orders_cancelled: f.ordersCancelled,
        cancels_confirmed_utc: f.cancelsConfirmedAt < 0 ? null : isoUtc(f.cancelsConfirmedAt),
        cancel_duration_ms: f.cancelsConfirmedAt < 0 ? null : f.cancelsConfirmedAt - f.ts,
      }),
    ),
    unfreeze_events: risk.unfreezeEvents.map(
      (u): JsonValue => ({ reason: u.reason, symbol: u.symbol, source: u.source, utc: isoUtc(u.ts), frozen_utc: isoUtc(u.frozenAt), frozen_ms: u.ts - u.frozenAt }),
    ),
    state_changes: risk.transitions.map((t): JsonValue => ({ from: t.from, to: t.to, reason: t.reason, source: t.source, utc: isoUtc(t.atMs) })),
    manual_actions: (input.manualActions ?? []).map((a): JsonValue => ({ action: a.action, source: a.source, utc: isoUtc(a.atMs), applied: a.applied })),
    circuit_breaker:
      input.circuit === undefined
        ? null
        : {
            state: input.circuit.state,
            transitions: input.circuit.transitions.map((t): JsonValue => ({ from: t.from, to: t.to, reason: t.reason, utc: isoUtc(t.atMs) })),
          },
    last_freeze_reason: last?.reason ?? null,
    last_freeze_symbol: last?.symbol ?? null,
    limits: {
      max_inv_usd: input.limits.maxInvUsd,
      max_total_usd: input.limits.maxTotalUsd,
      edge_threshold_bps: input.limits.edgeThresholdBps,
      stale_ms: input.limits.staleMs ?? null,
      max_drawdown_usd: input.limits.maxDrawdownUsd ?? null,
      reduce_at_drawdown_usd: input.limits.reduceAtDrawdownUsd ?? null,
      max_orders_per_sec: input.limits.maxOrdersPerSec ?? null,
      unfreeze: input.limits.unfreeze ?? 'manual',
    },
    edge_by_symbol: input.edgeBySymbol,
  };
}
