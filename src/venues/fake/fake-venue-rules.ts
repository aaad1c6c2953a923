// FakeVenueRules: generic instrument-filter checks with the fake venue's own error codes.
import { formatUnits } from '../../core/money/decimal.js';
import { formatQty, type Instrument } from '../../core/model/instrument.js';
import type { OrderRequest } from '../../core/model/order.js';
import { ocoPricesOrdered, type OcoRequest } from '../../core/model/order-list.js';
import type { FeeSchedule } from '../../core/sim/fee-schedule.js';
import type { VenueOutcome, VenueReject, VenueRules } from '../../ports/venue-rules.js';
import { timestampBreach, timestampBreachDetail } from '../shared/timestamp-window.js';

/** Default fees of the fake venue: maker 2 bps, taker 5.5 bps (a common entry tier for linear perpetuals). */
export const FAKE_DEFAULT_FEES = { makerBps: '2', takerBps: '5.5' } as const;

/** The cancel refusals, shared (a VenueReject is read-only): a quoter's cancel racing a fill gets one on every lost race. */
const ORDER_FILLED: VenueReject = Object.freeze({ code: 'FAKE_ORDER_FILLED', message: 'order already filled' });
const ORDER_CANCELED: VenueReject = Object.freeze({ code: 'FAKE_ORDER_CANCELED', message: 'order already cancelled' });
const UNKNOWN_ORDER: VenueReject = Object.freeze({ code: 'FAKE_UNKNOWN_ORDER', message: 'order does not exist' });

export class FakeVenueRules implements VenueRules {
  readonly venue = 'fake';
  constructor(readonly fees: FeeSchedule) {}

  validate(request: OrderRequest, instrument: Instrument): VenueReject | null {
    if (request.priceTicks <= 0) return { code: 'FAKE_INVALID_PRICE', message: 'price must be positive' };
    if (request.qtyLots < instrument.minQtyLots) {
      return {
        code: 'FAKE_QTY_TOO_SMALL',
        message: 'quantity below the minimum',
        detail: `quantity ${formatQty(instrument, request.qtyLots)} is below the minimum ${instrument.spec.minQty}`,
      };
    }
    if (request.qtyLots > instrument.maxQtyLots) {
      return {
        code: 'FAKE_QTY_TOO_LARGE',
        message: 'quantity above the maximum',
        detail: `quantity ${formatQty(instrument, request.qtyLots)} is above the maximum ${instrument.spec.maxQty}`,
      };
    }
    const notionalE8 = request.priceTicks * request.qtyLots * instrument.atomE8;
    if (notionalE8 < instrument.minNotionalE8) {
      return {
        code: 'FAKE_NOTIONAL_TOO_SMALL',
        message: 'order value below the minimum',
        detail: `order value ${formatUnits(notionalE8, instrument.quoteUnit)} is below the minimum ${instrument.spec.minNotional}`,
      };
    }
    return null;
  }

  cancelRejected(reason: 'ALREADY_FILLED' | 'ALREADY_CANCELED' | 'UNKNOWN_ORDER'): VenueReject {
    switch (reason) {
      case 'ALREADY_FILLED':
        return ORDER_FILLED;
      case 'ALREADY_CANCELED':
        return ORDER_CANCELED;
      case 'UNKNOWN_ORDER':
        return UNKNOWN_ORDER;
    }
  }

  postOnlyWouldTake(): VenueOutcome {
    return { kind: 'cancel', reason: 'FAKE_POST_ONLY_WOULD_TAKE' };
  }

  reduceOnlyViolated(): VenueReject {
    return { code: 'FAKE_REDUCE_ONLY', message: 'reduce-only order would open or grow the position' };
  }

  validateOco(request: OcoRequest, marketTicks: number): VenueReject | null {
    return ocoPricesOrdered(request, marketTicks)
      ? null
      : { code: 'FAKE_OCO_PRICES', message: 'OCO prices must be ordered limit > market > stop (sell) or limit < market < stop (buy)' };
  }

  amendBelowFilled(): VenueReject {
    return { code: 'FAKE_AMEND_BELOW_FILLED', message: 'amended quantity must be above the filled quantity' };
  }

  immediateRemainder(timeInForce: 'IOC' | 'FOK'): VenueOutcome {
    return { kind: 'cancel', reason: timeInForce === 'IOC' ? 'FAKE_IOC_REMAINDER' : 'FAKE_FOK_NOT_FILLED' };
  }

  /** The real venues' window, [server - recvWindow, server + 1000), with the fake venue's own code for either side. */
  timestampRejected(timestampMs: number, serverMs: number, recvWindowMs: number): VenueReject | null {
    const breach = timestampBreach(timestampMs, serverMs, recvWindowMs);
    if (breach === null) return null;
    return {
      code: 'FAKE_TIMESTAMP',
      message: breach === 'ahead' ? 'request timestamp ahead of the venue clock' : 'request timestamp outside the receive window',
      detail: timestampBreachDetail(timestampMs, serverMs, recvWindowMs),
    };
  }
}
