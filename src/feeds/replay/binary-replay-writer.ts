// BinaryReplayWriter: a binary replay file written record by record — the preamble and header, then each record's bytes (BinaryRecordEncoder) through a 4 MiB buffer; close() flushes, fsyncs and closes.
//
// Writes are synchronous (fs.writeSync loops until every byte is taken): the caller reads no further than the disk
// takes. Records are whole in the buffer, so a file cut short by a crash ends with whole records except possibly the
// last (which a reader skips with a warning).
import { closeSync, openSync, writeSync } from 'node:fs';
import { ioWriteError } from '../../core/errors/io-failure.js';
import { flushSyncClose } from '../../output/flush-sync-close.js';
import type { NormalizedRecord } from './normalized-record.js';
import type { ReplayHeader } from './replay-format.js';
import { BinaryRecordEncoder, encodeBinaryHeader } from './binary-record-encoder.js';

const BUFFER_BYTES = 4 << 20;

export class BinaryReplayWriter {
  /** Bytes written or buffered, preamble and header included. */
  bytes = 0;
  private fd: number | null;
  private readonly buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private length = 0;
  private readonly encoder = new BinaryRecordEncoder();

  private constructor(readonly path: string, fd: number) {
    this.fd = fd;
  }

  /** Creates (or truncates) `path` with the preamble and `header` (a normalized one). E_RECORD_WRITE when it cannot be written. */
  static open(path: string, header: ReplayHeader): BinaryReplayWriter {
    const head = encodeBinaryHeader(header);
    let fd: number;
    try {
      fd = openSync(path, 'w');
    } catch (error) {
      throw ioWriteError('E_RECORD_WRITE', `the replay '${path}'`, error);
    }
    const writer = new BinaryReplayWriter(path, fd);
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
    if (this.fd === null) return;
    try {
      flushSyncClose(this.fd, () => this.flush());
    } finally {
      this.fd = null;
    }
  }

  /** Closes without flushing (the file is about to be removed). */
  abandon(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  private write(data: Buffer, length: number): void {
    try {
      for (let off = 0; off < length; ) off += writeSync(this.fd!, data, off, length - off);
    } catch (error) {
      throw ioWriteError('E_RECORD_WRITE', `the replay '${this.path}'`, error);
    }
  }
}
