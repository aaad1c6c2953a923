// Bybit order checks on an order's ticks and lots: the instrument's filters precomputed as integer limits on its grid (the decimal checkBybitOrder is the reference).
import { Decimal } from '../../core/money/decimal.js';
import { formatPrice, formatQty, type Instrument } from '../../core/model/instrument.js';
import type { VenueReject } from '../../ports/venue-rules.js';
import { BYBIT_ERRORS, bybitReject } from './bybit-error-codes.js';
import type { BybitInstrument } from './bybit-instruments.js';
import {
  NO_MAX,
  NO_MIN,
  ceilUnits,
  floorUnits,
  onStepRule,
  productBelow,
  stepRule,
  type GridLimit,
  type StepRule,
} from '../shared/grid-rules.js';

/** A Bybit instrument's filters in ticks and lots of `instrument`'s grid (see grid-rules.ts for why integers). */
export interface BybitOrderGrid {
  readonly bybit: BybitInstrument;
  /** The grid the limits are in: an order's priceTicks/qtyLots are counted in its tickSize/lotSize. */
  readonly instrument: Instrument;
  readonly priceOnTick: StepRule;
  readonly minPriceTicks: GridLimit;
  readonly maxPriceTicks: GridLimit;
  readonly qtyOnStep: StepRule;
  readonly minQtyLots: GridLimit;
  readonly maxQtyLots: GridLimit;
  readonly postOnlyMaxQtyLots: GridLimit;
  /** minNotional in tick × lot atoms: value < minNotional ⟺ priceTicks × qtyLots < this. */
  readonly minNotionalAtoms: GridLimit;
}

export function buildBybitOrderGrid(bybit: BybitInstrument, instrument: Instrument): BybitOrderGrid {
  const { spec } = bybit;
  const tick = instrument.tickSize;
  const lot = instrument.lotSize;
  return {
    bybit,
    instrument,
    priceOnTick: stepRule(tick, '0', spec.tickSize),
    minPriceTicks: bybit.minPrice === null ? NO_MIN : ceilUnits(bybit.minPrice, tick),
    maxPriceTicks: bybit.maxPrice === null ? NO_MAX : floorUnits(bybit.maxPrice, tick),
    qtyOnStep: stepRule(lot, '0', spec.lotSize),
    minQtyLots: ceilUnits(spec.minQty, lot),
    maxQtyLots: floorUnits(spec.maxQty, lot),
    postOnlyMaxQtyLots: floorUnits(bybit.postOnlyMaxQty, lot),
    minNotionalAtoms: ceilUnits(spec.minNotional, tick.times(lot)),
  };
}

/**
 * checkBybitOrder on integers: the same checks in the same order with the same codes and texts; the decimal strings in a
 * rejection's detail are made only when it rejects.
 */
export function checkBybitOrderOnGrid(priceTicks: number, qtyLots: number, postOnly: boolean, grid: BybitOrderGrid): VenueReject | null {
  const { bybit, instrument } = grid;
  const { spec } = bybit;
  const linear = bybit.category === 'linear';
  const price = (): string => formatPrice(instrument, priceTicks);
  const qty = (): string => formatQty(instrument, qtyLots);
  if (!onStepRule(priceTicks, grid.priceOnTick)) {
    return bybitReject(linear ? BYBIT_ERRORS.PARAMS : BYBIT_ERRORS.SPOT_PRICE_DECIMAL_TOO_LONG, `price ${price()} is not a multiple of tickSize ${spec.tickSize}`);
  }
  if (priceTicks < grid.minPriceTicks.n) return bybitReject(BYBIT_ERRORS.PARAMS, `price ${price()} is below minPrice ${bybit.minPrice}`);
  if (priceTicks > grid.maxPriceTicks.n) return bybitReject(BYBIT_ERRORS.PARAMS, `price ${price()} is above maxPrice ${bybit.maxPrice}`);
  if (!onStepRule(qtyLots, grid.qtyOnStep)) {
    const step = linear ? 'qtyStep' : 'basePrecision';
    return bybitReject(linear ? BYBIT_ERRORS.PARAMS : BYBIT_ERRORS.SPOT_QTY_DECIMAL_TOO_LONG, `qty ${qty()} is not a multiple of ${step} ${spec.lotSize}`);
  }
  if (qtyLots < grid.minQtyLots.n) {
    return bybitReject(linear ? BYBIT_ERRORS.PARAMS : BYBIT_ERRORS.SPOT_QTY_TOO_SMALL, `qty ${qty()} is below minOrderQty ${spec.minQty}`);
  }
  if (qtyLots > (postOnly ? grid.postOnlyMaxQtyLots : grid.maxQtyLots).n) {
    const maxQty = postOnly ? bybit.postOnlyMaxQty : spec.maxQty;
    return bybitReject(linear ? BYBIT_ERRORS.PARAMS : BYBIT_ERRORS.SPOT_QTY_TOO_LARGE, `qty ${qty()} is above the maximum ${maxQty}`);
  }
  if (productBelow(priceTicks, qtyLots, grid.minNotionalAtoms)) {
    const field = linear ? 'minNotionalValue' : 'minOrderAmt';
    const error = linear ? BYBIT_ERRORS.LINEAR_NOTIONAL_TOO_SMALL : BYBIT_ERRORS.SPOT_NOTIONAL_TOO_SMALL;
    const value = new Decimal(price()).times(qty()).toFixed();
    return bybitReject(error, `order value ${value} is below ${field} ${spec.minNotional}`);
  }
  return null;
}
