// StaleDataWatch: when each traded symbol last had market data, and which one has gone quiet for longest.

export interface StaleSymbol {
  readonly symbol: string;
  /** nowMs − last market data (or watch start), ms. */
  readonly ageMs: number;
  /** Virtual ms of the last market data (or of the watch start when none arrived). */
  readonly lastMs: number;
}

/** One symbol's latest data time, virtual ms (a mutable cell: the per-quote update is one map lookup). */
interface LastData {
  ms: number;
}

export class StaleDataWatch {
  /** Latest data time per symbol, in the order symbols were first watched or seen. */
  private readonly last = new Map<string, LastData>();
  /** The symbol seen last and its cell (consecutive quotes are mostly of one symbol). */
  private lastSymbol: string | null = null;
  private lastCell: LastData | null = null;

  /** Starts the clock for symbols that have had no data yet: they count as last heard from at sinceMs. */
  watch(symbols: readonly string[], sinceMs: number): void {
    for (const symbol of symbols) if (!this.last.has(symbol)) this.last.set(symbol, { ms: sinceMs });
  }

  /** Market data for `symbol` at tsMs; an older timestamp than one already seen does not move the clock back. */
  onData(symbol: string, tsMs: number): void {
    let cell = symbol === this.lastSymbol ? this.lastCell! : this.last.get(symbol);
    if (cell === undefined) {
      cell = { ms: tsMs };
      this.last.set(symbol, cell);
    } else if (tsMs > cell.ms) cell.ms = tsMs;
    this.lastSymbol = symbol;
    this.lastCell = cell;
  }

  /** The symbol with the oldest data whose age is strictly more than staleMs (ties: symbol name ascending), or null. */
  stalest(nowMs: number, staleMs: number): StaleSymbol | null {
    let worst: StaleSymbol | null = null;
    for (const [symbol, { ms: lastMs }] of this.last) {
      const ageMs = nowMs - lastMs;
      if (ageMs <= staleMs) continue;
      if (worst === null || ageMs > worst.ageMs || (ageMs === worst.ageMs && symbol < worst.symbol)) worst = { symbol, ageMs, lastMs };
    }
    return worst;
  }

  /** Symbols watched or seen so far, sorted by name. */
  symbols(): string[] {
    return [...this.last.keys()].sort();
  }
}
