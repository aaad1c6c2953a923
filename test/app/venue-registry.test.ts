// Covers the venue registry: one line per venue in help order, lazy loading by name (any case), synchronous access after load, and the invariant error before it.
import { describe, expect, it } from 'vitest';
import { allVenuesLoaded, credentialNames, DEFAULT_VENUE, isVenueName, loadAllVenues, loadedVenues, loadVenue, venueModule, venueNamesWhere, VENUE_NAMES } from '../../src/app/venue-registry.js';
import { thrown } from '../helpers/thrown.js';

describe('venue registry', () => {
  it('lists the venues in help order, the first being the default, without loading any', () => {
    expect(VENUE_NAMES).toEqual(['fake', 'bybit', 'binance', 'hyperliquid']);
    expect(DEFAULT_VENUE).toBe('fake');
    expect(isVenueName('bybit')).toBe(true);
    expect(isVenueName('toString')).toBe(false);
    expect(loadedVenues()).toEqual([]);
  });

  it('refuses synchronous access to a venue not loaded yet with E_INVARIANT', () => {
    expect(thrown(() => venueModule('binance'))).toEqual({
      name: 'ShadowExecError',
      code: 'E_INVARIANT',
      message: "invariant violated: venue 'binance' was not loaded before the run was composed (loadVenue)",
    });
  });

  it('loads a venue named in any case, the default one when no name is given, and nothing for an unknown name', async () => {
    await loadVenue(' BYBIT ');
    await loadVenue(undefined);
    await loadVenue('kraken');
    expect(loadedVenues().map((v) => v.name)).toEqual(['fake', 'bybit']);
    expect(allVenuesLoaded()).toBe(false);
    expect(venueModule('bybit').name).toBe('bybit');
  });

  it('loads every venue, each module named by its registry key, and answers questions over the loaded ones', async () => {
    await loadAllVenues();
    expect(allVenuesLoaded()).toBe(true);
    expect(loadedVenues().map((v) => v.name)).toEqual(VENUE_NAMES);
    expect(venueNamesWhere((v) => v.live !== undefined, 'name')).toEqual(['binance', 'bybit', 'hyperliquid']);
    expect([...credentialNames()]).toEqual([
      ['bybit', { apiKey: 'BYBIT_API_KEY', apiSecret: 'BYBIT_API_SECRET' }],
      ['binance', { apiKey: 'BINANCE_API_KEY', apiSecret: 'BINANCE_SECRET_KEY' }],
      ['hyperliquid', { apiKey: 'HYPERLIQUID_ACCOUNT_ADDRESS', apiSecret: 'HYPERLIQUID_PRIVATE_KEY' }],
    ]);
  });
});
