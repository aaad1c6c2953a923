// Covers what every venue module promises the rest of the program: markets with defaults and fees, a catalog per market, options per market, and API, credentials, live and replay parts that agree.
import '../helpers/lazy-modules-setup.js';
import { describe, expect, it } from 'vitest';
import { loadedVenues } from '../../src/app/venue-registry.js';

describe.each(loadedVenues().map((v) => [v.name, v] as const))('the %s venue module', (_name, venue) => {
  it('has a default market among its markets, a label and default fees for each, and a flag when it has more than one', () => {
    expect(venue.markets.names).toContain(venue.markets.default);
    for (const market of venue.markets.names) {
      expect(venue.markets.fees[market], market).toMatchObject({ makerBps: expect.any(String), takerBps: expect.any(String) });
      expect(venue.markets.labels[market], market).toEqual(expect.any(String));
    }
    expect(venue.markets.flag === null).toBe(venue.markets.names.length === 1);
  });

  it('gives a bundled or built-in catalog for every market, and a saved-response request exactly when it reads files', () => {
    for (const market of venue.markets.names) {
      expect(venue.catalog.load(market, null).symbols.length, market).toBeGreaterThan(0);
      expect(venue.catalog.sourceRequest(market) === null, market).toBe(venue.catalog.noFileReason !== null);
    }
  });

  it('supports postOnly and a timeInForce with GTC and IOC on every market', () => {
    // Hyperliquid has no FOK (its time in force is Alo, Ioc or Gtc): GTC and IOC are what every venue has.
    for (const market of venue.markets.names) {
      const supported = venue.orderOptions.supported(market);
      expect(supported, market).toContain('postOnly');
      expect(supported.find((s) => s.startsWith('timeInForce=')), market).toMatch(/^timeInForce=GTC\|IOC(\|FOK)?$/);
    }
  });

  it('has a signer, credential names and no refusal reasons exactly when it has an API, and a replay kit exactly when it has a live feed', () => {
    expect(venue.signer !== undefined).toBe(venue.noApi === null);
    expect(venue.credentials !== undefined).toBe(venue.noApi === null);
    expect(venue.replay !== undefined).toBe(venue.live !== undefined);
  });

  it('writes its help examples as shadow-exec command lines', () => {
    for (const line of [...venue.examples.program, ...venue.examples.run, ...(venue.live?.examples ?? []), ...(venue.signer?.help.examples ?? [])]) {
      expect(line).toMatch(/^(\$ shadow-exec |\$ [A-Z_]+=… )/);
    }
  });
});
