// ImportMerge: the records of several import files merged into one receive-time order, synchronously — what `import` writes and what `run --feed tardis:` replays.
//
// Merge order (stable, deterministic): receive time (localUs), then trades before other records at the same µs
// (a queue model must see a trade before the book update it caused), then the file's position in the list, then
// the order within the file (import-file-source.ts). One file (the common case) is passed through without
// comparing heads. The venue and market come from the files' rows: every file must name the same pair. Memory:
// per file one read chunk plus its reorder window, whatever the input size.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { ImportFileSource, type ImportFilter } from './import-file-source.js';
import type { ImportReader, ImportTarget } from './import-reader.js';
import type { ImportedLine } from './imported-line.js';

export class ImportMerge {
  private readonly sources: ImportFileSource[];

  private constructor(sources: ImportFileSource[]) {
    this.sources = sources;
  }

  /**
   * Opens every file (reader `readerFor(path, index)(label)`) and reads each up to its first records, so the venue
   * and market are known. Errors: UsageError (unreadable file), E_IMPORT_FORMAT (a bad row, no data row, files of
   * different venues); every file opened is closed again then.
   */
  static open(files: readonly string[], readerFor: (path: string, index: number) => (label: string) => ImportReader, filter: ImportFilter): ImportMerge {
    const sources: ImportFileSource[] = [];
    try {
      for (const [i, path] of files.entries()) sources.push(ImportFileSource.open(path, readerFor(path, i), filter, i));
      return ImportMerge.of(sources);
    } catch (error) {
      for (const source of sources) source.close();
      throw error;
    }
  }

  /** A merge of sources already open (a generated input in the bench); reads each up to its first records. */
  static of(sources: ImportFileSource[]): ImportMerge {
    for (const source of sources) source.head();
    const merge = new ImportMerge(sources);
    merge.target = commonTarget(sources);
    return merge;
  }

  /** The venue and market every file's rows name. */
  target!: ImportTarget;

  get files(): number {
    return this.sources.length;
  }

  /** Lines read, header rows included. */
  get rows(): number {
    return this.total((s) => s.rows);
  }

  /** Bytes read (compressed bytes for .gz/.zip) and in all, over every file: progress. */
  get bytesRead(): number {
    return this.total((s) => s.bytesRead);
  }

  get totalBytes(): number {
    return this.total((s) => s.totalBytes);
  }

  /** Records dropped by the filter. */
  get filtered(): number {
    return this.total((s) => s.filtered);
  }

  /** A count summed over every file (rows, bytes, records filtered). */
  private total(of: (source: ImportFileSource) => number): number {
    let n = 0;
    for (const s of this.sources) n += of(s);
    return n;
  }

  /** The next record in merge order, or null when every file is exhausted. */
  next(): ImportedLine | null {
    const sources = this.sources;
    if (sources.length === 1) {
      const only = sources[0]!;
      const head = only.head();
      if (head !== null) only.shift();
      return head;
    }
    let best: ImportFileSource | null = null;
    let top: ImportedLine | null = null;
    for (const source of sources) {
      const head = source.head();
      if (head === null) continue;
      if (top === null || (head.localUs - top.localUs || head.rank - top.rank) < 0) {
        best = source;
        top = head;
      }
    }
    if (best === null) return null;
    best.shift();
    return top;
  }

  close(): void {
    for (const source of this.sources) source.close();
  }
}

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
