// Covers the Binance error tables: every code and text against spot errors.md @a5e0bc3d and the USD-M error-code page, placeholder filling, binanceReject.
import { describe, it, expect } from 'vitest';
import {
  BINANCE_FILTER_FAILURES,
  BINANCE_SPOT_ERRORS,
  BINANCE_USDM_ERRORS,
  binanceErrorPayload,
  binanceReject,
} from '../../../src/venues/binance/binance-error-codes.js';

describe('Binance error tables', () => {
  it('carries each spot code with exactly the text of errors.md', () => {
    const table = Object.fromEntries(Object.entries(BINANCE_SPOT_ERRORS).map(([name, e]) => [name, [e.code, e.msg]]));
    expect(table).toEqual({
      TOO_MUCH_WEIGHT: [-1003, 'Too much request weight used; current limit is %s request weight per %s. Please use WebSocket Streams for live updates to avoid polling the API.'],
      IP_BANNED: [-1003, 'Way too much request weight used; IP banned until %s. Please use WebSocket Streams for live updates to avoid bans.'],
      TOO_MANY_ORDERS: [-1015, 'Too many new orders; current limit is %s orders per %s.'],
      TIMESTAMP_OUTSIDE_RECV_WINDOW: [-1021, 'Timestamp for this request is outside of the recvWindow.'],
      TIMESTAMP_AHEAD: [-1021, "Timestamp for this request was 1000ms ahead of the server's time."],
      INVALID_SIGNATURE: [-1022, 'Signature for this request is not valid.'],
      MANDATORY_PARAM: [-1102, "Mandatory parameter '%s' was not sent, was empty/null, or malformed."],
      PARAM_NOT_REQUIRED: [-1106, "Parameter '%s' sent when not required."],
      UNSUPPORTED_OPERATION: [-1020, 'This operation is not supported.'],
      UNKNOWN_PARAM: [-1103, 'An unknown parameter was sent.'],
      INVALID_TIF: [-1115, 'Invalid timeInForce.'],
      INVALID_ORDER_TYPE: [-1116, 'Invalid orderType.'],
      BAD_SYMBOL: [-1121, 'Invalid symbol.'],
      LIMIT_MAKER_WOULD_TAKE: [-2010, 'Order would immediately match and take.'],
      ICEBERG_QTY_EXCEEDS_QTY: [-2010, 'IcebergQty exceeds QTY.'],
      ICEBERG_NOT_SUPPORTED: [-2010, 'Iceberg orders are not supported for this symbol.'],
      OCO_NOT_SUPPORTED: [-2010, 'OCO orders are not supported for this symbol'],
      PRICE_QTY_ZERO: [-2010, 'Price * QTY is zero or less.'],
      OCO_PRICE_RELATIONSHIP: [-2010, 'The relationship of the prices for the orders is not correct.'],
      UNSUPPORTED_COMBINATION: [-2010, 'Unsupported order combination'],
      UNKNOWN_ORDER: [-2011, 'Unknown order sent.'],
    });
  });

  it('carries each USD-M code with exactly the text of the usds-margined-futures error-code page', () => {
    const table = Object.fromEntries(Object.entries(BINANCE_USDM_ERRORS).map(([name, e]) => [name, [e.code, e.msg]]));
    expect(table).toEqual({
      TOO_MANY_REQUESTS: [-1003, 'Too many requests; current limit is %s requests per minute. Please use the websocket for live updates to avoid polling the API.'],
      IP_BANNED: [-1003, 'Way too many requests; IP banned until %s. Please use the websocket for live updates to avoid bans.'],
      TOO_MANY_ORDERS: [-1015, 'Too many new orders; current limit is %s orders per %s.'],
      TIMESTAMP_OUTSIDE_RECV_WINDOW: [-1021, 'Timestamp for this request is outside of the recvWindow.'],
      TIMESTAMP_AHEAD: [-1021, "Timestamp for this request was 1000ms ahead of the server's time."],
      MANDATORY_PARAM: [-1102, "Mandatory parameter '%s' was not sent, was empty/null, or malformed."],
      PARAM_NOT_REQUIRED: [-1106, "Parameter '%s' sent when not required."],
      BAD_SYMBOL: [-1121, 'Invalid symbol.'],
      UNKNOWN_ORDER: [-2011, 'Unknown order sent'],
      REDUCE_ONLY_REJECTED: [-2022, 'ReduceOnly Order is rejected.'],
      MAX_OPEN_ORDERS: [-2025, 'Reach max open order limit.'],
      PRICE_LESS_THAN_ZERO: [-4001, 'Price less than 0.'],
      PRICE_GREATER_THAN_MAX: [-4002, 'Price greater than max price.'],
      QTY_LESS_THAN_ZERO: [-4003, 'Quantity less than zero.'],
      QTY_LESS_THAN_MIN: [-4004, 'Quantity less than min quantity.'],
      QTY_GREATER_THAN_MAX: [-4005, 'Quantity greater than max quantity.'],
      PRICE_LESS_THAN_MIN: [-4013, 'Price less than min price.'],
      PRICE_NOT_ON_TICK: [-4014, 'Price not increased by tick size.'],
      QTY_NOT_ON_STEP: [-4023, 'Qty not increased by step size.'],
      MIN_NOTIONAL: [-4164, "Order's notional must be no smaller than %s (unless you choose reduce only)"],
      FOK_REJECTED: [-5021, 'Due to the order could not be filled immediately, the FOK order has been rejected.'],
      POST_ONLY_REJECTED: [-5022, 'Due to the order could not be executed as maker, the Post Only order will be rejected.'],
    });
  });

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
