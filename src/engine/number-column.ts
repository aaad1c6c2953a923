// NumberColumn: an append-only column of numbers in fixed-size Float64Array chunks — no copying as it grows and nothing for the garbage collector to scan (the --series sampler's storage).

const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export class NumberColumn {
  private readonly chunks: Float64Array[] = [];
  private current: Float64Array = new Float64Array(CHUNK);
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

  /**
   * Keeps the values from index `from` on (now at 0, 1, …) and forgets the others: in place, the first chunk reused and
   * the later ones let go — a sampler that empties its columns after every slice allocates nothing for the next one.
   */
  keepFrom(from: number): void {
    const kept = this.total - from;
    for (let i = 0; i < kept; i++) this.chunks[i >>> CHUNK_BITS]![i & MASK] = this.at(from + i);
    const chunks = Math.max(1, Math.ceil(kept / CHUNK));
    this.chunks.length = chunks;
    this.current = this.chunks[chunks - 1]!;
    this.used = kept - (chunks - 1) * CHUNK;
    this.total = kept;
  }

  get length(): number {
    return this.total;
  }
}
