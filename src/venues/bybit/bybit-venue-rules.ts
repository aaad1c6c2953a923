// BybitVenueRules: Bybit V5 order checks per category (linear, spot), answered with Bybit's retCodes; checkBybitOrder is the decimal reference of the integer checks the rules run.
import { Decimal } from '../../core/money/decimal.js';
import type { Instrument } from '../../core/model/instrument.js';
import type { OrderRequest } from '../../core/model/order.js';
import type { FeeSchedule } from '../../core/sim/fee-schedule.js';
import type { VenueOutcome, VenueReject, VenueRules } from '../../ports/venue-rules.js';
import type { BybitCategory } from './bybit-category.js';
import {
  BYBIT_ERRORS,
  BYBIT_FOK_CANCEL_REASON,
  BYBIT_IOC_CANCEL_REASON,
  BYBIT_POST_ONLY_CANCEL,
  bybitReject,
} from './bybit-error-codes.js';
import type { BybitInstrument } from './bybit-instruments.js';
import { buildBybitOrderGrid, checkBybitOrderOnGrid, type BybitOrderGrid } from './bybit-order-grid.js';
import { timestampBreach, timestampBreachDetail } from '../shared/timestamp-window.js';

/** The order fields Bybit checks, as the decimal strings of the request body. */
export interface BybitOrderFields {
  readonly price: string;
  readonly qty: string;
  readonly postOnly: boolean;
}

function multipleOf(value: Decimal, step: string): boolean {
  return value.div(step).isInteger();
}

/**
 * The reference: the rules run checkBybitOrderOnGrid (bybit-order-grid.ts), held equal to this by a differential test.
 * Checks an order's strings against a Bybit instrument, in the order Bybit reports them: grid, then size, then value.
 * Linear answers 10001 for grid and size (the table has no finer code) and 110094 below minNotionalValue;
 * spot answers 170134/170137/170136/170381/170140. The message is Bybit's retMsg as is; what failed goes in `detail`.
 */
export function checkBybitOrder(fields: BybitOrderFields, instrument: BybitInstrument): VenueReject | null {
  const { spec } = instrument;
  const price = new Decimal(fields.price);
  const qty = new Decimal(fields.qty);
  const linear = instrument.category === 'linear';
  if (!multipleOf(price, spec.tickSize)) {
    return bybitReject(linear ? BYBIT_ERRORS.PARAMS : BYBIT_ERRORS.SPOT_PRICE_DECIMAL_TOO_LONG, `price ${fields.price} is not a multiple of tickSize ${spec.tickSize}`);
  }
  if (instrument.minPrice !== null && price.lt(instrument.minPrice)) {
    return bybitReject(BYBIT_ERRORS.PARAMS, `price ${fields.price} is below minPrice ${instrument.minPrice}`);
  }
  if (instrument.maxPrice !== null && price.gt(instrument.maxPrice)) {
    return bybitReject(BYBIT_ERRORS.PARAMS, `price ${fields.price} is above maxPrice ${instrument.maxPrice}`);
  }
  if (!multipleOf(qty, spec.lotSize)) {
    const step = linear ? 'qtyStep' : 'basePrecision';
    return bybitReject(linear ? BYBIT_ERRORS.PARAMS : BYBIT_ERRORS.SPOT_QTY_DECIMAL_TOO_LONG, `qty ${fields.qty} is not a multiple of ${step} ${spec.lotSize}`);
  }
  if (qty.lt(spec.minQty)) {
    return bybitReject(linear ? BYBIT_ERRORS.PARAMS : BYBIT_ERRORS.SPOT_QTY_TOO_SMALL, `qty ${fields.qty} is below minOrderQty ${spec.minQty}`);
  }
  const maxQty = fields.postOnly ? instrument.postOnlyMaxQty : spec.maxQty;
  if (qty.gt(maxQty)) {
    return bybitReject(linear ? BYBIT_ERRORS.PARAMS : BYBIT_ERRORS.SPOT_QTY_TOO_LARGE, `qty ${fields.qty} is above the maximum ${maxQty}`);
  }
  const value = price.times(qty);
  if (value.lt(spec.minNotional)) {
    const field = linear ? 'minNotionalValue' : 'minOrderAmt';
    const error = linear ? BYBIT_ERRORS.LINEAR_NOTIONAL_TOO_SMALL : BYBIT_ERRORS.SPOT_NOTIONAL_TOO_SMALL;
    return bybitReject(error, `order value ${value.toFixed()} is below ${field} ${spec.minNotional}`);
  }
  return null;
}

