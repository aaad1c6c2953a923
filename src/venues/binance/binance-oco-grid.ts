// Binance spot OCO checks on ticks and lots: checkBinanceOco's filters, ocoAllowed and price relationship without decimal.js (checkBinanceOco is the reference).
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { Side } from '../../core/model/order.js';
import { BINANCE_FILTER_FAILURES, BINANCE_SPOT_ERRORS, type BinanceError } from './binance-error-codes.js';
import { checkBinanceOrderOnGrid, type BinanceOrderGrid } from './binance-order-grid.js';
import { onStepRule } from '../shared/grid-rules.js';

/** An OCO as the integer check reads it: the legs' ticks and the shared quantity in lots, on the grid's instrument. */
export interface BinanceGridOco {
  readonly side: Side;
  readonly qtyLots: number;
  readonly limitPriceTicks: number;
  readonly stopTicks: number;
  readonly stopLimitPriceTicks: number;
}

/**
 * checkBinanceOco on integers, first error wins in the same order: each leg's filters (an OCO adds 2 orders), the stop
 * price's PRICE_FILTER, ocoAllowed, then the strict price relationship against the last price — on one tick grid,
 * `a × tick > b × tick` is `a > b`, so comparing ticks is exact. `grid` must be on the venue's own tick and lot (the
 * grid of buildInstrument(binance.spec)), as the decimal check formats the ticks with them.
 */
export function checkBinanceOcoOnGrid(oco: BinanceGridOco, grid: BinanceOrderGrid, openOrdersOnSymbol: number, lastPriceTicks: number): BinanceError | null {
  if (grid.binance.market !== 'spot') throw new ShadowExecError('E_ORDER_OPTIONS', 'OCO is a spot order list; USD-M futures have no OCO endpoint');
  for (const priceTicks of [oco.limitPriceTicks, oco.stopLimitPriceTicks]) {
    const error = checkBinanceOrderOnGrid({ priceTicks, qtyLots: oco.qtyLots, icebergLots: null, reduceOnly: false }, grid, openOrdersOnSymbol, 2);
    if (error !== null) return error;
  }
  const stop = oco.stopTicks;
  if (stop < grid.minPriceTicks.n || stop > grid.maxPriceTicks.n || !onStepRule(stop, grid.priceOnTick)) return BINANCE_FILTER_FAILURES.PRICE_FILTER;
  if (!grid.binance.ocoAllowed) return BINANCE_SPOT_ERRORS.OCO_NOT_SUPPORTED;
  const maker = oco.limitPriceTicks;
  const ok = oco.side === 'SELL' ? maker > lastPriceTicks && stop < lastPriceTicks : maker < lastPriceTicks && stop > lastPriceTicks;
  return ok ? null : BINANCE_SPOT_ERRORS.OCO_PRICE_RELATIONSHIP;
}
