// Book levels whose price is off the instrument's current tick grid: what one is, and the collector the level parsers fill.
//
// Why a separate, exact representation instead of a finer grid for the whole book: real books hold such
// levels (Binance keeps resting orders at the old tick after a tick-size change), but only a handful per
// snapshot. Every other level, and every price the loop and the fill models use, stays an integer number of
// ticks: the hot path (BookSide, the fast frame parsers, TopOfBook) keeps its integer arithmetic and its
// safe range. An off-grid level is kept at its exact price (bigint, compared only among off-grid levels);
// against an on-grid price p it needs only its neighbouring ticks, because it never equals one:
//   x > p ⟺ ⌊x⌋ ≥ p   and   x < p ⟺ ⌊x⌋ + 1 ≤ p.
// So the best bid read as ticks is rounded down and the best ask up (the passive side): every comparison
// with our own orders, which are always on the grid, gives the same answer as the exact price would.
import type { OffGridLevel } from '../model/market-data-event.js';

/** Collects the off-grid levels of one book message across its sides; allocates nothing while there are none. */
export class OffGridCollector {
  private levels: OffGridLevel[] | null = null;

  add(level: OffGridLevel): void {
    (this.levels ??= []).push(level);
  }

  /** The levels collected since the last take (undefined when none), and a fresh start. */
  take(): readonly OffGridLevel[] | undefined {
    const levels = this.levels;
    this.levels = null;
    return levels ?? undefined;
  }
}
