// RequestGate port: the venue API between the loop and the matching engine — client-side throttling, venue-side rate limits, and a tap on every request sent.
import type { Order } from '../model/order.js';
import type { OcoRequest } from '../model/order-list.js';
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

export interface RequestGate {
  /** Virtual ms the client holds this request before sending it, so that it never exceeds a limit (0 = send now). */
  clientDelayMs(request: GateRequest, nowMs: number): number;
  /** Called when the request leaves the client (after any hold): render, sign, journal, count. */
  onSend(request: GateRequest, sendMs: number): void;
  /** The venue's answer when the request arrives over its rate limit; null when admitted. */
  venueAdmit(request: GateRequest, arrivalMs: number): VenueReject | null;
  /** Counters for the report's `venue_api` section. */
  report(): Record<string, unknown>;
}

/** A gate that never holds, never rejects and keeps no record: the fake venue's API. */
export const OPEN_GATE: RequestGate = {
  clientDelayMs: () => 0,
  onSend: () => {},
  venueAdmit: () => null,
  report: () => ({}),
};
