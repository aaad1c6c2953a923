// Bybit V5 retCodes and order reject reasons the simulated venue answers with, with the docs' exact texts.
// Source unless noted: bybit-exchange/docs docs/v5/error.mdx @072c197d (2026-07-24; tables "UTA" and "Spot Trade"); texts
// are the table's, trailing spaces trimmed.
import type { VenueReject } from '../../ports/venue-rules.js';

export interface BybitError {
  readonly retCode: number;
  /** The description text the docs give for the code. */
  readonly retMsg: string;
}

function code(retCode: number, retMsg: string): BybitError {
  return { retCode, retMsg };
}

export const BYBIT_ERRORS = {
  /** Generic parameter error. The docs list no dedicated linear codes for an off-tick price, an off-step or out-of-range qty: use this. */
  PARAMS: code(10001, 'Request parameter error'),
  /** The request's timestamp is outside [server_time - recv_window, server_time + 1000) (docs/v5/guide.mdx), either side. */
  TIMESTAMP_OUT_OF_WINDOW: code(10002, 'The request time exceeds the time window range.'),
  /** Per-UID API rate limit exceeded. */
  RATE_LIMIT: code(10006, 'Too many visits. Exceeded the API Rate Limit.'),
  ORDER_NOT_EXISTS: code(110001, 'Order does not exist'),
  /**
   * Linear: price outside the allowed band (not the tick rule). The table's text links "allowable range" to a help page
   * (`<a href=…>allowable range</a>`): this is the text without the markup.
   */
  PRICE_OUT_OF_RANGE: code(110003, 'Order price exceeds the allowable range.'),
  ORDER_COMPLETED_OR_CANCELLED: code(110008, 'The order has been completed or cancelled.'),
  ORDER_CANCELLED: code(110010, 'The order has been cancelled'),
  /**
   * Linear: a reduce-only order that would open or grow a position. The table's text for 110017 changed from
   * "Reduce-only rule not satisfied" to "orderQty will be truncated to zero" (docs commit 85915b69, Nov 2025): the
   * reduce-only quantity is cut to what reduces the position, zero when nothing does.
   */
  REDUCE_ONLY_NOT_SATISFIED: code(110017, 'orderQty will be truncated to zero'),
  AMEND_QTY_NOT_ABOVE_FILLED: code(110064, 'The modified contract quantity cannot be less than or equal to the filled quantity.'),
  /** Linear: order value (price × qty) under the instrument's minNotionalValue. */
  LINEAR_NOTIONAL_TOO_SMALL: code(110094, 'Order notional value below the lower limit'),
  /** Spot: too many orders for the spot order-rate rule. */
  SPOT_TOO_MANY_NEW_ORDERS: code(170005, 'Too many new orders; current limit is %s orders per %s.'),
  SPOT_ORDER_AMOUNT_TOO_LARGE: code(170124, 'Order amount too large.'),
  SPOT_PRICE_TOO_HIGH: code(170132, 'Order price too high.'),
  SPOT_PRICE_TOO_LOW: code(170133, 'Order price lower than the minimum.'),
  /** Spot: price not a multiple of the tick size. */
  SPOT_PRICE_DECIMAL_TOO_LONG: code(170134, 'Order price decimal too long.'),
  /**
   * Spot: qty above the maximum. 170135 was removed and replaced by 170381 and 170382, both "Order quantity too large."
   * (docs commit 6e90a0d1, Oct 2025, "remove retCode 170135 and add 170381,170382"). The table does not say which check
   * each answers; the simulator only sends limit orders and answers with the first, 170381, as the instrument page lists
   * maxLimitOrderQty before maxMarketOrderQty. An inference, not a documented mapping.
   */
  SPOT_QTY_TOO_LARGE: code(170381, 'Order quantity too large.'),
  SPOT_QTY_TOO_SMALL: code(170136, 'Order quantity lower than the minimum.'),
  /** Spot: qty not a multiple of the base precision. The docs' text has no final period. */
  SPOT_QTY_DECIMAL_TOO_LONG: code(170137, 'Order volume decimal too long'),
  SPOT_ORDER_FILLED: code(170139, 'Order has been filled.'),
  /** Spot: order value (price × qty) under the minimum (minOrderAmt). */
  SPOT_NOTIONAL_TOO_SMALL: code(170140, 'Order value exceeded lower limit'),
  SPOT_ORDER_CANCELED: code(170142, 'Order has been cancelled'),
  SPOT_ORDER_NOT_EXISTS: code(170213, 'Order does not exist.'),
  SPOT_AMEND_QTY_BELOW_FILLED: code(170313, 'The modified contract quantity cannot be less than to the filled quantity'),
} as const satisfies Record<string, BybitError>;

/**
 * HTTP 403 of the per-IP limit: no retCode. The HTTP table's whole text for 403 is "Forbidden request. Possible causes:
 * 1. IP rate limit breached; 2. You send GET request with an empty json body; 3. You are using U.S IP"
 * (docs/v5/error.mdx, "HTTP Code"); the message is its first sentence, the cause goes in the reject's detail. The rate-limit
 * page words the same answer "403, access too frequent" (docs/v5/rate-limit/rate-limit.mdx).
 */
export const BYBIT_HTTP_FORBIDDEN_MESSAGE = 'Forbidden request.';

/**
 * The `ret_msg` the API returns when the per-UID limit is hit: "If you receive `"ret_msg": "Too many visits!"` in the JSON
 * response, you have hit the API rate limit" (docs/v5/rate-limit/rate-limit.mdx). error.mdx describes the same
 * retCode 10006 as {@link BYBIT_ERRORS.RATE_LIMIT}.retMsg.
 */
export const BYBIT_RATE_LIMIT_RET_MSG = 'Too many visits!';

/**
 * PostOnly is not a retCode: "If the order would be filled immediately when submitted, it will be **cancelled**"
 * (docs/v5/order/create-order.mdx, timeInForce). The order ends with orderStatus `Cancelled` (docs/v5/enum.mdx orderStatus)
 * and rejectReason `EC_PostOnlyWillTakeLiquidity` — "your post only order would have executed as a taker, and so was
 * rejected" (enum.mdx rejectReason). The docs do not tie the status to the reason explicitly; `Cancelled` follows create-order.mdx.
 */
export const BYBIT_POST_ONLY_CANCEL = { orderStatus: 'Cancelled', rejectReason: 'EC_PostOnlyWillTakeLiquidity' } as const;

/** rejectReason for a Market order sent with PostOnly (enum.mdx rejectReason). */
export const BYBIT_MARKET_CANNOT_BE_POST_ONLY = 'EC_MarketOrderCannotBePostOnly';

/** cancelType of an order cancelled by the reduce-only rule (enum.mdx cancelType: "cancelled by reduceOnly"). */
export const BYBIT_CANCEL_BY_REDUCE_ONLY = 'CancelByReduceOnly';

/**
 * rejectReason of an accepted IOC order cancelled for want of an immediate match, and of a FOK order that could not fill
 * completely (docs/v5/enum.mdx rejectReason: EC_NoImmediateQtyToFill, EC_CancelForNoFullFill).
 */
export const BYBIT_IOC_CANCEL_REASON = 'EC_NoImmediateQtyToFill';
export const BYBIT_FOK_CANCEL_REASON = 'EC_CancelForNoFullFill';

/** A Bybit error as the simulated venue's reject: the retCode as a string, the docs' text as is, and our detail apart. */
export function bybitReject(error: BybitError, detail?: string): VenueReject {
  const reject = { code: String(error.retCode), message: error.retMsg };
  return detail === undefined ? reject : { ...reject, detail };
}
