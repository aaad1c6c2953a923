// Covers checkBybitOrder and BybitVenueRules on the docs' linear and spot BTCUSDT: each rejection's retCode and message, exact boundaries, the post-only maximum, cancel codes and venue outcomes.
import { describe, it, expect } from 'vitest';
import type { OrderRequest } from '../../../src/core/model/order.js';
import { BybitVenueRules, checkBybitOrder, type BybitOrderFields } from '../../../src/venues/bybit/bybit-venue-rules.js';
import type { BybitInstrument } from '../../../src/venues/bybit/bybit-instruments.js';
import { docsBtc, gridOf } from '../../helpers/bybit-instruments.js';

// Docs examples (docs/v5/market/instrument.mdx): linear tick 0.10, band 0.10–1999999.80, qtyStep 0.001, qty 0.001–1190.000,
// minNotionalValue 5; spot tick 0.1, basePrecision 0.000001, maxLimitOrderQty 83, postOnlyMaxLimitOrderSize 60000, minOrderAmt 5.
const LINEAR = docsBtc('linear');
const SPOT = docsBtc('spot');
const FEES = { makerPpm: 200, takerPpm: 550 };

function check(instrument: BybitInstrument, price: string, qty: string, postOnly = false): ReturnType<typeof checkBybitOrder> {
  const fields: BybitOrderFields = { price, qty, postOnly };
  return checkBybitOrder(fields, instrument);
}

// Linear: docs/v5/error.mdx lists no finer codes than 10001 "Request parameter error" for grid and size.
describe('checkBybitOrder, linear', () => {
  it('accepts an order on the grid inside every limit', () => {
    expect(check(LINEAR, '93500.10', '0.001')).toBe(null);
    expect(check(LINEAR, '93500', '1.5')).toBe(null);
  });

  it('rejects a price off the tick with 10001', () => {
    expect(check(LINEAR, '93500.05', '0.001')).toEqual({ code: '10001', message: 'Request parameter error', detail: 'price 93500.05 is not a multiple of tickSize 0.10' });
  });

  it('rejects a price below minPrice or above maxPrice with 10001, and accepts both band edges', () => {
    const banded: BybitInstrument = { ...LINEAR, minPrice: '5000.00' };
    expect(check(banded, '4999.90', '0.01')).toEqual({ code: '10001', message: 'Request parameter error', detail: 'price 4999.90 is below minPrice 5000.00' });
    expect(check(banded, '5000.00', '0.001')).toBe(null);
    expect(check(LINEAR, '1999999.90', '0.001')).toEqual({ code: '10001', message: 'Request parameter error', detail: 'price 1999999.90 is above maxPrice 1999999.80' });
    expect(check(LINEAR, '1999999.80', '0.001')).toBe(null);
  });

  it('rejects a qty off qtyStep with 10001', () => {
    expect(check(LINEAR, '93500', '0.0015')).toEqual({ code: '10001', message: 'Request parameter error', detail: 'qty 0.0015 is not a multiple of qtyStep 0.001' });
  });

  it('rejects a qty below minOrderQty with 10001 and accepts exactly the minimum', () => {
    const min5: BybitInstrument = { ...LINEAR, spec: { ...LINEAR.spec, minQty: '0.005' } };
    expect(check(min5, '93500', '0.004')).toEqual({ code: '10001', message: 'Request parameter error', detail: 'qty 0.004 is below minOrderQty 0.005' });
    expect(check(min5, '93500', '0.005')).toBe(null);
    expect(check(LINEAR, '93500', '0')).toEqual({ code: '10001', message: 'Request parameter error', detail: 'qty 0 is below minOrderQty 0.001' });
  });

  it('rejects a qty above maxOrderQty with 10001 and accepts exactly the maximum', () => {
    expect(check(LINEAR, '93500', '1190.001')).toEqual({ code: '10001', message: 'Request parameter error', detail: 'qty 1190.001 is above the maximum 1190.000' });
    expect(check(LINEAR, '93500', '1190.000')).toBe(null);
  });

  it('checks a post-only qty against the post-only maximum, not maxOrderQty', () => {
    const bigger: BybitInstrument = { ...LINEAR, postOnlyMaxQty: '2000.000' };
    expect(check(bigger, '93500', '1500', false)).toEqual({ code: '10001', message: 'Request parameter error', detail: 'qty 1500 is above the maximum 1190.000' });
    expect(check(bigger, '93500', '1500', true)).toBe(null);
    expect(check(bigger, '93500', '2000.001', true)).toEqual({ code: '10001', message: 'Request parameter error', detail: 'qty 2000.001 is above the maximum 2000.000' });
  });

  // error.mdx (UTA table): 110094 "Order notional value below the lower limit".
  it('rejects an order value below minNotionalValue with 110094 and accepts exactly 5 USDT', () => {
    expect(check(LINEAR, '4999.90', '0.001')).toEqual({
      code: '110094',
      message: 'Order notional value below the lower limit',
      detail: 'order value 4.9999 is below minNotionalValue 5',
    });
    expect(check(LINEAR, '5000.00', '0.001')).toBe(null);
  });

  it('reports the grid before the size and the size before the value', () => {
    expect(check(LINEAR, '0.15', '0.0001')).toEqual({ code: '10001', message: 'Request parameter error', detail: 'price 0.15 is not a multiple of tickSize 0.10' });
    expect(check(LINEAR, '0.10', '0.0001')).toEqual({ code: '10001', message: 'Request parameter error', detail: 'qty 0.0001 is not a multiple of qtyStep 0.001' });
    expect(check(LINEAR, '0.10', '0.001')?.code).toBe('110094');
  });
});

