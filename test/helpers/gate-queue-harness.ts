// Gate + client queue test kit: drives a venue's RequestGate through a ClientSendQueue on a virtual clock, as the simulated venue does, and records every send.
import { ClientSendQueue, type Queueable } from '../../src/core/sim/client-send-queue.js';
import type { GateRequest, RequestGate } from '../../src/ports/request-gate.js';
import type { VenueReject } from '../../src/ports/venue-rules.js';
import { EventScheduler } from '../../src/core/scheduler/event-scheduler.js';
import { VirtualClock } from '../../src/core/time/virtual-clock.js';

/** A gate request with the queue's state on it. */
export type QueuedRequest = GateRequest & Queueable;

export interface Send {
  readonly request: QueuedRequest;
  readonly sendMs: number;
  readonly heldMs: number;
}

/** A request's arrival at the venue (latencyMs after it left) and the venue's answer (null: admitted). */
export interface Arrival {
  readonly request: QueuedRequest;
  readonly arrivalMs: number;
  readonly answer: VenueReject | null;
}

export class GateQueueHarness {
  readonly clock: VirtualClock;
  readonly scheduler = new EventScheduler();
  readonly sends: Send[] = [];
  readonly arrivals: Arrival[] = [];
  private readonly sendTime = new Map<QueuedRequest, number>();
  readonly queue: ClientSendQueue<QueuedRequest>;

  /** @param latencyMs one-way latency, virtual ms: each request sent reaches gate.venueAdmit this much later */
  constructor(
    readonly gate: RequestGate,
    startMs = 0,
    latencyMs = 0,
  ) {
    this.clock = new VirtualClock(startMs);
    this.queue = new ClientSendQueue<QueuedRequest>(this.clock, this.scheduler, gate, gate.laneCount, (request, sendMs, heldMs) => {
      gate.onSend(request, sendMs, heldMs);
      this.sends.push({ request, sendMs, heldMs });
      this.sendTime.set(request, sendMs);
      this.scheduler.schedule(sendMs + latencyMs, () => {
        this.arrivals.push({ request, arrivalMs: sendMs + latencyMs, answer: gate.venueAdmit(request, sendMs + latencyMs) });
      });
    });
  }

  /** Runs every event due up to `ms`, then leaves the clock at `ms`. */
  runUntil(ms: number): void {
    for (let t = this.scheduler.peekTime(); t !== null && t <= ms; t = this.scheduler.peekTime()) {
      const event = this.scheduler.pop()!;
      this.clock.advanceTo(event.time);
      event.action();
    }
    this.clock.advanceTo(ms);
  }

  /** Runs events until nothing waits in the queue (the clock stops at the last send). */
  drain(): void {
    while (this.queue.queued > 0) {
      const event = this.scheduler.pop();
      if (event === null) throw new Error('requests wait in the queue but no wake-up is armed');
      this.clock.advanceTo(event.time);
      event.action();
    }
  }

  /** Submits `request` at virtual ms `atMs` (after running what is due before); returns the queued request. */
  submit(request: GateRequest, atMs: number): QueuedRequest {
    this.runUntil(atMs);
    const queued: QueuedRequest = { ...request, queuedAtMs: 0, dropped: false };
    this.queue.submit(queued, atMs);
    return queued;
  }

  /** Drops a waiting request at `atMs`. */
  drop(request: QueuedRequest, atMs: number): void {
    this.runUntil(atMs);
    this.queue.drop(request, atMs);
  }

  /** Send time of each request that left, in send order. */
  sendTimes(): number[] {
    return this.sends.map((s) => s.sendMs);
  }

  /** When `request` left, or null if it has not (yet). */
  sentAt(request: QueuedRequest): number | null {
    return this.sendTime.get(request) ?? null;
  }
}
