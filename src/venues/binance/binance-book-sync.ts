// BinanceBookSync: keeps one symbol's OrderBook in sync from diff-depth deltas and REST snapshots (spot and USD-M futures).
//
// Binance's documented procedure, per market (event fields as normalised: U = firstUpdateId,
// u = finalUpdateId, pu = prevFinalUpdateId; a snapshot's updateId = REST `lastUpdateId`; L = the
// book's update id — the snapshot's, then the u of the last applied delta):
//
// Spot — binance/binance-spot-api-docs web-socket-streams.md, "How to manage a local order book correctly":
//   buffer deltas; get a snapshot; discard buffered deltas with u ≤ lastUpdateId; then per delta:
//   ignore it when u ≤ L; "If the event first update ID (U) is greater than the local order book
//   update ID + 1, you have missed some events" → gap; otherwise apply and set L = u. The first
//   delta therefore satisfies U ≤ lastUpdateId+1 ≤ u, and normally U = previous u + 1.
//   (Some revisions of that page say "U > update ID" without "+ 1" in the update procedure, and
//   "lastUpdateId within [U;u]" in step 5; both contradict their own "U ≤ lastUpdateId+1 ≤ u" rule
//   and the real capture, whose first delta after lastUpdateId 499869752 starts at U = 499869753.)
//
// USD-M futures — developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/
//   How-to-manage-a-local-order-book-correctly: "Drop any event where u is < lastUpdateId in the
//   snapshot"; "The first processed event should have U <= lastUpdateId AND u >= lastUpdateId";
//   "each new event's pu should be equal to the previous event's u, otherwise initialize the process
//   from step 3". After the first delta, a delta with u ≤ L (a re-delivery) is ignored as stale: it
//   carries nothing newer than the book (our rule; the page does not discuss duplicates).
//
// Both: quantities are absolute, 0 removes the level, and "Receiving an event that removes a price
// level that is not in your local order book can happen and is normal" (counted by OrderBook).
//
// Stated rules of this implementation:
// - Before the first snapshot and after a loss of sync, deltas are buffered (at most `maxBuffered`,
//   oldest evicted and counted). The delta that revealed a gap or a crossed book is kept in the buffer:
//   a newer snapshot may still need it.
// - If the first delta that must follow a snapshot fails the first-delta rule, the snapshot is too
//   old (spot step 4: "go back to step 3"): outcome `gap`/`snapshot-too-old`, counted in
//   `staleSnapshots`, not in `gaps`.
// - A snapshot received while synced is applied only if newer than the book, else dropped as stale.
// - After any update (snapshot, replayed or live delta) a crossed book (best bid ≥ best ask) is
//   reported as `crossed`, counted, the book cleared and the state set to `needs-resync`.
// - Levels off the instrument's current tick grid (real snapshots keep old-tick orders after a
//   tick-size change) are applied at their exact price like any other (OrderBook, off-grid-level.ts).
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

export type BinanceBookMarket = 'spot' | 'usdm';

export interface BinanceBookSyncOptions {
  /** Which documented procedure applies. */
  readonly market: BinanceBookMarket;
  /** Most deltas held while awaiting a snapshot; older ones are evicted. @default 10000 */
  readonly maxBuffered?: number;
}

export class BinanceBookSync {
  readonly book: OrderBook;
  private readonly market: BinanceBookMarket;
  private readonly maxBuffered: number;
  private readonly stats: BookSyncCounters = emptyBookSyncCounters();
  private currentState: BookSyncState = 'awaiting-snapshot';
  /** L: the book's update id; meaningful only while synced. */
  private bookUpdateId = 0;
  /** True between a snapshot and the first delta applied after it. */
  private awaitingFirstDelta = false;
  private buffer: BookDeltaEvent[] = [];

  constructor(
    readonly symbol: string,
    options: BinanceBookSyncOptions,
  ) {
    const maxBuffered = options.maxBuffered ?? 10_000;
    if (!Number.isSafeInteger(maxBuffered) || maxBuffered < 1) {
      throw invariantViolation(`maxBuffered must be a positive integer, got ${maxBuffered}`);
    }
    this.market = options.market;
    this.maxBuffered = maxBuffered;
    this.book = new OrderBook(symbol);
  }

  get state(): BookSyncState {
    return this.currentState;
  }

  /** The book's update id while synced, else null. */
  get updateId(): number | null {
    return this.currentState === 'synced' ? this.bookUpdateId : null;
  }

  /** True when a REST snapshot must be fetched (not synced). */
  needsSnapshot(): boolean {
    return this.currentState !== 'synced';
  }

  /** Deltas currently buffered. */
  get pending(): number {
    return this.buffer.length;
  }

  counters(): Readonly<BookSyncCounters> {
    return { ...this.stats };
  }

  onDelta(event: BookDeltaEvent): BookSyncOutcome {
    this.checkSymbol(event.symbol);
    if (this.market === 'usdm' && event.prevFinalUpdateId === null) {
      throw invariantViolation(`${this.symbol}: a USD-M futures delta must carry pu (prevFinalUpdateId)`);
    }
    if (this.currentState !== 'synced') return this.hold(event);
    return this.applyDelta(event);
  }

