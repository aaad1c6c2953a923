// VenueSymbols: the simulated venue's own per-symbol state — the last top of book it saw and its view of the position — by symbol index.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { Instrument } from '../model/instrument.js';
import type { TopOfBook } from '../model/market-update.js';
import type { SymbolIndex } from '../model/symbol-table.js';

/**
 * One symbol at the venue: the last book (undefined before the first update), the filled position, signed lots
 * (reduce-only checks), and the instrument its orders were last checked against.
 */
export interface VenueSymbol {
  /** The venue's own copy of the last top of book (a feed may rewrite the record it gave: MarketDataFeed.next); see noteBook. */
  readonly lastBook: TopOfBook | undefined;
  positionLots: number;
  /** The instrument the symbol's orders were last checked against and the name it was looked up by (null: none yet). */
  instrumentName: string | null;
  instrument: Instrument | undefined;
}

/**
 * The state record; it is also its own last book (TopOfBook's fields live here and lastBook points back at the record
 * once a book was seen), so a market update writes one object per symbol, not a state and a book.
 */
class VenueSymbolState implements VenueSymbol, TopOfBook {
  lastBook: TopOfBook | undefined = undefined;
  positionLots = 0;
  instrumentName: string | null = null;
  instrument: Instrument | undefined = undefined;
  symbol = '';
  ts = 0;
  bidTicks = 0;
  askTicks = 0;
  bidLots = 0;
  askLots = 0;
}

/** Copies `update` into `state`'s last book (written in place: no object per update). */
export function noteBook(state: VenueSymbol, update: TopOfBook): void {
  const own = state as VenueSymbolState;
  own.symbol = update.symbol;
  own.ts = update.ts;
  own.bidTicks = update.bidTicks;
  own.askTicks = update.askTicks;
  own.bidLots = update.bidLots;
  own.askLots = update.askLots;
  own.lastBook = own;
}

export class VenueSymbols {
  private readonly symbols: (VenueSymbol | undefined)[] = [];

  /** The state of symbol index `symbol`, created on first use. */
  get(symbol: SymbolIndex): VenueSymbol {
    const state = this.symbols[symbol];
    if (state !== undefined) return state;
    if (!(Number.isInteger(symbol) && symbol >= 0)) throw invariantViolation(`symbol index ${symbol} is not a run's index`);
    while (this.symbols.length < symbol) this.symbols.push(undefined);
    const created = new VenueSymbolState();
    this.symbols[symbol] = created;
    return created;
  }
}
