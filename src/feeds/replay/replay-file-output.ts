// ReplayFileOutput: the file descriptor a replay writer (text lines or binary records) writes to — opened for writing, every byte written synchronously, then fsynced and closed, or closed unflushed when the file is to be removed.
//
// Writes are synchronous (fs.writeSync loops until every byte is taken), which is the writers' backpressure: the caller
// reads no further than the disk takes. Errors are E_RECORD_WRITE naming the replay (advice by errno).
import { closeSync, openSync, writeSync } from 'node:fs';
import { ioWriteError } from '../../core/errors/io-failure.js';
import { flushSyncClose } from '../../output/flush-sync-close.js';

export class ReplayFileOutput {
  private fd: number | null;

  private constructor(readonly path: string, fd: number) {
    this.fd = fd;
  }

  /** Creates (or truncates) `path`. */
  static open(path: string): ReplayFileOutput {
    try {
      return new ReplayFileOutput(path, openSync(path, 'w'));
    } catch (error) {
      throw ioWriteError('E_RECORD_WRITE', `the replay '${path}'`, error);
    }
  }

  /** Writes data[0, length) whole. */
  write(data: Buffer, length: number): void {
    try {
      for (let off = 0; off < length; ) off += writeSync(this.fd!, data, off, length - off);
    } catch (error) {
      throw ioWriteError('E_RECORD_WRITE', `the replay '${this.path}'`, error);
    }
  }

  /** Calls `flush` (the writer's last writes), fsyncs and closes; idempotent. */
  close(flush: () => void): void {
    if (this.fd === null) return;
    try {
      flushSyncClose(this.fd, flush);
    } finally {
      this.fd = null;
    }
  }

  /** Closes without flushing (the file is about to be removed); idempotent. */
  abandon(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}
