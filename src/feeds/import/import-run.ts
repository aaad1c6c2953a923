// runImport: source files → one normalized replay file — each file streamed through its reader, the files merged by receive time, written canonically to OUT (via OUT.partial, renamed when complete).
//
// Merge order (stable, deterministic): receive time (local_us), then trades before other records at the same µs
// (a queue model must see a trade before the book update it caused), then the file's position on the command line,
// then the order within the file (import-file-source.ts). The venue and market of the header come from the files'
// rows (every file must name the same pair). Memory: per file one read chunk plus its reorder window, whatever the
// input size. A malformed row stops the import with E_IMPORT_FORMAT naming its file and line; OUT is left untouched
// (the partial file is removed).
import { renameSync, rmSync } from 'node:fs';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { NormalizedRecordType } from '../replay/normalized-record.js';
import { NORMALIZED_REPLAY_VERSION, REPLAY_FORMAT, type ReplayHeader, type ReplayMarket, type ReplayVenue } from '../replay/replay-format.js';
import { ReplayFileWriter } from '../replay/replay-file-writer.js';
import { ImportFileSource, type ImportFilter } from './import-file-source.js';
import type { ImportReader, ImportTarget } from './import-reader.js';

export interface ImportRequest {
  readonly files: readonly string[];
  readonly out: string;
  readonly filter: ImportFilter;
  /** The reader for the file at `index` of `files` (`label` names it in errors); a fresh reader per file, even for a path given twice. */
  readonly readerFor: (path: string, index: number) => (label: string) => ImportReader;
  /** The header's `source` text (provenance). */
  readonly source: string;
  /** Called about every 64 Ki records with rows read and compressed/plain bytes read so far (progress). */
  readonly onProgress?: (rows: number, bytes: number) => void;
}

export interface ImportSummary {
  readonly target: ImportTarget;
  readonly files: number;
  /** Lines read, header rows included. */
  readonly rows: number;
  readonly records: number;
  readonly recordsByType: Readonly<Record<NormalizedRecordType, number>>;
  /** Records dropped by --symbols/--from/--to. */
  readonly filtered: number;
  readonly symbols: readonly string[];
  /** Receive time of the first and last record written, µs; null without records. */
  readonly firstUs: number | null;
  readonly lastUs: number | null;
}

export async function runImport(request: ImportRequest): Promise<ImportSummary> {
  const sources: ImportFileSource[] = [];
  try {
    for (const [i, path] of request.files.entries()) sources.push(await ImportFileSource.open(path, request.readerFor(path, i), request.filter, i));
    await Promise.all(sources.map((s) => s.ready()));
    const target = commonTarget(sources);
    const header: ReplayHeader = {
      format: REPLAY_FORMAT,
      version: NORMALIZED_REPLAY_VERSION,
      venue: target.venue as ReplayVenue,
      market: target.market as ReplayMarket,
      data: 'normalized',
      source: request.source,
    };
    const partial = `${request.out}.partial`;
    const writer = ReplayFileWriter.open(partial, header);
    const byType: Record<NormalizedRecordType, number> = { book_snapshot: 0, book_update: 0, trade: 0, quote: 0, derivative: 0 };
    const symbols = new Set<string>();
    let firstUs: number | null = null;
    let lastUs: number | null = null;
    let records = 0;
    try {
      for (;;) {
        let best: ImportFileSource | null = null;
        for (const source of sources) {
          if (!source.settled) await source.ready();
          const head = source.head();
          if (head === null) continue;
          if (best === null) {
            best = source;
            continue;
          }
          const top = best.head()!;
          const d = head.local_us - top.local_us || source.headRank - best.headRank || source.index - best.index;
          if (d < 0) best = source;
        }
        if (best === null) break;
        const record = best.head()!;
        best.shift();
        writer.append({ kind: 'normalized', t: Math.floor(record.local_us / 1000), record });
        byType[record.type]++;
        symbols.add(record.symbol);
        firstUs ??= record.local_us;
        lastUs = record.local_us;
        if ((++records & 0xffff) === 0) request.onProgress?.(rowsOf(sources), bytesOf(sources));
      }
      writer.close();
    } catch (error) {
      try {
        writer.close();
      } catch {
        // The partial file is removed either way; the first error is the one to report.
      }
      rmSync(partial, { force: true });
      throw error;
    }
    renameSync(partial, request.out);
    request.onProgress?.(rowsOf(sources), bytesOf(sources));
    return {
      target,
      files: sources.length,
      rows: rowsOf(sources),
      records,
      recordsByType: byType,
      filtered: sources.reduce((n, s) => n + s.filtered, 0),
      symbols: [...symbols].sort(),
      firstUs,
      lastUs,
    };
  } finally {
    for (const source of sources) source.close();
  }
}

const rowsOf = (sources: readonly ImportFileSource[]): number => sources.reduce((n, s) => n + s.rows, 0);
const bytesOf = (sources: readonly ImportFileSource[]): number => sources.reduce((n, s) => n + s.bytesRead, 0);

/** The one venue/market every file's rows name. */
function commonTarget(sources: readonly ImportFileSource[]): ImportTarget {
  let found: { target: ImportTarget; label: string } | null = null;
  for (const source of sources) {
    const target = source.target;
    if (target === null) continue;
    if (found === null) found = { target, label: source.label };
    else if (found.target.venue !== target.venue || found.target.market !== target.market) {
      throw new ShadowExecError('E_IMPORT_FORMAT', `import files '${found.label}' (${found.target.venue} ${found.target.market}) and '${source.label}' (${target.venue} ${target.market}) are of different venues or markets: one replay holds one venue and market; import them apart`);
    }
  }
  if (found === null) throw new ShadowExecError('E_IMPORT_FORMAT', `import: no data row in ${sources.map((s) => `'${s.label}'`).join(', ')}`);
  return found.target;
}
