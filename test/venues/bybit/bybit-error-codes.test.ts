// Covers the Bybit error table: every retCode and text against docs/v5/error.mdx @072c197d, the rate-limit ret_msg, post-only cancel reason, detail kept out of the message.
import { describe, it, expect } from 'vitest';
import {
  BYBIT_ERRORS,
  BYBIT_HTTP_FORBIDDEN_MESSAGE,
  BYBIT_POST_ONLY_CANCEL,
  BYBIT_RATE_LIMIT_RET_MSG,
  bybitReject,
} from '../../../src/venues/bybit/bybit-error-codes.js';
import { fillPlaceholders } from '../../../src/venues/shared/fill-placeholders.js';

describe('BYBIT_ERRORS', () => {
  it('carries each code with exactly the text of the current error table (UTA and Spot Trade tables, trailing spaces trimmed)', () => {
    const table = Object.fromEntries(Object.entries(BYBIT_ERRORS).map(([name, e]) => [name, [e.retCode, e.retMsg]]));
    expect(table).toEqual({
      PARAMS: [10001, 'Request parameter error'],
      TIMESTAMP_OUT_OF_WINDOW: [10002, 'The request time exceeds the time window range.'],
      RATE_LIMIT: [10006, 'Too many visits. Exceeded the API Rate Limit.'],
      ORDER_NOT_EXISTS: [110001, 'Order does not exist'],
      PRICE_OUT_OF_RANGE: [110003, 'Order price exceeds the allowable range.'],
      ORDER_COMPLETED_OR_CANCELLED: [110008, 'The order has been completed or cancelled.'],
      ORDER_CANCELLED: [110010, 'The order has been cancelled'],
      REDUCE_ONLY_NOT_SATISFIED: [110017, 'orderQty will be truncated to zero'],
      AMEND_QTY_NOT_ABOVE_FILLED: [110064, 'The modified contract quantity cannot be less than or equal to the filled quantity.'],
      LINEAR_NOTIONAL_TOO_SMALL: [110094, 'Order notional value below the lower limit'],
      SPOT_TOO_MANY_NEW_ORDERS: [170005, 'Too many new orders; current limit is %s orders per %s.'],
      SPOT_ORDER_AMOUNT_TOO_LARGE: [170124, 'Order amount too large.'],
      SPOT_PRICE_TOO_HIGH: [170132, 'Order price too high.'],
      SPOT_PRICE_TOO_LOW: [170133, 'Order price lower than the minimum.'],
      SPOT_PRICE_DECIMAL_TOO_LONG: [170134, 'Order price decimal too long.'],
      SPOT_QTY_TOO_LARGE: [170381, 'Order quantity too large.'],
      SPOT_QTY_TOO_SMALL: [170136, 'Order quantity lower than the minimum.'],
      SPOT_QTY_DECIMAL_TOO_LONG: [170137, 'Order volume decimal too long'],
      SPOT_ORDER_FILLED: [170139, 'Order has been filled.'],
      SPOT_NOTIONAL_TOO_SMALL: [170140, 'Order value exceeded lower limit'],
      SPOT_ORDER_CANCELED: [170142, 'Order has been cancelled'],
      SPOT_ORDER_NOT_EXISTS: [170213, 'Order does not exist.'],
      SPOT_AMEND_QTY_BELOW_FILLED: [170313, 'The modified contract quantity cannot be less than to the filled quantity'],
    });
  });

  it('no longer answers with the removed 170135', () => {
    expect(Object.values(BYBIT_ERRORS).map((e) => e.retCode)).not.toContain(170135);
  });

  it('has distinct retCodes', () => {
    const codes = Object.values(BYBIT_ERRORS).map((e) => e.retCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('fills the spot order-rate placeholders', () => {
    expect(fillPlaceholders(BYBIT_ERRORS.SPOT_TOO_MANY_NEW_ORDERS.retMsg, 20, '1s')).toBe('Too many new orders; current limit is 20 orders per 1s.');
  });

  it('answers a post-only order that would take with Cancelled / EC_PostOnlyWillTakeLiquidity; 10006 ret_msg and the 403 text', () => {
    expect(BYBIT_POST_ONLY_CANCEL).toEqual({ orderStatus: 'Cancelled', rejectReason: 'EC_PostOnlyWillTakeLiquidity' });
    expect(BYBIT_RATE_LIMIT_RET_MSG).toBe('Too many visits!');
    expect(BYBIT_HTTP_FORBIDDEN_MESSAGE).toBe('Forbidden request.');
  });
});

describe('bybitReject', () => {
  it('keeps the retMsg as is and puts our detail in its own field', () => {
    expect(bybitReject(BYBIT_ERRORS.PARAMS)).toEqual({ code: '10001', message: 'Request parameter error' });
    expect(bybitReject(BYBIT_ERRORS.PARAMS, 'price must be positive')).toEqual({
      code: '10001',
      message: 'Request parameter error',
      detail: 'price must be positive',
    });
  });
});
