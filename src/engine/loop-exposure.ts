// LoopExposure: the loop's exposure as the risk monitor reads it — positions from the ledger, open lots from the working orders, at the mark — by symbol index, the total kept up to date from the symbols that changed.
import { invariantViolation } from '../core/errors/shadow-exec-error.js';
import type { Instrument } from '../core/model/instrument.js';
import type { SymbolIndex } from '../core/model/symbol-table.js';
import type { SymbolWorking, WorkingOrders } from '../core/orders/working-orders.js';
import type { Ledger, SymbolBook } from '../core/portfolio/ledger.js';
import { worstCaseNotionalE8 } from '../core/risk/exposure.js';
import type { ExposureView } from '../core/risk/risk-monitor.js';
import { ChangedSymbols } from '../core/risk/changed-symbols.js';


/**
 * The total is kept up to date: the ledger and working orders list the symbols whose inputs changed (ChangedSymbols),
 * and a check re-prices only those, so its cost follows the symbols that moved, not the number traded. Every term is an
 * integer; while the terms and the total stay below 2^53 the running total equals the sum in symbol order exactly.
 * Past that (notional beyond ~9e7 quote) it is summed afresh from the terms in symbol order, as before.
 */
export class LoopExposure implements ExposureView {
  /**
   * Per symbol index, the ledger book, the working-order totals and the atom (QUOTE_E8 per tick × lot), resolved once
   * (the run's symbol order): parallel arrays, so a check loads the two live records and no holder object besides.
   */
  private readonly books: readonly SymbolBook[];
  private readonly workings: readonly SymbolWorking[];
  private readonly atoms: Float64Array;
  /** Each symbol's worst-case notional as last priced, QUOTE_E8. */
  private readonly terms: Float64Array;
  private total = 0;
  /** Set once the running total left the safe integers: it is summed afresh from the terms until it is back. */
  private resum = false;
  private readonly changes: ChangedSymbols;
  private readonly reprice = (symbol: SymbolIndex): void => {
    const book = this.books[symbol]!;
    const working = this.workings[symbol]!;
    const term = worstCaseNotionalE8(book.positionLots, working.openBuyLots, working.openSellLots, book.markTicks, this.atoms[symbol]!);
    this.total = this.total - this.terms[symbol]! + term;
    this.terms[symbol] = term;
    if (!Number.isSafeInteger(this.total)) this.resum = true;
  };

  /** @param instruments the run's instruments, index i = symbol index i (as the ledger and working orders are keyed) */
  constructor(instruments: readonly Instrument[], ledger: Ledger, working: WorkingOrders) {
    this.books = instruments.map((_, i) => ledger.book(i));
    this.workings = instruments.map((_, i) => working.symbol(i));
    this.atoms = Float64Array.from(instruments, (instrument) => instrument.atomE8);
    this.terms = new Float64Array(instruments.length);
    this.changes = new ChangedSymbols(instruments.length);
    ledger.watchChanges(this.changes);
    working.watchChanges(this.changes);
  }

  worstCaseTotalE8(): number {
    this.changes.drain(this.reprice);
    if (this.resum) {
      // The terms in symbol order: the same additions summedE8 makes, so the same Number.
      let total = 0;
      for (let i = 0; i < this.terms.length; i++) total += this.terms[i]!;
      this.total = total;
      this.resum = !Number.isSafeInteger(total);
    }
    return this.total;
  }

  /** The total summed over every symbol in symbol order (the reference the running total equals). */
  summedE8(): number {
    let total = 0;
    for (let i = 0; i < this.books.length; i++) {
      const book = this.books[i]!;
      const working = this.workings[i]!;
      total += worstCaseNotionalE8(book.positionLots, working.openBuyLots, working.openSellLots, book.markTicks, this.atoms[i]!);
    }
    return total;
  }

  /** symbol as an index of this run; anything else is a bug of the caller. */
  private checked(symbol: SymbolIndex): SymbolIndex {
    if (this.books[symbol] === undefined) throw invariantViolation(`no exposure for symbol index ${symbol}`);
    return symbol;
  }

  positionLots(symbol: SymbolIndex): number {
    return this.books[this.checked(symbol)]!.positionLots;
  }

  openBuyLots(symbol: SymbolIndex): number {
    return this.workings[this.checked(symbol)]!.openBuyLots;
  }

  openSellLots(symbol: SymbolIndex): number {
    return this.workings[this.checked(symbol)]!.openSellLots;
  }

  markTicks(symbol: SymbolIndex): number {
    return this.books[this.checked(symbol)]!.markTicks;
  }

  atomE8(symbol: SymbolIndex): number {
    return this.atoms[this.checked(symbol)]!;
  }
}
