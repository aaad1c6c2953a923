// ClientSendQueue: the client's outgoing requests, one FIFO per lane, each sent the moment the gate's limits have room; a request dropped unsent takes no slot with it.
import type { Clock } from '../../ports/clock.js';
import type { EventScheduler } from '../scheduler/event-scheduler.js';

/** What the queue asks of the venue's gate; both calls are pure queries (nothing is booked until the request is sent). */
export interface SendLanes<R> {
  /** Lane of a request, 0 ≤ lane < laneCount: requests of one lane leave in order; lanes never wait for each other. */
  laneOf(request: R): number;
  /** Earliest virtual ms ≥ nowMs at which `request` may leave without breaking a limit, given what has been sent so far. */
  sendableAtMs(request: R, nowMs: number): number;
}

/** The queue's own state on a request: when it joined the queue (virtual ms) and whether it was dropped before being sent. */
export interface Queueable {
  queuedAtMs: number;
  dropped: boolean;
}

/** The request leaves the client at sendMs (virtual ms), after heldMs in the queue (0: sent as it was submitted). */
export type SendAction<R> = (request: R, sendMs: number, heldMs: number) => void;

/** The lane drops its consumed prefix only past this many entries (amortises the move). */
const COMPACT_AT = 1024;

interface Lane<R> {
  items: R[];
  head: number;
  /** Virtual ms of the armed wake-up, +Infinity when none is armed. */
  wakeAtMs: number;
  /** Bumped on every re-arm: a wake-up whose generation is stale does nothing (the scheduler cannot unschedule). */
  generation: number;
}

/**
 * No slot is reserved for a waiting request: the head of a lane asks the gate when it may leave, and the gate charges
 * its limiters only when the request is sent (onSend). So a request dropped while it waits (a quote cancelled before
 * it left) gives nothing back because it took nothing, and the next one leaves as soon as there is room: while a lane
 * is backlogged, it sends at the rate its limits allow.
 *
 * Invariant: a lane with a live (not dropped) request has exactly one wake-up armed at the head's sendable time.
 */
export class ClientSendQueue<R extends Queueable> {
  private readonly lanes: Lane<R>[] = [];
  private waiting = 0;

  constructor(
    private readonly clock: Clock,
    private readonly scheduler: EventScheduler,
    private readonly gate: SendLanes<R>,
    laneCount: number,
    private readonly send: SendAction<R>,
  ) {
    for (let i = 0; i < laneCount; i += 1) this.lanes.push({ items: [], head: 0, wakeAtMs: Number.POSITIVE_INFINITY, generation: 0 });
  }

  /** Requests waiting in the queue (dropped ones excluded). */
  get queued(): number {
    return this.waiting;
  }

  /** Sends `request` now when its lane is empty and the gate has room, else queues it; true when it was sent now. */
  submit(request: R, nowMs: number): boolean {
    const lane = this.lanes[this.gate.laneOf(request)]!;
    const empty = lane.head === lane.items.length || this.liveHead(lane) === undefined;
    if (empty && this.gate.sendableAtMs(request, nowMs) <= nowMs) {
      this.send(request, nowMs, 0);
      return true;
    }
    request.queuedAtMs = nowMs;
    request.dropped = false;
    lane.items.push(request);
    this.waiting += 1;
    if (empty) this.arm(lane, nowMs);
    return false;
  }

  /** Takes a waiting request out of the queue unsent; the next one in its lane moves up at once. */
  drop(request: R, nowMs: number): void {
    if (request.dropped) return;
    const lane = this.lanes[this.gate.laneOf(request)]!;
    const wasHead = this.liveHead(lane) === request;
    request.dropped = true;
    this.waiting -= 1;
    if (wasHead) this.arm(lane, nowMs);
  }

  /** The lane's first request not dropped (dropped ones before it are discarded), or undefined. */
  private liveHead(lane: Lane<R>): R | undefined {
    while (lane.head < lane.items.length && lane.items[lane.head]!.dropped) lane.head += 1;
    if (lane.head > COMPACT_AT && lane.head * 2 > lane.items.length) {
      lane.items = lane.items.slice(lane.head);
      lane.head = 0;
    }
    return lane.items[lane.head];
  }

  /** Arms the lane's wake-up at its head's sendable time (no wake-up when the lane is empty). */
  private arm(lane: Lane<R>, nowMs: number): void {
    const head = this.liveHead(lane);
    lane.generation += 1;
    if (head === undefined) {
      lane.wakeAtMs = Number.POSITIVE_INFINITY;
      return;
    }
    const at = Math.max(nowMs, this.gate.sendableAtMs(head, nowMs));
    lane.wakeAtMs = at;
    const generation = lane.generation;
    this.scheduler.schedule(at, () => this.pump(lane, generation));
  }

  /** Sends the lane's requests in order while the gate has room, then re-arms for the first that must wait. */
  private pump(lane: Lane<R>, generation: number): void {
    if (generation !== lane.generation) return;
    const now = this.clock.now();
    for (let head = this.liveHead(lane); head !== undefined; head = this.liveHead(lane)) {
      if (this.gate.sendableAtMs(head, now) > now) break;
      lane.head += 1;
      this.waiting -= 1;
      this.send(head, now, now - head.queuedAtMs);
    }
    this.arm(lane, now);
  }
}
