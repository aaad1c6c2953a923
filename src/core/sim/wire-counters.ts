// WireCounters: what left the simulated client on the wire, by request kind, and what waited in its throttle queue first.
import type { GateRequest, VenueRequestKind } from './request-gate.js';

/** Wire figures of a run, as VenueStats carries them; every count is of requests, an OCO list being one request. */
export interface WireStats {
  /** Requests that left the client, by kind. */
  readonly createsSent: number;
  /** Cancels of quotes; cancels of an OCO leg (which cancel the whole list) are ocoCancelsSent. */
  readonly cancelsSent: number;
  readonly ocoCancelsSent: number;
  readonly cancelAllsSent: number;
  readonly amendsSent: number;
  readonly ocoListsSent: number;
  /** Creates and OCO lists that waited in the client's throttle queue before leaving (or before being dropped). */
  readonly createsHeld: number;
  readonly ocoListsHeld: number;
  /** Requests of any kind that waited in the throttle queue. */
  readonly requestsHeld: number;
  /** Creates and OCO lists still waiting in the queue when the run ended (an interrupted run). */
  readonly createsQueuedAtEnd: number;
  readonly ocoListsQueuedAtEnd: number;
}

/** Wire figures of a venue that sent nothing; tests and stubs spread their own counts over it. */
export const NO_WIRE_TRAFFIC: WireStats = {
  createsSent: 0,
  cancelsSent: 0,
  ocoCancelsSent: 0,
  cancelAllsSent: 0,
  amendsSent: 0,
  ocoListsSent: 0,
  createsHeld: 0,
  ocoListsHeld: 0,
  requestsHeld: 0,
  createsQueuedAtEnd: 0,
  ocoListsQueuedAtEnd: 0,
};

export class WireCounters {
  private readonly sentByKind: Record<VenueRequestKind, number> = { create: 0, cancel: 0, 'cancel-all': 0, amend: 0, oco: 0 };
  private readonly heldByKind: Record<VenueRequestKind, number> = { create: 0, cancel: 0, 'cancel-all': 0, amend: 0, oco: 0 };

  private ocoCancels = 0;

  sent(request: GateRequest): void {
    if (request.kind === 'cancel' && request.order !== null && request.order.leg !== null) this.ocoCancels += 1;
    else this.sentByKind[request.kind] += 1;
  }

  held(kind: VenueRequestKind): void {
    this.heldByKind[kind] += 1;
  }

  stats(createsQueuedAtEnd: number, ocoListsQueuedAtEnd: number): WireStats {
    const s = this.sentByKind;
    const h = this.heldByKind;
    return {
      createsSent: s.create,
      cancelsSent: s.cancel,
      ocoCancelsSent: this.ocoCancels,
      cancelAllsSent: s['cancel-all'],
      amendsSent: s.amend,
      ocoListsSent: s.oco,
      createsHeld: h.create,
      ocoListsHeld: h.oco,
      requestsHeld: h.create + h.cancel + h['cancel-all'] + h.amend + h.oco,
      createsQueuedAtEnd,
      ocoListsQueuedAtEnd,
    };
  }
}
