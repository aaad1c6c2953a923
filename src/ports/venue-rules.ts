// VenueRules port: how a simulated venue validates orders, words its rejections and treats post-only, reduce-only, IOC and FOK.
import type { Instrument } from '../core/model/instrument.js';
import type { TopOfBook } from '../core/model/market-update.js';
import type { OrderRequest } from '../core/model/order.js';
import type { OcoRequest } from '../core/model/order-list.js';
import type { FeeSchedule } from '../core/sim/fee-schedule.js';

/**
 * A venue's rejection: `code` and `message` exactly as the venue's current error table words them (never with our text
 * appended); `detail`, when present, is the simulator's own explanation (the values that failed the check).
 */
export interface VenueReject {
  readonly code: string;
  readonly message: string;
  readonly detail?: string;
}

/**
 * What the venue does with an order it accepted but will not let rest or complete:
 * `cancel` (Bybit PostOnly, IOC/FOK remainder), `expire` (Binance futures GTX, IOC/FOK) or
 * `reject` (Binance spot LIMIT_MAKER: -2010, never accepted). `reason` is the venue's own word for it.
 */
export type VenueOutcome =
  | { readonly kind: 'cancel'; readonly reason: string }
  | { readonly kind: 'expire'; readonly reason: string }
  | { readonly kind: 'reject'; readonly reject: VenueReject };

/**
 * A venue's dead-man switch: armed with a time, it cancels every open order of the account then (a
 * `scheduleCancel` action). The simulated venue keeps the switch and fires it on the run's clock.
 */
export interface ScheduledCancelRule {
  /** The least time, ms, between arming and the time armed for. */
  readonly minLeadMs: number;
  /** How many times the switch may fire per UTC day (counted from 00:00 UTC). */
  readonly maxTriggersPerDay: number;
  /** The venue's word for an order cancelled by it (the report's venue_cancels key). */
  readonly reason: string;
  /** The venue's refusal to arm for `atMs` at `nowMs`: under minLeadMs ahead, or the day's triggers used up. */
  refused(why: 'too-soon' | 'too-many-triggers', atMs: number, nowMs: number): VenueReject;
}

export interface VenueRules {
  readonly venue: string;
  readonly fees: FeeSchedule;
  /** Instrument filters (grid, minimums, maximums); null when the venue accepts the order. */
  validate(request: OrderRequest, instrument: Instrument): VenueReject | null;
  /** The answer to a cancel that arrives for an order the venue no longer has open. */
  cancelRejected(reason: 'ALREADY_FILLED' | 'ALREADY_CANCELED' | 'UNKNOWN_ORDER'): VenueReject;
  /**
   * A post-only order that would take liquidity on arrival. `touch`: the book it would take from, as the venue saw it at
   * the check (its symbol, best bid and ask in ticks), for venues whose answer names it ("bbo was …").
   */
  postOnlyWouldTake(touch: TopOfBook): VenueOutcome;
  /** A reduce-only order that would open, grow or flip the position. */
  reduceOnlyViolated(): VenueReject;
  /** An amend whose new quantity is not above what has already filled. */
  amendBelowFilled(): VenueReject;
  /**
   * An OCO's price relationship against the market (`marketTicks`: the mid, standing in for the last price); null when
   * accepted. Absent: the venue has no order lists, and every OCO is rejected with `ocoUnsupported`.
   */
  validateOco?(request: OcoRequest, marketTicks: number): VenueReject | null;
  /**
   * An IOC order's unfilled rest, or a FOK order the touch cannot fill completely. `filledLots`: what the order took at
   * the touch first (0: nothing), for venues that answer a wholly unfilled IOC apart from a partly filled one.
   */
  immediateRemainder(timeInForce: 'IOC' | 'FOK', filledLots: number): VenueOutcome;
  /**
   * The venue's answer to a signed request stamped `timestampMs` (the client's clock) arriving at `serverMs` (the venue's),
   * for either side of its timing window (behind by more than `recvWindowMs`, or too far ahead); null when processed.
   */
  timestampRejected(timestampMs: number, serverMs: number, recvWindowMs: number): VenueReject | null;
  /** The venue's dead-man switch; absent: it has none (arming it is refused). */
  readonly scheduledCancel?: ScheduledCancelRule;
}
