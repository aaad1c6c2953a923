// StrategyBook: the StrategyBookView a strategy reads — the feed's public book (keyed by symbol name) read by symbol index, with depth.
import type { Side } from '../core/model/order.js';
import type { SymbolIndex } from '../core/model/symbol-table.js';
import type { BookView } from '../ports/book-view.js';
import type { StrategyBookLevel, StrategyBookView } from '../ports/strategy.js';

export class StrategyBook implements StrategyBookView {
  /**
   * @param book the feed's book (NO_BOOK_VIEW when it keeps none)
   * @param names symbol index → name: the run's traded symbols, in order
   */
  constructor(
    private readonly book: BookView,
    private readonly names: readonly string[],
  ) {}

  levelLots(symbol: SymbolIndex, side: Side, priceTicks: number): number | null {
    const name = this.names[symbol];
    return name === undefined ? null : this.book.levelLots(name, side, priceTicks);
  }

  forEachLevel(symbol: SymbolIndex, side: Side, maxLevels: number, visit: (priceTicks: number, qtyLots: number, depth: number) => void): number | null {
    if (!Number.isSafeInteger(maxLevels) || maxLevels < 0) throw new TypeError(`book.forEachLevel: maxLevels must be a whole number ≥ 0, got ${String(maxLevels)}`);
    if (side !== 'BUY' && side !== 'SELL') throw new TypeError(`book.forEachLevel: side must be BUY (the bids) or SELL (the asks), got ${String(side)}`);
    const name = this.names[symbol];
    if (name === undefined || this.book.forEachLevel === undefined) return null;
    return this.book.forEachLevel(name, side, maxLevels, visit);
  }

  levels(symbol: SymbolIndex, side: Side, maxLevels: number): readonly StrategyBookLevel[] | null {
    const out: StrategyBookLevel[] = [];
    const visited = this.forEachLevel(symbol, side, maxLevels, (priceTicks, qtyLots) => void out.push({ priceTicks, qtyLots }));
    return visited === null ? null : out;
  }
}
