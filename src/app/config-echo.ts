// The report's `config` section: every setting that shapes the result, snake_case; output-only options are left out.
import type { JsonValue } from '../core/report/canonical-json.js';
import type { OrderOptions } from '../core/model/order.js';
import type { RunConfig } from './config/run-config.js';
import { basename } from 'node:path';
import { formatResolution } from '../core/market/bar-resolution.js';
import { paramsEcho } from '../core/strategy/strategy-params.js';
import { marketByFlag } from './config/venue-config.js';

/** Every order option sent with the run's orders (null: not set), as `config.order_options` and `model.venue.order_options` show them. */
export function orderOptionsEcho(options: OrderOptions): Record<string, JsonValue> {
  return { time_in_force: options.timeInForce, post_only: options.postOnly, reduce_only: options.reduceOnly, iceberg_qty: options.icebergQty ?? null };
}

/** Where a value came from (run --config); a key not listed kept its default. */
export type ValueSource = 'file' | 'flag';

/** A run with --config: the file by base name and SHA-256, and the source of every non-default, result-shaping value. */
export interface ConfigProvenance {
  readonly name: string;
  readonly sha256: string;
  /** Keys as the file spells them (camelCase flag names); output options (--out, --quiet, …) are left out. */
  readonly sources: Readonly<Record<string, ValueSource>>;
}

/** `provenance`: only with --config (config_file, sources), so the reports of runs without one keep their bytes. */
export function configEcho(config: RunConfig, provenance: ConfigProvenance | null = null): JsonValue {
  const { venue, feed, strategy, fills, risk } = config;
  return {
    exchange: venue.name,
    mode: config.mode,
    feed: feed.kind,
    replay_file: feed.kind === 'replay' ? feed.file : null,
    duration_ms: config.durationMs,
    category: marketByFlag(venue, '--category'),
    market: marketByFlag(venue, '--market'),
    instruments_file: venue.instrumentsFile,
    order_options: orderOptionsEcho(strategy.orderOptions),
    requote_mode: strategy.requoteMode,
    cancel_mode: strategy.cancelMode,
    exit_oco: strategy.exitOco === null ? null : { take_profit_bps: strategy.exitOco.takeProfitBps, stop_loss_bps: strategy.exitOco.stopLossBps },
    throttle: config.throttle,
    stale_ms: risk.staleMs,
    max_drawdown_usd: risk.maxDrawdownUsd,
    reduce_at_drawdown_usd: risk.reduceAtDrawdownUsd,
    max_orders_per_sec: risk.maxOrdersPerSec,
    unfreeze: risk.unfreeze,
    circuit: { failures: risk.circuit.failures, window_ms: risk.circuit.windowMs, cooldown_ms: risk.circuit.cooldownMs },
    api_env: config.apiEnv,
    recv_window_ms: config.recvWindowMs,
    symbols: [...config.symbols],
    iterations: config.iterations,
    seed: config.seed,
    start: config.start,
    interval_ms: config.intervalMs,
    max_inv_usd: risk.maxInvUsd,
    max_total_usd: risk.maxTotalUsd,
    edge_threshold_bps: risk.edge.thresholdBps,
    fill_model: fills.model,
    fill_rate: fills.model === 'probabilistic' ? fills.fillRate : null,
    queue_cancels: fills.model === 'queue' ? fills.queueCancels : null,
    latency_ms: config.latency.ms,
    latency_jitter_ms: config.latency.jitterMs,
    spread_bps: strategy.spreadBps,
    requote_bps: strategy.requoteBps,
    order_notional_usd: strategy.orderNotionalUsd,
    maker_fee_bps: config.fees.makerBps,
    taker_fee_bps: config.fees.takerBps,
    markout_ms: risk.edge.markoutMs,
    edge_window: risk.edge.window,
    edge_min_fills: risk.edge.minFills,
    start_prices: feed.kind === 'synthetic' ? { ...feed.startPrices } : {},
    volatility_bps: feed.kind === 'synthetic' ? { ...feed.volatilityBps } : {},
    report_fills: config.output.reportFills,
    // With --strategy / --bars only, so the reports of runs without them keep their bytes (a plug-in by base name: model.strategy.source has its hash).
    ...(strategy.choice === null ? {} : { strategy: strategy.choice.kind === 'builtin' ? strategy.choice.name : basename(strategy.choice.file), strategy_params: paramsEcho(strategy.params), strategy_budget_ms: strategy.budgetMs }),
    ...(config.barsMs === null ? {} : { bars: config.barsMs.map(formatResolution) }),
    // Live runs only, so the reports of synthetic and replay runs keep their bytes.
    ...(feed.kind !== 'live' ? {} : { live: { ws_url: feed.wsUrl, rest_url: feed.restUrl, ws_connections: feed.connections } }),
    ...(provenance === null ? {} : { config_file: { name: provenance.name, sha256: provenance.sha256 }, sources: { ...provenance.sources } }),
  };
}
