// The report's `config` section: every setting that shapes the result, snake_case; output-only options are left out.
import type { JsonValue } from '../core/report/canonical-json.js';
import type { OrderOptions } from '../core/model/order.js';
import type { RunConfig } from './run-config.js';

/** Every order option sent with the run's orders (null: not set), as `config.order_options` and `model.venue.order_options` show them. */
export function orderOptionsEcho(options: OrderOptions): Record<string, JsonValue> {
  return { time_in_force: options.timeInForce, post_only: options.postOnly, reduce_only: options.reduceOnly, iceberg_qty: options.icebergQty ?? null };
}

export function configEcho(config: RunConfig): JsonValue {
  return {
    exchange: config.exchange,
    mode: config.mode,
    feed: config.feed,
    replay_file: config.replayFile,
    duration_ms: config.durationMs,
    category: config.category,
    market: config.market,
    instruments_file: config.instrumentsFile,
    order_options: orderOptionsEcho(config.orderOptions),
    requote_mode: config.requoteMode,
    cancel_mode: config.cancelMode,
    exit_oco: config.exitOco === null ? null : { take_profit_bps: config.exitOco.takeProfitBps, stop_loss_bps: config.exitOco.stopLossBps },
    throttle: config.throttle,
    stale_ms: config.staleMs,
    max_drawdown_usd: config.maxDrawdownUsd,
    reduce_at_drawdown_usd: config.reduceAtDrawdownUsd,
    max_orders_per_sec: config.maxOrdersPerSec,
    unfreeze: config.unfreeze,
    circuit: { failures: config.circuit.failures, window_ms: config.circuit.windowMs, cooldown_ms: config.circuit.cooldownMs },
    api_env: config.apiEnv,
    recv_window_ms: config.recvWindowMs,
    symbols: [...config.symbols],
    iterations: config.iterations,
    seed: config.seed,
    start: config.start,
    interval_ms: config.intervalMs,
    max_inv_usd: config.maxInvUsd,
    max_total_usd: config.maxTotalUsd,
    edge_threshold_bps: config.edgeThresholdBps,
    fill_model: config.fillModel,
    fill_rate: config.fillModel === 'probabilistic' ? config.fillRate : null,
    queue_cancels: config.queueCancels,
    latency_ms: config.latencyMs,
    latency_jitter_ms: config.latencyJitterMs,
    spread_bps: config.spreadBps,
    requote_bps: config.requoteBps,
    order_notional_usd: config.orderNotionalUsd,
    maker_fee_bps: config.makerFeeBps,
    taker_fee_bps: config.takerFeeBps,
    markout_ms: config.markoutMs,
    edge_window: config.edgeWindow,
    edge_min_fills: config.edgeMinFills,
    start_prices: { ...config.startPrices },
    volatility_bps: { ...config.volatilityBps },
    report_fills: config.reportFills,
    // Live runs only, so the reports of synthetic and replay runs keep their bytes.
    ...(config.live === null ? {} : { live: { ws_url: config.live.wsUrl, rest_url: config.live.restUrl, ws_connections: config.live.connections } }),
  };
}
