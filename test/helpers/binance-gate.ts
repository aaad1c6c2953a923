// BinanceApiGate test kit: bundled BTCUSDT grids, gate requests for fake orders and OCO pairs, a gate factory, and a typed view of report().
import { buildInstrument, type Instrument } from '../../src/core/model/instrument.js';
import type { OrderId } from '../../src/core/model/ids.js';
import type { Order, OrderOptions } from '../../src/core/model/order.js';
import type { GateRequest, VenueRequestKind } from '../../src/ports/request-gate.js';
import { BinanceApiGate } from '../../src/venues/binance/binance-api-gate.js';
import type { DryRunSettings } from '../../src/venues/shared/dry-run.js';
import type { BinanceMarket } from '../../src/venues/binance/binance-market.js';
import { bundled } from './binance-instruments.js';
import { makeOrder } from './orders.js';

/** 2025-01-01T00:00:00Z: a multiple of 10 s, 1 min and 1 day, so every Binance window starts here. */
export const T0 = Date.UTC(2025, 0, 1);

/** The engine grid of bundled BTCUSDT: spot tick 0.01 / lot 0.00001, USD-M tick 0.10 / lot 0.001. */
export function btcGrid(market: BinanceMarket): Instrument {
  return buildInstrument(bundled(market, 'BTCUSDT').spec);
}

/** O-1: BUY 0.00534 @ 93500 on spot (534 lots of 0.00001, 9,350,000 ticks of 0.01). */
export const SPOT_ORDER: Order = makeOrder('BUY', 9_350_000, { qtyLots: 534 });
/** O-1: BUY 0.005 @ 93500 on USD-M (5 lots of 0.001, 935,000 ticks of 0.10). */
export const USDM_ORDER: Order = makeOrder('BUY', 935_000, { qtyLots: 5 });

/** `order` with other options (post-only, reduce-only, iceberg). */
export function withOptions(order: Order, options: Partial<OrderOptions>): Order {
  return { ...order, options: { ...order.options, ...options } };
}

/** The gate request the simulated venue makes for `order` (cancel-all names only the symbol). */
export function req(kind: Exclude<VenueRequestKind, 'oco'>, order: Order = SPOT_ORDER, amend: GateRequest['amend'] = null): GateRequest {
  return { kind, symbol: order.symbol, order: kind === 'cancel-all' ? null : order, amend };
}

/**
 * A SELL OCO on spot BTCUSDT closing 0.00534 BTC: take profit O-2 (LIMIT_MAKER @ 94000.00), stop O-3 (trigger 93000.00,
 * limit 92990.00), list L-1.
 */
export function ocoReq(): GateRequest {
  const limit = makeOrder('SELL', 9_400_000, {
    id: 'O-2' as OrderId,
    seq: 2,
    qtyLots: 534,
    leg: { listId: 'L-1', role: 'limit', siblingSeq: 3, stopTicks: null, triggered: false },
  });
  const stop = makeOrder('SELL', 9_299_000, {
    id: 'O-3' as OrderId,
    seq: 3,
    qtyLots: 534,
    leg: { listId: 'L-1', role: 'stop', siblingSeq: 2, stopTicks: 9_300_000, triggered: false },
  });
  const request = { symbol: 'BTCUSDT', symbolIndex: 0, side: 'SELL' as const, qtyLots: 534, limitPriceTicks: 9_400_000, stopTicks: 9_300_000, stopLimitPriceTicks: 9_299_000, quoteMidTicks: 9_350_000 };
  return { kind: 'oco', symbol: 'BTCUSDT', order: limit, amend: null, oco: { request, limit, stop } };
}

/** A gate on bundled BTCUSDT, client ids `se42-…`; `latencyMs` is the one-way latency the client plans for. */
export function binanceGate(market: BinanceMarket, throttle: boolean, dryRun: DryRunSettings | null = null, latencyMs = 0): BinanceApiGate {
  return new BinanceApiGate({ market, instruments: new Map([['BTCUSDT', btcGrid(market)]]), throttle, latencyMs, clientIdPrefix: 'se42-', dryRun });
}

export interface LimitReport {
  readonly limit: number;
  readonly window_ms: number;
  readonly peak: number;
  readonly header: string;
}

export interface BinanceGateReport {
  readonly market: BinanceMarket;
  readonly endpoints: Record<string, { sent: number }>;
  readonly rate_limits: {
    readonly throttle: boolean;
    readonly throttled_requests: number;
    readonly total_wait_ms: number;
    readonly max_wait_ms: number;
    readonly limits: Record<string, LimitReport>;
    readonly last_usage_headers: Record<string, string> | null;
    readonly http_429: number;
    readonly http_418: number;
    readonly ip_bans: number;
    readonly banned_until_utc: string | null;
    readonly last_retry_after: string | null;
  };
  readonly dry_run: Record<string, unknown> | null;
}

export function gateReport(g: BinanceApiGate): BinanceGateReport {
  return g.report() as unknown as BinanceGateReport;
}

/** Peak usage per limiter name, from report(). */
export function peaks(g: BinanceApiGate): Record<string, number> {
  return Object.fromEntries(Object.entries(gateReport(g).rate_limits.limits).map(([name, l]) => [name, l.peak]));
}
