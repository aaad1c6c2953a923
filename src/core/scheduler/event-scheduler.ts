// EventScheduler: callbacks ordered by (time, seq) — a binary min-heap plus a slot for an event due before all of it; the run's single event loop.
import { invariantViolation } from '../errors/shadow-exec-error.js';

export type EventAction = () => void;

/** What the queue holds: due time (virtual ms), scheduling sequence number (tie-breaker), and what runs, called as `event.action()`. */
interface ScheduledEvent {
  readonly time: number;
  readonly seq: number;
  action(): void;
}

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
      if (top === undefined || before(event, top)) {
        this.front = event;
        return;
      }
    } else if (before(event, front)) {
      this.front = event;
      this.heapPush(front);
      return;
    }
    this.heapPush(event);
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
    return this.heap.length + (this.front === null ? 0 : 1);
  }

  /** Time of the earliest event, or null when empty. */
  peekTime(): number | null {
    if (this.front !== null) return this.front.time;
    return this.heap.length === 0 ? null : this.heap[0]!.time;
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
