// ReplaySource: a replay file read in two streaming passes — a validating scan (header, record count, time range, warnings), then the records one at a time for the feed.
//
// Memory stays one read chunk plus the longest line, whatever the file's size (the whole file is never held).
// - Pass 1 (openReplayFile) decodes and validates every line before the run starts, so a malformed file
//   fails with E_REPLAY_FORMAT naming the file and line before any event, as when files were read whole.
//   It keeps what the composition needs: the header, the record count, the first and last `t`.
// - A last line without "\n" that is not valid JSON is a line cut short (a recorder killed mid-write):
//   the complete lines before it are replayed and a warning names the file and line. A file with a
//   header and no record warns that it holds no market data.
// - Pass 2 (records()) reopens the file and decodes the same lines again, up to the byte offset pass 1
//   validated (bytes appended since, e.g. by a recorder still writing, are not read). A file replaced or
//   shortened between the passes fails with E_REPLAY_READ.
// - A FIFO, /dev/stdin or another non-regular file cannot be read twice: it is read once, sequentially,
//   and its records are kept in memory (as every file was before streaming).
import { closeSync, fstatSync, readSync } from 'node:fs';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { type ReplayHeader, type ReplayRecord } from './replay-format.js';
import { ReplayDecoder, type InPlaceLine } from './replay-decoder.js';
import { ReplayLineReader, type ReplayLineReaderOptions } from './replay-line-reader.js';
import { ArrayRecordSource, type FrameInPlace, type ReplayRecordSource } from './replay-record-source.js';
import { inputReadError } from '../../core/errors/io-failure.js';
import { changed, reopenValidated, sequentialReadAt, withFile, type FileIdentity } from './replay-file-access.js';
import type { ReplayFileSource, ReplayScan } from './replay-scan.js';
import { BINARY_PREAMBLE_BYTES, hasBinaryMagic } from './binary-replay-format.js';
import { scanBinaryReplay } from './binary-replay-source.js';

export type { ReplayFileSource, ReplayScan } from './replay-scan.js';

/**
 * Scans `path` (pass 1) and returns it ready for the streaming pass. A file that starts with the binary magic ("SXRB",
 * whatever its name) is read as a binary replay (binary-replay-source.ts), any other as JSONL.
 * Errors: UsageError, E_REPLAY_FORMAT, E_REPLAY_READ.
 */
export function openReplayFile(path: string, options: Omit<ReplayLineReaderOptions, 'endOffset'> = {}): ReplayFileSource {
  return withFile(path, (fd) => {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw inputReadError('replay file', path, { code: 'EISDIR' });
    const regular = stat.isFile();
    const readAt = options.readAt ?? (regular ? (buffer: Buffer, offset: number, length: number, position: number) => readSync(fd, buffer, offset, length, position) : sequentialReadAt(fd));
    const probe = Buffer.alloc(BINARY_PREAMBLE_BYTES);
    let probed = 0;
    for (let read = -1; probed < probe.length && read !== 0; probed += read) read = readAt(probe, probed, probe.length - probed, probed);
    if (hasBinaryMagic(probe, probed)) return scanBinaryReplay(path, fd, stat, readAt, options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes });
    const kept: ReplayRecord[] | null = regular ? null : [];
    const reader = new ReplayLineReader(fd, path, { ...options, readAt });
    // A regular file's scan only counts records: frames are checked in their bytes, their text is not made.
    const decoder = new ReplayDecoder(path, !regular);
    const warnings: string[] = [];
    let header: ReplayHeader | null = null;
    let records = 0;
    let firstRecordMs: number | null = null;
    let lastRecordMs: number | null = null;
    let endOffset = 0;
    let cut = false;
    while (reader.nextBytes()) {
      let item: ReturnType<ReplayDecoder['next']>;
      try {
        // A regular file's frame lines are only checked and counted: no record is made for them.
        if (kept === null && decoder.frameBytes(reader.bytes, reader.lineStart, reader.lineEnd)) {
          endOffset = reader.offset;
          records++;
          firstRecordMs ??= decoder.lastRecordT;
          lastRecordMs = decoder.lastRecordT;
          continue;
        }
        item = decoder.nextBytes(reader.bytes, reader.lineStart, reader.lineEnd);
      } catch (error) {
        if (reader.terminated || header === null || !isCutShort(error)) throw error;
        warnings.push(`replay file '${path}' line ${reader.lineNo}: cut short (the file ends inside this line, no newline; a recorder stopped mid-write?): its ${reader.offset - endOffset} bytes are skipped, the ${records} complete records before it are replayed`);
        cut = true;
        break;
      }
      endOffset = reader.offset;
      if (item === null) continue;
      if ('kind' in item) {
        kept?.push(item);
        records++;
        firstRecordMs ??= item.t;
        lastRecordMs = item.t;
      } else {
        header = item;
      }
    }
    // After a final "\n" the decoder sees one empty line, as when the text was split whole: a second one is a blank line inside the file.
    if (!cut && reader.terminated) decoder.next('');
    if (header === null) throw decoder.error(1, 'empty file: the header line is missing');
    if (records === 0) warnings.push(`replay file '${path}' holds no market data: no record after its header (line 1)`);
    return new ReplaySource(path, { header, records, firstRecordMs, lastRecordMs, warnings }, { dev: stat.dev, ino: stat.ino }, endOffset, options, kept);
  });
}

