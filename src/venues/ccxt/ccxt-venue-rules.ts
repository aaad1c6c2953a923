// CcxtVenueRules: the generic rules of a ccxt venue — the market's precision and limits as integer filters, rejections named by ccxt's unified error classes (InvalidOrder, OrderNotFound, …), not by the venue's own codes.
import { Decimal } from '../../core/money/decimal.js';
import { formatPrice, formatQty, type Instrument } from '../../core/model/instrument.js';
import type { OrderRequest } from '../../core/model/order.js';
import type { FeeSchedule } from '../../core/sim/fee-schedule.js';
import type { VenueOutcome, VenueReject, VenueRules } from '../../ports/venue-rules.js';
import { ceilUnits, floorUnits, NO_MAX, NO_MIN, productAbove, productBelow, type GridLimit } from '../shared/grid-rules.js';
import { timestampBreach, timestampBreachDetail } from '../shared/timestamp-window.js';
import type { CcxtInstrumentDetails } from './ccxt-instruments.js';

/** One market's limits on the integer grid, built once per instrument. */
interface GridLimits {
  readonly minPriceTicks: GridLimit;
  readonly maxPriceTicks: GridLimit;
  /** Cost (price × quantity) bounds in tick × lot atoms. */
  readonly minCostAtoms: GridLimit;
  readonly maxCostAtoms: GridLimit;
}

const reject = (code: string, message: string, detail?: string): VenueReject => (detail === undefined ? { code, message } : { code, message, detail });

/** ccxt's unified error classes (ccxt/js/src/base/errorHierarchy.js) as rejection codes. */
const INVALID_ORDER = 'ccxt.InvalidOrder';
const ORDER_NOT_FOUND: VenueReject = Object.freeze({ code: 'ccxt.OrderNotFound', message: 'order not found (already filled or cancelled)' });
const UNKNOWN_ORDER: VenueReject = Object.freeze({ code: 'ccxt.OrderNotFound', message: 'order not found' });

export class CcxtVenueRules implements VenueRules {
  private readonly limits = new Map<string, GridLimits>();

  constructor(
    readonly venue: string,
    readonly fees: FeeSchedule,
    private readonly details: ReadonlyMap<string, CcxtInstrumentDetails>,
  ) {}

  private gridLimits(instrument: Instrument): GridLimits {
    const cached = this.limits.get(instrument.symbol);
    if (cached !== undefined) return cached;
    const d = this.details.get(instrument.symbol);
    const atom = instrument.tickSize.times(instrument.lotSize);
    const built: GridLimits = {
      minPriceTicks: d?.minPrice == null ? NO_MIN : ceilUnits(d.minPrice, instrument.tickSize),
      maxPriceTicks: d?.maxPrice == null ? NO_MAX : floorUnits(d.maxPrice, instrument.tickSize),
      minCostAtoms: new Decimal(instrument.spec.minNotional).isZero() ? NO_MIN : ceilUnits(instrument.spec.minNotional, atom),
      maxCostAtoms: d?.maxCost == null ? NO_MAX : floorUnits(d.maxCost, atom),
    };
    this.limits.set(instrument.symbol, built);
    return built;
  }

  validate(request: OrderRequest, instrument: Instrument): VenueReject | null {
    const p = request.priceTicks;
    const q = request.qtyLots;
    if (p <= 0) return reject(INVALID_ORDER, 'price must be positive');
    const limits = this.gridLimits(instrument);
    if (p < limits.minPriceTicks.n) return reject(INVALID_ORDER, 'price below limits.price.min', `price ${formatPrice(instrument, p)} is below ${this.details.get(instrument.symbol)?.minPrice}`);
    if (p > limits.maxPriceTicks.n) return reject(INVALID_ORDER, 'price above limits.price.max', `price ${formatPrice(instrument, p)} is above ${this.details.get(instrument.symbol)?.maxPrice}`);
    if (q < instrument.minQtyLots) return reject(INVALID_ORDER, 'amount below limits.amount.min', `quantity ${formatQty(instrument, q)} is below the minimum ${instrument.spec.minQty}`);
    if (q > instrument.maxQtyLots) return reject(INVALID_ORDER, 'amount above limits.amount.max', `quantity ${formatQty(instrument, q)} is above the maximum ${instrument.spec.maxQty}`);
    if (productBelow(p, q, limits.minCostAtoms)) return reject(INVALID_ORDER, 'cost below limits.cost.min', `order value is below the minimum ${instrument.spec.minNotional}`);
    if (productAbove(p, q, limits.maxCostAtoms)) return reject(INVALID_ORDER, 'cost above limits.cost.max', `order value is above the maximum ${this.details.get(instrument.symbol)?.maxCost}`);
    return null;
  }

  cancelRejected(reason: 'ALREADY_FILLED' | 'ALREADY_CANCELED' | 'UNKNOWN_ORDER'): VenueReject {
    return reason === 'UNKNOWN_ORDER' ? UNKNOWN_ORDER : ORDER_NOT_FOUND;
  }

  postOnlyWouldTake(): VenueOutcome {
    return { kind: 'reject', reject: { code: 'ccxt.OrderImmediatelyFillable', message: 'post-only order would take liquidity' } };
  }

  reduceOnlyViolated(): VenueReject {
    return reject(INVALID_ORDER, 'reduce-only order would open or grow the position');
  }

  amendBelowFilled(): VenueReject {
    return reject(INVALID_ORDER, 'amended amount must be above the filled amount');
  }

  immediateRemainder(timeInForce: 'IOC' | 'FOK'): VenueOutcome {
    return { kind: 'cancel', reason: timeInForce === 'IOC' ? 'IOC remainder cancelled' : 'FOK not filled' };
  }

  timestampRejected(timestampMs: number, serverMs: number, recvWindowMs: number): VenueReject | null {
    const breach = timestampBreach(timestampMs, serverMs, recvWindowMs);
    if (breach === null) return null;
    return reject('ccxt.InvalidNonce', breach === 'ahead' ? 'request timestamp ahead of the exchange clock' : 'request timestamp outside the receive window', timestampBreachDetail(timestampMs, serverMs, recvWindowMs));
  }
}
