// Binance order filters on an order's ticks and lots: PRICE_FILTER, LOT_SIZE, (MIN_)NOTIONAL and ICEBERG_PARTS precomputed as integer limits on the instrument's grid (the decimal checkBinanceOrder is the reference).
import { Decimal } from '../../core/money/decimal.js';
import { formatPrice, formatQty, type Instrument } from '../../core/model/instrument.js';
import { BINANCE_FILTER_FAILURES, BINANCE_SPOT_ERRORS, BINANCE_USDM_ERRORS, binanceErrorPayload, type BinanceError } from './binance-error-codes.js';
import type { BinanceInstrument } from './binance-instruments.js';
import { checkBinanceOrder } from './binance-order-filters.js';
import {
  NO_MAX,
  NO_MIN,
  ceilUnits,
  floorUnits,
  onStepRule,
  productAbove,
  productBelow,
  stepRule,
  type GridLimit,
  type StepRule,
} from '../shared/grid-rules.js';

/** A Binance instrument's filters in ticks, lots and tick × lot atoms of `instrument`'s grid (see grid-rules.ts for why integers). */
export interface BinanceOrderGrid {
  readonly binance: BinanceInstrument;
  readonly instrument: Instrument;
  readonly minPriceTicks: GridLimit;
  readonly maxPriceTicks: GridLimit;
  /** Spot `price % tickSize == 0`; USD-M `(price - minPrice) % tickSize == 0`. */
  readonly priceOnTick: StepRule;
  readonly minQtyLots: GridLimit;
  readonly maxQtyLots: GridLimit;
  /** Spot `quantity % stepSize == 0`; USD-M `(quantity - minQty) % stepSize == 0`. */
  readonly qtyOnStep: StepRule;
  readonly minNotionalAtoms: GridLimit;
  readonly maxNotionalAtoms: GridLimit;
}

const ZERO: GridLimit = { n: 0, big: 0n };

export function buildBinanceOrderGrid(binance: BinanceInstrument, instrument: Instrument): BinanceOrderGrid {
  const { priceFilter, lotSize, notional } = binance;
  const tick = instrument.tickSize;
  const lot = instrument.lotSize;
  const atom = tick.times(lot);
  const usdm = binance.market === 'usdm';
  // "0" disables minPrice / maxPrice (filters.md PRICE_FILTER).
  const enabled = (limit: string): boolean => !new Decimal(limit).isZero();
  return {
    binance,
    instrument,
    minPriceTicks: enabled(priceFilter.minPrice) ? ceilUnits(priceFilter.minPrice, tick) : NO_MIN,
    maxPriceTicks: enabled(priceFilter.maxPrice) ? floorUnits(priceFilter.maxPrice, tick) : NO_MAX,
    priceOnTick: stepRule(tick, usdm ? priceFilter.minPrice : '0', priceFilter.tickSize),
    minQtyLots: ceilUnits(lotSize.minQty, lot),
    maxQtyLots: floorUnits(lotSize.maxQty, lot),
    qtyOnStep: stepRule(lot, usdm ? lotSize.minQty : '0', lotSize.stepSize),
    minNotionalAtoms: notional === null ? NO_MIN : ceilUnits(notional.min, atom),
    maxNotionalAtoms: notional === null || notional.max === null ? NO_MAX : floorUnits(notional.max, atom),
  };
}

/** An order as the integer check reads it: ticks and lots, and icebergQty in lots (null: plain order). */
export interface BinanceGridOrder {
  readonly priceTicks: number;
  readonly qtyLots: number;
  readonly icebergLots: number | null;
  readonly reduceOnly: boolean;
}

function lotSizeFails(lots: number, grid: BinanceOrderGrid): boolean {
  return lots < grid.minQtyLots.n || lots > grid.maxQtyLots.n || !onStepRule(lots, grid.qtyOnStep);
}

