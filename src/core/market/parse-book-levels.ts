// Converts a venue's [[price, qty], …] level array (decimal strings) into BookLevels on a symbol's grid; prices off the tick grid go to a collector at their exact price.
import type { BookLevel } from '../model/market-data-event.js';
import type { BookSideName } from './book-side.js';
import type { OffGridCollector } from './off-grid-level.js';
import type { SymbolGrid } from './symbol-grid.js';

/**
 * Each element must be an array whose first two entries are decimal strings (extra entries, which some
 * venues append, are ignored), neither negative, the quantity on the lot grid. A price off the tick grid
 * (real books keep old-tick levels after a tick-size change) does not fail the array: the level goes to
 * `offGrid` at its exact price instead. Returns null for anything else.
 */
export function parseBookLevels(raw: unknown, grid: SymbolGrid, side: BookSideName, offGrid: OffGridCollector): BookLevel[] | null {
  if (!Array.isArray(raw)) return null;
  const levels: BookLevel[] = [];
  for (let i = 0; i < raw.length; i++) {
    const level: unknown = raw[i];
    if (!Array.isArray(level)) return null;
    const price = grid.priceUnits(level[0]);
    const qty = grid.qtyUnits(level[1]);
    // Fails on NaN (the fast-units failure value) and on negative numbers alike.
    if (!(qty >= 0)) return null;
    if (!(price >= 0)) {
      const exact = grid.offGridPrice(level[0]);
      if (exact === null) return null;
      offGrid.add({ side, price: exact, qtyLots: qty });
      continue;
    }
    levels.push([price, qty]);
  }
  return levels;
}
