// The instruments a run trades, resolved from the chosen venue's catalog (built-in, bundled or --instruments FILE); the catalog itself is the venue module's.
import { UsageError } from '../core/errors/shadow-exec-error.js';
import type { InstrumentCatalog, VenueInstrument } from '../venues/shared/venue-instrument.js';

export type { InstrumentCatalog, InstrumentFile, VenueInstrument } from '../venues/shared/venue-instrument.js';

/** Looks up each symbol, or explains which ones the catalog has. */
export function resolveSymbols(catalog: InstrumentCatalog, symbols: readonly string[]): VenueInstrument[] {
  return symbols.map((symbol) => {
    const found = catalog.find(symbol);
    if (found === undefined) {
      throw new UsageError(`--symbols '${symbol}' is not a symbol of ${catalog.description}: expected one or more of ${catalog.symbols.join(', ')}`);
    }
    return found;
  });
}
