// MarketEventTally: what the execution loop received from its feed, by kind and symbol (quotes, trades, bars, marks, tickers).
import type { MarketContextEvent } from '../core/model/market-data-event.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { SymbolIndex, SymbolTable } from '../core/model/symbol-table.js';

/** Events of one symbol handled by the loop (after a stop nothing more is counted). */
export interface SymbolEventCounts {
  quotes: number;
  trades: number;
  /** Bars handled; every one of them was passed to the strategy. */
  bars: number;
  marks: number;
  /** Venue rolling-window statistics (TickerEvent); context only. */
  tickers: number;
}

export class MarketEventTally {
  /** By name, in the order symbols first had an event (the report sorts them). */
  private readonly bySymbol = new Map<string, SymbolEventCounts>();
  /** The run's symbols' counts by index, once each has had an event (the per-quote path indexes, never hashes). */
  private readonly byIndex: (SymbolEventCounts | undefined)[];

  constructor(private readonly symbols: SymbolTable) {
    this.byIndex = symbols.names.map(() => undefined);
  }

  /** Counts a quote of symbol index `symbol`; true when it is the symbol's first quote (trades, bars, marks, tickers do not count). */
  quote(symbol: SymbolIndex): boolean {
    const counts = this.byIndex[symbol];
    if (counts !== undefined) return counts.quotes++ === 0;
    this.counts(this.symbols.nameOf(symbol), symbol).quotes = 1;
    return true;
  }

  /** The symbol's counts, created (and listed under its name) on its first event. */
  private counts(name: string, symbol: SymbolIndex): SymbolEventCounts {
    let counts = this.bySymbol.get(name);
    if (counts === undefined) {
      counts = { quotes: 0, trades: 0, bars: 0, marks: 0, tickers: 0 };
      this.bySymbol.set(name, counts);
    }
    if (symbol >= 0) this.byIndex[symbol] = counts;
    return counts;
  }

  /** Counts a trade, bar, mark or ticker; `symbol` is its symbol's index, -1 for a symbol the run does not trade. */
  context(event: MarketContextEvent, symbol: SymbolIndex): void {
    const counts = (symbol >= 0 ? this.byIndex[symbol] : undefined) ?? this.counts(event.symbol, symbol);
    if (event.kind === 'trade') counts.trades++;
    else if (event.kind === 'bar') counts.bars++;
    else if (event.kind === 'mark') counts.marks++;
    else counts.tickers++;
  }

  /** The counts of `symbol` (zeros when it had none). */
  of(symbol: string): Readonly<SymbolEventCounts> {
    return this.bySymbol.get(symbol) ?? { quotes: 0, trades: 0, bars: 0, marks: 0, tickers: 0 };
  }

  /** Totals over every symbol. */
  totals(): Readonly<SymbolEventCounts> {
    const sum: SymbolEventCounts = { quotes: 0, trades: 0, bars: 0, marks: 0, tickers: 0 };
    for (const c of this.bySymbol.values()) {
      sum.quotes += c.quotes;
      sum.trades += c.trades;
      sum.bars += c.bars;
      sum.marks += c.marks;
      sum.tickers += c.tickers;
    }
    return sum;
  }

  /** {quotes, trades, bars, marks, tickers, by_symbol: {SYMBOL: {…}}}; symbols in code-unit order. */
  toJson(): JsonValue {
    const symbols = [...this.bySymbol.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      ...this.totals(),
      by_symbol: Object.fromEntries(symbols.map((s) => [s, { ...this.of(s) }])),
    };
  }
}
