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
// - `u`: "Update ID. Is a sequence. Occasionally, you'll receive "u"=1, which is a snapshot data due to
//   the restart of the service. So please overwrite your local orderbook" (docs/v5/websocket/public/
//   orderbook.mdx @c06c9665, Response Parameters). Level-1 snapshots are re-pushed after 3 s without change
//   "and the u will be the same as that in the previous message".
// - `seq`: "Cross sequence. You can use this field to compare different levels orderbook data, and
//   for the smaller seq, then it means the data is generated earlier."
// The docs' words for u are "Is a sequence"; they do not spell out the step. Every recorded frame we
// hold steps u by exactly 1 per message of one topic while `seq` (shared across depths) jumps:
// test/fixtures/venues/bybit_v5_ws_tardis_derivatives_samples.json has orderbook.1.BTCUSDT snapshot
// u 7003305 → delta u 7003306 (seq 50193540681 → 50193543147) and orderbook.50.BTCPERP 20683568 →
// 20683569. So this sync reads u as contiguous per topic:
// - every snapshot replaces the book, whatever its u (u = 1 restarts, equal-u level-1 re-pushes);
// - a message with u = 1 is the restart's snapshot data, whatever its type: a delta with u = 1 replaces
//   the book too (its non-zero levels), instead of being taken for a stale delta forever after;
// - a delta before any snapshot (or after sync was lost) cannot be applied: dropped and counted
//   (`dropped-unsynced`); the feed must resubscribe to get a fresh snapshot;
// - a delta with u ≤ the book's u is stale (a re-delivery, or a delta from before the last snapshot):
//   dropped and counted;
// - a delta with u > book u + 1 missed updates: a gap (`gaps`), the book is cleared and the state set to
//   `needs-resync` until the next snapshot, as for a crossed book (a live feed resubscribes). With
//   `gapOnUpdateIdJump: false` such a delta is applied instead and counted in `updateIdJumps`;
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
  /** Treat a delta whose u skips ids (u > book u + 1) as a gap (resync); false applies it and counts the jump. @default true */
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
    this.gapOnJump = options.gapOnUpdateIdJump ?? true;
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
    if (u === 1) return this.onSnapshot(restartSnapshot(event));
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

/** A u = 1 delta read as the service restart's snapshot data ("please overwrite your local orderbook"): its non-zero levels. */
function restartSnapshot(event: BookDeltaEvent): BookSnapshotEvent {
  const live = (levels: BookDeltaEvent['bids']) => levels.filter((level) => level[1] > 0);
  return { kind: 'book-snapshot', symbol: event.symbol, ts: event.ts, bids: live(event.bids), asks: live(event.asks), updateId: 1, seq: event.seq };
}
