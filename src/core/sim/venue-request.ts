// VenueRequest: one venue API call in flight from the simulated client to the matching engine — the gate's request and its own arrival event.
import type { Order } from '../model/order.js';
import type { OcoRequest } from '../model/order-list.js';
import type { SelfScheduled } from '../scheduler/event-scheduler.js';
import type { Queueable } from './client-send-queue.js';
import type { GateRequest, VenueRequestKind } from '../../ports/request-gate.js';

/** Where a request goes when it arrives (the simulated venue). */
export interface RequestReceiver {
  deliver(request: VenueRequest): void;
}

/**
 * A GateRequest that is also the scheduler event of its arrival, so sending allocates one object (no closure, no
 * event wrapper). Scheduled at most once: when it leaves the client (after any hold), due at send time + latency.
 */
export class VenueRequest implements GateRequest, SelfScheduled, Queueable {
  /** Arrival, virtual ms, and the scheduler's tie-breaker: stamped by EventScheduler.scheduleSelf. */
  time = 0;
  seq = 0;
  /** One-way latency, virtual ms, drawn when the request was made; it arrives latencyMs after it leaves the client. */
  latencyMs = 0;
  /** Client queue state (ClientSendQueue): when it joined the queue, and whether it was dropped unsent. */
  queuedAtMs = 0;
  dropped = false;

  constructor(
    private readonly receiver: RequestReceiver,
    readonly kind: VenueRequestKind,
    readonly symbol: string,
    readonly order: Order | null,
    readonly amend: { readonly priceTicks: number; readonly qtyLots: number } | null,
    readonly oco?: { readonly request: OcoRequest; readonly limit: Order; readonly stop: Order },
  ) {}

  /** The request reaches the venue. */
  action(): void {
    this.receiver.deliver(this);
  }
}