// Spot: docs/v5/error.mdx "Spot Trade" codes 170134, 170137, 170136, 170135, 170140.
describe('checkBybitOrder, spot', () => {
  it('accepts an order on the grid inside every limit, with no price band', () => {
    expect(check(SPOT, '93500.1', '0.000054')).toBe(null);
    expect(check(SPOT, '0.1', '50')).toBe(null);
    expect(check(SPOT, '99999999.9', '0.000001')).toBe(null);
  });

  it('rejects a price off the tick with 170134', () => {
    expect(check(SPOT, '93500.05', '0.001')).toEqual({ code: '170134', message: 'Order price decimal too long.', detail: 'price 93500.05 is not a multiple of tickSize 0.1' });
  });

  it('rejects a qty off basePrecision with 170137', () => {
    expect(check(SPOT, '93500', '0.0000015')).toEqual({
      code: '170137',
      message: 'Order volume decimal too long',
      detail: 'qty 0.0000015 is not a multiple of basePrecision 0.000001',
    });
  });

  it('rejects a qty below the minimum with 170136 and accepts exactly the minimum', () => {
    const min: BybitInstrument = { ...SPOT, spec: { ...SPOT.spec, minQty: '0.000011' } };
    expect(check(min, '500000', '0.00001')).toEqual({ code: '170136', message: 'Order quantity lower than the minimum.', detail: 'qty 0.00001 is below minOrderQty 0.000011' });
    expect(check(min, '500000', '0.000011')).toBe(null);
    expect(check(SPOT, '93500', '0')).toEqual({ code: '170136', message: 'Order quantity lower than the minimum.', detail: 'qty 0 is below minOrderQty 0.000001' });
  });

  it('rejects a qty above maxLimitOrderQty with 170381 and accepts exactly the maximum', () => {
    expect(check(SPOT, '93500', '83.000001')).toEqual({ code: '170381', message: 'Order quantity too large.', detail: 'qty 83.000001 is above the maximum 83' });
    expect(check(SPOT, '93500', '83')).toBe(null);
  });

  // instrument.mdx: postOnlyMaxLimitOrderSize, "Maximum limit order size for Post-only and RPI orders".
  it('lets a post-only order go up to postOnlyMaxLimitOrderSize and rejects one beyond it with 170381', () => {
    expect(check(SPOT, '93500', '84', true)).toBe(null);
    expect(check(SPOT, '93500', '60000', true)).toBe(null);
    expect(check(SPOT, '93500', '60000.000001', true)).toEqual({ code: '170381', message: 'Order quantity too large.', detail: 'qty 60000.000001 is above the maximum 60000' });
  });

  it('rejects an order value below minOrderAmt with 170140 and accepts exactly 5 USDT', () => {
    expect(check(SPOT, '4999.9', '0.001')).toEqual({ code: '170140', message: 'Order value exceeded lower limit', detail: 'order value 4.9999 is below minOrderAmt 5' });
    expect(check(SPOT, '5000', '0.001')).toBe(null);
  });
});

function request(priceTicks: number, qtyLots: number, extra: Partial<OrderRequest> = {}): OrderRequest {
  return { symbol: 'BTCUSDT', symbolIndex: 0, side: 'BUY', priceTicks, qtyLots, quoteMidTicks: priceTicks, ...extra };
}

