// Covers the venue's default symbols: --exchange hyperliquid without --symbols trades BTC and ETH (VenueModule.defaultSymbols), --symbols still wins, other venues keep BTCUSDT.
import '../../helpers/lazy-modules-setup.js';
import { describe, expect, it } from 'vitest';
import { validateRunConfig } from '../../../src/app/config/validate-run-config.js';
import { hyperliquidVenue } from '../../../src/venues/hyperliquid/hyperliquid-venue.js';

describe('hyperliquid default symbols', () => {
  it('declares BTC and ETH, and a run without --symbols trades them', () => {
    expect(hyperliquidVenue.defaultSymbols).toEqual(['BTC', 'ETH']);
    expect(validateRunConfig({ exchange: 'hyperliquid' }).symbols).toEqual(['BTC', 'ETH']);
  });

  it('lets --symbols win, and leaves the option default to venues without their own', () => {
    expect(validateRunConfig({ exchange: 'hyperliquid', symbols: 'SOL' }).symbols).toEqual(['SOL']);
    expect(validateRunConfig({ exchange: 'bybit' }).symbols).toEqual(['BTCUSDT']);
  });
});
