// The feed part of a run config (--feed): the seeded synthetic market, a replay file, or a venue's live public data.
import type { DecimalText } from './decimal-text.js';

/** --feed synthetic (@default): seeded random walks per symbol; the only feed with settings of its own prices. */
export interface SyntheticFeedConfig {
  readonly kind: 'synthetic';
  /** --start-prices: start price per symbol, quote currency, > 0; @default the instrument's built-in start price. */
  readonly startPrices: Readonly<Record<string, DecimalText>>;
  /** --volatility-bps: σ of the mid per update, bps, 0..1000, per symbol; @default the instrument's built-in σ. */
  readonly volatilityBps: Readonly<Record<string, DecimalText>>;
}

/** --feed replay:FILE: a recording in the shadow-exec replay format (read when the run is composed). */
export interface ReplayFeedConfig {
  readonly kind: 'replay';
  /** The file as given. */
  readonly file: string;
}

/**
 * --feed SOURCE:DIR_OR_GLOB: historical data files read directly through an import source (`shadow-exec import
 * SOURCE`, e.g. tardis.dev CSVs), merged as the import would, streamed into the run without a file in between.
 */
export interface ImportFeedConfig {
  readonly kind: 'import';
  /** The import source's name (as `shadow-exec import <name>` spells it), checked when the run is composed. */
  readonly source: string;
  /** A file, a directory (its files, sorted by name) or a glob (* and ? in the last path part), as given. */
  readonly pattern: string;
}

/** --feed live: the venue's public WebSocket (venues with a `live` module part). */
export interface LiveFeedConfig {
  readonly kind: 'live';
  /** --ws-url: the WebSocket URL dialled instead of the venue's public endpoint; null (@default): the public one. */
  readonly wsUrl: string | null;
  /** --rest-url (venues whose book snapshots come over REST): REST base of the depth snapshots; null (@default): the public one. */
  readonly restUrl: string | null;
  /** --ws-connections: redundant connections with the same streams, 1..16. @default 1 */
  readonly connections: number;
}

export type FeedConfig = SyntheticFeedConfig | ReplayFeedConfig | ImportFeedConfig | LiveFeedConfig;
export type FeedKind = FeedConfig['kind'];
