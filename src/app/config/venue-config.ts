// The venue part of a run config: which venue, which of its markets, and the instruments traded there.
import type { VenueInstrument } from '../venue-instruments.js';
import { venueModule } from '../venue-registry.js';
import type { MarketFlag } from './venue-choice.js';

export interface VenueConfig {
  /** --exchange: the venue's name, a venue registry key. @default the registry's first venue */
  readonly name: string;
  /**
   * The venue's market (or category) as one string, one of its module's `markets.names` (chosen with its
   * `markets.flag`, @default its `markets.default`); a venue with one market names it (`default`).
   */
  readonly market: string;
  /** The instrument of each symbol, in `RunConfig.symbols` order, from the venue's catalog. */
  readonly instruments: readonly VenueInstrument[];
  /** --instruments FILE as given (a saved instruments response), or null for the built-in/bundled specs. */
  readonly instrumentsFile: string | null;
}

/**
 * The market when the run's venue chooses it with `flag` ("--category", "--market"), else null: the report's
 * `config.category` and `config.market` (one key per market flag, null on the venues that use the other or none).
 */
export function marketByFlag(venue: VenueConfig, flag: MarketFlag): string | null {
  return venueModule(venue.name).markets.flag === flag ? venue.market : null;
}

/** The market a venue was chosen with, or null where it has no choice of markets (the fake venue). */
export function chosenMarket(venue: VenueConfig): string | null {
  return venueModule(venue.name).markets.flag === null ? null : venue.market;
}
