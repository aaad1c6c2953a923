// HyperliquidBookSync: keeps one coin's OrderBook from Hyperliquid `l2Book` pushes, each a whole snapshot: no deltas, no gaps, only stale and crossed books to watch.
//
// "WsBook … Snapshot feed, pushed on each block that is at least 0.5 since last push" (hyperliquid.gitbook.io/
// hyperliquid-docs/for-developers/api/websocket/subscriptions, "Data type definitions"): every push replaces the book.
// The push carries no update id; the parser gives the block `time` as updateId. So:
// - a snapshot replaces the book unless its time is older than the book's (a re-delivery after a reconnect: stale);
//   an equal time replaces it (one block, the same book);
// - a delta never comes from this venue: one is a bug in the caller (an invariant error);
// - a crossed book (best bid ≥ best ask) is reported, counted, the book cleared and the state set to `needs-resync`
//   until the next push — which comes by itself within a block or so: no resubscription is needed.
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';
import { crossedBookOutcome, emptyBookSyncCounters, type BookSyncCounters, type BookSyncOutcome, type BookSyncState } from '../../core/market/book-sync-outcome.js';
import { OrderBook } from '../../core/market/order-book.js';
import type { BookDeltaEvent, BookSnapshotEvent } from '../../core/model/market-data-event.js';

export class HyperliquidBookSync {
  readonly book: OrderBook;
  private readonly stats: BookSyncCounters = emptyBookSyncCounters();
  private currentState: BookSyncState = 'awaiting-snapshot';
  private bookTime = -1;

  constructor(readonly symbol: string) {
    this.book = new OrderBook(symbol);
  }

  get state(): BookSyncState {
    return this.currentState;
  }

  /** The block time of the book while synced, else null. */
  get updateId(): number | null {
    return this.currentState === 'synced' ? this.bookTime : null;
  }

  counters(): Readonly<BookSyncCounters> {
    return { ...this.stats };
  }

  onSnapshot(event: BookSnapshotEvent): BookSyncOutcome {
    if (event.symbol !== this.symbol) throw invariantViolation(`HyperliquidBookSync(${this.symbol}) got an event for ${event.symbol}`);
    if (this.bookTime >= 0 && event.updateId < this.bookTime) {
      this.stats.droppedStale++;
      return { kind: 'dropped-stale', updateId: event.updateId, bookUpdateId: this.bookTime };
    }
    const recovered = this.currentState === 'needs-resync';
    this.book.replace(event.bids, event.asks, event.offGrid);
    this.bookTime = event.updateId;
    this.currentState = 'synced';
    this.stats.snapshots++;
    if (recovered) this.stats.resyncs++;
    const crossed = crossedBookOutcome(this.book, event.updateId);
    if (crossed !== null) {
      this.stats.crossed++;
      this.book.clear();
      this.currentState = 'needs-resync';
      return crossed;
    }
    return { kind: 'resynced', updateId: event.updateId, replayed: 0, droppedStale: 0, recovered };
  }

  onDelta(event: BookDeltaEvent): BookSyncOutcome {
    throw invariantViolation(`Hyperliquid sends no book deltas, got one for ${event.symbol}`);
  }
}

/** One sentence on the procedure, for the report's model. */
export const HYPERLIQUID_BOOK_SYNC_RULE =
  'Hyperliquid l2Book (websocket/subscriptions, WsBook): every push is a whole snapshot of up to 20 levels a side and replaces the book; a push older than the book (by block time) is stale; a crossed book is cleared until the next push';
