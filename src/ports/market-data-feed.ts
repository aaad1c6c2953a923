// MarketDataFeed port: a time-ordered source of normalised market-data events (quotes, trades, bars, marks, tickers).
import type { MarketDataEvent } from '../core/model/market-data-event.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { BookView } from './book-view.js';

export interface MarketDataFeed {
  /** Human-readable kind for the report ("synthetic", "replay:…"). */
  readonly kind: string;
  /** Total updates this feed will yield, when known (for progress); null when open-ended. */
  readonly expectedUpdates: number | null;
  /**
   * The next event in non-decreasing `ts` order (virtual ms), or null when the feed is exhausted or stopped.
   * Only 'quote', 'trade', 'bar', 'mark' and 'ticker' events: a feed that reads order books (book-snapshot /
   * book-delta) keeps the book itself and yields a QuoteEvent when its top changes.
   * An event may be a record the feed rewrites later (the synthetic feed's quotes: at the next-but-one quote of the same
   * symbol): a consumer that keeps one longer than that copies it.
   */
  next(): MarketDataEvent | null;
  /** Stops the feed: every later `next()` returns null. Idempotent. */
  stop(): void;
  /**
   * The public L2 books the feed keeps (replay and live feeds reading depth streams), for queue-position fill
   * models; absent on feeds that keep none (synthetic).
   */
  readonly book?: BookView;
  /**
   * The feed's own health for the report's replay/live-only `market_data` section (deterministic
   * counters, no wall clock). Synthetic feeds do not implement it, so their reports have no such section.
   */
  health?(): JsonValue;
}
