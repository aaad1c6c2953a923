// RunConfig: the validated, fully resolved settings of one run, and their defaults.
import { Decimal, formatDecimal } from '../core/money/decimal.js';
import type { OrderOptions } from '../core/model/order.js';
import type { QueueCancelRule } from '../core/sim/queue-cancel-rule.js';
import type { ApiEnv } from '../ports/secret-provider.js';
import type { BybitCategory } from '../venues/bybit/bybit-category.js';
import type { BinanceMarket } from '../venues/binance/binance-market.js';
import type { VenueInstrument } from './venue-instruments.js';

export type ExchangeName = 'fake' | 'bybit' | 'binance';
export type RunMode = 'shadow' | 'dryrun';

/** --fill-model: how resting orders fill (src/core/sim: probabilistic-, trade-through-, queue-position-fill-model.ts). */
export type FillModelName = 'probabilistic' | 'trade-through' | 'queue';
export const FILL_MODELS: readonly FillModelName[] = ['probabilistic', 'trade-through', 'queue'];

/** Every decimal is a canonical decimal string (money and rates never travel as floats). */
export interface RunConfig {
  readonly exchange: 'fake' | 'bybit' | 'binance';
  readonly mode: RunMode;
  readonly feed: 'synthetic' | 'replay' | 'live';
  /** --feed replay:FILE; null for the synthetic and live feeds. */
  readonly replayFile: string | null;
  /** --feed live: endpoint overrides and redundancy; null for the other feeds. */
  readonly live: LiveRunConfig | null;
  /** --duration: run length, ms (virtual; wall clock on a live feed); null: the feed decides (iterations, the end of the file, Ctrl-C). */
  readonly durationMs: number | null;
  /** --start was given (a replay otherwise starts at its first record). */
  readonly startGiven: boolean;
  /** Bybit product category; null on other venues. */
  readonly category: BybitCategory | null;
  /** Binance market (spot, USD-M futures); null on other venues. */
  readonly market: BinanceMarket | null;
  /** Symbols in the order given; at least one, no duplicates. */
  readonly symbols: readonly string[];
  /** The instrument of each symbol, in `symbols` order, from the venue's catalog. */
  readonly instruments: readonly VenueInstrument[];
  /** --instruments FILE as given, or null for the built-in/bundled specs. */
  readonly instrumentsFile: string | null;
  /** Sent with every order. */
  readonly orderOptions: OrderOptions;
  /** A moved quote is cancelled and replaced, or amended in place. */
  readonly requoteMode: 'replace' | 'amend';
  /** A freeze or stop sends one cancel per order, or one cancel-all per symbol. */
  readonly cancelMode: 'per-order' | 'cancel-all';
  /** Freeze (STALE_MARKET_DATA) after this long without market data for a traded symbol, ms; null: off. */
  readonly staleMs: number | null;
  /** Freeze (MAX_DRAWDOWN) beyond this drop of total PnL from its peak, USD; REDUCING beyond the softer one; null: off. */
  readonly maxDrawdownUsd: string | null;
  readonly reduceAtDrawdownUsd: string | null;
  /** Block orders beyond this many in any rolling second; null: off. */
  readonly maxOrdersPerSec: number | null;
  /** How a freeze ends: "manual", or "auto:<ms>" after its condition has cleared for that long. */
  readonly unfreeze: string;
  /** Venue circuit breaker: opens after `failures` venue failures within `windowMs`, probes after `cooldownMs`. */
  readonly circuit: { readonly failures: number; readonly windowMs: number; readonly cooldownMs: number };
  /** Keep an exit OCO on each open position: take profit and stop distances from the mid, bps; null: none. */
  readonly exitOco: { readonly takeProfitBps: string; readonly stopLossBps: string } | null;
  /** Real venues: the client holds requests to stay within the venue's rate limits (false: --no-throttle). */
  readonly throttle: boolean;
  /** Which key set signs dry-run requests. */
  readonly apiEnv: ApiEnv;
  /** X-BAPI-RECV-WINDOW of signed requests, ms. */
  readonly recvWindowMs: number;
  /** Market updates per symbol. */
  readonly iterations: number;
  readonly seed: number;
  /** Virtual clock start, ISO-8601 UTC. */
  readonly start: string;
  /** Virtual ms between two updates of one symbol. */
  readonly intervalMs: number;
  /** Per-symbol inventory limit, USD (quote). */
  readonly maxInvUsd: string;
  /** Total notional limit over all symbols, USD. */
  readonly maxTotalUsd: string;
  /** Freeze when a symbol's net edge falls below this, bps. */
  readonly edgeThresholdBps: string;
  /** How resting orders fill; default probabilistic on the synthetic feed, trade-through on replay and live feeds. */
  readonly fillModel: FillModelName;
  /** Probabilistic model: probability per update that a resting, uncrossed order fills, 0..1. */
  readonly fillRate: string;
  /** Queue model: where public cancellations at the order's level come from; null for the other models. */
  readonly queueCancels: QueueCancelRule | null;
  /** One-way latency of order entry, cancel and amend, virtual ms… */
  readonly latencyMs: number;
  /** …plus a seeded uniform 0..latencyJitterMs per request (0: constant). */
  readonly latencyJitterMs: number;
  /** Full quoted spread, bps; default defaultSpreadBps(makerFeeBps) (20, or wider where the maker fee would eat the edge). */
  readonly spreadBps: string;
  /** Price move that makes the quoter cancel/replace, bps. */
  readonly requoteBps: string;
  /** Target notional per order, USD. */
  readonly orderNotionalUsd: string;
  readonly makerFeeBps: string;
  readonly takerFeeBps: string;
  /** Markout horizon for adverse selection, virtual ms. */
  readonly markoutMs: number;
  /** Adverse selection averages the last N matured fills… */
  readonly edgeWindow: number;
  /** …once at least this many have matured. */
  readonly edgeMinFills: number;
  /** Synthetic start price per symbol, quote currency. */
  readonly startPrices: Readonly<Record<string, string>>;
  /** Synthetic σ of the mid per update, bps, per symbol. */
  readonly volatilityBps: Readonly<Record<string, string>>;
  /** How many of the latest fills the report lists. */
  readonly reportFills: number;
}

