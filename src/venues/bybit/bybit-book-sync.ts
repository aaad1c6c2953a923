// BybitBookSync: keeps one symbol's OrderBook in sync from Bybit V5 `orderbook.<depth>.<symbol>` snapshots and deltas.
//
// What the docs say (bybit-exchange/docs docs/v5/websocket/public/orderbook.mdx; the delta rules and
// the level-1 note are in its current revision, https://bybit-exchange.github.io/docs/v5/websocket/public/orderbook
// "Process snapshot/delta"):
// - "Once you have subscribed successfully, you will receive a snapshot. The WebSocket will keep
//   pushing delta messages every time the orderbook changes. If you receive a new snapshot message,
//   you will have to reset your local orderbook. If there is a problem on Bybit's end, a snapshot
//   will be re-sent, which is guaranteed to contain the latest data."
// - Deltas: size 0 deletes the entry, a new price is inserted, an existing one is updated.
// - `u`: "Update ID" (older revisions: "Is a sequence"). "Occasionally, you'll receive "u"=1, which
//   is a snapshot data due to the restart of the service. So please overwrite your local orderbook."
//   Level-1 snapshots are re-pushed after 3 s without change "and the u will be the same as that in
//   the previous message".
// - `seq`: "Cross sequence. You can use this field to compare different levels orderbook data, and
//   for the smaller seq, then it means the data is generated earlier."
// The docs do NOT promise that consecutive deltas have u = previous u + 1, and `seq` is shared
// across depths (it is not per-topic contiguous). So this sync encodes only:
// - every snapshot replaces the book, whatever its u (u = 1 restarts, equal-u level-1 re-pushes);
// - a delta before any snapshot (or after sync was lost) cannot be applied: dropped and counted
//   (`dropped-unsynced`); the feed must resubscribe to get a fresh snapshot;
// - a delta with u ≤ the book's u is stale (a re-delivery, or a delta from before the last snapshot):
//   dropped and counted. This relies on u being increasing, as "Is a sequence" states;
// - a delta with u > book u + 1 is applied and counted in `updateIdJumps`; with
//   `gapOnUpdateIdJump: true` it is treated as a gap instead (for feeds observed to be contiguous —
//   the recorded frames in test/fixtures step u by exactly 1);
// - a crossed book (best bid ≥ best ask) after any update is reported, counted, the book cleared and
//   the state set to `needs-resync` until the next snapshot.
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';
import type { BookDeltaEvent, BookSnapshotEvent } from '../../core/model/market-data-event.js';
import { OrderBook } from '../../core/market/order-book.js';
import {
  crossedBookOutcome,
  emptyBookSyncCounters,
  type BookSyncCounters,
  type BookSyncOutcome,
  type BookSyncState,
} from '../../core/market/book-sync-outcome.js';

export interface BybitBookSyncOptions {
  /** Treat a delta whose u skips ids (u > book u + 1) as a gap. The docs do not promise contiguity. @default false */
  readonly gapOnUpdateIdJump?: boolean;
}

export class BybitBookSync {
  readonly book: OrderBook;
  private readonly gapOnJump: boolean;
  private readonly stats: BookSyncCounters = emptyBookSyncCounters();
  private currentState: BookSyncState = 'awaiting-snapshot';
  /** The book's u (update id); meaningful only while synced. */
  private bookUpdateId = 0;
  /** `seq` of the last snapshot or delta applied (null when the venue sent none). */
  private lastSeq: number | null = null;

  constructor(
    readonly symbol: string,
    options: BybitBookSyncOptions = {},
  ) {
    this.gapOnJump = options.gapOnUpdateIdJump ?? false;
    this.book = new OrderBook(symbol);
  }

  get state(): BookSyncState {
    return this.currentState;
  }

  /** The book's u while synced, else null. */
  get updateId(): number | null {
    return this.currentState === 'synced' ? this.bookUpdateId : null;
  }

  /** Cross sequence of the last applied message, null if none or the venue omitted it (options). */
  get seq(): number | null {
    return this.lastSeq;
  }

  /** True when a fresh snapshot (a resubscription) is needed. */
  needsSnapshot(): boolean {
    return this.currentState !== 'synced';
  }

  counters(): Readonly<BookSyncCounters> {
    return { ...this.stats };
  }

  onSnapshot(event: BookSnapshotEvent): BookSyncOutcome {
    this.checkSymbol(event.symbol);
    const recovered = this.currentState === 'needs-resync';
    this.book.replace(event.bids, event.asks, event.offGrid);
    this.bookUpdateId = event.updateId;
    this.lastSeq = event.seq;
    this.currentState = 'synced';
    this.stats.snapshots++;
    if (recovered) this.stats.resyncs++;
    return this.crossedOutcome() ?? { kind: 'resynced', updateId: event.updateId, replayed: 0, droppedStale: 0, recovered };
  }

  onDelta(event: BookDeltaEvent): BookSyncOutcome {
    this.checkSymbol(event.symbol);
    const u = event.finalUpdateId;
    if (this.currentState !== 'synced') {
      this.stats.droppedUnsynced++;
      return { kind: 'dropped-unsynced', updateId: u };
    }
    const L = this.bookUpdateId;
    if (u <= L) {
      this.stats.droppedStale++;
      return { kind: 'dropped-stale', updateId: u, bookUpdateId: L };
    }
    if (u > L + 1) {
      if (this.gapOnJump) {
        this.stats.gaps++;
        this.markLost();
        return { kind: 'gap', reason: 'missed-updates', expected: L + 1, received: u };
      }
      this.stats.updateIdJumps++;
    }
    this.book.applyLevels(event.bids, event.asks, event.offGrid);
    this.bookUpdateId = u;
    this.lastSeq = event.seq;
    this.stats.applied++;
    return this.crossedOutcome() ?? { kind: 'applied', updateId: u };
  }

  private crossedOutcome(): BookSyncOutcome | null {
    const outcome = crossedBookOutcome(this.book, this.bookUpdateId);
    if (outcome === null) return null;
    this.stats.crossed++;
    this.markLost();
    return outcome;
  }

  private markLost(): void {
    this.book.clear();
    this.currentState = 'needs-resync';
  }

  private checkSymbol(symbol: string): void {
    if (symbol !== this.symbol) throw invariantViolation(`BybitBookSync(${this.symbol}) got an event for ${symbol}`);
  }
}
