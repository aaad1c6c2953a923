// Covers the Binance error tables: filter failures under -1013, -2010 messages, futures -2022/-5022 and the filter/order-count codes, placeholder filling, binanceReject.
import { describe, it, expect } from 'vitest';
import {
  BINANCE_FILTER_FAILURES,
  BINANCE_SPOT_ERRORS,
  BINANCE_USDM_ERRORS,
  binanceErrorPayload,
  binanceReject,
} from '../../../src/venues/binance/binance-error-codes.js';

describe('Binance error tables', () => {
  it('sends every filter failure with -1013 and names the filter', () => {
    for (const [filter, error] of Object.entries(BINANCE_FILTER_FAILURES)) {
      expect(error).toEqual({ code: -1013, msg: `Filter failure: ${filter}` });
    }
  });

  it('has the spot -2010 and parameter messages verbatim', () => {
    expect(BINANCE_SPOT_ERRORS.LIMIT_MAKER_WOULD_TAKE).toEqual({ code: -2010, msg: 'Order would immediately match and take.' });
    expect(BINANCE_SPOT_ERRORS.ICEBERG_QTY_EXCEEDS_QTY).toEqual({ code: -2010, msg: 'IcebergQty exceeds QTY.' });
    expect(binanceErrorPayload(BINANCE_SPOT_ERRORS.MANDATORY_PARAM, 'quantity')).toEqual({
      code: -1102,
      msg: "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.",
    });
    expect(binanceErrorPayload(BINANCE_SPOT_ERRORS.PARAM_NOT_REQUIRED, 'icebergQty')).toEqual({
      code: -1106,
      msg: "Parameter 'icebergQty' sent when not required.",
    });
    expect(BINANCE_SPOT_ERRORS.TIMESTAMP_OUTSIDE_RECV_WINDOW).toEqual({ code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' });
  });

  it('fills the -1003 weight message', () => {
    expect(binanceErrorPayload(BINANCE_SPOT_ERRORS.TOO_MUCH_WEIGHT, 6000, '1m').msg).toBe(
      'Too much request weight used; current limit is 6000 request weight per 1m. Please use WebSocket Streams for live updates to avoid polling the API.',
    );
  });

  it('has the USD-M reduce-only, post-only and filter codes verbatim', () => {
    expect(BINANCE_USDM_ERRORS.REDUCE_ONLY_REJECTED).toEqual({ code: -2022, msg: 'ReduceOnly Order is rejected.' });
    expect(BINANCE_USDM_ERRORS.POST_ONLY_REJECTED).toEqual({
      code: -5022,
      msg: 'Due to the order could not be executed as maker, the Post Only order will be rejected.',
    });
    expect(BINANCE_USDM_ERRORS.PRICE_NOT_ON_TICK).toEqual({ code: -4014, msg: 'Price not increased by tick size.' });
    expect(BINANCE_USDM_ERRORS.QTY_NOT_ON_STEP).toEqual({ code: -4023, msg: 'Qty not increased by step size.' });
    expect(binanceErrorPayload(BINANCE_USDM_ERRORS.MIN_NOTIONAL, '5').msg).toBe("Order's notional must be no smaller than 5 (unless you choose reduce only)");
  });

  it('has the spot iceberg, OCO, zero-value, unsupported-operation and unknown-parameter messages verbatim', () => {
    expect(BINANCE_SPOT_ERRORS.ICEBERG_NOT_SUPPORTED).toEqual({ code: -2010, msg: 'Iceberg orders are not supported for this symbol.' });
    expect(BINANCE_SPOT_ERRORS.OCO_NOT_SUPPORTED).toEqual({ code: -2010, msg: 'OCO orders are not supported for this symbol' });
    expect(BINANCE_SPOT_ERRORS.PRICE_QTY_ZERO).toEqual({ code: -2010, msg: 'Price * QTY is zero or less.' });
    expect(BINANCE_SPOT_ERRORS.UNSUPPORTED_OPERATION).toEqual({ code: -1020, msg: 'This operation is not supported.' });
    expect(BINANCE_SPOT_ERRORS.UNKNOWN_PARAM).toEqual({ code: -1103, msg: 'An unknown parameter was sent.' });
  });

  it('has the USD-M price, quantity, open-order, FOK and symbol codes verbatim', () => {
    expect(BINANCE_USDM_ERRORS.PRICE_LESS_THAN_ZERO).toEqual({ code: -4001, msg: 'Price less than 0.' });
    expect(BINANCE_USDM_ERRORS.PRICE_GREATER_THAN_MAX).toEqual({ code: -4002, msg: 'Price greater than max price.' });
    expect(BINANCE_USDM_ERRORS.QTY_LESS_THAN_ZERO).toEqual({ code: -4003, msg: 'Quantity less than zero.' });
    expect(BINANCE_USDM_ERRORS.MAX_OPEN_ORDERS).toEqual({ code: -2025, msg: 'Reach max open order limit.' });
    expect(BINANCE_USDM_ERRORS.FOK_REJECTED).toEqual({ code: -5021, msg: 'Due to the order could not be filled immediately, the FOK order has been rejected.' });
    expect(BINANCE_USDM_ERRORS.BAD_SYMBOL).toEqual({ code: -1121, msg: 'Invalid symbol.' });
  });

  it('turns an error into a VenueReject: the code as a string, placeholders filled', () => {
    expect(binanceReject(BINANCE_SPOT_ERRORS.LIMIT_MAKER_WOULD_TAKE)).toEqual({ code: '-2010', message: 'Order would immediately match and take.' });
    expect(binanceReject(BINANCE_USDM_ERRORS.MIN_NOTIONAL, '100')).toEqual({
      code: '-4164',
      message: "Order's notional must be no smaller than 100 (unless you choose reduce only)",
    });
  });
});
