// Covers MarketEventTally: quote counting with the first-quote flag, trades/bars/marks/tickers per symbol, totals and the sorted JSON.
import { describe, expect, it } from 'vitest';
import type { BarEvent, MarkPriceEvent, TickerEvent, TradeEvent } from '../../src/core/model/market-data-event.js';
import { MarketEventTally } from '../../src/engine/market-event-tally.js';

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
    const tally = new MarketEventTally();
    expect([tally.quote('B'), tally.quote('B'), tally.quote('A'), tally.quote('B')]).toEqual([true, false, true, false]);
    expect(tally.of('B')).toEqual({ quotes: 3, trades: 0, bars: 0, marks: 0, tickers: 0 });
  });

  it('counts trades, bars, marks and tickers per symbol; a quote after them is still the symbol\'s first', () => {
    const tally = new MarketEventTally();
    tally.context(ticker('A'));
    tally.context(ticker('B'));
    tally.context(ticker('A'));
    tally.context(trade('B'));
    tally.context(bar('B'));
    tally.context(mark('A'));
    tally.context(trade('B'));
    expect(tally.quote('B')).toBe(true);
    expect(tally.quote('B')).toBe(false);
    expect(tally.totals()).toEqual({ quotes: 2, trades: 2, bars: 1, marks: 1, tickers: 3 });
    expect(tally.toJson()).toEqual({
      quotes: 2, trades: 2, bars: 1, marks: 1, tickers: 3,
      by_symbol: { A: { quotes: 0, trades: 0, bars: 0, marks: 1, tickers: 2 }, B: { quotes: 2, trades: 2, bars: 1, marks: 0, tickers: 1 } },
    });
    expect(Object.keys((tally.toJson() as { by_symbol: object }).by_symbol)).toEqual(['A', 'B']);
  });
});
