// VenueSymbols: the simulated venue's own per-symbol state — the last top of book it saw and its view of the position — by symbol index.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { Instrument } from '../model/instrument.js';
import type { TopOfBook } from '../model/market-update.js';
import type { SymbolIndex } from '../model/symbol-table.js';

/** One symbol at the venue: the last book (undefined before the first update) and the filled position, signed lots (reduce-only checks). */
export interface VenueSymbol {
  /** The venue's own copy of the last top of book (a feed may rewrite the record it gave: MarketDataFeed.next); see noteBook. */
  lastBook: TopOfBook | undefined;
  positionLots: number;
  /** The instrument the symbol's orders were last checked against and the name it was looked up by (null: none yet). */
  instrumentName: string | null;
  instrument: Instrument | undefined;
}

/** A top of book the venue owns (written in place by noteBook). */
type OwnBook = { -readonly [K in keyof TopOfBook]: TopOfBook[K] };

/** Copies `update` into `state.lastBook` (one record per symbol, written in place: no object per update). */
export function noteBook(state: VenueSymbol, update: TopOfBook): void {
  const book = state.lastBook as OwnBook | undefined;
  if (book === undefined) {
    state.lastBook = { symbol: update.symbol, ts: update.ts, bidTicks: update.bidTicks, askTicks: update.askTicks, bidLots: update.bidLots, askLots: update.askLots };
    return;
  }
  book.symbol = update.symbol;
  book.ts = update.ts;
  book.bidTicks = update.bidTicks;
  book.askTicks = update.askTicks;
  book.bidLots = update.bidLots;
  book.askLots = update.askLots;
}

export class VenueSymbols {
  private readonly symbols: (VenueSymbol | undefined)[] = [];

  /** The state of symbol index `symbol`, created on first use. */
  get(symbol: SymbolIndex): VenueSymbol {
    const state = this.symbols[symbol];
    if (state !== undefined) return state;
    if (!(Number.isInteger(symbol) && symbol >= 0)) throw invariantViolation(`symbol index ${symbol} is not a run's index`);
    while (this.symbols.length < symbol) this.symbols.push(undefined);
    const created: VenueSymbol = { lastBook: undefined, positionLots: 0, instrumentName: null, instrument: undefined };
    this.symbols[symbol] = created;
    return created;
  }
}
