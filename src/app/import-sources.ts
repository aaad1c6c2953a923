// The historical-data sources `shadow-exec import` offers: tardis.dev CSVs (with every venue module's tardis exchange ids) and each venue's own public-data archives.
import { tardisSource } from '../feeds/import/tardis-source.js';
import type { ImportSource } from '../feeds/import/import-source.js';
import { BINANCE_TARDIS_EXCHANGES } from '../venues/binance/binance-data-vendors.js';
import { binanceVisionSource } from '../venues/binance/import/binance-vision-source.js';
import { BYBIT_TARDIS_EXCHANGES } from '../venues/bybit/bybit-data-vendors.js';

/** In help order. When the venue registry lands, the exchange ids and venue sources come from its modules. */
export function importSources(): readonly ImportSource[] {
  return [tardisSource([...BINANCE_TARDIS_EXCHANGES, ...BYBIT_TARDIS_EXCHANGES]), binanceVisionSource()];
}
