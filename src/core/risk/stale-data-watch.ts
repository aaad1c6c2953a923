// StaleDataWatch: when each traded symbol last had market data, and which one has gone quiet for longest.

export interface StaleSymbol {
  readonly symbol: string;
  /** nowMs − last market data (or watch start), ms. */
  readonly ageMs: number;
  /** Virtual ms of the last market data (or of the watch start when none arrived). */
  readonly lastMs: number;
}

export class StaleDataWatch {
  /** Latest data time per symbol, virtual ms. */
  private readonly last = new Map<string, number>();

  /** Starts the clock for symbols that have had no data yet: they count as last heard from at sinceMs. */
  watch(symbols: readonly string[], sinceMs: number): void {
    for (const symbol of symbols) if (!this.last.has(symbol)) this.last.set(symbol, sinceMs);
  }

  /** Market data for `symbol` at tsMs; an older timestamp than one already seen does not move the clock back. */
  onData(symbol: string, tsMs: number): void {
    const previous = this.last.get(symbol);
    if (previous === undefined || tsMs > previous) this.last.set(symbol, tsMs);
  }

  /** The symbol with the oldest data whose age is strictly more than staleMs (ties: symbol name ascending), or null. */
  stalest(nowMs: number, staleMs: number): StaleSymbol | null {
    let worst: StaleSymbol | null = null;
    for (const [symbol, lastMs] of this.last) {
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