function checkSpot(order: BinanceGridOrder, grid: BinanceOrderGrid, openOrders: number, newOrders: number): BinanceError | null {
  const { binance } = grid;
  const { priceTicks: p, qtyLots: q, icebergLots: ice } = order;
  if (p < grid.minPriceTicks.n || p > grid.maxPriceTicks.n || !onStepRule(p, grid.priceOnTick)) return BINANCE_FILTER_FAILURES.PRICE_FILTER;
  if (lotSizeFails(q, grid) || (ice !== null && lotSizeFails(ice, grid))) return BINANCE_FILTER_FAILURES.LOT_SIZE;
  if (binance.notional !== null && (productBelow(p, q, grid.minNotionalAtoms) || productAbove(p, q, grid.maxNotionalAtoms))) {
    return binance.notional.filter === 'NOTIONAL' ? BINANCE_FILTER_FAILURES.NOTIONAL : BINANCE_FILTER_FAILURES.MIN_NOTIONAL;
  }
  // ICEBERG_PARTS: CEIL(qty / icebergQty) > limit ⟺ qty > limit × icebergQty (icebergLots > 0 here, see validate).
  if (ice !== null && binance.icebergParts !== null && productBelow(binance.icebergParts, ice, { n: q, big: BigInt(q) })) {
    return BINANCE_FILTER_FAILURES.ICEBERG_PARTS;
  }
  if (binance.maxNumOrders !== null && openOrders + newOrders > binance.maxNumOrders) return BINANCE_FILTER_FAILURES.MAX_NUM_ORDERS;
  if (ice !== null) {
    if (!binance.icebergAllowed) return BINANCE_SPOT_ERRORS.ICEBERG_NOT_SUPPORTED;
    if (!(ice < q)) return BINANCE_SPOT_ERRORS.ICEBERG_QTY_EXCEEDS_QTY;
  }
  if (!productAbove(p, q, ZERO)) return BINANCE_SPOT_ERRORS.PRICE_QTY_ZERO;
  return null;
}

function checkUsdm(order: BinanceGridOrder, grid: BinanceOrderGrid, openOrders: number, newOrders: number): BinanceError | null {
  const { binance } = grid;
  const { priceTicks: p, qtyLots: q } = order;
  if (order.icebergLots !== null) return binanceErrorPayload(BINANCE_USDM_ERRORS.PARAM_NOT_REQUIRED, 'icebergQty');
  if (p < 0) return BINANCE_USDM_ERRORS.PRICE_LESS_THAN_ZERO;
  if (q < 0) return BINANCE_USDM_ERRORS.QTY_LESS_THAN_ZERO;
  if (p < grid.minPriceTicks.n) return BINANCE_USDM_ERRORS.PRICE_LESS_THAN_MIN;
  if (p > grid.maxPriceTicks.n) return BINANCE_USDM_ERRORS.PRICE_GREATER_THAN_MAX;
  if (!onStepRule(p, grid.priceOnTick)) return BINANCE_USDM_ERRORS.PRICE_NOT_ON_TICK;
  if (q < grid.minQtyLots.n) return BINANCE_USDM_ERRORS.QTY_LESS_THAN_MIN;
  if (q > grid.maxQtyLots.n) return BINANCE_USDM_ERRORS.QTY_GREATER_THAN_MAX;
  if (!onStepRule(q, grid.qtyOnStep)) return BINANCE_USDM_ERRORS.QTY_NOT_ON_STEP;
  if (binance.notional !== null && !order.reduceOnly && productBelow(p, q, grid.minNotionalAtoms)) {
    return binanceErrorPayload(BINANCE_USDM_ERRORS.MIN_NOTIONAL, binance.notional.min);
  }
  if (binance.maxNumOrders !== null && openOrders + newOrders > binance.maxNumOrders) return BINANCE_USDM_ERRORS.MAX_OPEN_ORDERS;
  return null;
}

/** checkBinanceOrder on integers: the same filters in the same order, the same codes. */
export function checkBinanceOrderOnGrid(order: BinanceGridOrder, grid: BinanceOrderGrid, openOrdersOnSymbol: number, newOrders = 1): BinanceError | null {
  return grid.binance.market === 'spot' ? checkSpot(order, grid, openOrdersOnSymbol, newOrders) : checkUsdm(order, grid, openOrdersOnSymbol, newOrders);
}

/**
 * icebergQty text in lots of the grid, or undefined when it is not a positive whole number of lots that fits a Number
 * (the caller then runs the decimal reference, which answers such a value exactly).
 */
export function icebergLotsOf(icebergQty: string, instrument: Instrument): number | undefined {
  const floor = floorUnits(icebergQty, instrument.lotSize).big;
  if (floor !== ceilUnits(icebergQty, instrument.lotSize).big || floor <= 0n || floor > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(floor);
}

/** The decimal reference for one order, for orders the integer check does not take (an off-grid icebergQty). */
export function checkBinanceOrderByDecimals(order: BinanceGridOrder, icebergQty: string | null, grid: BinanceOrderGrid, openOrdersOnSymbol: number): BinanceError | null {
  const fields = {
    price: formatPrice(grid.instrument, order.priceTicks),
    qty: formatQty(grid.instrument, order.qtyLots),
    icebergQty,
    reduceOnly: order.reduceOnly,
  };
  return checkBinanceOrder(fields, grid.binance, openOrdersOnSymbol);
}
