// Covers VenueSymbols: one state per symbol index, created on first use (in any index order), the same object on every later lookup.
import { describe, expect, it } from 'vitest';
import { VenueSymbols } from '../../../src/core/sim/venue-symbols.js';

describe('VenueSymbols', () => {
  it('creates a symbol with no book, a flat position and no instrument looked up yet, and returns the same state on every lookup', () => {
    const symbols = new VenueSymbols();
    const eth = symbols.get(1);
    eth.positionLots = 5;
    const btc = symbols.get(0);
    expect(btc).toEqual({ lastBook: undefined, positionLots: 0, instrumentName: null, instrument: undefined });
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
});
