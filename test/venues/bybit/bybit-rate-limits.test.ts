// Covers the Bybit limit table (per-UID endpoint limits, IP limit), batch costs, limit headers and the rolling limiters.
import { describe, it, expect } from 'vitest';
import {
  BYBIT_IP_LIMIT,
  BYBIT_UID_WINDOW_MS,
  BybitRateLimiters,
  bybitEndpointCost,
  bybitEndpointLimit,
  bybitLimitHeaders,
} from '../../../src/venues/bybit/bybit-rate-limits.js';

describe('Bybit limit table', () => {
  it('has the documented default per-UID limits per second for linear and spot', () => {
    expect(bybitEndpointLimit('/v5/order/create', 'linear')).toBe(10);
    expect(bybitEndpointLimit('/v5/order/create', 'spot')).toBe(20);
    expect(bybitEndpointLimit('/v5/order/amend', 'linear')).toBe(10);
    expect(bybitEndpointLimit('/v5/order/amend', 'spot')).toBe(10);
    expect(bybitEndpointLimit('/v5/order/cancel', 'spot')).toBe(20);
    expect(bybitEndpointLimit('/v5/order/cancel-all', 'linear')).toBe(10);
    expect(bybitEndpointLimit('/v5/order/create-batch', 'spot')).toBe(20);
    expect(BYBIT_UID_WINDOW_MS).toBe(1000);
    expect(BYBIT_IP_LIMIT).toEqual({ requests: 600, windowMs: 5000 });
  });

  it('charges batch endpoints one unit per order and single endpoints one per request', () => {
    expect(bybitEndpointCost('/v5/order/create-batch', 5)).toBe(5);
    expect(bybitEndpointCost('/v5/order/create', 5)).toBe(1);
  });

  it('renders the three limit headers as strings, never a negative remainder', () => {
    expect(bybitLimitHeaders(10, 9, 1672738134824)).toEqual({
      'X-Bapi-Limit': '10',
      'X-Bapi-Limit-Status': '9',
      'X-Bapi-Limit-Reset-Timestamp': '1672738134824',
    });
    expect(bybitLimitHeaders(10, -3, 5)['X-Bapi-Limit-Status']).toBe('0');
  });
});

describe('BybitRateLimiters', () => {
  it('blocks the 11th linear create inside one rolling second and frees it exactly 1000 ms after the first', () => {
    const limits = new BybitRateLimiters();
    for (let i = 0; i < 10; i += 1) {
      const { group, costs } = limits.groupFor('linear', '/v5/order/create');
      expect(group.tryTake(1_000 + i * 10, costs).kind).toBe('taken');
    }
    const { group, costs } = limits.groupFor('linear', '/v5/order/create');
    expect(group.tryTake(1_500, costs)).toEqual({ kind: 'wait', waitMs: 500, blockedBy: ['linear /v5/order/create'] });
    // A spot create has its own limit; the shared IP limiter still counts both.
    const spot = limits.groupFor('spot', '/v5/order/create');
    expect(spot.group.tryTake(1_500, spot.costs).kind).toBe('taken');
    expect(limits.ip.usage(1_500)).toBe(11);
  });

  it('emulates X-Bapi-Limit-Status and the reset timestamp', () => {
    const limits = new BybitRateLimiters();
    const { group, costs } = limits.groupFor('linear', '/v5/order/cancel');
    group.tryTake(2_000, costs);
    expect(limits.headers('linear', '/v5/order/cancel', 2_000)).toEqual({
      'X-Bapi-Limit': '10',
      'X-Bapi-Limit-Status': '9',
      'X-Bapi-Limit-Reset-Timestamp': '2000',
    });
    for (let i = 0; i < 9; i += 1) group.tryTake(2_100, costs);
    expect(limits.headers('linear', '/v5/order/cancel', 2_100)).toEqual({
      'X-Bapi-Limit': '10',
      'X-Bapi-Limit-Status': '0',
      'X-Bapi-Limit-Reset-Timestamp': '3000',
    });
  });

  it('applies the IP limit of 600 requests in any 5 s window across endpoints', () => {
    const limits = new BybitRateLimiters();
    let now = 0;
    let taken = 0;
    for (let i = 0; i < 700; i += 1) {
      const endpoint = i % 2 === 0 ? '/v5/order/create' : '/v5/order/cancel';
      const { group, costs } = limits.groupFor('spot', endpoint);
      const decision = group.tryTake(now, costs);
      if (decision.kind === 'taken') taken += 1;
      now += 4; // 250 requests/s offered, 20/s allowed per endpoint
    }
    expect(taken).toBeLessThanOrEqual(600);
    expect(limits.ip.peakUsage).toBeLessThanOrEqual(600);
  });

  it('queues at a chosen percentage of every limit', () => {
    const limits = new BybitRateLimiters(80);
    expect(limits.endpoint('linear', '/v5/order/create').budget).toBe(8);
    expect(limits.ip.budget).toBe(480);
  });
});
