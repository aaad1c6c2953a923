// Covers binance-market: the market names and the default regular-user fee rates per market, as bps and as the fee schedule's ppm.
import { describe, it, expect } from 'vitest';
import { bpsToPpm } from '../../../src/core/sim/fee-schedule.js';
import { BINANCE_DEFAULT_FEES, BINANCE_MARKETS, isBinanceMarket } from '../../../src/venues/binance/binance-market.js';

describe('Binance markets', () => {
  it('knows spot and usdm and nothing else', () => {
    expect(BINANCE_MARKETS).toEqual(['spot', 'usdm']);
    expect(isBinanceMarket('spot')).toBe(true);
    expect(isBinanceMarket('usdm')).toBe(true);
    expect(isBinanceMarket('linear')).toBe(false);
    expect(isBinanceMarket('USDM')).toBe(false);
  });

  it('defaults to 10/10 bps on spot and 2/5 bps on USD-M', () => {
    expect(BINANCE_DEFAULT_FEES).toEqual({ spot: { makerBps: '10', takerBps: '10' }, usdm: { makerBps: '2', takerBps: '5' } });
    expect(bpsToPpm(BINANCE_DEFAULT_FEES.spot.makerBps, 'maker')).toBe(1000);
    expect(bpsToPpm(BINANCE_DEFAULT_FEES.usdm.makerBps, 'maker')).toBe(200);
    expect(bpsToPpm(BINANCE_DEFAULT_FEES.usdm.takerBps, 'taker')).toBe(500);
  });
});
