// runImport: source files → one normalized replay file (JSONL, or binary when OUT ends with .bin) — the files merged by receive time (import-merge.ts) and their record lines written to OUT via OUT.partial, renamed when complete.
//
// The work is synchronous in batches of YIELD_RECORDS records; between batches the import yields to the event loop,
// reports progress, and stops when its AbortSignal fired (Ctrl-C): then, as after a malformed row (E_IMPORT_FORMAT
// naming its file and line) or a write error, the partial file is removed and OUT is left as it was — no half file
// is ever left to pass for a complete one. An abort rejects with ImportAborted.
import { renameSync, rmSync } from 'node:fs';
import type { NormalizedRecordType } from '../replay/normalized-record.js';
import { NORMALIZED_REPLAY_VERSION, REPLAY_FORMAT, type ReplayHeader, type ReplayMarket, type ReplayVenue } from '../replay/replay-format.js';
import type { ImportFilter } from './import-file-source.js';
import { ImportMerge } from './import-merge.js';
import type { ImportReader, ImportTarget } from './import-reader.js';
import { ReplayLineWriter } from './replay-line-writer.js';
import { ImportedBinaryWriter } from './imported-binary-writer.js';

/** Records per synchronous batch: progress, the abort check and other events run between batches. */
export const YIELD_RECORDS = 1 << 14;

export interface ImportProgressUpdate {
  /** Lines read, header rows included. */
  readonly rows: number;
  /** Bytes read so far and in all (compressed bytes for .gz/.zip): the fraction done. */
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export interface ImportRequest {
  readonly files: readonly string[];
  readonly out: string;
  readonly filter: ImportFilter;
  /** The reader for the file at `index` of `files` (`label` names it in errors); a fresh reader per file, even for a path given twice. */
  readonly readerFor: (path: string, index: number) => (label: string) => ImportReader;
  /** The header's `source` text (provenance). */
  readonly source: string;
  /** Called after every batch of YIELD_RECORDS records, and once at the end. */
  readonly onProgress?: (progress: ImportProgressUpdate) => void;
  /** Stops the import (Ctrl-C): the partial file is removed and runImport rejects with ImportAborted. */
  readonly signal?: AbortSignal;
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

/** The import stopped on request (AbortSignal) before it was complete; nothing was written to OUT. */
export class ImportAborted extends Error {
  constructor(readonly rows: number, readonly records: number, readonly partial: string) {
    super(`import stopped after ${rows} rows (${records} records): the partial file '${partial}' was removed`);
    this.name = 'ImportAborted';
  }
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function runImport(request: ImportRequest): Promise<ImportSummary> {
  const merge = ImportMerge.open(request.files, request.readerFor, request.filter);
  try {
    const target = merge.target;
    const header: ReplayHeader = {
      format: REPLAY_FORMAT,
      version: NORMALIZED_REPLAY_VERSION,
      venue: target.venue as ReplayVenue,
      market: target.market as ReplayMarket,
      data: 'normalized',
      source: request.source,
    };
    const partial = `${request.out}.partial`;
    const byType: Record<NormalizedRecordType, number> = { book_snapshot: 0, book_update: 0, trade: 0, quote: 0, derivative: 0 };
    const symbols = new Set<string>();
    let firstUs: number | null = null;
    let lastUs: number | null = null;
    let records = 0;
    const progress = (): void => request.onProgress?.({ rows: merge.rows, bytesRead: merge.bytesRead, totalBytes: merge.totalBytes });
    // OUT ending with .bin: the binary encoding (docs/replay-format.md), the same records as a JSONL import converted.
    const writer = request.out.toLowerCase().endsWith('.bin') ? ImportedBinaryWriter.open(partial, header) : ReplayLineWriter.open(partial, header);
    try {
      let lastSymbol = '';
      for (let done = false; !done; ) {
        for (let n = 0; n < YIELD_RECORDS; n++) {
          const line = merge.next();
          if (line === null) {
            done = true;
            break;
          }
          writer.record(line);
          byType[line.type]++;
          if (line.symbol !== lastSymbol) {
            lastSymbol = line.symbol;
            symbols.add(lastSymbol);
          }
          firstUs ??= line.localUs;
          lastUs = line.localUs;
          records++;
        }
        if (done) break;
        progress();
        await yieldToEvents();
        if (request.signal?.aborted === true) throw new ImportAborted(merge.rows, records, partial);
      }
      writer.close();
    } catch (error) {
      writer.abandon();
      rmSync(partial, { force: true });
      throw error;
    }
    renameSync(partial, request.out);
    progress();
    return {
      target,
      files: merge.files,
      rows: merge.rows,
      records,
      recordsByType: byType,
      filtered: merge.filtered,
      symbols: [...symbols].sort(),
      firstUs,
      lastUs,
    };
  } finally {
    merge.close();
  }
}
