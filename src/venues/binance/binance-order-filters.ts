// Binance symbol filters: a spot or USD-M order's decimal strings checked against an instrument's filters, answered with Binance's codes (shared by the venue rules and the OCO check).
import { Decimal } from '../../core/money/decimal.js';
import { BINANCE_FILTER_FAILURES, BINANCE_SPOT_ERRORS, BINANCE_USDM_ERRORS, binanceErrorPayload, type BinanceError } from './binance-error-codes.js';
import type { BinanceInstrument } from './binance-instruments.js';

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
