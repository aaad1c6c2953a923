// Hyperliquid's answers to orders and cancels, in the docs' exact words, and the order status names the report counts rejections by.
//
// Texts: hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/error-responses (table "Error source / Error type /
// Error string"). Status names: …/for-developers/api/info-endpoint#query-order-status-by-oid-or-cloid (the historical
// order statuses: tickRejected, minTradeNtlRejected, reduceOnlyRejected, badAloPxRejected, iocCancelRejected, …).
// A rejection comes back as HTTP 200, {"status": "ok", "response": {"type": "order", "data": {"statuses": [{"error":
// "<text>"}]}}} (exchange endpoint docs, "Place an order", 200: OK Error Response). Live answers append " asset=<a>" to
// some texts (seen in the wild, not documented): the message here is the table's text, the asset goes in the detail.
import type { VenueReject } from '../../ports/venue-rules.js';

export interface HyperliquidError {
  /** The status name an order rejected this way ends with (orderStatus), or the table's error type where there is none (cancels). */
  readonly code: string;
  /** The table's error string. */
  readonly message: string;
}

export const HYPERLIQUID_ERRORS = {
  /** Order / Tick: a price with more than 5 significant figures or too many decimals (tick-and-lot-size). */
  TICK: { code: 'tickRejected', message: 'Price must be divisible by tick size.' },
  /** Order / MinTradeNtl: perps order value under $10. */
  MIN_TRADE_NTL: { code: 'minTradeNtlRejected', message: 'Order must have minimum value of $10.' },
  /** Order / MinTradeSpotNtl: the table writes "10 {quote_token}"; the quote token is put in by {@link minTradeSpotNtl}. */
  MIN_TRADE_SPOT_NTL: { code: 'minTradeSpotNtlRejected', message: 'Order must have minimum value of 10 {quote_token}.' },
  /** Order / ReduceOnly: a reduce-only order that would open, grow or flip the position. */
  REDUCE_ONLY: { code: 'reduceOnlyRejected', message: 'Reduce only order would increase position.' },
  /** Order / BadAloPx: an Alo order that would take; "{bbo}" is the book's "<bid>@<ask>" ({@link badAloPx}). */
  BAD_ALO_PX: { code: 'badAloPxRejected', message: 'Post only order would have immediately matched, bbo was {bbo}.' },
  /** Order / IocCancel: an Ioc order nothing filled. */
  IOC_CANCEL: { code: 'iocCancelRejected', message: 'Order could not immediately match against any resting orders.' },
  /** Cancel / MissingOrder: a cancel of an order that is not open. No order status exists for a cancel: the error type names it. */
  MISSING_ORDER: { code: 'MissingOrder', message: 'Order was never placed, already canceled, or filled.' },
} as const satisfies Record<string, HyperliquidError>;

/** The reject of a table entry, our explanation apart in `detail`. */
export function hyperliquidReject(error: HyperliquidError, detail?: string): VenueReject {
  const reject = { code: error.code, message: error.message };
  return detail === undefined ? reject : { ...reject, detail };
}

/** BadAloPx with the book's touch put in as the venue does ("bbo was 64990@64991"), prices as the venue writes them. */
export function badAloPx(bidPx: string, askPx: string): VenueReject {
  return { code: HYPERLIQUID_ERRORS.BAD_ALO_PX.code, message: HYPERLIQUID_ERRORS.BAD_ALO_PX.message.replace('{bbo}', `${bidPx}@${askPx}`) };
}

/** MinTradeSpotNtl with its quote token put in ("Order must have minimum value of 10 USDC."). */
export function minTradeSpotNtl(quoteToken: string, detail: string): VenueReject {
  return { code: HYPERLIQUID_ERRORS.MIN_TRADE_SPOT_NTL.code, message: HYPERLIQUID_ERRORS.MIN_TRADE_SPOT_NTL.message.replace('{quote_token}', quoteToken), detail };
}

/**
 * The whole-request error of a nonce the venue will not take: {"status": "err", "response": "Invalid nonce: …"}. The
 * texts after "Invalid nonce: " are seen in live answers ("duplicate nonce <n>", "nonce too low <n> < <m>") but not
 * documented; the window itself is: "(T - 2 days, T + 1 day)" (…/for-developers/api/nonces-and-api-wallets).
 */
export const HYPERLIQUID_INVALID_NONCE = { code: 'err', message: 'Invalid nonce' } as const;

/**
 * scheduleCancel (the dead-man switch): "Schedule a cancel-all operation at a future time … The time must be at least 5
 * seconds after the current time. Once the time comes, all open orders will be canceled and a trigger count will be
 * incremented. The max number of triggers per day is 10. This trigger count is reset at 00:00 UTC." (exchange endpoint
 * docs, "Schedule cancel (dead man's switch)"). Orders cancelled so end with status scheduledCancel (info endpoint).
 * The too-early text is the venue's whole-request error as the @nktkas/hyperliquid SDK's tests receive it from the API;
 * the too-many-triggers text is not documented (the wording of a third-party venue simulator: an inference).
 */
export const HYPERLIQUID_SCHEDULE_CANCEL = {
  minLeadMs: 5000,
  maxTriggersPerDay: 10,
  status: 'scheduledCancel',
  tooEarly: { code: 'err', message: 'Scheduled cancel time too early, must be at least 5 seconds from now.' },
  tooManyTriggers: { code: 'err', message: 'Too many scheduled cancel triggers today' },
} as const;
