// VenueInstrument and InstrumentCatalog: an instrument as a venue's catalog gives it (spec, provenance, the venue's own record, synthetic-market defaults), and the catalog a run resolves its symbols from.
import { Decimal } from '../../core/money/decimal.js';
import type { InstrumentSpec } from '../../core/model/instrument.js';
import { findFakeInstrument } from '../fake/fake-instruments.js';

export interface VenueInstrument {
  readonly spec: InstrumentSpec;
  /** Where the numbers come from, and the date they were taken when known. */
  readonly provenance: string;
  readonly takenAt: string | null;
  /**
   * The venue's own record of the instrument (price band, post-only maximum, filters), read only by the venue
   * module that made it (its rules and `describeInstrument`); null when the venue has none beyond the spec.
   */
  readonly details: unknown;
  /** Synthetic-market defaults: start price (null: --start-prices must give one), σ per update in bps, spread in ticks. */
  readonly startPrice: string | null;
  readonly volatilityBps: string;
  readonly spreadTicks: number;
}

export interface InstrumentCatalog {
  readonly description: string;
  readonly symbols: readonly string[];
  find(symbol: string): VenueInstrument | undefined;
}

/** A saved instruments response (--instruments FILE), already JSON-parsed. */
export interface InstrumentFile {
  readonly path: string;
  readonly json: unknown;
}

/** A catalog over `instruments`, in their order. */
export function catalogOf(description: string, instruments: readonly VenueInstrument[]): InstrumentCatalog {
  const bySymbol = new Map(instruments.map((i) => [i.spec.symbol, i]));
  return { description, symbols: instruments.map((i) => i.spec.symbol), find: (symbol) => bySymbol.get(symbol) };
}

/**
 * Market defaults for a real-venue symbol: the built-in (fake venue's) start price and σ when it knows the symbol,
 * its spread re-gridded onto the venue's tick.
 */
export function withMarketDefaults(venue: { readonly spec: InstrumentSpec; readonly takenAt: string | null }, provenance: string, details: unknown): VenueInstrument {
  const known = findFakeInstrument(venue.spec.symbol);
  const spreadPrice = known === undefined ? null : new Decimal(known.tickSize).times(known.marketSpreadTicks);
  const startPrice = known === undefined || !new Decimal(known.startPrice).div(venue.spec.tickSize).isInteger() ? null : known.startPrice;
  return {
    spec: venue.spec,
    provenance,
    takenAt: venue.takenAt,
    details,
    startPrice,
    volatilityBps: known?.volatilityBps ?? '1',
    spreadTicks: spreadPrice === null ? 1 : Math.max(1, spreadPrice.div(venue.spec.tickSize).ceil().toNumber()),
  };
}
