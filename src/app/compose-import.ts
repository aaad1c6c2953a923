// Composition of an import feed (`--feed tardis:DIR_OR_GLOB`, `--feed binance-vision:FILE_OR_GLOB`): the files read directly through their import source, merged as `import` merges them, and replayed as the imported file would be.
//
// Two passes, as a replay file is read: a scan (every row converted and checked, records counted, first and last
// receive time, the venue and market of the rows — errors name file and line before the run starts), then the
// records streamed into the replay feed (import-record-source.ts decodes each line with the replay format's
// decoder). The header is the one `import` would write (same `source` text), so the report's sections are those of
// `import` then `--feed replay:` but for the file's name and hash (the report names the pattern; no hash).
import { basename } from 'node:path';
import { UsageError } from '../core/errors/shadow-exec-error.js';
import type { InstrumentSpec } from '../core/model/instrument.js';
import { importFiles } from '../feeds/import/import-files.js';
import { ImportMerge } from '../feeds/import/import-merge.js';
import { ImportRecordSource } from '../feeds/import/import-record-source.js';
import type { ImportSource } from '../feeds/import/import-source.js';
import { checkReplayVenue, NORMALIZED_REPLAY_VERSION, REPLAY_FORMAT, type ReplayHeader, type ReplayMarket, type ReplayVenue } from '../feeds/replay/replay-format.js';
import { buildReplayFeedFromSource, replayVenueTable, type ReplayBuildOptions, type ReplayWiring } from './compose-replay.js';
import { importSources } from './import-sources.js';

let loaded: readonly ImportSource[] | null = null;

/** Loads the import sources (every venue's) before the synchronous composition reads them. */
export async function loadImportSources(): Promise<void> {
  loaded ??= await importSources();
}

const NO_FILTER = { symbols: null, fromUs: null, toUs: null } as const;

/**
 * The feed of `source`'s files named by `pattern`; `market` is the run's --market/--category (the source's own
 * --market option, for sources that have one). UsageError for an unknown source or a pattern naming no file;
 * E_IMPORT_FORMAT for a bad row, naming its file and line.
 */
export function buildImportFeed(sourceName: string, pattern: string, market: string | null, instruments: readonly InstrumentSpec[], options: ReplayBuildOptions = {}): ReplayWiring {
  const flag = `--feed ${sourceName}:${pattern}`;
  const source = (loaded ?? []).find((s) => s.name === sourceName);
  if (source === undefined) throw new UsageError(`${flag}: no such feed or import source '${sourceName}' (feeds: synthetic, replay:FILE, live, or one of ${(loaded ?? []).map((s) => `${s.name}:DIR_OR_GLOB`).join(', ')})`);
  const files = importFiles(pattern, flag);
  const readers = files.map((path) => source.readerFor(path, market === null ? {} : { market }));
  // A fresh reader per pass: readers keep the state of the file they read.
  const open = (): ImportMerge => ImportMerge.open(files, (path, index) => readers[index]!, NO_FILTER);
  const scanned = open();
  let records = 0;
  let firstUs: number | null = null;
  let lastUs = 0;
  try {
    for (let line = scanned.next(); line !== null; line = scanned.next()) {
      records++;
      firstUs ??= line.localUs;
      lastUs = line.localUs;
    }
  } finally {
    scanned.close();
  }
  const header: ReplayHeader = {
    format: REPLAY_FORMAT,
    version: NORMALIZED_REPLAY_VERSION,
    venue: scanned.target.venue as ReplayVenue,
    market: scanned.target.market as ReplayMarket,
    data: 'normalized',
    source: `shadow-exec import ${source.name} ${files.map((f) => basename(f)).join(' ')}`.slice(0, 1000),
  };
  checkReplayVenue(header, replayVenueTable(), pattern);
  const label = `${sourceName}:${pattern}`;
  const scan = { header, records, firstRecordMs: firstUs === null ? null : Math.floor(firstUs / 1000), lastRecordMs: firstUs === null ? null : Math.floor(lastUs / 1000), warnings: records === 0 ? [`${label}: the files hold no records: no market data`] : [] };
  return buildReplayFeedFromSource(label, scan, new ImportRecordSource(open, label), instruments, { ...options, sha256: null });
}
