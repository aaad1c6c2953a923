// Covers the venue part's readers: the Bybit category and Binance market of a run, and the market a venue was chosen with.
import { describe, it, expect } from 'vitest';
import { binanceMarket, bybitCategory, chosenMarket, DEFAULT_MARKET, type VenueConfig } from '../../../src/app/config/venue-config.js';

const venue = (name: string, market: string): VenueConfig => ({ name, market, instruments: [], instrumentsFile: null });

describe('venue part readers', () => {
  it('give the Bybit category only on Bybit and the Binance market only on Binance', () => {
    expect([bybitCategory(venue('bybit', 'spot')), binanceMarket(venue('bybit', 'spot'))]).toEqual(['spot', null]);
    expect([bybitCategory(venue('binance', 'usdm')), binanceMarket(venue('binance', 'usdm'))]).toEqual([null, 'usdm']);
    expect([bybitCategory(venue('fake', DEFAULT_MARKET)), binanceMarket(venue('fake', DEFAULT_MARKET))]).toEqual([null, null]);
  });

  it('name no chosen market for a venue with a single one', () => {
    expect(chosenMarket(venue('fake', DEFAULT_MARKET))).toBeNull();
    expect(chosenMarket(venue('bybit', 'linear'))).toBe('linear');
  });
});
