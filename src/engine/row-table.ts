// RowTable: an append-only table of numbers, `width` fields a row, the rows side by side in fixed-size Float64Array chunks (the --series sampler's storage), and FieldColumn, one field of it read as a column.
//
// Why rows and not a typed array per field: the sampler writes a row per fill and per sample in the middle of the
// loop's work, when its storage has left the CPU caches. A column per field made each fill touch six arrays (and
// six column objects), each sample thirteen: measured in the run, about twice what the same pushes cost in a tight
// loop. A row is one capacity check and one or two cache lines. test/engine/row-table.test.ts checks it against an
// array of rows.

const CHUNK_ROWS_BITS = 12;
const CHUNK_ROWS = 1 << CHUNK_ROWS_BITS;
const ROW_MASK = CHUNK_ROWS - 1;

/** One field of every row, as a column: what the record makers read. */
export interface Column {
  at(index: number): number;
  readonly length: number;
}

export class RowTable {
  private readonly chunks: Float64Array[] = [];
  /**
   * The chunk rows are appended to: append() returns where the new row's fields go in it (a hot-path record, written
   * by its owner's fixed-arity add methods only).
   */
  tail: Float64Array;
  /** Offset of the next row in `tail`. */
  private next = 0;
  private rows = 0;
  private readonly chunkLength: number;

  constructor(readonly width: number) {
    this.chunkLength = CHUNK_ROWS * width;
    this.tail = new Float64Array(this.chunkLength);
    this.chunks.push(this.tail);
  }

  /** Makes room for one more row and returns the offset of its first field in `tail` (the row's fields are tail[at] … tail[at + width − 1]). */
  append(): number {
    if (this.next === this.chunkLength) {
      this.tail = new Float64Array(this.chunkLength);
      this.chunks.push(this.tail);
      this.next = 0;
    }
    const at = this.next;
    this.next = at + this.width;
    this.rows++;
    return at;
  }

  /** Field `field` of row `row` (0-based); `row` must be below `length`. */
  at(row: number, field: number): number {
    return this.chunks[row >>> CHUNK_ROWS_BITS]![(row & ROW_MASK) * this.width + field]!;
  }

  /**
   * Keeps the rows from `from` on (now rows 0, 1, …) and forgets the others: in place, the first chunk reused and the
   * later ones let go — a sampler that empties its tables after every slice allocates nothing for the next one.
   */
  keepFrom(from: number): void {
    const kept = this.rows - from;
    const w = this.width;
    for (let r = 0; r < kept; r++) {
      const to = this.chunks[r >>> CHUNK_ROWS_BITS]!;
      const src = from + r;
      const source = this.chunks[src >>> CHUNK_ROWS_BITS]!;
      const a = (r & ROW_MASK) * w;
      const b = (src & ROW_MASK) * w;
      for (let f = 0; f < w; f++) to[a + f] = source[b + f]!;
    }
    const chunks = Math.max(1, Math.ceil(kept / CHUNK_ROWS));
    this.chunks.length = chunks;
    this.tail = this.chunks[chunks - 1]!;
    this.next = (kept - (chunks - 1) * CHUNK_ROWS) * w;
    this.rows = kept;
  }

  get length(): number {
    return this.rows;
  }

  /** Field `field` of every row, as a column. */
  column(field: number): Column {
    return new FieldColumn(this, field);
  }
}

class FieldColumn implements Column {
  constructor(
    private readonly table: RowTable,
    private readonly field: number,
  ) {}

  at(index: number): number {
    return this.table.at(index, this.field);
  }

  get length(): number {
    return this.table.length;
  }
}
