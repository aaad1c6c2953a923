// VenueSymbols: the simulated venue's own per-symbol state — the last top of book it saw and its view of the position.
import type { TopOfBook } from '../model/market-update.js';

/** One symbol at the venue: the last book (undefined before the first update) and the filled position, signed lots (reduce-only checks). */
export interface VenueSymbol {
  lastBook: TopOfBook | undefined;
  positionLots: number;
}

export class VenueSymbols {
  private readonly symbols = new Map<string, VenueSymbol>();
  /** The symbol looked up last and its state: most lookups repeat the symbol of the quote being handled. */
  private lastSymbol: string | null = null;
  private lastState: VenueSymbol | null = null;

  /** The symbol's state, created on first use. */
  get(symbol: string): VenueSymbol {
    if (symbol === this.lastSymbol) return this.lastState!;
    let state = this.symbols.get(symbol);
    if (state === undefined) {
      state = { lastBook: undefined, positionLots: 0 };
      this.symbols.set(symbol, state);
    }
    this.lastSymbol = symbol;
    this.lastState = state;
    return state;
  }
}
