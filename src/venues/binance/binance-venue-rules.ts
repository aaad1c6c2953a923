// BinanceVenueRules: Binance spot and USD-M order checks (symbol filters, iceberg, order count) answered with Binance's codes, on the order's decimal strings.
import { Decimal, formatUnits } from '../../core/money/decimal.js';
import type { OcoRequest } from '../../core/model/order-list.js';
import { checkBinanceOco } from './binance-oco.js';
import { formatPrice, formatQty, type Instrument } from '../../core/model/instrument.js';
import type { OrderRequest } from '../../core/model/order.js';
import type { FeeSchedule } from '../../core/sim/fee-schedule.js';
import type { VenueOutcome, VenueReject, VenueRules } from '../../core/sim/venue-rules.js';
import {
  BINANCE_FILTER_FAILURES,
  BINANCE_SPOT_ERRORS,
  BINANCE_USDM_ERRORS,
  binanceErrorPayload,
  binanceReject,
  type BinanceError,
} from './binance-error-codes.js';
import { timestampBreach, timestampBreachDetail } from '../shared/timestamp-window.js';
import type { BinanceInstrument } from './binance-instruments.js';
import type { BinanceMarket } from './binance-market.js';

/** The order fields Binance checks, as the decimal strings of the request. */
export interface BinanceOrderFields {
  readonly price: string;
  readonly qty: string;
  /** Spot iceberg: the visible part; null for a plain order. */
  readonly icebergQty: string | null;
  /** USD-M: MIN_NOTIONAL does not apply to reduce-only orders (-4164 "… (unless you choose reduce only)"). */
  readonly reduceOnly?: boolean;
}

/** A rule value of "0" disables the rule (filters.md PRICE_FILTER: "disabled on minPrice == 0", same for maxPrice). */
function enabled(limit: string): boolean {
  return !new Decimal(limit).isZero();
}

function onStep(value: Decimal, base: string, step: string): boolean {
  return value.minus(base).div(step).isInteger();
}

/** Spot PRICE_FILTER for a `price` or `stopPrice` (filters.md: the rules apply to both). */
export function passesSpotPriceFilter(price: string, instrument: BinanceInstrument): boolean {
  const { minPrice, maxPrice, tickSize } = instrument.priceFilter;
  const value = new Decimal(price);
  if (enabled(minPrice) && value.lt(minPrice)) return false;
  if (enabled(maxPrice) && value.gt(maxPrice)) return false;
  return onStep(value, '0', tickSize);
}

/**
 * Spot, binance/binance-spot-api-docs filters.md @07550e74: PRICE_FILTER price >= minPrice, <= maxPrice (each unless 0),
 * `price % tickSize == 0` (the CHANGELOG of 2022-02-24 replaced `(price-minPrice) % tickSize`); LOT_SIZE for `quantity` and
 * `icebergQty`: >= minQty, <= maxQty, `quantity % stepSize == 0`; MIN_NOTIONAL / NOTIONAL on price × quantity;
 * ICEBERG_PARTS: CEIL(qty / icebergQty) <= limit; MAX_NUM_ORDERS: open orders on the symbol, new ones included, <= maxNumOrders.
 * Binance does not document the order in which it evaluates filters: they are checked here in filters.md's order, all
 * before the matching-engine checks, because -1013 means "The request didn't reach the Matching Engine" while -2010
 * messages are "returned by the matching engine" (errors.md).
 */
