// StaleDataWatch: when each traded symbol (by index) last had market data, and which one has gone quiet for longest.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { SymbolIndex } from '../model/symbol-table.js';

export interface StaleSymbol {
  readonly symbol: string;
  /** nowMs − last market data (or watch start), ms. */
  readonly ageMs: number;
  /** Virtual ms of the last market data (or of the watch start when none arrived). */
  readonly lastMs: number;
}

export class StaleDataWatch {
  /** Symbol names by index (the run's symbols, as watch() was given them). */
  private names: readonly string[] = [];
  /** Latest data time per symbol index, virtual ms; NaN while the symbol is neither watched nor seen. */
  private readonly lastMs: number[] = [];

  /**
   * Names the run's symbols (index i is symbols[i]) and starts the clock for those that have had no data yet: they count
   * as last heard from at sinceMs. Call it before reading stalest(); the names must be the same on every call.
   */
  watch(symbols: readonly string[], sinceMs: number): void {
    this.names = symbols;
    this.grow(symbols.length);
    for (let i = 0; i < symbols.length; i++) if (Number.isNaN(this.lastMs[i])) this.lastMs[i] = sinceMs;
  }

  /** Market data for symbol index `symbol` at tsMs; an older timestamp than one already seen does not move the clock back. */
  onData(symbol: SymbolIndex, tsMs: number): void {
    const ms = this.lastMs[symbol];
    if (ms === undefined) {
      if (!(Number.isInteger(symbol) && symbol >= 0)) throw invariantViolation(`symbol index ${symbol} is not a run's index`);
      this.grow(symbol + 1);
      this.lastMs[symbol] = tsMs;
    } else if (!(tsMs <= ms)) this.lastMs[symbol] = tsMs; // also replaces NaN (not seen yet)
  }

  /** The symbol with the oldest data whose age is strictly more than staleMs (ties: symbol name ascending), or null. */
  stalest(nowMs: number, staleMs: number): StaleSymbol | null {
    let worst: StaleSymbol | null = null;
    for (let i = 0; i < this.lastMs.length; i++) {
      const lastMs = this.lastMs[i]!;
      if (Number.isNaN(lastMs)) continue;
      const ageMs = nowMs - lastMs;
      if (ageMs <= staleMs) continue;
      const symbol = this.nameOf(i);
      if (worst === null || ageMs > worst.ageMs || (ageMs === worst.ageMs && symbol < worst.symbol)) worst = { symbol, ageMs, lastMs };
    }
    return worst;
  }

  /** Symbols watched or seen so far, sorted by name. */
  symbols(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.lastMs.length; i++) if (!Number.isNaN(this.lastMs[i])) out.push(this.nameOf(i));
    return out.sort();
  }

  private nameOf(i: SymbolIndex): string {
    const name = this.names[i];
    if (name === undefined) throw invariantViolation(`stale-data watch has data for symbol index ${i} but was not told its name (call watch first)`);
    return name;
  }

  private grow(length: number): void {
    while (this.lastMs.length < length) this.lastMs.push(Number.NaN);
  }
}
