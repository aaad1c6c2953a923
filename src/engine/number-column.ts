// NumberColumn: an append-only column of numbers in fixed-size Float64Array chunks — no copying as it grows and nothing for the garbage collector to scan (the --series sampler's storage).

const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export class NumberColumn {
  private readonly chunks: Float64Array[] = [];
  private current = new Float64Array(CHUNK);
  private used = 0;
  private total = 0;

  constructor() {
    this.chunks.push(this.current);
  }

  /** Appends `value` (exact for any double; the sampler stores safe integers). */
  push(value: number): void {
    if (this.used === CHUNK) {
      this.current = new Float64Array(CHUNK);
      this.chunks.push(this.current);
      this.used = 0;
    }
    this.current[this.used++] = value;
    this.total++;
  }

  /** The `index`-th value pushed (0-based); `index` must be below `length`. */
  at(index: number): number {
    return this.chunks[index >>> CHUNK_BITS]![index & MASK]!;
  }

  get length(): number {
    return this.total;
  }
}