/** --feed live settings. */
export interface LiveRunConfig {
  /** --ws-url: the WebSocket URL dialled instead of the venue's public endpoint; null: the public one. */
  readonly wsUrl: string | null;
  /** --rest-url (Binance): REST base of the depth snapshots; null: the public one. */
  readonly restUrl: string | null;
  /** --ws-connections: redundant connections, 1..16. */
  readonly connections: number;
}

/** Net edge a default quote keeps at t=0 (half spread − maker fee), bps: four times the default --edge-threshold. */
export const DEFAULT_START_EDGE_BPS = 8;

/**
 * The default --spread-bps of a venue: max(20, 2 × (maker fee + 8)) bps, so the half spread minus the maker fee starts at
 * 8 bps or more, above the default 2 bps --edge-threshold (fake, bybit linear, binance usdm: 20; 10 bps spot fees: 36).
 */
export function defaultSpreadBps(makerFeeBps: string): string {
  const derived = new Decimal(makerFeeBps).plus(DEFAULT_START_EDGE_BPS).times(2);
  return formatDecimal(Decimal.max(new Decimal(RUN_DEFAULTS.spreadBps), derived));
}

export const RUN_DEFAULTS = {
  exchange: 'fake',
  mode: 'shadow',
  symbols: 'BTCUSDT',
  iterations: 1000,
  seed: 42,
  start: '2025-01-01T00:00:00.000Z',
  intervalMs: 100,
  maxInvUsd: '10000',
  maxTotalUsd: '50000',
  edgeThresholdBps: '2',
  fillRate: '0.05',
  latencyMs: 50,
  spreadBps: '20',
  requoteBps: '2',
  orderNotionalUsd: '500',
  makerFeeBps: '2',
  takerFeeBps: '5.5',
  markoutMs: 1000,
  edgeWindow: 20,
  edgeMinFills: 5,
  reportFills: 20,
  category: 'linear',
  unfreeze: 'manual',
  circuitFailures: 5,
  circuitWindowMs: 30_000,
  circuitCooldownMs: 60_000,
  market: 'spot',
  requoteMode: 'replace',
  cancelMode: 'per-order',
  apiEnv: 'dev',
  recvWindowMs: 5000,
  wsConnections: 1,
} as const;
