// NormalizedInput: what `convert` reads — a header and normalized records one at a time — and the input for a normalized replay file (JSONL or binary, told apart by content), validated whole before the first record.
//
// The converter writes whatever a NormalizedInput gives, so another input (a raw-frame file normalized through its
// venue's replay kit) plugs in as a FramesNormalizer: openNormalizedInput hands it the scanned frames file. Without
// one, a frames file is refused (UsageError, exit 2).
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import type { NormalizedRecord } from './normalized-record.js';
import { isNormalizedReplay, NORMALIZED_REPLAY_VERSION, type ReplayHeader } from './replay-format.js';
import type { ReplayRecordSource } from './replay-record-source.js';
import type { ReplayFileSource } from './replay-scan.js';
import { openReplayFile } from './replay-source.js';

export interface NormalizedInput {
  /** The output's header: version 2, `"data":"normalized"`. */
  readonly header: ReplayHeader;
  /** How many records next() gives, when known before reading (progress); null otherwise. */
  readonly records: number | null;
  /** Where the last record came from, for messages ("line 12", "record 11"). */
  readonly position: string;
  /** The next record in file order, null at the end. Errors are ShadowExecErrors naming the input and position. */
  next(): NormalizedRecord | null;
  /** Releases the input (idempotent). */
  close(): void;
}

/** Makes the normalized records of a raw-frame replay (version 1, or 2 with `"data":"frames"`) already scanned. */
export type FramesNormalizer = (source: ReplayFileSource) => NormalizedInput;

/**
 * The input for the replay at `path`: a normalized file (JSONL or binary) is validated whole (E_REPLAY_FORMAT naming
 * the line or record) and then streamed; a frames file goes to `frames`, or is refused without one.
 */
export function openNormalizedInput(path: string, frames?: FramesNormalizer): NormalizedInput {
  const source = openReplayFile(path);
  if (isNormalizedReplay(source.scan.header)) return new ReplayFileInput(source);
  if (frames !== undefined) return frames(source);
  throw new UsageError(
    `'${path}' holds raw venue frames (version ${source.scan.header.version}${source.scan.header.data === undefined ? '' : `, "data":"${source.scan.header.data}"`}): convert reads normalized replays (version ${NORMALIZED_REPLAY_VERSION}, "data":"normalized", as \`shadow-exec import\` writes them); converting raw frames to normalized records is not supported yet`,
  );
}

/** The records of a scanned normalized replay file. */
class ReplayFileInput implements NormalizedInput {
  readonly header: ReplayHeader;
  readonly records: number;
  private readonly source: ReplayRecordSource;

  constructor(file: ReplayFileSource) {
    this.header = file.scan.header;
    this.records = file.scan.records;
    this.source = file.records();
  }

  get position(): string {
    return `line ${this.source.line}`;
  }

  next(): NormalizedRecord | null {
    const record = this.source.next();
    if (record === null) return null;
    // A normalized file's records are all normalized (its decoder refuses anything else).
    return record.kind === 'normalized' ? record.record : null;
  }

  close(): void {
    this.source.close();
  }
}
