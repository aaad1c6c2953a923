// RequestGate port: the venue API between the loop and the matching engine — client-side throttling, venue-side rate limits, and a tap on every request sent.
import type { Order } from '../core/model/order.js';
import type { OcoRequest } from '../core/model/order-list.js';
import type { SendLanes } from '../core/sim/client-send-queue.js';
import type { VenueReject } from './venue-rules.js';

/** The venue API calls a simulated venue makes; each venue maps them to its own endpoints. */
export type VenueRequestKind = 'create' | 'cancel' | 'cancel-all' | 'amend' | 'oco';

/**
 * One venue API call: the order it addresses (none for cancel-all; the limit leg for an OCO), for an amend the new
 * price and quantity, and for an OCO both legs and the request.
 */
export interface GateRequest {
  readonly kind: VenueRequestKind;
  readonly symbol: string;
  readonly order: Order | null;
  readonly amend: { readonly priceTicks: number; readonly qtyLots: number } | null;
  readonly oco?: { readonly request: OcoRequest; readonly limit: Order; readonly stop: Order };
}

/**
 * The client's throttle is a queue per lane (ClientSendQueue) that asks the gate when the head may leave; the gate books
 * nothing until onSend, so a request dropped while it waits costs no slot.
 */
export interface RequestGate extends SendLanes<GateRequest> {
  /** Lanes of this gate's client queue (laneOf returns 0 … laneCount − 1). */
  readonly laneCount: number;
  /**
   * The request leaves the client at sendMs (virtual ms) after heldMs in the client's queue: charge the client's
   * limiters (sendableAtMs said they have room), render, sign, journal, count.
   */
  onSend(request: GateRequest, sendMs: number, heldMs: number): void;
  /** The venue's answer when the request arrives over its rate limit; null when admitted. */
  venueAdmit(request: GateRequest, arrivalMs: number): VenueReject | null;
  /** Counters for the report's `venue_api` section. */
  report(): Record<string, unknown>;
}

/** A gate that never holds, never rejects and keeps no record: a venue without an API (its module's `wire` gives no gate). */
export const OPEN_GATE: RequestGate = {
  laneCount: 1,
  laneOf: () => 0,
  sendableAtMs: (_request, nowMs) => nowMs,
  onSend: () => {},
  venueAdmit: () => null,
  report: () => ({}),
};
