// ChangedSymbols: the symbol indexes whose exposure inputs (position, mark, open lots) changed since the last drain, each listed once.
import type { SymbolIndex } from '../model/symbol-table.js';

/**
 * Written by the ledger and the working orders on every change of a symbol's position, mark or open lots; drained by
 * whoever keeps a per-symbol aggregate up to date, so an aggregate costs the symbols that changed, not all of them.
 */
export class ChangedSymbols {
  private readonly listed: Uint8Array;
  /**
   * The listed indexes in the order first changed, list[0 … size − 1]: a fixed typed array and a count, since an index
   * is listed at most once (emptying is `size = 0`; truncating a JS array's length is a runtime call, on every check).
   */
  private readonly list: Int32Array;
  private size: number;

  /** @param symbolCount indexes 0 … symbolCount − 1; every one starts listed (nothing has been read yet) */
  constructor(symbolCount: number) {
    this.listed = new Uint8Array(symbolCount).fill(1);
    this.list = new Int32Array(symbolCount);
    for (let i = 0; i < symbolCount; i++) this.list[i] = i;
    this.size = symbolCount;
  }

  touch(symbol: SymbolIndex): void {
    if (this.listed[symbol] === 0) {
      this.listed[symbol] = 1;
      this.list[this.size++] = symbol;
    }
  }

  /** Calls `each` once per changed index (in the order first changed) and empties the list. */
  drain(each: (symbol: SymbolIndex) => void): void {
    const list = this.list;
    for (let i = 0; i < this.size; i++) {
      const symbol = list[i]!;
      this.listed[symbol] = 0;
      each(symbol);
    }
    this.size = 0;
  }
}