export class BybitVenueRules implements VenueRules {
  readonly venue = 'bybit';

  /** Per symbol index, the instrument's filters on the grid of the Instrument last validated against (built on first use; an array: no string hashing per order). */
  private readonly grids: (BybitOrderGrid | undefined)[] = [];

  constructor(
    readonly category: BybitCategory,
    readonly fees: FeeSchedule,
    private readonly instruments: ReadonlyMap<string, BybitInstrument>,
  ) {}

  validate(request: OrderRequest, instrument: Instrument): VenueReject | null {
    let grid = this.grids[request.symbolIndex];
    if (grid === undefined || grid.instrument !== instrument) {
      const bybit = this.instruments.get(request.symbol);
      if (bybit === undefined) return bybitReject(BYBIT_ERRORS.PARAMS, `symbol ${request.symbol} is not listed in category ${this.category}`);
      grid = buildBybitOrderGrid(bybit, instrument);
      this.grids[request.symbolIndex] = grid;
    }
    if (request.priceTicks <= 0) return bybitReject(BYBIT_ERRORS.PARAMS, 'price must be positive');
    return checkBybitOrderOnGrid(request.priceTicks, request.qtyLots, request.options?.postOnly ?? false, grid);
  }

  cancelRejected(reason: 'ALREADY_FILLED' | 'ALREADY_CANCELED' | 'UNKNOWN_ORDER'): VenueReject {
    if (this.category === 'spot') {
      if (reason === 'ALREADY_FILLED') return bybitReject(BYBIT_ERRORS.SPOT_ORDER_FILLED);
      return bybitReject(reason === 'ALREADY_CANCELED' ? BYBIT_ERRORS.SPOT_ORDER_CANCELED : BYBIT_ERRORS.SPOT_ORDER_NOT_EXISTS);
    }
    if (reason === 'ALREADY_FILLED') return bybitReject(BYBIT_ERRORS.ORDER_COMPLETED_OR_CANCELLED);
    return bybitReject(reason === 'ALREADY_CANCELED' ? BYBIT_ERRORS.ORDER_CANCELLED : BYBIT_ERRORS.ORDER_NOT_EXISTS);
  }

  postOnlyWouldTake(): VenueOutcome {
    return { kind: 'cancel', reason: BYBIT_POST_ONLY_CANCEL.rejectReason };
  }

  reduceOnlyViolated(): VenueReject {
    return bybitReject(BYBIT_ERRORS.REDUCE_ONLY_NOT_SATISFIED);
  }

  amendBelowFilled(): VenueReject {
    return bybitReject(this.category === 'spot' ? BYBIT_ERRORS.SPOT_AMEND_QTY_BELOW_FILLED : BYBIT_ERRORS.AMEND_QTY_NOT_ABOVE_FILLED);
  }

  immediateRemainder(timeInForce: 'IOC' | 'FOK'): VenueOutcome {
    return { kind: 'cancel', reason: timeInForce === 'IOC' ? BYBIT_IOC_CANCEL_REASON : BYBIT_FOK_CANCEL_REASON };
  }

  /** 10002 on either side of `server_time - recv_window <= timestamp < server_time + 1000` (docs/v5/guide.mdx). */
  timestampRejected(timestampMs: number, serverMs: number, recvWindowMs: number): VenueReject | null {
    if (timestampBreach(timestampMs, serverMs, recvWindowMs) === null) return null;
    return bybitReject(BYBIT_ERRORS.TIMESTAMP_OUT_OF_WINDOW, timestampBreachDetail(timestampMs, serverMs, recvWindowMs));
  }
}
