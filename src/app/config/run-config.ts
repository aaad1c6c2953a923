// RunConfig: the validated, fully resolved settings of one run, in parts (venue, feed, strategy, fills, latency, risk, output) plus run-level settings.
import type { ApiEnv } from '../../ports/secret-provider.js';
import type { DecimalText } from './decimal-text.js';
import type { FeedConfig } from './feed-config.js';
import type { FillsConfig } from './fills-config.js';
import type { LatencyConfig } from './latency-config.js';
import type { OutputConfig } from './output-config.js';
import type { RiskConfig } from './risk-config.js';
import type { StrategyConfig } from './strategy-config.js';
import type { VenueConfig } from './venue-config.js';

/** --mode: shadow sends orders to the simulated venue only; dryrun also renders and signs each request. */
export type RunMode = 'shadow' | 'dryrun';

/** Maker and taker fee, bps of notional, -100..1000, ≤ 2 places (negative: rebate); @default the venue market's fees. */
export interface FeeConfig {
  /** --maker-fee-bps */
  readonly makerBps: DecimalText;
  /** --taker-fee-bps */
  readonly takerBps: DecimalText;
}

/**
 * Every option's flag, default, range and help text is in run-option-specs.ts; validate-run-config.ts builds this.
 * Run-level settings (not one part's): mode, seed, clock, length, symbols, fees, and the venue API's signing and throttle.
 */
export interface RunConfig {
  /** --mode. @default 'shadow' */
  readonly mode: RunMode;
  /** --seed: seed of every random stream, 0..2^53-1. @default 42 */
  readonly seed: number;
  /** --start: virtual clock start, ISO-8601 UTC. @default '2025-01-01T00:00:00.000Z' */
  readonly start: string;
  /** --start was given (a replay otherwise starts at its first record). */
  readonly startGiven: boolean;
  /** --duration: run length, ms (virtual; wall clock on a live feed), ≤ 30 days; null (@default): the feed decides. */
  readonly durationMs: number | null;
  /**
   * --iterations: market updates per symbol of the synthetic feed, 1..1e9. @default 1000. Run-level, not in the synthetic
   * feed part: every feed accepts it and the report echoes it (config.iterations) whatever the feed.
   */
  readonly iterations: number;
  /** --interval-ms: virtual ms between two synthetic updates of one symbol, 1..3600000. @default 100. Run-level as iterations is. */
  readonly intervalMs: number;
  /** --symbols: in the order given; at least one, no duplicates. @default ['BTCUSDT'] */
  readonly symbols: readonly string[];
  readonly fees: FeeConfig;
  /** --api-env: which key set signs dry-run requests. @default 'dev' */
  readonly apiEnv: ApiEnv;
  /** --recv-window: recvWindow of signed requests, ms, 1..60000. @default 5000 */
  readonly recvWindowMs: number;
  /** Real venues: the client holds requests to stay within the venue's rate limits (false: --no-throttle). @default true */
  readonly throttle: boolean;
  /** --bars: bar lengths built on every feed, ms, ascending; null (@default): 1m from trades on replay and live feeds, none on synthetic. */
  readonly barsMs: readonly number[] | null;
  readonly venue: VenueConfig;
  readonly feed: FeedConfig;
  readonly strategy: StrategyConfig;
  readonly fills: FillsConfig;
  readonly latency: LatencyConfig;
  readonly risk: RiskConfig;
  readonly output: OutputConfig;
}
