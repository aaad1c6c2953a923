// ImportedLine: one normalized record as its replay line (canonical JSON, without "\n") with the keys it is ordered by — what import readers produce and the merge writes; the line as a string or as ASCII bytes in a slab.
import type { NormalizedRecordType } from '../replay/normalized-record.js';

/**
 * Ordered by (localUs, rank, order, seq): receive time, trades (rank 0) before book and quote records (1) at the
 * same µs, the venue's sequence (update or trade id; 0 when none), then file order (`seq`, set by the file source).
 * A class with parameter properties so every line held has one shape (V8 inline caches in the merge).
 */
export class ImportedLine {
  /** Position in its file's output (set by ImportFileSource). */
  seq = 0;
  /** Line of the file that completed the record (set by ImportFileSource, for messages). */
  lineNo = 0;

  constructor(
    /** The record's line: canonical JSON as encodeNormalizedRecord writes it; null when it is given as `bytes`. */
    private text: string | null,
    readonly type: NormalizedRecordType,
    readonly symbol: string,
    /** Receive time, µs since the epoch. */
    readonly localUs: number,
    readonly rank: 0 | 1,
    readonly order: number,
    /** True when `json` is all ASCII (written as latin1, the cheapest encode: same bytes). */
    readonly ascii = false,
    /**
     * Or the line as bytes bytes[start, end), all ASCII, in a slab the line keeps alive (level-text.ts): the import
     * writer copies them as they are, with no string made for the record.
     */
    readonly bytes: Buffer | null = null,
    readonly start = 0,
    readonly end = 0,
  ) {}

  /** The line as text (decoded from `bytes` on first use: the `--feed tardis:` path and tests). */
  get json(): string {
    return (this.text ??= (this.bytes as unknown as { latin1Slice(start: number, end: number): string }).latin1Slice(this.start, this.end));
  }
}
