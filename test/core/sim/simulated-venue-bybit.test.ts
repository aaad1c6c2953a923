// Covers SimulatedVenue with BybitVenueRules and BybitApiGate: post-only cancel (EC_PostOnlyWillTakeLiquidity), reduce-only 110017, size/value retCodes, late-cancel codes, and 10006 storms vs client throttling.
import { describe, it, expect } from 'vitest';
import type { OrderOptions } from '../../../src/core/model/order.js';
import { BybitApiGate } from '../../../src/venues/bybit/bybit-api-gate.js';
import type { BybitCategory } from '../../../src/venues/bybit/bybit-category.js';
import { BybitVenueRules } from '../../../src/venues/bybit/bybit-venue-rules.js';
import { docsBtc, gridOf } from '../../helpers/bybit-instruments.js';
import { harness, type Harness } from '../../helpers/venue-harness.js';

const GTC: OrderOptions = { timeInForce: 'GTC', postOnly: false, reduceOnly: false };
const POST_ONLY: OrderOptions = { ...GTC, postOnly: true };
const REDUCE_ONLY: OrderOptions = { ...GTC, reduceOnly: true };
const FEES = { makerPpm: 200, takerPpm: 550 };

// Docs BTCUSDT (docs/v5/market/instrument.mdx): linear tick 0.10 / lot 0.001; spot tick 0.1 / lot 0.000001. 935000 ticks = 93500.0.
function bybitHarness(category: BybitCategory, gate?: { throttle: boolean }): Harness {
  const bybit = docsBtc(category);
  const grid = gridOf(bybit);
  return harness({
    rules: new BybitVenueRules(category, FEES, new Map([['BTCUSDT', bybit]])),
    instruments: [grid],
    ...(gate === undefined
      ? {}
      : { gate: new BybitApiGate({ category, instruments: new Map([['BTCUSDT', grid]]), throttle: gate.throttle, linkIdPrefix: 't-', dryRun: null }) }),
  });
}

describe('SimulatedVenue with Bybit rules: post-only', () => {
  // docs/v5/order/create-order.mdx timeInForce PostOnly: "If the order would be filled immediately when submitted, it will be cancelled".
  it('cancels a linear post-only order that would cross on arrival and counts it under EC_PostOnlyWillTakeLiquidity', () => {
    const h = bybitHarness('linear');
    h.market(0, 934990, 935000);
    h.place('BUY', 935000, 1, 'BTCUSDT', POST_ONLY);
    h.place('BUY', 934990, 1, 'BTCUSDT', POST_ONLY); // joins the bid: rests
    h.runUntil(100);
    expect(h.rec.lines).toEqual(['50 canceled O-1 CANCELED filled=0', '50 accepted O-2 OPEN acceptedAt=50']);
    expect(h.rec.fills).toEqual([]);
    expect(h.venue.stats().venueCancels).toEqual({ EC_PostOnlyWillTakeLiquidity: 1 });
  });

  it('does the same on spot for a post-only sell at the bid', () => {
    const h = bybitHarness('spot');
    h.market(0, 934990, 935000);
    h.place('SELL', 934990, 100, 'BTCUSDT', POST_ONLY); // 0.0001 BTC ≈ 9.35 USDT
    h.runUntil(100);
    expect(h.rec.lines).toEqual(['50 canceled O-1 CANCELED filled=0']);
    expect(h.venue.stats().venueCancels).toEqual({ EC_PostOnlyWillTakeLiquidity: 1 });
  });
});

