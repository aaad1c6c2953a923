// ImportReader port: turns the lines of one source file (a CSV of a known layout) into normalized replay record lines, and says which venue and market they belong to.
import type { NormalizedRecordType } from '../replay/normalized-record.js';
import type { ByteLine, ChunkCursor } from './byte-lines.js';
import type { ImportedLine } from './imported-line.js';

/** A venue and market of this program (the replay header's `venue`/`market`). */
export interface ImportTarget {
  readonly venue: string;
  readonly market: string;
}

export interface ImportReader {
  /** What the file is, for messages ("tardis trades", "binance-vision USD-M bookTicker"). */
  readonly layout: string;
  /** Venue and market of the rows, once a data row has been read; null before. */
  readonly target: ImportTarget | null;
  /** One line; appends the records it completes to `out`. Throws E_IMPORT_FORMAT for a malformed line. */
  push(line: ByteLine, out: ImportedLine[]): void;
  /**
   * Optional fast lane, called after push(): reads the whole lines that follow in the current chunk while they only
   * add to what is pending (rows of the book update group being read), and jumps the cursor past them; it stops,
   * leaving the cursor at the line, at any line it does not take — push() then reads that line. Appends nothing to
   * any output: every record is still completed by push() or end().
   */
  readRun?(cursor: ChunkCursor): void;
  /** End of file: appends what is still pending (a book update group). */
  end(out: ImportedLine[]): void;
}

/** Rank of a record at equal receive time: trades first (a queue model must see the trade before the book update it caused). */
export function rankOf(type: NormalizedRecordType): 0 | 1 {
  return type === 'trade' ? 0 : 1;
}
