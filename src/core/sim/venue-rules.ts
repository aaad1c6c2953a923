// VenueRules port: how a simulated venue validates orders and words its rejections.
import type { Instrument } from '../model/instrument.js';
import type { OrderRequest } from '../model/order.js';
import type { FeeSchedule } from './fee-schedule.js';

/** A venue's rejection, with its own code and message as the venue would send them. */
export interface VenueReject {
  readonly code: string;
  readonly message: string;
}

export interface VenueRules {
  readonly venue: string;
  readonly fees: FeeSchedule;
  /** null when the venue accepts the order. */
  validate(request: OrderRequest, instrument: Instrument): VenueReject | null;
  /** The answer to a cancel that arrives for an order the venue no longer has open. */
  cancelRejected(reason: 'ALREADY_FILLED' | 'ALREADY_CANCELED' | 'UNKNOWN_ORDER'): VenueReject;
}