function checkSpot(fields: BinanceOrderFields, instrument: BinanceInstrument, openOrders: number, newOrders: number): BinanceError | null {
  const { lotSize, notional } = instrument;
  const price = new Decimal(fields.price);
  const qty = new Decimal(fields.qty);
  if (!passesSpotPriceFilter(fields.price, instrument)) return BINANCE_FILTER_FAILURES.PRICE_FILTER;
  const quantities = fields.icebergQty === null ? [qty] : [qty, new Decimal(fields.icebergQty)];
  for (const q of quantities) {
    if (q.lt(lotSize.minQty) || q.gt(lotSize.maxQty) || !onStep(q, '0', lotSize.stepSize)) return BINANCE_FILTER_FAILURES.LOT_SIZE;
  }
  const value = price.times(qty);
  if (notional !== null) {
    const outside = value.lt(notional.min) || (notional.max !== null && value.gt(notional.max));
    if (outside) return notional.filter === 'NOTIONAL' ? BINANCE_FILTER_FAILURES.NOTIONAL : BINANCE_FILTER_FAILURES.MIN_NOTIONAL;
  }
  if (fields.icebergQty !== null && instrument.icebergParts !== null) {
    // filters.md ICEBERG_PARTS: "The number of ICEBERG_PARTS is defined as CEIL(qty / icebergQty)".
    if (qty.div(fields.icebergQty).ceil().gt(instrument.icebergParts)) return BINANCE_FILTER_FAILURES.ICEBERG_PARTS;
  }
  if (instrument.maxNumOrders !== null && openOrders + newOrders > instrument.maxNumOrders) return BINANCE_FILTER_FAILURES.MAX_NUM_ORDERS;
  if (fields.icebergQty !== null) {
    if (!instrument.icebergAllowed) return BINANCE_SPOT_ERRORS.ICEBERG_NOT_SUPPORTED;
    // errors.md: "IcebergQty exceeds QTY." — "`icebergQty` must be less than the order quantity".
    if (!new Decimal(fields.icebergQty).lt(qty)) return BINANCE_SPOT_ERRORS.ICEBERG_QTY_EXCEEDS_QTY;
  }
  if (value.lte(0)) return BINANCE_SPOT_ERRORS.PRICE_QTY_ZERO;
  return null;
}

/**
 * USD-M, developers.binance.com usds-margined-futures common-definition "Filters" and error-code: PRICE_FILTER
 * `(price-minPrice) % tickSize == 0` (-4013 below min, -4002 above max, -4014 off tick); LOT_SIZE
 * `(quantity-minQty) % stepSize == 0` (-4004, -4005, -4023); MIN_NOTIONAL (-4164, not for reduce-only);
 * MAX_NUM_ORDERS (-2025, the only open-order-count code). Order of evaluation undocumented: filters in the page's order.
 */
function checkUsdm(fields: BinanceOrderFields, instrument: BinanceInstrument, openOrders: number, newOrders: number): BinanceError | null {
  const { priceFilter, lotSize, notional } = instrument;
  const price = new Decimal(fields.price);
  const qty = new Decimal(fields.qty);
  // USD-M New Order has no icebergQty parameter.
  if (fields.icebergQty !== null) return binanceErrorPayload(BINANCE_USDM_ERRORS.PARAM_NOT_REQUIRED, 'icebergQty');
  if (price.lt(0)) return BINANCE_USDM_ERRORS.PRICE_LESS_THAN_ZERO;
  if (qty.lt(0)) return BINANCE_USDM_ERRORS.QTY_LESS_THAN_ZERO;
  if (enabled(priceFilter.minPrice) && price.lt(priceFilter.minPrice)) return BINANCE_USDM_ERRORS.PRICE_LESS_THAN_MIN;
  if (enabled(priceFilter.maxPrice) && price.gt(priceFilter.maxPrice)) return BINANCE_USDM_ERRORS.PRICE_GREATER_THAN_MAX;
  if (!onStep(price, priceFilter.minPrice, priceFilter.tickSize)) return BINANCE_USDM_ERRORS.PRICE_NOT_ON_TICK;
  if (qty.lt(lotSize.minQty)) return BINANCE_USDM_ERRORS.QTY_LESS_THAN_MIN;
  if (qty.gt(lotSize.maxQty)) return BINANCE_USDM_ERRORS.QTY_GREATER_THAN_MAX;
  if (!onStep(qty, lotSize.minQty, lotSize.stepSize)) return BINANCE_USDM_ERRORS.QTY_NOT_ON_STEP;
  if (notional !== null && fields.reduceOnly !== true && price.times(qty).lt(notional.min)) {
    return binanceErrorPayload(BINANCE_USDM_ERRORS.MIN_NOTIONAL, notional.min);
  }
  if (instrument.maxNumOrders !== null && openOrders + newOrders > instrument.maxNumOrders) return BINANCE_USDM_ERRORS.MAX_OPEN_ORDERS;
  return null;
}

