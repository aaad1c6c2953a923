// BookView port: read access to the public L2 book a real-data feed keeps, for fill models that need queue depth.
import type { Side } from '../core/model/order.js';

export interface BookView {
  /**
   * Public size resting at `priceTicks` on the side a `side` order joins (bids for BUY, asks for SELL), lots, as of
   * the market event being handled: 0 when the level is empty but inside the book's known depth; null when the feed
   * cannot tell (no synced book for the symbol, or the price lies beyond the depth it keeps).
   */
  levelLots(symbol: string, side: Side, priceTicks: number): number | null;
  /**
   * Visits up to `maxLevels` price levels of the side a `side` order joins (bids for BUY, highest first; asks for SELL,
   * lowest first) as (priceTicks, qtyLots, depth from 0), as of the market event being handled; returns how many it
   * visited, or null when the feed cannot tell (no synced book for the symbol). Levels off the tick grid are not
   * visited. Optional: a view without it cannot tell.
   */
  forEachLevel?(symbol: string, side: Side, maxLevels: number, visit: (priceTicks: number, qtyLots: number, depth: number) => void): number | null;
}

/** A feed that keeps no book: every answer is "cannot tell". */
export const NO_BOOK_VIEW: BookView = { levelLots: () => null, forEachLevel: () => null };
