// OffGridLadder: one side's off-grid levels (exact prices between two ticks), best first; see off-grid-level.ts for why they live apart.
import type { BookSideName } from './book-side.js';
import type { OffGridLevel } from '../model/market-data-event.js';

/** A level held: its exact price and size. */
export interface HeldOffGridLevel {
  readonly price: OffGridLevel['price'];
  readonly qtyLots: number;
}

/**
 * A sorted array (off-grid levels are rare: a few per book), best first — highest bid, lowest ask —
 * with binary-search inserts. Invariants: exact prices strictly ordered, every size > 0.
 */
export class OffGridLadder {
  private readonly levels: HeldOffGridLevel[] = [];

  constructor(readonly side: BookSideName) {}

  get count(): number {
    return this.levels.length;
  }

  /** The best level (highest bid, lowest ask), null when there is none. */
  best(): HeldOffGridLevel | null {
    return this.levels[0] ?? null;
  }

  /** The worst level (lowest bid, highest ask), null when there is none. */
  worst(): HeldOffGridLevel | null {
    return this.levels[this.levels.length - 1] ?? null;
  }

  /** Sets a level's absolute size (0 removes it). Returns false only when asked to remove a level it does not hold. */
  set(level: OffGridLevel): boolean {
    const levels = this.levels;
    const exact = level.price.exact;
    // Binary search, best first (bids descending, asks ascending): a hostile book of thousands of off-grid levels stays O(n log n).
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = levels[mid]!.price.exact;
      if (this.side === 'bid' ? p > exact : p < exact) lo = mid + 1;
      else hi = mid;
    }
    const here = levels[lo];
    if (here !== undefined && here.price.exact === exact) {
      if (level.qtyLots === 0) levels.splice(lo, 1);
      else levels[lo] = { price: here.price, qtyLots: level.qtyLots };
      return true;
    }
    if (level.qtyLots === 0) return false;
    levels.splice(lo, 0, { price: level.price, qtyLots: level.qtyLots });
    return true;
  }

  clear(): void {
    this.levels.length = 0;
  }

  /** The levels, best first. */
  all(): readonly HeldOffGridLevel[] {
    return [...this.levels];
  }
}
