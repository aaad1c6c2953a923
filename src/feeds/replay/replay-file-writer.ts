// ReplayFileWriter: appends a replay file (header, then records) with buffered whole-line writes; close() flushes, fsyncs and closes, so the file always ends with a complete line.
import { openSync, writeSync } from 'node:fs';
import { ioWriteError } from '../../core/errors/io-failure.js';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { encodeReplayHeader, encodeReplayRecord, type ReplayHeader, type ReplayRecord } from './replay-format.js';
import { flushSyncClose } from '../../output/flush-sync-close.js';

/** Buffered bytes that trigger a write. */
const FLUSH_BYTES = 64 * 1024;

export class ReplayFileWriter {
  private fd: number | null;
  private pending: string[] = [];
  private pendingBytes = 0;
  private lastT = 0;
  /** Records appended (frames and rest). */
  records = 0;
  /** Bytes appended, header included (written or still buffered). */
  bytes = 0;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Creates (or truncates) `path` and writes the header line. E_RECORD_WRITE (advice by errno, io-failure.ts) when the file cannot be written. */
  static open(path: string, header: ReplayHeader): ReplayFileWriter {
    const line = `${encodeReplayHeader(header)}\n`;
    let fd: number;
    try {
      fd = openSync(path, 'w');
    } catch (error) {
      throw writeError(path, error);
    }
    const writer = new ReplayFileWriter(path, fd);
    writer.pending.push(line);
    writer.pendingBytes = writer.bytes = Buffer.byteLength(line);
    writer.flush();
    return writer;
  }

  /** Buffers one record; `t` must not be before the previous record's (the format's rule). */
  append(record: ReplayRecord): void {
    if (this.fd === null) throw new ShadowExecError('E_INVARIANT', `invariant violated: append to closed recording ${this.path}`);
    if (record.t < this.lastT) throw new ShadowExecError('E_INVARIANT', `invariant violated: record t ${record.t} before ${this.lastT}`);
    this.lastT = record.t;
    const line = `${encodeReplayRecord(record)}\n`;
    const size = Buffer.byteLength(line);
    this.pending.push(line);
    this.pendingBytes += size;
    this.bytes += size;
    this.records++;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  /** Writes every buffered line (whole lines only). */
  flush(): void {
    if (this.fd === null || this.pending.length === 0) return;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingBytes = 0;
    try {
      for (let off = 0; off < data.length; ) off += writeSync(this.fd, data, off, data.length - off);
    } catch (error) {
      throw writeError(this.path, error);
    }
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
}

function writeError(path: string, error: unknown): ShadowExecError {
  return ioWriteError('E_RECORD_WRITE', `the recording '${path}'`, error);
}
