// MarketEventTally: what the execution loop received from its feed, by kind and symbol (quotes, trades, bars, marks, tickers).
import type { MarketContextEvent } from '../core/model/market-data-event.js';
import type { JsonValue } from '../core/report/canonical-json.js';

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
  private readonly bySymbol = new Map<string, SymbolEventCounts>();

  /** Counts a quote; true when it is the symbol's first quote (trades, bars, marks, tickers do not count). One map lookup: this sits on the per-quote hot path. */
  quote(symbol: string): boolean {
    const counts = this.bySymbol.get(symbol);
    if (counts !== undefined) return counts.quotes++ === 0;
    this.bySymbol.set(symbol, { quotes: 1, trades: 0, bars: 0, marks: 0, tickers: 0 });
    return true;
  }

  /** Counts a trade, bar, mark or ticker. */
  context(event: MarketContextEvent): void {
    let counts = this.bySymbol.get(event.symbol);
    if (counts === undefined) {
      counts = { quotes: 0, trades: 0, bars: 0, marks: 0, tickers: 0 };
      this.bySymbol.set(event.symbol, counts);
    }
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
