// EventScheduler: callbacks ordered by (time, seq) — a FIFO lane, a binary min-heap and a slot for an event due before all of them; the run's single event loop.
import { invariantViolation } from '../errors/shadow-exec-error.js';

export type EventAction = () => void;

/** What the queue holds: due time (virtual ms), scheduling sequence number (tie-breaker), and what runs, called as `event.action()`. */
interface ScheduledEvent {
  readonly time: number;
  readonly seq: number;
  action(): void;
}

/** The lane drops its consumed prefix only past this many entries (amortises the move). */
const LANE_COMPACT_AT = 1024;

/**
 * An object that is its own event (no wrapper object, no closure): scheduleSelf stamps its time and seq, and pop()
 * hands it back so the caller runs it as `event.action()` (a method call: `this` is the object). Schedule one at
 * most once at a time.
 */
export interface SelfScheduled {
  time: number;
  seq: number;
  action(): void;
}

export class EventScheduler {
  /**
   * An event that comes before every event in the heap, or null. The common schedule — the next market event, due
   * before the requests still in flight — lands here and leaves from here without sifting through the heap.
   */
  private front: ScheduledEvent | null = null;
  /**
   * Events in (time, seq) order, entries before laneHead already popped. An event joins when it is not before the
   * lane's last one: requests sent with a constant latency arrive in the order they were sent, so they queue here in
   * O(1) instead of sifting through the heap. The rest go to the heap; pop takes the earlier of the two heads.
   */
  private readonly lane: (ScheduledEvent | undefined)[] = [];
  private laneHead = 0;
  private readonly heap: ScheduledEvent[] = [];
  private seq = 0;
  private processed = 0;

  /** Schedules `action` at virtual ms `time`; equal times run in scheduling order. */
  schedule(time: number, action: EventAction): void {
    if (!Number.isFinite(time)) throw invariantViolation(`event time must be finite, got ${time}`);
    this.insert({ time, seq: this.seq++, action });
  }

  /** Schedules `event` itself at virtual ms `time` (same ordering as schedule); pop() returns the object. */
  scheduleSelf(event: SelfScheduled, time: number): void {
    if (!Number.isFinite(time)) throw invariantViolation(`event time must be finite, got ${time}`);
    event.time = time;
    event.seq = this.seq++;
    this.insert(event);
  }

  private insert(event: ScheduledEvent): void {
    const front = this.front;
    if (front === null) {
      const top = this.heap[0];
      const head = this.lane[this.laneHead];
      if ((top === undefined || before(event, top)) && (head === undefined || before(event, head))) {
        this.front = event;
        return;
      }
    } else if (before(event, front)) {
      this.front = event;
      this.enqueue(front);
      return;
    }
    this.enqueue(event);
  }

  /** Into the lane when that keeps it ordered, else into the heap. */
  private enqueue(event: ScheduledEvent): void {
    const lane = this.lane;
    if (this.laneHead === lane.length || !before(event, lane[lane.length - 1]!)) lane.push(event);
    else this.heapPush(event);
  }

  private heapPush(event: ScheduledEvent): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(event, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
  }

  get size(): number {
    return this.heap.length + (this.lane.length - this.laneHead) + (this.front === null ? 0 : 1);
  }

  /** Time of the earliest event, or null when empty. */
  peekTime(): number | null {
    if (this.front !== null) return this.front.time;
    const top = this.heap[0];
    const head = this.lane[this.laneHead];
    if (head === undefined) return top === undefined ? null : top.time;
    return top === undefined || before(head, top) ? head.time : top.time;
  }

  /** Removes the earliest event and returns it (time + action, to be called as `event.action()`), or null when empty. */
  pop(): { readonly time: number; action(): void } | null {
    const front = this.front;
    if (front !== null) {
      this.front = null;
      this.processed++;
      return front;
    }
    const heap = this.heap;
    const top = heap[0];
    const lane = this.lane;
    const head = lane[this.laneHead];
    if (head !== undefined && (top === undefined || before(head, top))) {
      lane[this.laneHead++] = undefined; // popped: the lane no longer holds it
      if (this.laneHead === lane.length) {
        while (lane.length > 0) lane.pop();
        this.laneHead = 0;
      } else if (this.laneHead >= LANE_COMPACT_AT && this.laneHead * 2 >= lane.length) {
        lane.splice(0, this.laneHead);
        this.laneHead = 0;
      }
      this.processed++;
      return head;
    }
    if (top === undefined) return null;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(heap[r]!, heap[l]!) ? r : l;
        if (!before(heap[c]!, last)) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    this.processed++;
    return top;
  }

  /** Events popped so far. */
  get processedCount(): number {
    return this.processed;
  }
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
