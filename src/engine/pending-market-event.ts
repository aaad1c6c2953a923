// PendingMarketEvent: the one market event the execution loop has scheduled and not yet handled — its own scheduler event, reused for every event.
import { invariantViolation } from '../core/errors/shadow-exec-error.js';
import type { MarketDataEvent } from '../core/model/market-data-event.js';
import type { EventScheduler, SelfScheduled } from '../core/scheduler/event-scheduler.js';

/**
 * The loop pulls its feed one event at a time, so at most one market event waits in the scheduler: this object is
 * that wait (scheduleSelf), so scheduling a market event allocates nothing. Invariant: `event` is non-null exactly
 * while the object is in the scheduler.
 */
export class PendingMarketEvent implements SelfScheduled {
  /** Due time (virtual ms, the event's ts) and tie-breaker: stamped by EventScheduler.scheduleSelf. */
  time = 0;
  seq = 0;
  private event: MarketDataEvent | null = null;

  /** @param handle called with the event when the scheduler reaches it */
  constructor(
    private readonly scheduler: EventScheduler,
    private readonly handle: (event: MarketDataEvent) => void,
  ) {}

  /** Schedules `event` at its ts; one is already waiting: a bug (the feed is pulled one event at a time). */
  schedule(event: MarketDataEvent): void {
    if (this.event !== null) throw invariantViolation(`market event at ${event.ts} scheduled while the one at ${this.event.ts} is still pending`);
    this.event = event;
    this.scheduler.scheduleSelf(this, event.ts);
  }

  /** The scheduler reached the event: hand it over (it may schedule the next one). */
  action(): void {
    const event = this.event!;
    this.event = null;
    this.handle(event);
  }
}
