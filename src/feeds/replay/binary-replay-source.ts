// Binary replay files read in two streaming passes, as the text ReplaySource reads JSONL: a validating scan (header, record count, time range, warnings), then the records one at a time for the feed.
//
// Memory stays one read chunk (or the longest record) whatever the file's size. Pass 1 decodes and checks every
// record without making it (BinaryRecordDecoder with build false), so a malformed file fails with E_REPLAY_FORMAT
// naming the file, record and byte offset before any event. A file that ends inside its last record (a writer
// stopped mid-write) warns and replays the complete records before it; a header without records warns that it holds
// no market data. Pass 2 reopens the file and reads up to the byte pass 1 validated; a file replaced or shortened
// between the passes is E_REPLAY_READ. A pipe or device is read once and its records kept in memory.
// Record n of a binary file is line n + 1 of the JSONL it converts to (the header is line 1): health samples and
// reports name the same positions for both.
import { closeSync, fstatSync, readSync, type Stats } from 'node:fs';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { BinaryRecordDecoder, BinaryRecordProblem } from './binary-record-decoder.js';
import { BinaryRecordReader, type BinaryRecordReaderOptions } from './binary-record-reader.js';
import type { ReplayHeader, ReplayRecord } from './replay-format.js';
import { changed, openFile, reopenValidated, type FileIdentity, type ReadAt } from './replay-file-access.js';
import { ArrayRecordSource, type ReplayRecordSource } from './replay-record-source.js';
import type { ReplayFileSource, ReplayScan } from './replay-scan.js';

type ReaderOptions = Pick<BinaryRecordReaderOptions, 'chunkBytes'>;

/** Pass 1 over the open binary file `fd` (its magic already seen); `readAt` reads it (positional, or in order for a pipe). */
export function scanBinaryReplay(path: string, fd: number, stat: Stats, readAt: ReadAt, options: ReaderOptions = {}): ReplayFileSource {
  const regular = stat.isFile();
  const reader = new BinaryRecordReader(readAt, path, { ...options, fileBytes: regular ? stat.size : null });
  const header = reader.header();
  const decoder = new BinaryRecordDecoder(!regular);
  const kept: ReplayRecord[] | null = regular ? null : [];
  const warnings: string[] = [];
  let records = 0;
  let firstRecordMs: number | null = null;
  let lastRecordMs: number | null = null;
  while (reader.next()) {
    const record = decodeOrThrow(decoder, reader);
    kept?.push(record);
    records++;
    firstRecordMs ??= record.t;
    lastRecordMs = record.t;
  }
  if (reader.cutShort > 0) {
    warnings.push(`replay file '${path}' record ${records + 1} (byte ${reader.offset}): cut short (the file ends inside this record; a writer stopped mid-write?): its ${reader.cutShort} bytes are skipped, the ${records} complete records before it are replayed`);
  }
  if (records === 0) warnings.push(`replay file '${path}' holds no market data: no record after its header`);
  const scan: ReplayScan = { header, records, firstRecordMs, lastRecordMs, warnings };
  return new BinaryReplaySource(path, scan, { dev: stat.dev, ino: stat.ino }, reader.offset, options, kept);
}

/** Opens and scans a binary replay at `path` (tests, the converter): as openReplayFile does for a file it finds binary. */
export function openBinaryReplayFile(path: string, options: ReaderOptions = {}): ReplayFileSource {
  const fd = openFile(path);
  try {
    return scanBinaryReplay(path, fd, fstatSync(fd), (buffer, offset, length, position) => readSync(fd, buffer, offset, length, position), options);
  } finally {
    closeSync(fd);
  }
}

function decodeOrThrow(decoder: BinaryRecordDecoder, reader: BinaryRecordReader): ReplayRecord {
  try {
    return decoder.decode(reader.bytes, reader.start, reader.end);
  } catch (error) {
    if (error instanceof BinaryRecordProblem) throw reader.error(error.message);
    throw error;
  }
}

class BinaryReplaySource implements ReplayFileSource {
  constructor(
    readonly path: string,
    readonly scan: ReplayScan,
    private readonly identity: FileIdentity,
    /** Bytes of the records pass 1 validated. */
    private readonly endOffset: number,
    private readonly options: ReaderOptions,
    private readonly kept: readonly ReplayRecord[] | null,
  ) {}

  records(): ReplayRecordSource {
    if (this.kept !== null) return new ArrayRecordSource(this.kept);
    return new StreamingBinaryRecords(this.path, this.identity, this.endOffset, this.options);
  }
}

class StreamingBinaryRecords implements ReplayRecordSource {
  line = 0;
  private fd: number | null = null;
  private reader: BinaryRecordReader | null = null;
  private readonly decoder = new BinaryRecordDecoder(true);
  private done = false;

  constructor(
    private readonly path: string,
    private readonly identity: FileIdentity,
    private readonly endOffset: number,
    private readonly options: ReaderOptions,
  ) {}

  next(): ReplayRecord | null {
    if (this.done) return null;
    const reader = this.reader ?? this.open();
    try {
      if (!reader.next()) {
        if (reader.offset < this.endOffset || reader.cutShort > 0) throw new Error(`it ends at byte ${reader.offset}, ${this.endOffset} were validated`);
        this.close();
        return null;
      }
      const record = this.decoder.decode(reader.bytes, reader.start, reader.end);
      this.line = reader.recordNo + 1;
      return record;
    } catch (error) {
      this.close();
      throw changed(this.path, error instanceof BinaryRecordProblem ? reader.error(error.message) : error);
    }
  }

  close(): void {
    this.done = true;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.reader = null;
  }

  private open(): BinaryRecordReader {
    const fd = reopenValidated(this.path, this.identity, this.endOffset);
    this.fd = fd;
    const reader = new BinaryRecordReader((buffer, offset, length, position) => readSync(fd, buffer, offset, length, position), this.path, { ...this.options, endOffset: this.endOffset });
    try {
      reader.header();
    } catch (error) {
      this.close();
      throw changed(this.path, error instanceof ShadowExecError ? new Error(error.message) : error);
    }
    this.reader = reader;
    return reader;
  }
}

/**
 * A whole binary replay in memory (tests, fuzzing): its header, records and warnings, as the two passes would give them.
 * Errors as from a file: E_REPLAY_FORMAT naming `label`, the record and its byte offset.
 */
export function decodeBinaryReplay(bytes: Buffer, label = 'binary replay'): { header: ReplayHeader; records: ReplayRecord[]; warnings: string[] } {
  const readAt: ReadAt = (buffer, offset, length, position) => (position >= bytes.length ? 0 : bytes.copy(buffer, offset, position, Math.min(bytes.length, position + length)));
  const reader = new BinaryRecordReader(readAt, label, { fileBytes: bytes.length, chunkBytes: 64 * 1024 });
  const header = reader.header();
  const decoder = new BinaryRecordDecoder(true);
  const records: ReplayRecord[] = [];
  while (reader.next()) records.push(decodeOrThrow(decoder, reader));
  const warnings: string[] = [];
  if (reader.cutShort > 0) warnings.push(`${label} record ${records.length + 1} (byte ${reader.offset}): cut short: its ${reader.cutShort} bytes are skipped`);
  return { header, records, warnings };
}
