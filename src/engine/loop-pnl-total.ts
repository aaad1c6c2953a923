// LoopPnlTotal: the run's total PnL over every symbol (what the drawdown check reads), kept up to date from the symbols whose book changed.
import { ChangedSymbols } from '../core/risk/changed-symbols.js';
import type { SymbolIndex } from '../core/model/symbol-table.js';
import { bookPnl, type Ledger, type SymbolBook } from '../core/portfolio/ledger.js';

/**
 * Each symbol's total (bookPnl(book).totalPico) is re-priced when the ledger says its book changed (a mark or a fill),
 * and the running sum moves by the difference: bigint arithmetic, so it equals the sum over every book exactly, in any
 * order. A check then costs the symbols that changed since the last one, not all of them.
 */
export class LoopPnlTotal {
  private readonly books: readonly SymbolBook[];
  private readonly terms: bigint[];
  private total = 0n;
  private readonly changes: ChangedSymbols;
  private readonly reprice = (symbol: SymbolIndex): void => {
    const term = bookPnl(this.books[symbol]!).totalPico;
    this.total += term - this.terms[symbol]!;
    this.terms[symbol] = term;
  };

  /** @param symbolCount the ledger's symbols (indexes 0 … symbolCount − 1) */
  constructor(ledger: Ledger, symbolCount: number) {
    this.books = Array.from({ length: symbolCount }, (_, i) => ledger.book(i));
    this.terms = this.books.map(() => 0n);
    this.changes = new ChangedSymbols(symbolCount);
    ledger.watchChanges(this.changes);
  }

  /** Σ bookPnl(book).totalPico over every symbol, pico-quote. */
  totalPico(): bigint {
    this.changes.drain(this.reprice);
    return this.total;
  }
}
