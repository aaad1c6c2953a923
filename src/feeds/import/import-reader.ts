// ImportReader port: turns the lines of one source file (a CSV of a known layout) into normalized replay records, and says which venue and market they belong to.
import type { NormalizedRecord } from '../replay/normalized-record.js';

/** A venue and market of this program (the replay header's `venue`/`market`). */
export interface ImportTarget {
  readonly venue: string;
  readonly market: string;
}

/** A record with its sort keys inside its file: receive time, then `rank` (trades 0 before book and quotes 1 at the same µs), then `order` (a venue sequence: update or trade id; 0 when none). */
export interface KeyedRecord {
  readonly record: NormalizedRecord;
  readonly rank: 0 | 1;
  readonly order: number;
}

export interface ImportReader {
  /** What the file is, for messages ("tardis trades", "binance-vision USD-M bookTicker"). */
  readonly layout: string;
  /** Venue and market of the rows, once a data row has been read; null before. */
  readonly target: ImportTarget | null;
  /** One line (1-based `lineNo`); appends the records it completes to `out`. Throws E_IMPORT_FORMAT for a malformed line. */
  push(line: string, lineNo: number, out: KeyedRecord[]): void;
  /** End of file: appends what is still pending (a book update group). */
  end(out: KeyedRecord[]): void;
}

/** Rank of a record at equal receive time: trades first (a queue model must see the trade before the book update it caused). */
export function rankOf(record: NormalizedRecord): 0 | 1 {
  return record.type === 'trade' ? 0 : 1;
}
