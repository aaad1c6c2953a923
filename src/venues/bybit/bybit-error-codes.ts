// Bybit V5 retCodes and retMsgs the simulated venue answers with, from the official error table.
import type { VenueReject } from '../../core/sim/venue-rules.js';

/**
 * retCode → retMsg exactly as docs/v5/error.mdx (bybit-exchange/docs) words them.
 * 110094 is not in the stored docs table; it is the code Bybit returns for a linear order under
 * minNotionalValue as seen in practice ("Order does not meet minimum order value").
 */
export const BYBIT_RET = {
  PARAMS: { code: '10001', message: 'Request parameter error' },
  RATE_LIMIT: { code: '10006', message: 'Too many visits. Exceeded the API Rate Limit.' },
  ORDER_NOT_EXISTS: { code: '110001', message: 'Order does not exist' },
  ORDER_FINISHED: { code: '110008', message: 'The order has been completed or cancelled.' },
  ORDER_CANCELLED: { code: '110010', message: 'The order has been cancelled' },
  REDUCE_ONLY: { code: '110017', message: 'Reduce-only rule not satisfied' },
  MIN_NOTIONAL: { code: '110094', message: 'Order does not meet minimum order value' },
  SPOT_QTY_TOO_LARGE: { code: '170135', message: 'Order quantity too large.' },
  SPOT_QTY_TOO_SMALL: { code: '170136', message: 'Order quantity lower than the minimum.' },
  SPOT_PRICE_DECIMAL: { code: '170134', message: 'Order price decimal too long.' },
  SPOT_QTY_DECIMAL: { code: '170137', message: 'Order volume decimal too long' },
  SPOT_FILLED: { code: '170139', message: 'Order has been filled.' },
  SPOT_AMOUNT_TOO_SMALL: { code: '170140', message: 'Transaction amount lower than the minimum.' },
  SPOT_CANCELED: { code: '170142', message: 'Order has been canceled' },
  SPOT_ORDER_NOT_EXISTS: { code: '170213', message: 'Order does not exist.' },
} as const satisfies Record<string, VenueReject>;

/**
 * `rejectReason` values (docs/v5/enum.mdx) the venue records when it cancels an accepted order itself.
 * PostOnly: "If the order would be filled immediately when submitted, it will be cancelled" (docs/v5/order/create-order.mdx).
 */
export const BYBIT_REJECT_REASON = {
  POST_ONLY_WOULD_TAKE: 'EC_PostOnlyWillTakeLiquidity',
  IOC_NO_IMMEDIATE_QTY: 'EC_NoImmediateQtyToFill',
  FOK_NO_FULL_FILL: 'EC_CancelForNoFullFill',
} as const;
