// WireCounters: what left the simulated client on the wire, by request kind, and what waited in its throttle queue first.
import type { GateRequest, VenueRequestKind } from '../../ports/request-gate.js';

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

/** Plain numeric fields and a switch: `sent` runs for every request of a run (no keyed property access on the hot path). */
export class WireCounters {
  private creates = 0;
  private cancels = 0;
  private ocoCancels = 0;
  private cancelAlls = 0;
  private amends = 0;
  private ocoLists = 0;
  private createsHeld = 0;
  private ocoListsHeld = 0;
  private requestsHeld = 0;

  sent(request: GateRequest): void {
    switch (request.kind) {
      case 'create':
        this.creates += 1;
        return;
      case 'cancel':
        if (request.order !== null && request.order.leg !== null) this.ocoCancels += 1;
        else this.cancels += 1;
        return;
      case 'cancel-all':
        this.cancelAlls += 1;
        return;
      case 'amend':
        this.amends += 1;
        return;
      case 'oco':
        this.ocoLists += 1;
        return;
    }
  }

  held(kind: VenueRequestKind): void {
    this.requestsHeld += 1;
    if (kind === 'create') this.createsHeld += 1;
    else if (kind === 'oco') this.ocoListsHeld += 1;
  }

  stats(createsQueuedAtEnd: number, ocoListsQueuedAtEnd: number): WireStats {
    return {
      createsSent: this.creates,
      cancelsSent: this.cancels,
      ocoCancelsSent: this.ocoCancels,
      cancelAllsSent: this.cancelAlls,
      amendsSent: this.amends,
      ocoListsSent: this.ocoLists,
      createsHeld: this.createsHeld,
      ocoListsHeld: this.ocoListsHeld,
      requestsHeld: this.requestsHeld,
      createsQueuedAtEnd,
      ocoListsQueuedAtEnd,
    };
  }
}
