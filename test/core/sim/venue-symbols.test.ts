// Covers VenueSymbols: one state per symbol index, created on first use (in any index order), the same object on every later lookup.
import { describe, expect, it } from 'vitest';
import { VenueSymbols, noteBook } from '../../../src/core/sim/venue-symbols.js';

describe('VenueSymbols', () => {
  it('creates a symbol with no book, a flat position and no instrument looked up yet, and returns the same state on every lookup', () => {
    const symbols = new VenueSymbols();
    const eth = symbols.get(1);
    eth.positionLots = 5;
    const btc = symbols.get(0);
    expect(btc).toMatchObject({ lastBook: undefined, positionLots: 0, instrumentName: null, instrument: undefined });
    btc.positionLots = -3;
    expect(symbols.get(0)).toBe(btc);
    expect(symbols.get(0).positionLots).toBe(-3);
    expect(symbols.get(1)).toBe(eth);
    expect(symbols.get(1).positionLots).toBe(5);
  });

  it('refuses an index no run gives (negative or fractional)', () => {
    expect(() => new VenueSymbols().get(-1)).toThrow('symbol index -1 is not a run\'s index');
    expect(() => new VenueSymbols().get(0.5)).toThrow('symbol index 0.5 is not a run\'s index');
  });

  it('keeps its own copy of the last book, in one record per symbol, so a feed may rewrite the quote it gave', () => {
    const state = new VenueSymbols().get(0);
    const quote = { symbol: 'BTCUSDT', ts: 1_700_000_000_000, bidTicks: 10, askTicks: 11, bidLots: 3, askLots: 4 };
    noteBook(state, quote);
    const record = state.lastBook;
    quote.bidTicks = 99;
    expect(state.lastBook).toMatchObject({ symbol: 'BTCUSDT', ts: 1_700_000_000_000, bidTicks: 10, askTicks: 11, bidLots: 3, askLots: 4 });
    noteBook(state, { ...quote, ts: 1_700_000_000_100 });
    expect(state.lastBook).toBe(record);
    expect(state.lastBook).toMatchObject({ symbol: 'BTCUSDT', ts: 1_700_000_000_100, bidTicks: 99, askTicks: 11, bidLots: 3, askLots: 4 });
  });
});
