// BinaryReplayWriter: a binary replay file written record by record — the preamble and header, then each record's bytes (BinaryRecordEncoder) through a 4 MiB buffer; close() flushes, fsyncs and closes.
//
// Writes are synchronous (fs.writeSync loops until every byte is taken): the caller reads no further than the disk
// takes. Records are whole in the buffer, so a file cut short by a crash ends with whole records except possibly the
// last (which a reader skips with a warning).
import type { NormalizedRecord } from './normalized-record.js';
import type { ReplayHeader } from './replay-format.js';
import { BinaryRecordEncoder, encodeBinaryHeader } from './binary-record-encoder.js';
import { ReplayFileOutput } from './replay-file-output.js';

const BUFFER_BYTES = 4 << 20;

export class BinaryReplayWriter {
  /** Bytes written or buffered, preamble and header included. */
  bytes = 0;
  private readonly buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private length = 0;
  private readonly encoder = new BinaryRecordEncoder();

  private constructor(private readonly out: ReplayFileOutput) {}

  get path(): string {
    return this.out.path;
  }

  /** Creates (or truncates) `path` with the preamble and `header` (a normalized one). E_RECORD_WRITE when it cannot be written. */
  static open(path: string, header: ReplayHeader): BinaryReplayWriter {
    const head = encodeBinaryHeader(header);
    const writer = new BinaryReplayWriter(ReplayFileOutput.open(path));
    writer.append(head);
    return writer;
  }

  /** Appends one record (TypeError when it is invalid or its `t` goes back: nothing is written then). */
  record(record: NormalizedRecord): void {
    this.append(this.encoder.encode(record));
  }

  private append(bytes: Buffer): void {
    this.bytes += bytes.length;
    if (this.length + bytes.length > BUFFER_BYTES) {
      this.flush();
      if (bytes.length > BUFFER_BYTES) {
        this.write(bytes, bytes.length);
        return;
      }
    }
    bytes.copy(this.buf, this.length);
    this.length += bytes.length;
  }

  flush(): void {
    if (this.length === 0) return;
    this.write(this.buf, this.length);
    this.length = 0;
  }

  /** Flushes, fsyncs and closes; idempotent. */
  close(): void {
    this.out.close(() => this.flush());
  }

  /** Closes without flushing (the file is about to be removed). */
  abandon(): void {
    this.out.abandon();
  }

  private write(data: Buffer, length: number): void {
    this.out.write(data, length);
  }
}
