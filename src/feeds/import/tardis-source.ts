// The tardis.dev import source: `shadow-exec import tardis FILE...` over the downloadable CSVs (plain or .gz), with the exchange ids the venue modules list.
import type { ImportSource } from './import-source.js';
import { TardisCsvReader } from './tardis-csv-reader.js';
import type { TardisExchange } from './tardis-exchange.js';

export function tardisSource(exchanges: readonly TardisExchange[]): ImportSource {
  return {
    name: 'tardis',
    summary: 'tardis.dev downloadable CSV files (plain or .gz) → a normalized replay file',
    help: [
      'Reads tardis.dev "Downloadable CSV files" (docs.tardis.dev/downloadable-csv-files), plain or gzip: incremental_book_L2 (rows grouped by',
      'local_timestamp into one book update, is_snapshot groups replace the book), book_snapshot_5 / book_snapshot_25, trades, quotes /',
      'book_ticker and derivative_ticker. The type is told by the header row. The exchange column picks the venue and market written in',
      `the replay's header: ${exchanges.map((e) => `${e.id} → ${e.venue} ${e.market}`).join(', ')}.`,
    ].join(' '),
    options: [],
    readerFor: () => (label) => new TardisCsvReader(label, exchanges),
  };
}
