// ImportFileSource: one input file's records in receive-time order — lines read a chunk at a time, converted by its ImportReader, filtered, and reordered within a bounded window.
//
// Order within a file: (local_us, rank, order, line sequence) — receive time, trades before book/quote records at the
// same µs, then the venue's sequence (update id, trade id), then file order. Sources that are already in order
// (tardis CSVs are sorted by local_timestamp) pass through the window unchanged; Binance USD-M files whose rows are a
// little out of order (docs: sort by event time, then update id) are sorted by it. A row that would have to go before
// a record already passed on — out of order by more than REORDER_WINDOW records — is an error naming its line:
// sorting a whole file would cost memory proportional to it.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { NormalizedRecord } from '../replay/normalized-record.js';
import type { ImportReader, ImportTarget, KeyedRecord } from './import-reader.js';
import { TextLines } from './text-lines.js';

/**
 * Records held for reordering per file: memory stays bounded by this many records whatever the file's size. Small on
 * purpose: held records outlive V8's young generation when there are many of them (a 65 536 window made GC a third of
 * the import's time), and the out-of-order rows of Binance USD-M files are a few rows apart.
 */
export const REORDER_WINDOW = 4_096;

export interface ImportFilter {
  /** Only these symbols (exact); null: every symbol. */
  readonly symbols: ReadonlySet<string> | null;
  /** Receive time window in µs, from inclusive, to exclusive; null: open. */
  readonly fromUs: number | null;
  readonly toUs: number | null;
}

/** A record in the window; a class with parameter properties, so every held record has one shape (V8 inline caches). */
class Held implements KeyedRecord {
  constructor(
    readonly record: NormalizedRecord,
    readonly rank: 0 | 1,
    readonly order: number,
    readonly seq: number,
    readonly lineNo: number,
  ) {}
}

function before(a: Held, b: Held): boolean {
  const d = a.record.local_us - b.record.local_us || a.rank - b.rank || a.order - b.order || a.seq - b.seq;
  return d < 0;
}

export class ImportFileSource {
  /** Rows (lines) read, the header row included. */
  rows = 0;
  /** Records dropped by the filter. */
  filtered = 0;
  private readonly heap: Held[] = [];
  private readonly converted: KeyedRecord[] = [];
  private seq = 0;
  private last: Held | null = null;
  private ended = false;

  private constructor(private readonly lines: TextLines, readonly reader: ImportReader, private readonly filter: ImportFilter, readonly index: number) {}

  static async open(path: string, reader: (label: string) => ImportReader, filter: ImportFilter, index: number): Promise<ImportFileSource> {
    const lines = await TextLines.open(path);
    return new ImportFileSource(lines, reader(lines.label), filter, index);
  }

  get label(): string {
    return this.lines.label;
  }

  get target(): ImportTarget | null {
    return this.reader.target;
  }

  get bytesRead(): number {
    return this.lines.bytesRead;
  }

  /** The next record in order, or null at the end; `head()` after `ready()` resolved. */
  head(): NormalizedRecord | null {
    return this.heap.length > 0 && (this.ended || this.heap.length > REORDER_WINDOW) ? this.heap[0]!.record : null;
  }

  /** Whether the head can be read without awaiting (a record is ready, or the file is exhausted). */
  get settled(): boolean {
    return this.ended ? true : this.heap.length > REORDER_WINDOW;
  }

  /** Rank of the head (trades first at equal time). */
  get headRank(): number {
    return this.heap[0]!.rank;
  }

  get headSeq(): number {
    return this.heap[0]!.seq;
  }

  /** Reads until a record is ready or the file ends. */
  async ready(): Promise<void> {
    while (!this.settled) {
      await this.lines.fill();
      const first = this.lines.firstLineNo;
      const batch = this.lines.lines;
      this.rows += batch.length;
      for (let i = 0; i < batch.length; i++) {
        this.reader.push(batch[i]!, first + i, this.converted);
        if (this.converted.length > 0) this.hold(first + i);
      }
      if (this.lines.done) {
        this.reader.end(this.converted);
        this.hold(first + batch.length);
        this.ended = true;
      }
    }
  }

  /** Removes the head (call only when head() is not null). */
  shift(): void {
    const heap = this.heap;
    const top = heap[0]!;
    const lastItem = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = lastItem;
      this.siftDown(0);
    }
    this.last = top;
  }

  close(): void {
    this.lines.close();
  }

  private hold(lineNo: number): void {
    const { symbols, fromUs, toUs } = this.filter;
    for (const item of this.converted) {
      const r = item.record;
      if ((symbols !== null && !symbols.has(r.symbol)) || (fromUs !== null && r.local_us < fromUs) || (toUs !== null && r.local_us >= toUs)) {
        this.filtered++;
        continue;
      }
      const held = new Held(r, item.rank, item.order, this.seq++, lineNo);
      if (this.last !== null && before(held, this.last)) {
        throw new ShadowExecError(
          'E_IMPORT_FORMAT',
          `import file '${this.label}' line ${lineNo}: receive time ${r.local_us} µs is before that of line ${this.last.lineNo} (${this.last.record.local_us} µs) by more than the ${REORDER_WINDOW}-record reorder window: sort the file by time first`,
        );
      }
      this.push(held);
    }
    this.converted.length = 0;
  }

  private push(item: Held): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }
}
