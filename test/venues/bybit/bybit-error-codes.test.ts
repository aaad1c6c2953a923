// Covers the Bybit error table: documented retCodes and texts, the rate-limit ret_msg, post-only cancel reason.
import { describe, it, expect } from 'vitest';
import {
  BYBIT_ERRORS,
  BYBIT_POST_ONLY_CANCEL,
  BYBIT_RATE_LIMIT_RET_MSG,
  BYBIT_UNVERIFIED_LINEAR_MIN_NOTIONAL,
} from '../../../src/venues/bybit/bybit-error-codes.js';
import { fillPlaceholders } from '../../../src/venues/shared/fill-placeholders.js';

describe('BYBIT_ERRORS', () => {
  it('carries the documented codes and texts the simulator needs', () => {
    expect(BYBIT_ERRORS.PARAMS).toEqual({ retCode: 10001, retMsg: 'Request parameter error' });
    expect(BYBIT_ERRORS.RATE_LIMIT).toEqual({ retCode: 10006, retMsg: 'Too many visits. Exceeded the API Rate Limit.' });
    expect(BYBIT_ERRORS.REDUCE_ONLY_NOT_SATISFIED).toEqual({ retCode: 110017, retMsg: 'Reduce-only rule not satisfied' });
    expect(BYBIT_ERRORS.SPOT_PRICE_DECIMAL_TOO_LONG).toEqual({ retCode: 170134, retMsg: 'Order price decimal too long.' });
    expect(BYBIT_ERRORS.SPOT_QTY_DECIMAL_TOO_LONG).toEqual({ retCode: 170137, retMsg: 'Order volume decimal too long' });
    expect(BYBIT_ERRORS.SPOT_QTY_TOO_SMALL).toEqual({ retCode: 170136, retMsg: 'Order quantity lower than the minimum.' });
    expect(BYBIT_ERRORS.SPOT_QTY_TOO_LARGE).toEqual({ retCode: 170135, retMsg: 'Order quantity too large.' });
    expect(BYBIT_ERRORS.SPOT_NOTIONAL_TOO_SMALL).toEqual({ retCode: 170140, retMsg: 'Transaction amount lower than the minimum.' });
  });

  it('has distinct retCodes', () => {
    const codes = Object.values(BYBIT_ERRORS).map((e) => e.retCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('fills the spot order-rate placeholders', () => {
    expect(fillPlaceholders(BYBIT_ERRORS.SPOT_TOO_MANY_NEW_ORDERS.retMsg, 20, '1s')).toBe('Too many new orders; current limit is 20 orders per 1s.');
  });

  it('answers a post-only order that would take with Cancelled / EC_PostOnlyWillTakeLiquidity, and keeps the unverified min-notional code apart', () => {
    expect(BYBIT_POST_ONLY_CANCEL).toEqual({ orderStatus: 'Cancelled', rejectReason: 'EC_PostOnlyWillTakeLiquidity' });
    expect(BYBIT_RATE_LIMIT_RET_MSG).toBe('Too many visits!');
    expect(BYBIT_UNVERIFIED_LINEAR_MIN_NOTIONAL.retCode).toBe(110094);
  });
});