/**
 * Checks an order's strings against a Binance instrument; null when Binance would accept it. `openOrdersOnSymbol`
 * counts the account's open orders on the symbol before this request; `newOrders` is what it adds (1, an OCO 2).
 * Spot answers -1013 "Filter failure: <FILTER>" or a -2010 message; USD-M its own codes.
 */
export function checkBinanceOrder(
  fields: BinanceOrderFields,
  instrument: BinanceInstrument,
  openOrdersOnSymbol: number,
  newOrders = 1,
): BinanceError | null {
  return instrument.market === 'spot'
    ? checkSpot(fields, instrument, openOrdersOnSymbol, newOrders)
    : checkUsdm(fields, instrument, openOrdersOnSymbol, newOrders);
}

/** What the rules need from the simulated venue beyond the request itself. */
export interface BinanceOrderContext {
  /** Orders open on `symbol` at the venue now, not counting the order being validated. */
  openOrders(symbol: string): number;
  /** The order's icebergQty as a decimal string on the lot grid, or null for a plain order. */
  icebergQty(request: OrderRequest): string | null;
}

/**
 * USD-M Modify Order (PUT /fapi/v1/order): "the order will be cancelled by the amendment … when the order is in partially
 * filled status and the new `quantity` <= `executedQty`". Binance documents no error code for it; the VenueRules port
 * can only answer an amend with a reject, so this marks the case for the integrator. Not a Binance code.
 */
export const BINANCE_USDM_AMEND_BELOW_FILLED: VenueReject = {
  code: 'ORDER_CANCELED_BY_AMEND',
  message: 'the order will be cancelled by the amendment',
  detail: 'new quantity <= executedQty of a partially filled order (USD-M Modify Order); Binance documents no error code for it',
};

export class BinanceVenueRules implements VenueRules {
  readonly venue = 'binance';

  constructor(
    readonly market: BinanceMarket,
    readonly fees: FeeSchedule,
    private readonly instruments: ReadonlyMap<string, BinanceInstrument>,
    private readonly context: BinanceOrderContext,
  ) {}

  validate(request: OrderRequest, instrument: Instrument): VenueReject | null {
    const binance = this.instruments.get(request.symbol);
    // -1121 BAD_SYMBOL "Invalid symbol." (spot errors.md; USD-M error-code).
    if (binance === undefined) return binanceReject(this.market === 'spot' ? BINANCE_SPOT_ERRORS.BAD_SYMBOL : BINANCE_USDM_ERRORS.BAD_SYMBOL);
    const fields: BinanceOrderFields = {
      price: formatPrice(instrument, request.priceTicks),
      qty: formatQty(instrument, request.qtyLots),
      icebergQty: this.context.icebergQty(request),
      reduceOnly: request.options?.reduceOnly ?? false,
    };
    const error = checkBinanceOrder(fields, binance, this.context.openOrders(request.symbol));
    return error === null ? null : binanceReject(error);
  }

  /** -2011 CANCEL_REJECTED "Unknown order sent." (spot errors.md) / "Unknown order sent" (USD-M error-code): the order is not open. */
  cancelRejected(): VenueReject {
    return binanceReject(this.market === 'spot' ? BINANCE_SPOT_ERRORS.UNKNOWN_ORDER : BINANCE_USDM_ERRORS.UNKNOWN_ORDER);
  }

  /**
   * Spot LIMIT_MAKER: rejected, -2010 "Order would immediately match and take." (errors.md). USD-M GTX: rejected, -5022
   * GTX_ORDER_REJECT "… the Post Only order will be rejected." (usds-margined-futures error-code).
   */
  postOnlyWouldTake(): VenueOutcome {
    const error = this.market === 'spot' ? BINANCE_SPOT_ERRORS.LIMIT_MAKER_WOULD_TAKE : BINANCE_USDM_ERRORS.POST_ONLY_REJECTED;
    return { kind: 'reject', reject: binanceReject(error) };
  }

