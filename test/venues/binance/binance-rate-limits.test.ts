// Covers the Binance limit tables: limits per market, endpoint weights and order counts, 80 % queueing, headers, 429/418 helpers.
import { describe, it, expect } from 'vitest';
import {
  BINANCE_BAN_MAX_MS,
  BINANCE_BAN_MIN_MS,
  BINANCE_LIMITS,
  binanceCosts,
  binanceRetryAfterSeconds,
  binanceSimulatedBanMs,
  binanceUsageHeaders,
  createBinanceLimiters,
} from '../../../src/venues/binance/binance-rate-limits.js';

describe('Binance limit tables', () => {
  it('lists spot and USD-M limits with their headers', () => {
    expect(BINANCE_LIMITS.spot.map((s) => [s.name, s.limit, s.windowMs, s.header])).toEqual([
      ['REQUEST_WEIGHT_1M', 6000, 60_000, 'X-MBX-USED-WEIGHT-1M'],
      ['ORDERS_10S', 50, 10_000, 'X-MBX-ORDER-COUNT-10S'],
      ['ORDERS_1D', 160_000, 86_400_000, 'X-MBX-ORDER-COUNT-1D'],
    ]);
    expect(BINANCE_LIMITS.usdm.map((s) => [s.name, s.limit, s.windowMs, s.header])).toEqual([
      ['REQUEST_WEIGHT_1M', 2400, 60_000, 'X-MBX-USED-WEIGHT-1M'],
      ['ORDERS_10S', 300, 10_000, 'X-MBX-ORDER-COUNT-10S'],
      ['ORDERS_1M', 1200, 60_000, 'X-MBX-ORDER-COUNT-1M'],
    ]);
  });

  it('charges each endpoint its documented weight and order count', () => {
    expect(binanceCosts('POST /api/v3/order')).toEqual({ REQUEST_WEIGHT_1M: 1, ORDERS_10S: 1, ORDERS_1D: 1 });
    expect(binanceCosts('DELETE /api/v3/order')).toEqual({ REQUEST_WEIGHT_1M: 1, ORDERS_10S: 0, ORDERS_1D: 0 });
    expect(binanceCosts('DELETE /api/v3/openOrders')).toEqual({ REQUEST_WEIGHT_1M: 1, ORDERS_10S: 0, ORDERS_1D: 0 });
    expect(binanceCosts('POST /api/v3/orderList/oco')).toEqual({ REQUEST_WEIGHT_1M: 1, ORDERS_10S: 2, ORDERS_1D: 2 });
    expect(binanceCosts('POST /fapi/v1/order')).toEqual({ REQUEST_WEIGHT_1M: 0, ORDERS_10S: 1, ORDERS_1M: 1 });
    expect(binanceCosts('DELETE /fapi/v1/allOpenOrders')).toEqual({ REQUEST_WEIGHT_1M: 1, ORDERS_10S: 0, ORDERS_1M: 0 });
  });
});

describe('createBinanceLimiters', () => {
  it('starts queueing spot orders at 80 % of 50 per 10 s and resumes at the next 10 s boundary', () => {
    const group = createBinanceLimiters('spot');
    const t0 = Date.UTC(2025, 0, 1, 0, 0, 3, 250);
    for (let i = 0; i < 40; i += 1) expect(group.tryTake(t0, binanceCosts('POST /api/v3/order')).kind).toBe('taken');
    expect(group.tryTake(t0, binanceCosts('POST /api/v3/order'))).toEqual({ kind: 'wait', waitMs: 6_750, blockedBy: ['ORDERS_10S'] });
    expect(group.tryTake(t0, binanceCosts('DELETE /api/v3/order')).kind).toBe('taken'); // cancels carry no order count
    expect(binanceUsageHeaders('spot', group, t0)).toEqual({
      'X-MBX-USED-WEIGHT-1M': '41',
      'X-MBX-ORDER-COUNT-10S': '40',
      'X-MBX-ORDER-COUNT-1D': '40',
    });
    expect(group.tryTake(t0 + 6_750, binanceCosts('POST /api/v3/order')).kind).toBe('taken');
  });

  it('adds endpoint weights up within the minute and queues at 80 % of 2400 on USD-M', () => {
    const group = createBinanceLimiters('usdm');
    for (let i = 0; i < 1920; i += 1) expect(group.tryTake(0, binanceCosts('DELETE /fapi/v1/order')).kind).toBe('taken');
    expect(group.tryTake(30_000, binanceCosts('DELETE /fapi/v1/order'))).toEqual({ kind: 'wait', waitMs: 30_000, blockedBy: ['REQUEST_WEIGHT_1M'] });
    // New USD-M orders use no IP weight, so they still pass.
    expect(group.tryTake(30_000, binanceCosts('POST /fapi/v1/order')).kind).toBe('taken');
  });

  it('lets --no-throttle record past the limit, and reports which limit the venue would refuse', () => {
    const group = createBinanceLimiters('spot');
    for (let i = 0; i < 50; i += 1) group.record(0, binanceCosts('POST /api/v3/order'));
    expect(group.exceeded(0, binanceCosts('POST /api/v3/order'))).toEqual(['ORDERS_10S']);
    expect(group.exceeded(0, binanceCosts('DELETE /api/v3/order'))).toEqual([]);
  });
});

describe('429 / 418 helpers', () => {
  it('keeps bans within the documented 2 minutes to 3 days', () => {
    expect(BINANCE_BAN_MIN_MS).toBe(120_000);
    expect(BINANCE_BAN_MAX_MS).toBe(259_200_000);
    expect([1, 2, 3].map((n) => binanceSimulatedBanMs(n))).toEqual([120_000, 240_000, 480_000]);
    expect(binanceSimulatedBanMs(12)).toBe(245_760_000);
    expect(binanceSimulatedBanMs(13)).toBe(BINANCE_BAN_MAX_MS);
    expect(binanceSimulatedBanMs(1000)).toBe(BINANCE_BAN_MAX_MS);
  });

  it('renders Retry-After in whole seconds, rounded up, at least 1', () => {
    expect(binanceRetryAfterSeconds(6_750)).toBe('7');
    expect(binanceRetryAfterSeconds(7_000)).toBe('7');
    expect(binanceRetryAfterSeconds(0)).toBe('1');
  });
});
