// ReplayLineWriter: a replay file written from ready-made record lines — a header, then each line and "\n" encoded straight into a 4 MiB buffer and written in whole chunks; close() flushes, fsyncs and closes.
//
// The import's writer: its lines are already canonical JSON (imported-line.ts), so nothing is encoded twice and no
// string is joined. Writes are synchronous (fs.writeSync loops until every byte is taken), which is the
// backpressure: the import reads no further than the disk takes. Records end only at line boundaries, so a file
// cut short by a crash ends with whole lines except possibly the last.
import { closeSync, openSync, writeSync } from 'node:fs';
import { ioWriteError } from '../../core/errors/io-failure.js';
import { flushSyncClose } from '../../output/flush-sync-close.js';
import { encodeReplayHeader, type ReplayHeader } from '../replay/replay-format.js';

/** Buffer's own latin1Write (what write(…, 'latin1') calls after its argument checks, which show per record). */
interface Latin1Writer {
  latin1Write(text: string, offset: number): number;
}

/** Buffer size: bytes per write. */
const BUFFER_BYTES = 4 << 20;

export class ReplayLineWriter {
  /** Bytes written or buffered, header included. */
  bytes = 0;
  private fd: number | null;
  private readonly buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private length = 0;

  private constructor(readonly path: string, fd: number) {
    this.fd = fd;
  }

  /** Creates (or truncates) `path` with the header line. E_RECORD_WRITE (advice by errno) when it cannot be written. */
  static open(path: string, header: ReplayHeader): ReplayLineWriter {
    let fd: number;
    try {
      fd = openSync(path, 'w');
    } catch (error) {
      throw ioWriteError('E_RECORD_WRITE', `the replay '${path}'`, error);
    }
    const writer = new ReplayLineWriter(path, fd);
    writer.line(encodeReplayHeader(header));
    return writer;
  }

  /** Appends `json` and "\n"; `ascii` when it is all ASCII (then written as latin1, byte for byte the same). */
  line(json: string, ascii = false): void {
    // UTF-16 code units take at most 3 UTF-8 bytes each.
    if (this.length + json.length * 3 + 1 > BUFFER_BYTES) {
      this.flush();
      if (json.length * 3 + 1 > BUFFER_BYTES) {
        const bytes = Buffer.from(`${json}\n`, 'utf8');
        this.write(bytes, bytes.length);
        this.bytes += bytes.length;
        return;
      }
    }
    const n = ascii ? (this.buf as unknown as Latin1Writer).latin1Write(json, this.length) : this.buf.write(json, this.length, 'utf8');
    this.buf[this.length + n] = 0x0a;
    this.length += n + 1;
    this.bytes += n + 1;
  }

  /** Writes what is buffered. */
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
