// LiveMarketFeed: what a live session drives — an open-ended MarketDataFeed on the system clock that wakes its session when events arrive (LiveFeed: raw venue frames; StreamLiveFeed: normalized records from a venue's client library).
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { BookView } from '../../ports/book-view.js';
import type { Clock } from '../../ports/clock.js';
import type { MarketDataFeed } from '../../ports/market-data-feed.js';
import type { Timers } from '../../ports/timers.js';

export interface LiveFeedObserver {
  /** Events are waiting, or the feed failed; called from socket and fetch callbacks. */
  wake(): void;
  /** One line of what the feed is doing (connections, subscriptions, book syncs), without "\n". */
  log(line: string): void;
}

export interface LiveMarketFeed extends MarketDataFeed {
  /** What the start line names as the source (a WebSocket URL). */
  readonly url: string;
  /** The clock stamping receive times: the live session runs on the same one. */
  readonly clock: Clock;
  readonly timers: Timers;
  readonly book: BookView;
  setObserver(observer: LiveFeedObserver): void;
  /**
   * Everything asynchronous before the first event (a client library's set-up); the session awaits it before it starts
   * the loop. Rejects with UsageError for what the venue cannot stream; resolves at once for feeds with nothing to open.
   */
  open(): Promise<void>;
  /** Connects and subscribes. Idempotent. */
  start(): void;
  /** True when the last next() found nothing: the loop must be resumed once `waiting` > 0. */
  readonly parked: boolean;
  /** Events delivered and not yet taken. */
  readonly waiting: number;
  /** Why the feed failed (it can deliver nothing more), or null. */
  readonly failure: string | null;
  /** Resolves once every connection is closed (after stop()). */
  closed(): Promise<void>;
  /** Records why the run ended (duration, interrupted, feed-failed) for the health report. */
  noteEnd(reason: string): void;
  /** The run's duration passed without one market update: the feed failed too; sets and returns `failure`. */
  noteNoData(waitedMs: number): string;
  health(): JsonValue;
}

/** True for a live feed (the run drives it with a LiveSession); false for synthetic, replay and import feeds. */
export function isLiveMarketFeed(feed: MarketDataFeed): feed is LiveMarketFeed {
  const f = feed as Partial<LiveMarketFeed>;
  return typeof f.setObserver === 'function' && typeof f.open === 'function' && typeof f.noteNoData === 'function';
}