  onSnapshot(event: BookSnapshotEvent): BookSyncOutcome {
    this.checkSymbol(event.symbol);
    const lastUpdateId = event.updateId;
    if (this.currentState === 'synced' && lastUpdateId <= this.bookUpdateId) {
      this.stats.droppedStale++;
      return { kind: 'dropped-stale', updateId: lastUpdateId, bookUpdateId: this.bookUpdateId };
    }
    const recovered = this.currentState === 'needs-resync';
    // Spot: discard buffered deltas with u ≤ lastUpdateId; futures: with u < lastUpdateId.
    const kept: BookDeltaEvent[] = [];
    let droppedStale = 0;
    for (const delta of this.buffer) {
      if (this.olderThanSnapshot(delta, lastUpdateId)) droppedStale++;
      else kept.push(delta);
    }
    this.stats.droppedStale += droppedStale;
    const head = kept[0];
    if (head !== undefined && !this.firstDeltaFits(head, lastUpdateId)) {
      this.buffer = kept;
      return this.snapshotTooOld(lastUpdateId, head);
    }
    this.buffer = [];
    this.book.replace(event.bids, event.asks, event.offGrid);
    this.bookUpdateId = lastUpdateId;
    this.awaitingFirstDelta = true;
    this.currentState = 'synced';
    this.stats.snapshots++;
    if (recovered) this.stats.resyncs++;
    const crossed = this.crossedOutcome(null);
    if (crossed !== null) {
      this.buffer = kept;
      return crossed;
    }
    let replayed = 0;
    for (let i = 0; i < kept.length; i++) {
      const outcome = this.applyDelta(kept[i] as BookDeltaEvent);
      if (outcome.kind === 'applied') replayed++;
      else if (outcome.kind === 'dropped-stale') droppedStale++;
      else {
        // Sync lost again while replaying: the buffer holds the failing delta; keep the rest after it.
        for (let j = i + 1; j < kept.length; j++) this.buffer.push(kept[j] as BookDeltaEvent);
        return outcome;
      }
    }
    return { kind: 'resynced', updateId: this.bookUpdateId, replayed, droppedStale, recovered };
  }

  /** Applies one delta to the synced book following the market's rule. */
  private applyDelta(delta: BookDeltaEvent): BookSyncOutcome {
    const L = this.bookUpdateId;
    const U = delta.firstUpdateId;
    const u = delta.finalUpdateId;
    if (this.awaitingFirstDelta) {
      if (this.olderThanSnapshot(delta, L)) return this.stale(u);
      if (!this.firstDeltaFits(delta, L)) {
        this.buffer = [];
        return this.snapshotTooOld(L, delta);
      }
    } else {
      if (u <= L) return this.stale(u);
      if (this.market === 'spot') {
        if (U > L + 1) return this.lose(delta, { kind: 'gap', reason: 'missed-updates', expected: L + 1, received: U });
      } else {
        const pu = delta.prevFinalUpdateId as number;
        if (pu !== L) return this.lose(delta, { kind: 'gap', reason: 'missed-updates', expected: L, received: pu });
      }
    }
    this.book.applyLevels(delta.bids, delta.asks, delta.offGrid);
    this.bookUpdateId = u;
    this.awaitingFirstDelta = false;
    this.stats.applied++;
    const crossed = this.crossedOutcome(delta);
    return crossed ?? { kind: 'applied', updateId: u };
  }

  /** Spot: u ≤ lastUpdateId; futures: u < lastUpdateId. */
  private olderThanSnapshot(delta: BookDeltaEvent, lastUpdateId: number): boolean {
    return this.market === 'spot' ? delta.finalUpdateId <= lastUpdateId : delta.finalUpdateId < lastUpdateId;
  }

  /** Spot: U ≤ lastUpdateId + 1 (u > lastUpdateId already holds); futures: U ≤ lastUpdateId ≤ u. */
  private firstDeltaFits(delta: BookDeltaEvent, lastUpdateId: number): boolean {
    return this.market === 'spot' ? delta.firstUpdateId <= lastUpdateId + 1 : delta.firstUpdateId <= lastUpdateId;
  }

  private hold(delta: BookDeltaEvent): BookSyncOutcome {
    if (this.buffer.length >= this.maxBuffered) {
      this.buffer.shift();
      this.stats.droppedOverflow++;
    }
    this.buffer.push(delta);
    this.stats.buffered++;
    return { kind: 'buffered', pending: this.buffer.length };
  }

  private stale(u: number): BookSyncOutcome {
    this.stats.droppedStale++;
    return { kind: 'dropped-stale', updateId: u, bookUpdateId: this.bookUpdateId };
  }

  /** The snapshot precedes `head`, the first delta that must follow it; `head` stays buffered. */
  private snapshotTooOld(lastUpdateId: number, head: BookDeltaEvent): BookSyncOutcome {
    if (this.buffer[0] !== head) this.buffer.unshift(head);
    this.stats.staleSnapshots++;
    this.markLost();
    const expected = this.market === 'spot' ? lastUpdateId + 1 : lastUpdateId;
    return { kind: 'gap', reason: 'snapshot-too-old', expected, received: head.firstUpdateId };
  }

  /** Sync lost to a gap: the revealing delta is buffered for the next snapshot. */
  private lose(delta: BookDeltaEvent, outcome: BookSyncOutcome): BookSyncOutcome {
    this.stats.gaps++;
    this.markLost();
    this.buffer = [delta];
    return outcome;
  }

  /** Reports and handles a crossed book; `delta` (null for a snapshot) is kept for the next snapshot. */
  private crossedOutcome(delta: BookDeltaEvent | null): BookSyncOutcome | null {
    const outcome = crossedBookOutcome(this.book, this.bookUpdateId);
    if (outcome === null) return null;
    this.stats.crossed++;
    this.markLost();
    this.buffer = delta === null ? [] : [delta];
    return outcome;
  }

  private markLost(): void {
    this.book.clear();
    this.currentState = 'needs-resync';
    this.awaitingFirstDelta = false;
  }

  private checkSymbol(symbol: string): void {
    if (symbol !== this.symbol) throw invariantViolation(`BinanceBookSync(${this.symbol}) got an event for ${symbol}`);
  }
}