describe('SimulatedVenue with Bybit rules: reduce-only and instrument checks', () => {
  // docs/v5/error.mdx 110017 "Reduce-only rule not satisfied".
  it('rejects a reduce-only order with no position with 110017', () => {
    const h = bybitHarness('linear');
    h.market(0, 934990, 935000);
    h.place('SELL', 936000, 1, 'BTCUSDT', REDUCE_ONLY);
    h.runUntil(100);
    expect(h.rec.lines).toEqual(['50 rejected O-1 REJECTED 110017']);
    expect(h.rec.rejects).toEqual([{ code: '110017', message: 'orderQty will be truncated to zero' }]);
    expect(h.venue.stats().rejectsByCode).toEqual({ '110017': 1 });
  });

  it('accepts a reduce-only order that closes the position, once a fill has opened it', () => {
    const h = bybitHarness('linear');
    h.market(0, 934990, 935000);
    h.place('BUY', 935000, 2); // takes 2 lots at the ask: long 0.002
    h.runUntil(60);
    h.place('SELL', 936000, 2, 'BTCUSDT', REDUCE_ONLY);
    h.runUntil(200);
    expect(h.rec.lines).toEqual(['50 fill F-1 O-1 BUY 2@935000 TAKER ts=50 FILLED filled=2', '110 accepted O-2 OPEN acceptedAt=110']);
  });

  it('rejects an order under the minimum value with the category code: 110094 linear, 170140 spot', () => {
    const linear = bybitHarness('linear');
    linear.place('BUY', 49999, 1); // 4999.9 × 0.001 = 4.9999 USDT
    linear.runUntil(100);
    expect(linear.rec.rejects).toEqual([{ code: '110094', message: 'Order notional value below the lower limit', detail: 'order value 4.9999 is below minNotionalValue 5' }]);
    const spot = bybitHarness('spot');
    spot.place('BUY', 935000, 1); // 93500 × 0.000001 = 0.0935 USDT
    spot.runUntil(100);
    expect(spot.rec.rejects).toEqual([{ code: '170140', message: 'Order value exceeded lower limit', detail: 'order value 0.0935 is below minOrderAmt 5' }]);
  });

  it('answers a cancel that loses the race to a fill with 110008 on linear', () => {
    const h = bybitHarness('linear');
    h.market(0, 934990, 935000);
    const id = h.place('BUY', 935000, 1); // arrives at 50 and takes
    h.runUntil(10);
    h.venue.cancelOrder(id); // arrives at 60
    h.runUntil(100);
    expect(h.rec.lines).toEqual(['50 fill F-1 O-1 BUY 1@935000 TAKER ts=50 FILLED filled=1', '60 cancel-rejected O-1 FILLED 110008']);
    expect(h.rec.rejects).toEqual([{ code: '110008', message: 'The order has been completed or cancelled.' }]);
  });
});

// docs/v5/rate-limit.mdx: POST /v5/order/create 10/s linear per UID; over it, retCode 10006.
describe('SimulatedVenue with the Bybit API gate', () => {
  it('rejects the 11th create arriving within one second with 10006 when the client does not throttle', () => {
    const h = bybitHarness('linear', { throttle: false });
    for (let i = 0; i < 11; i += 1) h.place('BUY', 934000 - i, 1);
    h.runUntil(100);
    expect(h.rec.lines.slice(9)).toEqual(['50 accepted O-10 OPEN acceptedAt=50', '50 rejected O-11 REJECTED 10006']);
    expect(h.rec.rejects).toEqual([{ code: '10006', message: 'Too many visits. Exceeded the API Rate Limit.' }]);
    expect(h.venue.stats().rejectsByCode).toEqual({ '10006': 1 });
    expect((h.venue.stats().api as { endpoints: Record<string, unknown> }).endpoints['/v5/order/create']).toMatchObject({ sent: 11, rejected_10006: 1 });
  });

  it('holds the 11th create until 1000 ms when the client throttles, so the venue accepts all eleven', () => {
    const h = bybitHarness('linear', { throttle: true });
    for (let i = 0; i < 11; i += 1) h.place('BUY', 934000 - i, 1);
    h.runUntil(2000);
    expect(h.rec.lines).toHaveLength(11);
    expect(h.rec.lines[10]).toBe('1050 accepted O-11 OPEN acceptedAt=1050');
    expect(h.rec.rejects).toEqual([]);
    expect((h.venue.stats().api as { rate_limits: Record<string, unknown> }).rate_limits).toMatchObject({ throttled_requests: 1, total_wait_ms: 1000, max_wait_ms: 1000 });
  });
});