export class ReplaySource implements ReplayFileSource {
  constructor(
    readonly path: string,
    readonly scan: ReplayScan,
    private readonly identity: FileIdentity,
    /** Bytes of the lines pass 1 validated. */
    private readonly endOffset: number,
    private readonly readerOptions: Omit<ReplayLineReaderOptions, 'endOffset'>,
    /** The records of a non-regular file, read once; null for a regular file (streamed again). */
    private readonly kept: readonly ReplayRecord[] | null = null,
  ) {}

  /** Pass 2: a fresh reader of the records in file order; opens the file on its first next(). */
  records(): ReplayRecordSource {
    if (this.kept !== null) return new ArrayRecordSource(this.kept);
    return new StreamingRecords(this.path, this.identity, this.endOffset, this.readerOptions);
  }
}

class StreamingRecords implements ReplayRecordSource {
  line = 0;
  private fd: number | null = null;
  private reader: ReplayLineReader | null = null;
  private readonly decoder: ReplayDecoder;
  private done = false;

  constructor(
    private readonly path: string,
    private readonly identity: FileIdentity,
    private readonly endOffset: number,
    private readonly readerOptions: Omit<ReplayLineReaderOptions, 'endOffset'>,
  ) {
    this.decoder = new ReplayDecoder(path);
  }

  private readonly inPlace = new LineFrame(this);

  next(): ReplayRecord | null {
    return this.read(false) as ReplayRecord | null;
  }

  nextInPlace(): ReplayRecord | FrameInPlace | null {
    return this.read(true);
  }

  /** The frame text of the record nextInPlace() last gave in place (its line is still in the reader's buffer). */
  frameInPlace(): string {
    const reader = this.reader!;
    try {
      return this.decoder.frameOf(reader.bytes, reader.lineStart, reader.lineEnd);
    } catch (error) {
      this.close();
      throw changed(this.path, error);
    }
  }

  private read(inPlace: boolean): ReplayRecord | FrameInPlace | null {
    if (this.done) return null;
    const reader = this.reader ?? this.open();
    for (;;) {
      let item: ReturnType<ReplayDecoder['next']>;
      try {
        if (!reader.nextBytes()) {
          if (reader.offset < this.endOffset) throw new Error(`it ends at byte ${reader.offset}, ${this.endOffset} were validated`);
          this.close();
          return null;
        }
        if (inPlace && this.decoder.nextInPlace(reader.bytes, reader.lineStart, reader.lineEnd, this.inPlace)) {
          // The literal's bounds index the reader's buffer: its latin1 text (one string per window of lines) is read from textBase.
          const frame = this.inPlace;
          frame.text = reader.latin1Window();
          frame.start -= reader.textBase;
          frame.end -= reader.textBase;
          this.line = reader.lineNo;
          return this.inPlace;
        }
        item = this.decoder.nextBytes(reader.bytes, reader.lineStart, reader.lineEnd);
      } catch (error) {
        this.close();
        throw changed(this.path, error);
      }
      if (item !== null && 'kind' in item) {
        this.line = reader.lineNo;
        return item;
      }
    }
  }

  close(): void {
    this.done = true;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.reader = null;
  }

  private open(): ReplayLineReader {
    const fd = reopenValidated(this.path, this.identity, this.endOffset);
    this.fd = fd;
    this.reader = new ReplayLineReader(fd, this.path, { ...this.readerOptions, endOffset: this.endOffset });
    return this.reader;
  }
}

/** The frame record StreamingRecords.nextInPlace() last read, reused for every one. */
class LineFrame implements FrameInPlace, InPlaceLine {
  readonly kind = 'frame-in-place';
  t = 0;
  text = '';
  start = 0;
  end = 0;

  constructor(private readonly records: StreamingRecords) {}

  frame(): string {
    return this.records.frameInPlace();
  }
}

/** The decoder's refusal of a last line (no "\n") that is not whole JSON: the recorder stopped inside it. A whole but invalid record stays an error. */
function isCutShort(error: unknown): boolean {
  return error instanceof ShadowExecError && error.code === 'E_REPLAY_FORMAT' && error.message.endsWith(': not valid JSON');
}
