// Scenario: the validated, typed form of a rehearsal file — run settings, market, timeline of events, expectations.
import type { FreezeReason } from '../core/risk/risk-decision.js';
import type { JsonValue } from '../core/report/canonical-json.js';

/**
 * Keys of `run`, as RunInput (src/app/config/run-input.ts) spells them (strings, except `throttle`: boolean); validated
 * by validateRunConfig, as the run command's flags are. `feed`, `startPrices` and `volatilityBps` are not here: the
 * `market` section sets them (test/app/config/run-option-specs.test.ts: together they are every result-shaping option).
 */
export const SCENARIO_RUN_KEYS = [
  'exchange',
  'mode',
  'symbols',
  'iterations',
  'seed',
  'start',
  'intervalMs',
  'maxInv',
  'maxTotal',
  'edgeThreshold',
  'fillModel',
  'fillRate',
  'queueCancels',
  'latencyMs',
  'latencyJitterMs',
  'spreadBps',
  'requoteBps',
  'orderNotional',
  'makerFeeBps',
  'takerFeeBps',
  'markoutMs',
  'edgeWindow',
  'edgeMinFills',
  'reportFills',
  'category',
  'market',
  'instruments',
  'orderOptions',
  'throttle',
  'apiEnv',
  'recvWindow',
  'requoteMode',
  'cancelMode',
  'exitOco',
  'duration',
  // The full risk monitor (--stale-ms, --max-drawdown, --reduce-at-drawdown, --max-orders-per-sec, --unfreeze, --circuit-*).
  'staleMs',
  'maxDrawdown',
  'reduceAtDrawdown',
  'maxOrdersPerSec',
  'unfreeze',
  'circuitFailures',
  'circuitWindowMs',
  'circuitCooldownMs',
  // The strategy (#16): a built-in name or a plug-in path (relative to the working directory), its parameters, its bars.
  'strategy',
  'strategyParams',
  'strategyBudgetMs',
  'bars',
] as const;

export type ScenarioRunKey = (typeof SCENARIO_RUN_KEYS)[number];

/** Run keys the market section owns; naming one under `run` is an error that points there. */
export const MARKET_OWNED_RUN_KEYS = ['feed', 'startPrices', 'volatilityBps', 'wsUrl', 'restUrl', 'wsConnections'] as const;

/** The `run` section: flag values as strings (exactly what the CLI would receive; `strategyParams` may be written as a JSON object, kept as its JSON text), `throttle` a boolean. */
export type ScenarioRunOptions = { readonly [K in Exclude<ScenarioRunKey, 'throttle'>]?: string } & { readonly throttle?: boolean };

/** Synthetic market settings use the flags' formats: `startPrices` "SYM=PRICE,…", `volatilityBps` "V" or "SYM=V,…". */
export type ScenarioMarket =
  | { readonly kind: 'synthetic'; readonly startPrices: string | null; readonly volatilityBps: string | null }
  | { readonly kind: 'replay'; readonly file: string };

export const EVENT_TYPES = [
  'price_jump',
  'spread_blowout',
  'volatility',
  'trade_burst',
  'adverse_flow',
  'ws_disconnect',
  'ws_silence',
  'venue_errors',
  'rate_limit_storm',
  'latency_spike',
  'clock_skew',
  'order_rejects',
  'freeze',
  'unfreeze',
  'stop',
  'schedule_cancel',
] as const;

export type ScenarioEventType = (typeof EVENT_TYPES)[number];

/** Durations are virtual ms (`forMs` > 0); bps are canonical decimal strings; symbols are among the run's symbols. */
export type ScenarioEvent =
  /** The mid moves by `bps` (signed, non-zero) at once. */
  | { readonly type: 'price_jump'; readonly symbol: string; readonly bps: string }
  /** The book's spread widens by `ticks` on each side for `forMs`. */
  | { readonly type: 'spread_blowout'; readonly symbol: string; readonly ticks: number; readonly forMs: number }
  /** The synthetic σ of the mid per update becomes `bps` from now on. */
  | { readonly type: 'volatility'; readonly symbol: string; readonly bps: string }
  /** `count` trades whose taker is on `side`, at once. */
  | { readonly type: 'trade_burst'; readonly symbol: string; readonly count: number; readonly side: 'BUY' | 'SELL' }
  /** The mid drifts against the resting quotes by `bpsPerUpdate` on every update for `forMs` (erodes the edge). */
  | { readonly type: 'adverse_flow'; readonly symbol: string; readonly bpsPerUpdate: string; readonly forMs: number }
  | { readonly type: 'ws_disconnect'; readonly forMs: number }
  | { readonly type: 'ws_silence'; readonly forMs: number }
  /** Every venue call fails with an HTTP 5xx, or times out, for `forMs`. */
  | { readonly type: 'venue_errors'; readonly kind: '5xx' | 'timeout'; readonly forMs: number }
  /** The venue answers every request with its rate-limit error for `forMs`. */
  | { readonly type: 'rate_limit_storm'; readonly forMs: number }
  /** One-way order latency becomes `ms` for `forMs`. */
  | { readonly type: 'latency_spike'; readonly ms: number; readonly forMs: number }
  /** The local clock runs `ms` (signed, non-zero; positive: ahead) off the venue's from now on; the venue judges each request's timestamp. */
  | { readonly type: 'clock_skew'; readonly ms: number }
  /** The venue rejects every new order with `code` (its own code, as a string) for `forMs`. */
  | { readonly type: 'order_rejects'; readonly code: string; readonly forMs: number }
  /** Operator actions (source `scenario`). */
  | { readonly type: 'freeze' }
  | { readonly type: 'unfreeze' }
  | { readonly type: 'stop' }
  /** Arms the venue's dead-man switch for `afterMs` from now: at that time the venue cancels every open order. */
  | { readonly type: 'schedule_cancel'; readonly afterMs: number };

export interface TimelineEntry {
  /** Virtual ms after the run start; entries are in non-decreasing order of atMs. */
  readonly atMs: number;
  /** Position in the file's timeline: the tie-breaker between entries at the same atMs. */
  readonly index: number;
  readonly event: ScenarioEvent;
}

export const EXPECTATION_TYPES = ['frozen_by', 'open_orders', 'no_orders_between', 'circuit_open_by', 'unfrozen_by', 'report'] as const;

export type ExpectationType = (typeof EXPECTATION_TYPES)[number];

/** Times are virtual ms after the run start. */
export type Expectation =
  | { readonly type: 'frozen_by'; readonly atMs: number; readonly reason: FreezeReason }
  | { readonly type: 'open_orders'; readonly atMs: number; readonly equals: number }
  /** No order placed in [fromMs, toMs]; toMs > fromMs. */
  | { readonly type: 'no_orders_between'; readonly fromMs: number; readonly toMs: number }
  | { readonly type: 'circuit_open_by'; readonly atMs: number }
  | { readonly type: 'unfrozen_by'; readonly atMs: number }
  /** A report value (dot path, numeric segments index arrays) equals a JSON value. */
  | { readonly type: 'report'; readonly path: string; readonly equals: JsonValue }
  /** A report value lies in [min, max] (canonical decimal strings; null: unbounded on that side; not both null). */
  | { readonly type: 'report'; readonly path: string; readonly min: string | null; readonly max: string | null };

export interface Scenario {
  /** Kebab-case, e.g. `edge-collapse`. */
  readonly name: string;
  readonly description: string;
  readonly run: ScenarioRunOptions;
  readonly market: ScenarioMarket;
  readonly timeline: readonly TimelineEntry[];
  /** At least one. */
  readonly expect: readonly Expectation[];
}