  /** USD-M -2022 REDUCE_ONLY_REJECT. Spot has no reduceOnly parameter (refused client-side): -1103 UNKNOWN_PARAM. */
  reduceOnlyViolated(): VenueReject {
    return binanceReject(this.market === 'spot' ? BINANCE_SPOT_ERRORS.UNKNOWN_PARAM : BINANCE_USDM_ERRORS.REDUCE_ONLY_REJECTED);
  }

  /**
   * Spot has no price/quantity amend beyond Order Amend Keep Priority (reduce quantity only; faqs/order_amend_keep_priority.md):
   * -1020 "This operation is not supported.". USD-M: see {@link BINANCE_USDM_AMEND_BELOW_FILLED}.
   */
  amendBelowFilled(): VenueReject {
    return this.market === 'spot' ? binanceReject(BINANCE_SPOT_ERRORS.UNSUPPORTED_OPERATION) : BINANCE_USDM_AMEND_BELOW_FILLED;
  }

  /**
   * Spot IOC and FOK end EXPIRED ("The order was canceled according to the order type's rules (e.g. LIMIT FOK orders with
   * no fill, LIMIT IOC … orders that partially fill)", enums.md); USD-M IOC likewise ends EXPIRED (New Order notes), USD-M
   * FOK is rejected, -5021 FOK_ORDER_REJECT (usds-margined-futures error-code).
   */
  /**
   * Spot OCO (checkBinanceOco): each leg's filters (an OCO adds 2 orders to MAX_NUM_ORDERS), ocoAllowed, then the price
   * relationship against the last price — the simulator passes the mid, having no trade prints on a synthetic market.
   * USD-M has no OCO: -1020 "This operation is not supported." (the CLI refuses it before).
   */
  validateOco(request: OcoRequest, marketTicks: number): VenueReject | null {
    const binance = this.instruments.get(request.symbol);
    if (binance === undefined) return binanceReject(BINANCE_SPOT_ERRORS.BAD_SYMBOL);
    if (this.market !== 'spot') return binanceReject(BINANCE_SPOT_ERRORS.UNSUPPORTED_OPERATION);
    const tick = new Decimal(binance.spec.tickSize);
    const price = (ticks: number): string => formatUnits(ticks, tick);
    const error = checkBinanceOco(
      {
        symbol: request.symbol,
        side: request.side,
        quantity: formatUnits(request.qtyLots, new Decimal(binance.spec.lotSize)),
        limitMakerPrice: price(request.limitPriceTicks),
        stopPrice: price(request.stopTicks),
        stopLimitPrice: price(request.stopLimitPriceTicks),
        stopTimeInForce: 'GTC',
        listClientOrderId: null,
        limitMakerClientOrderId: null,
        stopClientOrderId: null,
      },
      binance,
      this.context.openOrders(request.symbol),
      price(marketTicks),
    );
    return error === null ? null : binanceReject(error);
  }

  immediateRemainder(timeInForce: 'IOC' | 'FOK'): VenueOutcome {
    if (this.market === 'usdm' && timeInForce === 'FOK') return { kind: 'reject', reject: binanceReject(BINANCE_USDM_ERRORS.FOK_REJECTED) };
    return { kind: 'expire', reason: `EXPIRED (${timeInForce})` };
  }

  /**
   * -1021 INVALID_TIMESTAMP with the message for its side (errors.md; USD-M error-code): "… was 1000ms ahead of the server's
   * time." when `timestamp >= serverTime + 1000`, "… is outside of the recvWindow." when `serverTime - timestamp > recvWindow`
   * (rest-api.md "Timing security").
   */
  timestampRejected(timestampMs: number, serverMs: number, recvWindowMs: number): VenueReject | null {
    const breach = timestampBreach(timestampMs, serverMs, recvWindowMs);
    if (breach === null) return null;
    const errors = this.market === 'spot' ? BINANCE_SPOT_ERRORS : BINANCE_USDM_ERRORS;
    const error = breach === 'ahead' ? errors.TIMESTAMP_AHEAD : errors.TIMESTAMP_OUTSIDE_RECV_WINDOW;
    return { ...binanceReject(error), detail: timestampBreachDetail(timestampMs, serverMs, recvWindowMs) };
  }
}
