// ReplayScan and ReplayFileSource: what the validating pass over a replay file (text or binary) found, and the file ready for its streaming pass.
import type { ReplayHeader } from './replay-format.js';
import type { ReplayRecordSource } from './replay-record-source.js';

/** What pass 1 found. */
export interface ReplayScan {
  readonly header: ReplayHeader;
  readonly records: number;
  readonly firstRecordMs: number | null;
  readonly lastRecordMs: number | null;
  /** Problems that do not stop the replay (cut last line or record, no records), each naming the file and line or record. */
  readonly warnings: readonly string[];
}

/** A scanned replay file (openReplayFile): the scan, and pass 2 on demand. */
export interface ReplayFileSource {
  readonly path: string;
  readonly scan: ReplayScan;
  /** Pass 2: a fresh reader of the records in file order. */
  records(): ReplayRecordSource;
}
