// RunConfig: the validated, fully resolved settings of one run, and their defaults.

export type ExchangeName = 'fake' | 'bybit' | 'binance';
export type RunMode = 'shadow' | 'dryrun';

/** Every decimal is a canonical decimal string (money and rates never travel as floats). */
export interface RunConfig {
  readonly exchange: 'fake';
  readonly mode: RunMode;
  readonly feed: 'synthetic';
  /** Symbols in the order given; at least one, no duplicates. */
  readonly symbols: readonly string[];
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
  /** Probability per update that a resting, uncrossed order fills, 0..1. */
  readonly fillRate: string;
  /** One-way latency of order entry and cancel, virtual ms. */
  readonly latencyMs: number;
  /** Full quoted spread, bps. */
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
} as const;
