// Covers the venue part's readers: the market by the flag that chooses it (the report's config.category / config.market), and the market a venue was chosen with.
import '../../helpers/lazy-modules-setup.js';
import { describe, it, expect } from 'vitest';
import { chosenMarket, marketByFlag, type VenueConfig } from '../../../src/app/config/venue-config.js';

const venue = (name: string, market: string): VenueConfig => ({ name, market, instruments: [], instrumentsFile: null });

describe('venue part readers', () => {
  it('give the market under the flag its venue chooses it with, null under the other flag and on a venue without one', () => {
    expect([marketByFlag(venue('bybit', 'spot'), '--category'), marketByFlag(venue('bybit', 'spot'), '--market')]).toEqual(['spot', null]);
    expect([marketByFlag(venue('binance', 'usdm'), '--category'), marketByFlag(venue('binance', 'usdm'), '--market')]).toEqual([null, 'usdm']);
    expect([marketByFlag(venue('fake', 'default'), '--category'), marketByFlag(venue('fake', 'default'), '--market')]).toEqual([null, null]);
  });

  it('name no chosen market for a venue with a single one', () => {
    expect(chosenMarket(venue('fake', 'default'))).toBeNull();
    expect(chosenMarket(venue('bybit', 'linear'))).toBe('linear');
  });
});
