// The historical-data sources `shadow-exec import` offers: tardis.dev CSVs (with the tardis exchange ids every venue module lists) and each venue's own public-data sources, read through the venue registry.
import type { ImportSource } from '../feeds/import/import-source.js';
import { tardisSource } from '../feeds/import/tardis-source.js';
import { loadAllVenues, loadedVenues } from './venue-registry.js';

/** In help order: tardis.dev first, then the venues' own sources in registry order. */
export async function importSources(): Promise<readonly ImportSource[]> {
  await loadAllVenues();
  const venues = loadedVenues();
  return [tardisSource(venues.flatMap((v) => v.historicalData?.tardisExchanges ?? [])), ...venues.flatMap((v) => v.historicalData?.importSources ?? [])];
}
