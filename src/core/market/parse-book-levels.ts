// Converts a venue's [[price, qty], …] level array (decimal strings) into BookLevels on a symbol's grid.
import type { BookLevel } from '../model/market-data-event.js';
import type { SymbolGrid } from './symbol-grid.js';

/**
 * Each element must be an array whose first two entries are on-grid decimal strings (extra entries,
 * which some venues append, are ignored) and neither may be negative. Returns null otherwise.
 */
export function parseBookLevels(raw: unknown, grid: SymbolGrid): BookLevel[] | null {
  if (!Array.isArray(raw)) return null;
  const levels: BookLevel[] = [];
  for (let i = 0; i < raw.length; i++) {
    const level: unknown = raw[i];
    if (!Array.isArray(level)) return null;
    const price = grid.priceUnits(level[0]);
    const qty = grid.qtyUnits(level[1]);
    // Fails on NaN (the fast-units failure value) and on negative numbers alike.
    if (!(price >= 0) || !(qty >= 0)) return null;
    levels.push([price, qty]);
  }
  return levels;
}
