// Book sync results as values: the state of a venue book synchroniser, what one event did, and its counters.
import type { OrderBook } from './order-book.js';

/**
 * - `awaiting-snapshot`: never synced yet; deltas are buffered (Binance) or dropped (Bybit).
 * - `synced`: the book reflects every update up to the sync's update id.
 * - `needs-resync`: sync was lost (gap, crossed book, snapshot too old); the book is cleared and a
 *   new snapshot is needed (Binance: a REST depth snapshot; Bybit: a fresh subscription snapshot).
 */
export type BookSyncState = 'awaiting-snapshot' | 'synced' | 'needs-resync';

/** Why sync was lost. */
export type GapReason =
  /** The stream skipped update ids after the book was in sync. */
  | 'missed-updates'
  /** The snapshot is older than the first delta that must follow it (Binance: fetch another one). */
  | 'snapshot-too-old';

export type BookSyncOutcome =
  /** A delta was applied to a synced book; `updateId` is the book's update id afterwards. */
  | { readonly kind: 'applied'; readonly updateId: number }
  /** A delta was held until a snapshot arrives; `pending` is the buffer length after it. */
  | { readonly kind: 'buffered'; readonly pending: number }
  /** A delta or snapshot no newer than the book was ignored. */
  | { readonly kind: 'dropped-stale'; readonly updateId: number; readonly bookUpdateId: number }
  /** A delta arrived while there was no book to apply it to and it cannot be kept (Bybit). */
  | { readonly kind: 'dropped-unsynced'; readonly updateId: number }
  /**
   * Sync lost: the book was cleared and the state is `needs-resync`. `expected`/`received` are the
   * two ids the failing rule compared (documented per venue sync).
   */
  | { readonly kind: 'gap'; readonly reason: GapReason; readonly expected: number; readonly received: number }
  /**
   * A snapshot (re)built the book. `replayed` buffered deltas were then applied and `droppedStale`
   * buffered ones discarded as older than it; `recovered` is true when it ended a `needs-resync`.
   */
  | {
      readonly kind: 'resynced';
      readonly updateId: number;
      readonly replayed: number;
      readonly droppedStale: number;
      readonly recovered: boolean;
    }
  /**
   * After an update best bid ≥ best ask: never served silently. The book was cleared, the state is
   * `needs-resync`, and the crossing prices are reported.
   */
  | { readonly kind: 'crossed'; readonly updateId: number; readonly bidTicks: number; readonly askTicks: number };

/** Running totals of one synchroniser (all counts of events, never reset). */
export interface BookSyncCounters {
  /** Deltas applied to a synced book (live and replayed from the buffer). */
  applied: number;
  /** Deltas put in the pre-snapshot buffer. */
  buffered: number;
  /** Deltas (and snapshots) ignored as no newer than the book. */
  droppedStale: number;
  /** Deltas dropped because there was no book to apply them to (Bybit before a snapshot). */
  droppedUnsynced: number;
  /** Oldest buffered deltas evicted because the buffer was full (Binance). */
  droppedOverflow: number;
  /** Sync lost to skipped update ids. */
  gaps: number;
  /** Snapshots found older than the first delta that had to follow them. */
  staleSnapshots: number;
  /** Updates after which the book was crossed. */
  crossed: number;
  /** Snapshots that (re)built the book. */
  snapshots: number;
  /** Of those, the ones that ended a `needs-resync` state. */
  resyncs: number;
  /** Deltas whose update id jumped by more than 1 but were applied because the venue does not promise contiguity (Bybit). */
  updateIdJumps: number;
}

export function emptyBookSyncCounters(): BookSyncCounters {
  return {
    applied: 0,
    buffered: 0,
    droppedStale: 0,
    droppedUnsynced: 0,
    droppedOverflow: 0,
    gaps: 0,
    staleSnapshots: 0,
    crossed: 0,
    snapshots: 0,
    resyncs: 0,
    updateIdJumps: 0,
  };
}

/** The `crossed` outcome when `book` is crossed (best bid ≥ best ask), else null; the caller then marks sync lost. */
export function crossedBookOutcome(book: OrderBook, updateId: number): BookSyncOutcome | null {
  if (!book.isCrossed()) return null;
  return { kind: 'crossed', updateId, bidTicks: book.bestBidTicks() as number, askTicks: book.bestAskTicks() as number };
}
