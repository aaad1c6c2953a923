// Covers VenueSymbols: one state per symbol, created on first use, the same object on every later lookup (also across the last-symbol cache).
import { describe, expect, it } from 'vitest';
import { VenueSymbols } from '../../../src/core/sim/venue-symbols.js';

describe('VenueSymbols', () => {
  it('creates a symbol with no book and a flat position, and returns the same state on every lookup', () => {
    const symbols = new VenueSymbols();
    const btc = symbols.get('BTCUSDT');
    expect(btc).toEqual({ lastBook: undefined, positionLots: 0 });
    btc.positionLots = -3;
    const eth = symbols.get('ETHUSDT');
    eth.positionLots = 5;
    expect(symbols.get('BTCUSDT')).toBe(btc);
    expect(symbols.get('BTCUSDT').positionLots).toBe(-3);
    expect(symbols.get('ETHUSDT')).toBe(eth);
    expect(symbols.get('ETHUSDT').positionLots).toBe(5);
  });
});
