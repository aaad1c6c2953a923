// NormalizedBookSync: keeps one symbol's OrderBook from normalized records' snapshots and updates, which carry no venue update ids.
//
// Rules (normalized data was sequenced when it was captured or exported: tardis.dev validates each venue's sequence
// numbers and restarts the connection on a gap, then publishes a new snapshot — docs.tardis.dev FAQ "order books"):
// - every snapshot replaces the book (top-N snapshots included: the book is then those N levels);
// - an update before the first snapshot (or after sync was lost) has no book to apply to: dropped and counted
//   (`dropped-unsynced`), as tardis' docs say to skip rows until the first `is_snapshot` row;
// - an update to a synced book is applied (absolute sizes, 0 removes);
// - a crossed book (best bid ≥ best ask) after any record is reported, counted, the book cleared and the state set
//   to `needs-resync` until the next snapshot — as every venue sync does.
// The update id it reports is a count of the records applied since the last snapshot (no venue id exists).
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';
import { crossedBookOutcome, emptyBookSyncCounters, type BookSyncCounters, type BookSyncOutcome, type BookSyncState } from '../../core/market/book-sync-outcome.js';
import { OrderBook } from '../../core/market/order-book.js';
import type { BookDeltaEvent, BookSnapshotEvent } from '../../core/model/market-data-event.js';
import type { ReplayBookSync } from '../../ports/replay-venue-kit.js';

export class NormalizedBookSync implements ReplayBookSync {
  readonly book: OrderBook;
  private readonly stats: BookSyncCounters = emptyBookSyncCounters();
  private currentState: BookSyncState = 'awaiting-snapshot';
  private applied = 0;

  constructor(readonly symbol: string) {
    this.book = new OrderBook(symbol);
  }

  get state(): BookSyncState {
    return this.currentState;
  }

  get updateId(): number | null {
    return this.currentState === 'synced' ? this.applied : null;
  }

  counters(): Readonly<BookSyncCounters> {
    return { ...this.stats };
  }

  onSnapshot(event: BookSnapshotEvent): BookSyncOutcome {
    this.checkSymbol(event.symbol);
    const recovered = this.currentState === 'needs-resync';
    this.book.replace(event.bids, event.asks, event.offGrid);
    this.applied = 0;
    this.currentState = 'synced';
    this.stats.snapshots++;
    if (recovered) this.stats.resyncs++;
    return this.crossedOutcome() ?? { kind: 'resynced', updateId: 0, replayed: 0, droppedStale: 0, recovered };
  }

  onDelta(event: BookDeltaEvent): BookSyncOutcome {
    this.checkSymbol(event.symbol);
    if (this.currentState !== 'synced') {
      this.stats.droppedUnsynced++;
      return { kind: 'dropped-unsynced', updateId: this.applied };
    }
    this.book.applyLevels(event.bids, event.asks, event.offGrid);
    this.applied++;
    this.stats.applied++;
    return this.crossedOutcome() ?? { kind: 'applied', updateId: this.applied };
  }

  private crossedOutcome(): BookSyncOutcome | null {
    const outcome = crossedBookOutcome(this.book, this.applied);
    if (outcome === null) return null;
    this.stats.crossed++;
    this.book.clear();
    this.currentState = 'needs-resync';
    return outcome;
  }

  private checkSymbol(symbol: string): void {
    if (symbol !== this.symbol) throw invariantViolation(`NormalizedBookSync(${this.symbol}) got an event for ${symbol}`);
  }
}
