// OffGridLadder: one side's off-grid levels (exact prices between two ticks), best first; see off-grid-level.ts for why they live apart.
import type { BookSideName } from './book-side.js';
import type { OffGridLevel } from '../model/market-data-event.js';

/** A level held: its exact price and size. */
export interface HeldOffGridLevel {
  readonly price: OffGridLevel['price'];
  readonly qtyLots: number;
}

/**
 * A short sorted array (off-grid levels are rare: a few per book), best first — highest bid, lowest ask —
 * with linear inserts. Invariants: exact prices strictly ordered, every size > 0.
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
    let i = 0;
    // Best first: bids descending, asks ascending.
    while (i < levels.length && (this.side === 'bid' ? levels[i]!.price.exact > exact : levels[i]!.price.exact < exact)) i++;
    const here = levels[i];
    if (here !== undefined && here.price.exact === exact) {
      if (level.qtyLots === 0) levels.splice(i, 1);
      else levels[i] = { price: here.price, qtyLots: level.qtyLots };
      return true;
    }
    if (level.qtyLots === 0) return false;
    levels.splice(i, 0, { price: level.price, qtyLots: level.qtyLots });
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
