// ChangedSymbols: the symbol indexes whose exposure inputs (position, mark, open lots) changed since the last drain, each listed once.
import type { SymbolIndex } from '../model/symbol-table.js';

/**
 * Written by the ledger and the working orders on every change of a symbol's position, mark or open lots; drained by
 * whoever keeps a per-symbol aggregate up to date, so an aggregate costs the symbols that changed, not all of them.
 */
export class ChangedSymbols {
  private readonly listed: Uint8Array;
  private readonly list: SymbolIndex[] = [];

  /** @param symbolCount indexes 0 … symbolCount − 1; every one starts listed (nothing has been read yet) */
  constructor(symbolCount: number) {
    this.listed = new Uint8Array(symbolCount).fill(1);
    for (let i = 0; i < symbolCount; i++) this.list.push(i);
  }

  touch(symbol: SymbolIndex): void {
    if (this.listed[symbol] === 0) {
      this.listed[symbol] = 1;
      this.list.push(symbol);
    }
  }

  /** Calls `each` once per changed index (in the order first changed) and empties the list. */
  drain(each: (symbol: SymbolIndex) => void): void {
    const list = this.list;
    for (let i = 0; i < list.length; i++) {
      const symbol = list[i]!;
      this.listed[symbol] = 0;
      each(symbol);
    }
    list.length = 0;
  }
}
