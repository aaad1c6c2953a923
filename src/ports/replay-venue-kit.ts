// ReplayVenueKit port: what a replay needs from the recorded venue — its frame parser, one book synchroniser per symbol, and REST record decoding.
import type { BookSyncCounters, BookSyncOutcome, BookSyncState } from '../core/market/book-sync-outcome.js';
import type { OrderBook } from '../core/market/order-book.js';
import type { BookDeltaEvent, BookSnapshotEvent, MarketDataEvent } from '../core/model/market-data-event.js';
import type { FrameClass, MarketFrameParser } from './market-frame-parser.js';

/** The surface every venue's book synchroniser offers (each venue module's replay kit makes them). */
export interface ReplayBookSync {
  readonly state: BookSyncState;
  readonly book: OrderBook;
  /** The book's update id while synced, else null. */
  readonly updateId: number | null;
  onSnapshot(event: BookSnapshotEvent): BookSyncOutcome;
  onDelta(event: BookDeltaEvent): BookSyncOutcome;
  counters(): Readonly<BookSyncCounters>;
}

/** How a `rest` record was handled: a FrameClass of its body, or 'unsupported' for a request the replay does not use. */
export type RestRecordClass = FrameClass | 'unsupported';

export interface ReplayVenueKit {
  readonly parser: MarketFrameParser;
  /** A fresh synchroniser for `symbol`, following the venue's documented procedure. */
  newBookSync(symbol: string): ReplayBookSync;
  /**
   * Decodes a `rest` record ("GET /path?query" + raw body), appending its events (a depth snapshot) to `out`.
   * @param receivedAtMs the record's receive time `t`
   */
  parseRest(request: string, body: string, receivedAtMs: number, out: MarketDataEvent[]): RestRecordClass;
  /** One sentence on the sync procedure in force, for the report's model. */
  readonly bookSyncRule: string;
}
