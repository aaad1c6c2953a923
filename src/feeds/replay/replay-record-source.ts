// ReplayRecordSource port: the records of a replay one at a time in file order, with the line each came from (a file stream or an array in memory); a file stream may hand frame records over in place.
import type { ReplayRecord } from './replay-format.js';

/**
 * A canonical frame record read in place (ReplayRecordSource.nextInPlace): its receive time and its frame still
 * escaped in the record line, for parsers that read it there (MarketFrameParser.parseLiteral). One object is
 * reused: it is valid until the source reads on.
 */
export interface FrameInPlace {
  readonly kind: 'frame-in-place';
  /** Receive time, integer ms since the epoch. */
  readonly t: number;
  /**
   * Text holding the record line, one character per byte (latin1) — with the lines after it in the same read window,
   * not only the line: read nothing outside [start, end); the frame's JSON string literal body, still escaped, is text[start, end).
   */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The frame's text, unescaped and UTF-8 decoded: what next() would have given (and the same errors). */
  frame(): string;
}

export interface ReplayRecordSource {
  /** The next record in file order, or null at the end. */
  next(): ReplayRecord | null;
  /** As next(), except that a canonical frame record may come back in place, its frame text not made. Optional. */
  nextInPlace?(): ReplayRecord | FrameInPlace | null;
  /** File line of the record last returned by next(). */
  readonly line: number;
  /** Releases the file (idempotent); later next() calls return null. */
  close(): void;
}

/** Records already in memory (tests, benchmarks, text decoded whole): record i is on line i + 2. */
export class ArrayRecordSource implements ReplayRecordSource {
  line = 0;
  private index = 0;

  constructor(private readonly records: readonly ReplayRecord[]) {}

  next(): ReplayRecord | null {
    if (this.index >= this.records.length) return null;
    const record = this.records[this.index]!;
    this.index++;
    this.line = this.index + 1;
    return record;
  }

  close(): void {
    this.index = this.records.length;
  }
}
