// Binance error codes and messages (spot and USD-M) the simulated venue answers with, with the docs' exact texts.
// Spot: binance/binance-spot-api-docs errors.md @a5e0bc3d (2026-07-21; every text below checked against it).
// USD-M: developers.binance.com/docs/derivatives/usds-margined-futures/error-code (stored copy of the page, checked code by code).
import type { VenueReject } from '../../ports/venue-rules.js';
import { fillPlaceholders } from '../shared/fill-placeholders.js';

export interface BinanceError {
  readonly code: number;
  readonly msg: string;
}

function err(code: number, msg: string): BinanceError {
  return { code, msg };
}

/** Spot "Filter failures" messages, all sent with code -1013 (errors.md "Filter failures"; -1013 INVALID_MESSAGE). */
export const BINANCE_FILTER_FAILURES = {
  PRICE_FILTER: err(-1013, 'Filter failure: PRICE_FILTER'),
  LOT_SIZE: err(-1013, 'Filter failure: LOT_SIZE'),
  MIN_NOTIONAL: err(-1013, 'Filter failure: MIN_NOTIONAL'),
  NOTIONAL: err(-1013, 'Filter failure: NOTIONAL'),
  ICEBERG_PARTS: err(-1013, 'Filter failure: ICEBERG_PARTS'),
  MARKET_LOT_SIZE: err(-1013, 'Filter failure: MARKET_LOT_SIZE'),
  MAX_NUM_ORDERS: err(-1013, 'Filter failure: MAX_NUM_ORDERS'),
} as const satisfies Record<string, BinanceError>;

/** Spot codes (errors.md). `%s` marks the docs' placeholders; fill them with fillPlaceholders (src/venues/shared/fill-placeholders.ts). */
export const BINANCE_SPOT_ERRORS = {
  /** -1003 TOO_MANY_REQUESTS, weight limit variant. */
  TOO_MUCH_WEIGHT: err(-1003, 'Too much request weight used; current limit is %s request weight per %s. Please use WebSocket Streams for live updates to avoid polling the API.'),
  /** -1003 TOO_MANY_REQUESTS, ban variant. */
  IP_BANNED: err(-1003, 'Way too much request weight used; IP banned until %s. Please use WebSocket Streams for live updates to avoid bans.'),
  /** -1015 TOO_MANY_ORDERS. */
  TOO_MANY_ORDERS: err(-1015, 'Too many new orders; current limit is %s orders per %s.'),
  /** -1021 INVALID_TIMESTAMP, both messages. */
  TIMESTAMP_OUTSIDE_RECV_WINDOW: err(-1021, 'Timestamp for this request is outside of the recvWindow.'),
  TIMESTAMP_AHEAD: err(-1021, "Timestamp for this request was 1000ms ahead of the server's time."),
  INVALID_SIGNATURE: err(-1022, 'Signature for this request is not valid.'),
  /** -1102 MANDATORY_PARAM_EMPTY_OR_MALFORMED. */
  MANDATORY_PARAM: err(-1102, "Mandatory parameter '%s' was not sent, was empty/null, or malformed."),
  /** -1106 PARAM_NOT_REQUIRED. */
  PARAM_NOT_REQUIRED: err(-1106, "Parameter '%s' sent when not required."),
  /** -1020 UNSUPPORTED_OPERATION. */
  UNSUPPORTED_OPERATION: err(-1020, 'This operation is not supported.'),
  /** -1103 UNKNOWN_PARAM (e.g. `reduceOnly`, which spot does not have). */
  UNKNOWN_PARAM: err(-1103, 'An unknown parameter was sent.'),
  INVALID_TIF: err(-1115, 'Invalid timeInForce.'),
  INVALID_ORDER_TYPE: err(-1116, 'Invalid orderType.'),
  BAD_SYMBOL: err(-1121, 'Invalid symbol.'),
  /** -2010 NEW_ORDER_REJECTED, LIMIT_MAKER that would trade as taker. */
  LIMIT_MAKER_WOULD_TAKE: err(-2010, 'Order would immediately match and take.'),
  /** -2010 NEW_ORDER_REJECTED, iceberg larger than the order. */
  ICEBERG_QTY_EXCEEDS_QTY: err(-2010, 'IcebergQty exceeds QTY.'),
  /** -2010 NEW_ORDER_REJECTED, icebergQty sent for a symbol whose `icebergAllowed` is false. */
  ICEBERG_NOT_SUPPORTED: err(-2010, 'Iceberg orders are not supported for this symbol.'),
  /** -2010 NEW_ORDER_REJECTED, OCO on a symbol whose `ocoAllowed` is false. The docs' text has no final period. */
  OCO_NOT_SUPPORTED: err(-2010, 'OCO orders are not supported for this symbol'),
  /** -2010 NEW_ORDER_REJECTED, `price` * `quantity` is zero or less. */
  PRICE_QTY_ZERO: err(-2010, 'Price * QTY is zero or less.'),
  /** -2010 NEW_ORDER_REJECTED, OCO prices break the restrictions. */
  OCO_PRICE_RELATIONSHIP: err(-2010, 'The relationship of the prices for the orders is not correct.'),
  /** -2010 NEW_ORDER_REJECTED, order type / timeInForce / stopPrice / icebergQty combination not allowed. */
  UNSUPPORTED_COMBINATION: err(-2010, 'Unsupported order combination'),
  /** -2011 CANCEL_REJECTED for an unknown order. */
  UNKNOWN_ORDER: err(-2011, 'Unknown order sent.'),
} as const satisfies Record<string, BinanceError>;

