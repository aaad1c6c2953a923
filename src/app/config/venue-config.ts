// The venue part of a run config: which venue, which of its markets, and the instruments traded there.
import type { BybitCategory } from '../../venues/bybit/bybit-category.js';
import type { BinanceMarket } from '../../venues/binance/binance-market.js';
import type { VenueInstrument } from '../venue-instruments.js';

/** The market a venue without market choices trades in (the fake venue). */
export const DEFAULT_MARKET = 'default';

export interface VenueConfig {
  /** --exchange: the venue's name (fake, bybit, binance). @default 'fake' */
  readonly name: string;
  /**
   * The venue's market or category as one string: bybit linear|spot (--category, @default 'linear'), binance spot|usdm
   * (--market, @default 'spot'), fake 'default' (it has one).
   */
  readonly market: string;
  /** The instrument of each symbol, in `RunConfig.symbols` order, from the venue's catalog. */
  readonly instruments: readonly VenueInstrument[];
  /** --instruments FILE as given (a saved instruments response), or null for the built-in/bundled specs. */
  readonly instrumentsFile: string | null;
}

/** The Bybit category of a Bybit run; null on other venues (the report's config.category). */
export function bybitCategory(venue: VenueConfig): BybitCategory | null {
  return venue.name === 'bybit' ? (venue.market as BybitCategory) : null;
}

/** The Binance market of a Binance run; null on other venues (the report's config.market). */
export function binanceMarket(venue: VenueConfig): BinanceMarket | null {
  return venue.name === 'binance' ? (venue.market as BinanceMarket) : null;
}

/** The market a venue was chosen with, or null where it has no choice of markets (the fake venue). */
export function chosenMarket(venue: VenueConfig): string | null {
  return venue.market === DEFAULT_MARKET ? null : venue.market;
}
