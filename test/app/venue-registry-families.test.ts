// Covers the registry's parameterised venues: `<prefix>:<id>` loads through the family's factory only when named, lists after the fixed venues, and an id the family has no venue for is refused.
import { describe, expect, it } from 'vitest';
import { allVenuesLoaded, isVenueName, loadAllVenues, loadedVenues, loadVenue, venueModule, VENUE_CHOICES, VENUE_NAMES } from '../../src/app/venue-registry.js';

describe('venue registry families', () => {
  it('offers each family as one --exchange choice after the fixed venues', () => {
    expect(VENUE_CHOICES).toEqual([...VENUE_NAMES, 'ccxt:<id>']);
  });

  it('loads a family member only when named, after which it is a venue listed last', async () => {
    await loadAllVenues();
    expect(isVenueName('ccxt:kraken')).toBe(false);
    expect(loadedVenues().map((v) => v.name)).toEqual([...VENUE_NAMES]);
    await loadVenue(' CCXT:kraken ');
    expect(isVenueName('ccxt:kraken')).toBe(true);
    expect(venueModule('ccxt:kraken').markets.names).toEqual(['spot', 'swap']);
    expect(loadedVenues().map((v) => v.name)).toEqual([...VENUE_NAMES, 'ccxt:kraken']);
    expect(allVenuesLoaded()).toBe(true);
  });

  it('refuses an id the family has no venue for, naming it', async () => {
    await expect(loadVenue('ccxt:nosuchexchange')).rejects.toThrow("ccxt 4.5");
    await expect(loadVenue('ccxt:Bad-Id')).rejects.toThrow('a ccxt exchange id is lower-case letters and digits');
    expect(isVenueName('ccxt:nosuchexchange')).toBe(false);
  });
});
