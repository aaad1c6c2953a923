// Spot OCO on the current order-list endpoint (POST /api/v3/orderList/oco): a LIMIT_MAKER leg and a STOP_LOSS_LIMIT leg, rendered and checked as Binance does.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { Decimal } from '../../core/money/decimal.js';
import type { Side, TimeInForce } from '../../core/model/order.js';
import { BINANCE_FILTER_FAILURES, BINANCE_SPOT_ERRORS, type BinanceError } from './binance-error-codes.js';
import type { BinanceInstrument } from './binance-instruments.js';
import type { BinanceRequest } from './binance-requests.js';
import type { BinanceParam } from './binance-signing.js';
import { checkBinanceOrder, passesSpotPriceFilter } from './binance-order-filters.js';

/**
 * A take-profit / stop-loss pair. Which leg is "above" and which "below" follows from the side: a SELL OCO has the
 * LIMIT_MAKER above the market and the stop below, a BUY OCO the reverse (errors.md "The relationship of the prices for
 * the orders is not correct.": BUY `LIMIT_MAKER price < Last Traded Price < stopPrice`, SELL `LIMIT_MAKER price > Last
 * Traded Price > stopPrice`; -1165 "A limit order in a buy OCO must be below", -1166 "… in a sell OCO must be above").
 */
export interface BinanceOcoOrder {
  readonly symbol: string;
  readonly side: Side;
  /** "Quantity for both orders of the order list." Decimal string on the lot grid. */
  readonly quantity: string;
  /** The LIMIT_MAKER leg's price. */
  readonly limitMakerPrice: string;
  /** The STOP_LOSS_LIMIT leg: trigger price, limit price, and its timeInForce ("Required if … STOP_LOSS_LIMIT"). */
  readonly stopPrice: string;
  readonly stopLimitPrice: string;
  readonly stopTimeInForce: TimeInForce;
  /** null: not sent, Binance generates one. */
  readonly listClientOrderId: string | null;
  readonly limitMakerClientOrderId: string | null;
  readonly stopClientOrderId: string | null;
}

interface Leg {
  readonly type: 'LIMIT_MAKER' | 'STOP_LOSS_LIMIT';
  readonly clientOrderId: string | null;
  readonly price: string;
  readonly stopPrice: string | null;
  readonly timeInForce: TimeInForce | null;
}

function legParams(prefix: 'above' | 'below', leg: Leg): BinanceParam[] {
  const params: BinanceParam[] = [[`${prefix}Type`, leg.type]];
  if (leg.clientOrderId !== null) params.push([`${prefix}ClientOrderId`, leg.clientOrderId]);
  params.push([`${prefix}Price`, leg.price]);
  if (leg.stopPrice !== null) params.push([`${prefix}StopPrice`, leg.stopPrice]);
  if (leg.timeInForce !== null) params.push([`${prefix}TimeInForce`, leg.timeInForce]);
  return params;
}

/**
 * `POST /api/v3/orderList/oco` (spot rest-api.md "New Order list - OCO (TRADE)"; developers.binance.com trading-endpoints),
 * params in the parameter table's order: symbol, listClientOrderId, side, quantity, aboveType, aboveClientOrderId,
 * abovePrice, aboveStopPrice, aboveTimeInForce, belowType, … The docs give no request example. The table lists
 * LIMIT_MAKER among aboveType values only, but belowPrice "Can be used if belowType is STOP_LOSS_LIMIT, LIMIT_MAKER, or
 * TAKE_PROFIT_LIMIT" and the BUY price rule puts the LIMIT_MAKER below: a BUY OCO sends belowType=LIMIT_MAKER.
 */
export function renderOco(oco: BinanceOcoOrder): BinanceRequest {
  const maker: Leg = { type: 'LIMIT_MAKER', clientOrderId: oco.limitMakerClientOrderId, price: oco.limitMakerPrice, stopPrice: null, timeInForce: null };
  const stop: Leg = { type: 'STOP_LOSS_LIMIT', clientOrderId: oco.stopClientOrderId, price: oco.stopLimitPrice, stopPrice: oco.stopPrice, timeInForce: oco.stopTimeInForce };
  const [above, below] = oco.side === 'SELL' ? [maker, stop] : [stop, maker];
  const params: BinanceParam[] = [['symbol', oco.symbol]];
  if (oco.listClientOrderId !== null) params.push(['listClientOrderId', oco.listClientOrderId]);
  params.push(['side', oco.side], ['quantity', oco.quantity], ...legParams('above', above), ...legParams('below', below));
  return { method: 'POST', path: '/api/v3/orderList/oco', params };
}

/**
 * The OCO price restrictions against the last traded price, strict on both sides (rest-api.md "Price restrictions"):
 * SELL `LIMIT_MAKER price > Last Traded Price > STOP_LOSS_LIMIT stopPrice`; BUY `LIMIT_MAKER price < Last Traded Price < stopPrice`.
 * -2010 "The relationship of the prices for the orders is not correct." (errors.md). The stop leg's limit price is not part of the rule.
 */
export function checkOcoPrices(side: Side, limitMakerPrice: string, stopPrice: string, lastPrice: string): BinanceError | null {
  const maker = new Decimal(limitMakerPrice);
  const stop = new Decimal(stopPrice);
  const ok = side === 'SELL' ? maker.gt(lastPrice) && stop.lt(lastPrice) : maker.lt(lastPrice) && stop.gt(lastPrice);
  return ok ? null : BINANCE_SPOT_ERRORS.OCO_PRICE_RELATIONSHIP;
}

/**
 * Everything Binance checks on an OCO, first error wins: the symbol filters on each leg ("OCOs add 2 orders to the
 * EXCHANGE_MAX_ORDERS filter and the MAX_NUM_ORDERS filter"; PRICE_FILTER applies to `price`/`stopPrice`, filters.md),
 * then the matching-engine checks: `ocoAllowed` ("OCO orders are not supported for this symbol") and the price relationship.
 */
export function checkBinanceOco(oco: BinanceOcoOrder, instrument: BinanceInstrument, openOrdersOnSymbol: number, lastPrice: string): BinanceError | null {
  if (instrument.market !== 'spot') throw new ShadowExecError('E_ORDER_OPTIONS', 'OCO is a spot order list; USD-M futures have no OCO endpoint');
  for (const price of [oco.limitMakerPrice, oco.stopLimitPrice]) {
    const error = checkBinanceOrder({ price, qty: oco.quantity, icebergQty: null }, instrument, openOrdersOnSymbol, 2);
    if (error !== null) return error;
  }
  if (!passesSpotPriceFilter(oco.stopPrice, instrument)) return BINANCE_FILTER_FAILURES.PRICE_FILTER;
  if (!instrument.ocoAllowed) return BINANCE_SPOT_ERRORS.OCO_NOT_SUPPORTED;
  return checkOcoPrices(oco.side, oco.limitMakerPrice, oco.stopPrice, lastPrice);
}
