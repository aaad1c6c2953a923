// Covers MarketEventTally: quote counting by symbol index with the first-quote flag, trades/bars/marks/tickers per symbol (traded or only observed), totals and the sorted JSON.
import { describe, expect, it } from 'vitest';
import type { BarEvent, MarkPriceEvent, TickerEvent, TradeEvent } from '../../src/core/model/market-data-event.js';
import { SymbolTable } from '../../src/core/model/symbol-table.js';
import { MarketEventTally } from '../../src/engine/market-event-tally.js';

/** The run trades B (index 0) and A (1); O is only observed (index -1). */
const SYMBOLS = new SymbolTable(['B', 'A']);
const index = (symbol: string): number => SYMBOLS.indexOf(symbol);

const trade = (symbol: string): TradeEvent => ({ kind: 'trade', symbol, ts: 1, priceTicks: 10, qtyLots: 1, takerSide: 'buy', tradeId: '1' });
const bar = (symbol: string): BarEvent => ({
  kind: 'bar', symbol, ts: 1000, resolutionMs: 1000, openTs: 0, openTicks: 1, highTicks: 1, lowTicks: 1, closeTicks: 1, volumeLots: 1, tradeCount: 1, source: 'buffer', closed: true,
});
const mark = (symbol: string): MarkPriceEvent => ({ kind: 'mark', symbol, ts: 1, markTicks: 5, indexTicks: null, fundingRate: null });
const ticker = (symbol: string): TickerEvent => ({
  kind: 'ticker', symbol, ts: 1, windowOpenTs: 0, windowCloseTs: 1, lastTicks: 1, openTicks: 1, highTicks: 1, lowTicks: 1, baseVolume: '1', quoteVolume: '1', tradeCount: 1,
});

describe('MarketEventTally', () => {
  it("says true only for a symbol's first quote", () => {
    const tally = new MarketEventTally(SYMBOLS);
    expect([tally.quote(0), tally.quote(0), tally.quote(1), tally.quote(0)]).toEqual([true, false, true, false]);
    expect(tally.of('B')).toEqual({ quotes: 3, trades: 0, bars: 0, marks: 0, tickers: 0 });
  });

  it('counts trades, bars, marks and tickers per symbol; a quote after them is still the symbol\'s first', () => {
    const tally = new MarketEventTally(SYMBOLS);
    tally.context(ticker('A'), index('A'));
    tally.context(ticker('B'), index('B'));
    tally.context(ticker('A'), index('A'));
    tally.context(trade('B'), index('B'));
    tally.context(bar('B'), index('B'));
    tally.context(mark('A'), index('A'));
    tally.context(trade('B'), index('B'));
    expect(tally.quote(0)).toBe(true);
    expect(tally.quote(0)).toBe(false);
    expect(tally.totals()).toEqual({ quotes: 2, trades: 2, bars: 1, marks: 1, tickers: 3 });
    expect(tally.toJson()).toEqual({
      quotes: 2, trades: 2, bars: 1, marks: 1, tickers: 3,
      by_symbol: { A: { quotes: 0, trades: 0, bars: 0, marks: 1, tickers: 2 }, B: { quotes: 2, trades: 2, bars: 1, marks: 0, tickers: 1 } },
    });
    expect(Object.keys((tally.toJson() as { by_symbol: object }).by_symbol)).toEqual(['A', 'B']);
  });

  it('counts context events of a symbol the run only observes under its name', () => {
    const tally = new MarketEventTally(SYMBOLS);
    tally.context(trade('O'), index('O'));
    tally.context(trade('O'), -1);
    tally.context(trade('A'), index('A'));
    expect(tally.of('O')).toEqual({ quotes: 0, trades: 2, bars: 0, marks: 0, tickers: 0 });
    expect(tally.quote(1)).toBe(true);
    expect(tally.of('A')).toEqual({ quotes: 1, trades: 1, bars: 0, marks: 0, tickers: 0 });
  });
});
