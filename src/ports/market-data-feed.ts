// MarketDataFeed port: a time-ordered source of market updates.
import type { TopOfBook } from '../core/model/market-update.js';

export interface MarketDataFeed {
  /** Human-readable kind for the report ("synthetic", "replay:…"). */
  readonly kind: string;
  /** Total updates this feed will yield, when known (for progress); null when open-ended. */
  readonly expectedUpdates: number | null;
  /** The next update in non-decreasing `ts` order, or null when the feed is exhausted or stopped. */
  next(): TopOfBook | null;
  /** Stops the feed: every later `next()` returns null. Idempotent. */
  stop(): void;
}
