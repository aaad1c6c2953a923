// ReplayRecordSource port: the records of a replay one at a time in file order, with the line each came from (a file stream or an array in memory).
import type { ReplayRecord } from './replay-format.js';

export interface ReplayRecordSource {
  /** The next record in file order, or null at the end. */
  next(): ReplayRecord | null;
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
