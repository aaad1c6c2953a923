// ImportFileSource: one input file's records in receive-time order — lines read a chunk at a time (synchronously), converted by its ImportReader, filtered, and reordered within a bounded window.
//
// Order within a file: (localUs, rank, order, seq) — receive time, trades before book/quote records at the same µs,
// then the venue's sequence (update id, trade id), then file order (imported-line.ts). Sources that are already in
// order (tardis CSVs are sorted by local_timestamp) pass through the window at one comparison per record; Binance
// USD-M files whose rows are a little out of order (docs: sort by event time, then update id) are sorted by it
// (insertion from the back of a sorted ring: cost proportional to how far a record is out of place). A row that
// would have to go before a record already passed on — out of order by more than REORDER_WINDOW records — is an
// error naming its line: sorting a whole file would cost memory proportional to it.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { ByteLines } from './byte-lines.js';
import { openChunkReader, type ChunkReader } from './chunk-reader.js';
import type { ImportReader, ImportTarget } from './import-reader.js';
import type { ImportedLine } from './imported-line.js';

/**
 * Records held for reordering per file: memory stays bounded by this many records whatever the file's size. Small on
 * purpose: held records outlive V8's young generation when there are many of them, and the out-of-order rows of
 * Binance USD-M files are a few rows apart.
 */
export const REORDER_WINDOW = 4_096;

export interface ImportFilter {
  /** Only these symbols (exact); null: every symbol. */
  readonly symbols: ReadonlySet<string> | null;
  /** Receive time window in µs, from inclusive, to exclusive; null: open. */
  readonly fromUs: number | null;
  readonly toUs: number | null;
}

/** Whether `a` goes before `b`. */
export function before(a: ImportedLine, b: ImportedLine): boolean {
  return (a.localUs - b.localUs || a.rank - b.rank || a.order - b.order || a.seq - b.seq) < 0;
}

export class ImportFileSource {
  /** Records dropped by the filter. */
  filtered = 0;
  private readonly lines: ByteLines;
  /** Held records, sorted, in a ring: ring[(first + i) & mask] for i < size. */
  private ring: ImportedLine[] = new Array<ImportedLine>(REORDER_WINDOW * 2);
  private mask = REORDER_WINDOW * 2 - 1;
  private first = 0;
  private size = 0;
  private readonly converted: ImportedLine[] = [];
  private seq = 0;
  private last: ImportedLine | null = null;
  private ended = false;

  constructor(private readonly chunks: ChunkReader, readonly reader: ImportReader, private readonly filter: ImportFilter, readonly index: number) {
    this.lines = new ByteLines(chunks);
  }

  /** Opens `path` (plain, .gz or .zip) with the reader `reader(label)`. UsageError when it cannot be read. */
  static open(path: string, reader: (label: string) => ImportReader, filter: ImportFilter, index: number): ImportFileSource {
    const chunks = openChunkReader(path);
    try {
      return new ImportFileSource(chunks, reader(chunks.label), filter, index);
    } catch (error) {
      chunks.close();
      throw error;
    }
  }

  get label(): string {
    return this.chunks.label;
  }

  get target(): ImportTarget | null {
    return this.reader.target;
  }

  /** Lines read, the header row included. */
  get rows(): number {
    return this.lines.lineNo;
  }

  /** Bytes of the file read so far (compressed bytes for .gz/.zip) and in all: progress. */
  get bytesRead(): number {
    return this.chunks.bytesRead;
  }

  get totalBytes(): number {
    return this.chunks.totalBytes;
  }

  /** The next record in order, or null at the end of the file (reads as much of the file as that needs). */
  head(): ImportedLine | null {
    if (!this.ended && this.size <= REORDER_WINDOW) this.fill();
    return this.size > 0 ? this.ring[this.first]! : null;
  }

  /** Removes the head (call only when head() is not null). */
  shift(): void {
    this.last = this.ring[this.first]!;
    this.first = (this.first + 1) & this.mask;
    this.size--;
  }

  close(): void {
    this.chunks.close();
  }

  /** Reads lines until more than REORDER_WINDOW records are held or the file ends. */
  private fill(): void {
    const lines = this.lines;
    const reader = this.reader;
    const converted = this.converted;
    const readRun = reader.readRun !== undefined;
    while (this.size <= REORDER_WINDOW) {
      if (!lines.next()) {
        reader.end(converted);
        this.hold(lines.lineNo + 1);
        this.ended = true;
        return;
      }
      reader.push(lines, converted);
      if (converted.length > 0) this.hold(lines.lineNo);
      if (readRun) reader.readRun!(lines);
    }
  }

  private hold(lineNo: number): void {
    const { symbols, fromUs, toUs } = this.filter;
    const converted = this.converted;
    for (let k = 0; k < converted.length; k++) {
      const item = converted[k]!;
      if ((symbols !== null && !symbols.has(item.symbol)) || (fromUs !== null && item.localUs < fromUs) || (toUs !== null && item.localUs >= toUs)) {
        this.filtered++;
        continue;
      }
      item.seq = this.seq++;
      item.lineNo = lineNo;
      if (this.last !== null && before(item, this.last)) {
        throw new ShadowExecError(
          'E_IMPORT_FORMAT',
          `import file '${this.label}' line ${lineNo}: receive time ${item.localUs} µs is before that of line ${this.last.lineNo} (${this.last.localUs} µs) by more than the ${REORDER_WINDOW}-record reorder window: sort the file by time first`,
        );
      }
      this.insert(item);
    }
    converted.length = 0;
  }

  /** Inserts into the sorted ring from its back: O(1) for a record in order. */
  private insert(item: ImportedLine): void {
    if (this.size > this.mask) this.grow();
    const ring = this.ring;
    const mask = this.mask;
    let at = (this.first + this.size) & mask;
    let moved = 0;
    while (moved < this.size) {
      const prev = (at - 1) & mask;
      if (!before(item, ring[prev]!)) break;
      ring[at] = ring[prev]!;
      at = prev;
      moved++;
    }
    ring[at] = item;
    this.size++;
  }

  private grow(): void {
    const bigger = new Array<ImportedLine>(this.ring.length * 2);
    for (let i = 0; i < this.size; i++) bigger[i] = this.ring[(this.first + i) & this.mask]!;
    this.ring = bigger;
    this.mask = bigger.length - 1;
    this.first = 0;
  }
}