describe('BybitVenueRules.validate', () => {
  const linear = new BybitVenueRules('linear', FEES, new Map([['BTCUSDT', LINEAR]]));
  const spot = new BybitVenueRules('spot', FEES, new Map([['BTCUSDT', SPOT]]));

  it('names the venue and carries its category and fees', () => {
    expect([linear.venue, linear.category, linear.fees]).toEqual(['bybit', 'linear', FEES]);
  });

  it('formats ticks and lots on the instrument grid and accepts a valid order', () => {
    expect(linear.validate(request(935000, 1), gridOf(LINEAR))).toBe(null); // 93500.0 × 0.001
  });

  it('rejects with the value rule when the request is below minNotionalValue', () => {
    expect(linear.validate(request(49999, 1), gridOf(LINEAR))).toEqual({
      code: '110094',
      message: 'Order notional value below the lower limit',
      detail: 'order value 4.9999 is below minNotionalValue 5',
    });
  });

  it('applies the post-only maximum when the request is post-only', () => {
    const lots = 84_000_000; // 84 BTC at basePrecision 0.000001
    expect(spot.validate(request(935000, lots), gridOf(SPOT))).toEqual({ code: '170381', message: 'Order quantity too large.', detail: 'qty 84 is above the maximum 83' });
    const postOnly = { options: { timeInForce: 'GTC', postOnly: true, reduceOnly: false } } as const;
    expect(spot.validate(request(935000, lots, postOnly), gridOf(SPOT))).toBe(null);
  });

  it('rejects a symbol the category does not list, and a non-positive price, with 10001', () => {
    expect(linear.validate(request(935000, 1, { symbol: 'XRPUSDT' }), gridOf(LINEAR))).toEqual({
      code: '10001',
      message: 'Request parameter error',
      detail: 'symbol XRPUSDT is not listed in category linear',
    });
    expect(linear.validate(request(0, 1), gridOf(LINEAR))).toEqual({ code: '10001', message: 'Request parameter error', detail: 'price must be positive' });
  });
});

// docs/v5/error.mdx; docs/v5/enum.mdx rejectReason for the outcomes.
describe('BybitVenueRules answers', () => {
  const linear = new BybitVenueRules('linear', FEES, new Map());
  const spot = new BybitVenueRules('spot', FEES, new Map());

  it('refuses a late linear cancel with 110008, 110010 or 110001', () => {
    expect(linear.cancelRejected('ALREADY_FILLED')).toEqual({ code: '110008', message: 'The order has been completed or cancelled.' });
    expect(linear.cancelRejected('ALREADY_CANCELED')).toEqual({ code: '110010', message: 'The order has been cancelled' });
    expect(linear.cancelRejected('UNKNOWN_ORDER')).toEqual({ code: '110001', message: 'Order does not exist' });
  });

  it('refuses a late spot cancel with 170139, 170142 or 170213', () => {
    expect(spot.cancelRejected('ALREADY_FILLED')).toEqual({ code: '170139', message: 'Order has been filled.' });
    expect(spot.cancelRejected('ALREADY_CANCELED')).toEqual({ code: '170142', message: 'Order has been cancelled' });
    expect(spot.cancelRejected('UNKNOWN_ORDER')).toEqual({ code: '170213', message: 'Order does not exist.' });
  });

  it('cancels a post-only order that would take, with EC_PostOnlyWillTakeLiquidity, in both categories', () => {
    expect(linear.postOnlyWouldTake()).toEqual({ kind: 'cancel', reason: 'EC_PostOnlyWillTakeLiquidity' });
    expect(spot.postOnlyWouldTake()).toEqual({ kind: 'cancel', reason: 'EC_PostOnlyWillTakeLiquidity' });
  });

  it('rejects a reduce-only violation with 110017', () => {
    expect(linear.reduceOnlyViolated()).toEqual({ code: '110017', message: 'orderQty will be truncated to zero' });
  });

  it('cancels an IOC remainder with EC_NoImmediateQtyToFill and an unfillable FOK with EC_CancelForNoFullFill', () => {
    expect(linear.immediateRemainder('IOC')).toEqual({ kind: 'cancel', reason: 'EC_NoImmediateQtyToFill' });
    expect(spot.immediateRemainder('FOK')).toEqual({ kind: 'cancel', reason: 'EC_CancelForNoFullFill' });
  });
});

describe('BybitVenueRules.timestampRejected (docs/v5/guide.mdx: server_time - recv_window <= timestamp < server_time + 1000)', () => {
  const linear = new BybitVenueRules('linear', FEES, new Map());
  const window = 'accepted: server time - 5000 ms (recvWindow) <= timestamp < server time + 1000 ms';
  const refused = (off: string) => ({ code: '10002', message: 'The request time exceeds the time window range.', detail: `timestamp ${off} the server time; ${window}` });

  it('processes a timestamp from recv_window behind up to 999 ms ahead', () => {
    expect(linear.timestampRejected(5_000, 10_000, 5_000)).toBeNull();
    expect(linear.timestampRejected(10_999, 10_000, 5_000)).toBeNull();
  });

  it('answers 10002 both for a timestamp more than recv_window behind and for one 1000 ms or more ahead', () => {
    expect(linear.timestampRejected(4_999, 10_000, 5_000)).toEqual(refused('5001 ms behind'));
    expect(linear.timestampRejected(11_000, 10_000, 5_000)).toEqual(refused('1000 ms ahead of'));
    expect(new BybitVenueRules('spot', FEES, new Map()).timestampRejected(12_500, 10_000, 5_000)).toEqual(refused('2500 ms ahead of'));
  });
});
