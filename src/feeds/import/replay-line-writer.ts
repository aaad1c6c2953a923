// ReplayLineWriter: a replay file written from ready-made record lines — a header, then each line and "\n" encoded straight into a 4 MiB buffer and written in whole chunks (or runs of byte lines written from their slab as they lie); close() flushes, fsyncs and closes.
//
// The import's writer: its lines are already canonical JSON (imported-line.ts), so nothing is encoded twice and no
// string is joined. Writes are synchronous (fs.writeSync loops until every byte is taken), which is the
// backpressure: the import reads no further than the disk takes. Records end only at line boundaries, so a file
// cut short by a crash ends with whole lines except possibly the last.
import { encodeReplayHeader, type ReplayHeader } from '../replay/replay-format.js';
import { ReplayFileOutput } from '../replay/replay-file-output.js';
import type { ImportedLine } from './imported-line.js';

/** Buffer's own latin1Write (what write(…, 'latin1') calls after its argument checks, which show per record). */
interface Latin1Writer {
  latin1Write(text: string, offset: number): number;
}

const NEWLINE = Buffer.from('\n');

/** Buffer size: bytes per write. */
const BUFFER_BYTES = 4 << 20;

export class ReplayLineWriter {
  /** Bytes written or buffered, header included. */
  bytes = 0;
  private readonly buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private length = 0;
  /** A run of record lines written as they lie in their slab, [rangeStart, rangeEnd) of rangeBuf, newlines included; written after what `buf` holds, which is flushed before a range starts and takes nothing until it ends. */
  private rangeBuf: Buffer | null = null;
  private rangeStart = 0;
  private rangeEnd = 0;
  /** The slab and end (after its "\n") of the last record copied into `buf`. */
  private lastBuf: Buffer | null = null;
  private lastEnd = 0;

  private constructor(private readonly out: ReplayFileOutput) {}

  get path(): string {
    return this.out.path;
  }

  /** Creates (or truncates) `path` with the header line. E_RECORD_WRITE (advice by errno) when it cannot be written. */
  static open(path: string, header: ReplayHeader): ReplayLineWriter {
    const writer = new ReplayLineWriter(ReplayFileOutput.open(path));
    writer.line(encodeReplayHeader(header));
    return writer;
  }

  /** Appends `json` and "\n"; `ascii` when it is all ASCII (then written as latin1, byte for byte the same). */
  line(json: string, ascii = false): void {
    this.flushRange();
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

  /**
   * Appends an imported record's line and "\n": its text encoded, or its bytes. Bytes that follow the previous
   * record's in the same slab with their "\n" between (a file read in order: tardis-l2-group.ts) are written to the
   * file straight from the slab, as one range, without a copy; others are copied into the buffer.
   */
  record(line: ImportedLine): void {
    const bytes = line.bytes;
    if (bytes === null) {
      this.line(line.json, line.ascii);
      return;
    }
    const start = line.start;
    const end = line.end;
    this.bytes += end - start + 1;
    if (bytes === this.rangeBuf && start === this.rangeEnd && bytes[end] === 0x0a) {
      this.rangeEnd = end + 1;
      return;
    }
    if (bytes === this.lastBuf && start === this.lastEnd && bytes[start - 1] === 0x0a && bytes[end] === 0x0a) {
      // The second record in a row of one slab: the slab's bytes from here on are written as they lie.
      this.flushRange();
      this.flush();
      this.rangeBuf = bytes;
      this.rangeStart = start;
      this.rangeEnd = end + 1;
      return;
    }
    this.flushRange();
    this.lastBuf = bytes;
    this.lastEnd = end + 1;
    const n = end - start;
    if (this.length + n + 1 > BUFFER_BYTES) {
      this.flush();
      if (n + 1 > BUFFER_BYTES) {
        this.write(bytes.subarray(start, end), n);
        this.write(NEWLINE, 1);
        return;
      }
    }
    bytes.copy(this.buf, this.length, start, end);
    this.buf[this.length + n] = 0x0a;
    this.length += n + 1;
  }

  /** Writes the slab range pending (record()). */
  private flushRange(): void {
    const range = this.rangeBuf;
    if (range === null) return;
    this.rangeBuf = null;
    this.lastBuf = range;
    this.lastEnd = this.rangeEnd;
    this.write(range.subarray(this.rangeStart, this.rangeEnd), this.rangeEnd - this.rangeStart);
  }

  /** Writes what is buffered (and the slab range pending). */
  flush(): void {
    this.flushRange();
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