/** USD-M futures codes (usds-margined-futures error-code page). */
export const BINANCE_USDM_ERRORS = {
  TOO_MANY_REQUESTS: err(-1003, 'Too many requests; current limit is %s requests per minute. Please use the websocket for live updates to avoid polling the API.'),
  IP_BANNED: err(-1003, 'Way too many requests; IP banned until %s. Please use the websocket for live updates to avoid bans.'),
  TOO_MANY_ORDERS: err(-1015, 'Too many new orders; current limit is %s orders per %s.'),
  TIMESTAMP_OUTSIDE_RECV_WINDOW: err(-1021, 'Timestamp for this request is outside of the recvWindow.'),
  TIMESTAMP_AHEAD: err(-1021, "Timestamp for this request was 1000ms ahead of the server's time."),
  MANDATORY_PARAM: err(-1102, "Mandatory parameter '%s' was not sent, was empty/null, or malformed."),
  PARAM_NOT_REQUIRED: err(-1106, "Parameter '%s' sent when not required."),
  BAD_SYMBOL: err(-1121, 'Invalid symbol.'),
  /**
   * -2011 CANCEL_REJECTED: 'Cancel request failure as open order not found in the orderbook: "Unknown order sent".' The
   * message is the quoted text, which on this page has no final period (spot's errors.md has one).
   */
  UNKNOWN_ORDER: err(-2011, 'Unknown order sent'),
  /** -2022 REDUCE_ONLY_REJECT. */
  REDUCE_ONLY_REJECTED: err(-2022, 'ReduceOnly Order is rejected.'),
  /** -2025 MAX_OPEN_ORDER_EXCEEDED: the page does not tie it to MAX_NUM_ORDERS by name; it is the only open-order-count code. */
  MAX_OPEN_ORDERS: err(-2025, 'Reach max open order limit.'),
  /** -4001 PRICE_LESS_THAN_ZERO. */
  PRICE_LESS_THAN_ZERO: err(-4001, 'Price less than 0.'),
  /** -4002 PRICE_GREATER_THAN_MAX_PRICE (not -4016, which is the PERCENT_PRICE mark-price cap). */
  PRICE_GREATER_THAN_MAX: err(-4002, 'Price greater than max price.'),
  /** -4003 QTY_LESS_THAN_ZERO. */
  QTY_LESS_THAN_ZERO: err(-4003, 'Quantity less than zero.'),
  QTY_LESS_THAN_MIN: err(-4004, 'Quantity less than min quantity.'),
  QTY_GREATER_THAN_MAX: err(-4005, 'Quantity greater than max quantity.'),
  PRICE_LESS_THAN_MIN: err(-4013, 'Price less than min price.'),
  PRICE_NOT_ON_TICK: err(-4014, 'Price not increased by tick size.'),
  QTY_NOT_ON_STEP: err(-4023, 'Qty not increased by step size.'),
  /** -4164 MIN_NOTIONAL. */
  MIN_NOTIONAL: err(-4164, "Order's notional must be no smaller than %s (unless you choose reduce only)"),
  /** -5021 FOK_ORDER_REJECT: a FOK order that cannot fill completely at once. */
  FOK_REJECTED: err(-5021, 'Due to the order could not be filled immediately, the FOK order has been rejected.'),
  /** -5022 GTX_ORDER_REJECT: post-only (timeInForce GTX) that would trade as taker. */
  POST_ONLY_REJECTED: err(-5022, 'Due to the order could not be executed as maker, the Post Only order will be rejected.'),
} as const satisfies Record<string, BinanceError>;


/** `{ code, msg }` with placeholders filled: the JSON error payload shape ({"code":-1121,"msg":"Invalid symbol."}). */
export function binanceErrorPayload(error: BinanceError, ...args: ReadonlyArray<string | number>): BinanceError {
  return { code: error.code, msg: fillPlaceholders(error.msg, ...args) };
}

/** A Binance error as the simulated venue's reject: the numeric code as a string and the docs' text (placeholders filled from `args`). */
export function binanceReject(error: BinanceError, ...args: ReadonlyArray<string | number>): VenueReject {
  return { code: String(error.code), message: fillPlaceholders(error.msg, ...args) };
}
