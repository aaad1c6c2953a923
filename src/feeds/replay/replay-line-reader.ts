// ReplayLineReader: the lines of a replay file read in fixed-size chunks (never the whole file), split on "\n" bytes and decoded as UTF-8.
//
// - Reads with fs.readSync at explicit positions, CHUNK_BYTES (1 MiB) at a time, from byte 0 up to an
//   optional end offset; memory is one chunk plus the longest line.
// - Splitting on the byte 0x0A is exact in UTF-8 (no multi-byte sequence contains it), so a character
//   cut by a chunk boundary is decoded whole: a line is decoded only once all its bytes are in.
// - A UTF-8 byte order mark (EF BB BF) at the start of the file is skipped.
// - A line longer than MAX_LINE_BYTES (64 MiB, far above any venue frame) is refused with
//   E_REPLAY_FORMAT naming its line, instead of growing without bound.
// - A last line without "\n" is returned with `terminated` false: the caller decides whether it is a
//   record whose newline is missing or a line cut short by a killed recorder.
// - nextBytes() gives the line as bytes in place (`bytes[lineStart, lineEnd)`, valid until the next call) for
//   decoders that read records without making a string of the whole line (replay-format.ts); next() is its text.
//   latin1Window() gives the line's bytes as part of a latin1 string of the bytes from it on (up to TEXT_WINDOW_BYTES),
//   reused for the lines after it inside the window: a decoder that reads lines as text makes one string per window
//   instead of one a line. Why a window, not the whole chunk: one 1 MiB string a chunk measured worse on diff-depth
//   replays (a string that size is a large object, promoted whenever a scavenge finds it alive); 16 KiB ones stay young.
import { readSync } from 'node:fs';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';

export const CHUNK_BYTES = 1024 * 1024;
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
const NEWLINE = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Bytes per latin1Window() string (at least the line's). */
export const TEXT_WINDOW_BYTES = 16 * 1024;

/**
 * Buffer's own latin1 decoder, which toString('latin1', …) calls after resolving the encoding by name: called directly,
 * as Node's own modules do (present on Buffer.prototype in every supported Node).
 */
interface Latin1Slicing extends Buffer {
  latin1Slice(start: number, end: number): string;
}

export interface ReplayLineReaderOptions {
  /** Bytes per read. @default CHUNK_BYTES */
  readonly chunkBytes?: number;
  /** Longest line accepted, in bytes without its "\n". @default MAX_LINE_BYTES */
  readonly maxLineBytes?: number;
  /** Stop reading at this byte offset (a line ending exactly there is the last one). @default the file's end */
  readonly endOffset?: number;
  /** Reads bytes at a position as fs.readSync does (bytes read, 0 at the end): tests and fuzzing read from memory. @default fs.readSync on the fd */
  readonly readAt?: (buffer: Buffer, offset: number, length: number, position: number) => number;
}

export class ReplayLineReader {
  /** 1-based number of the line last returned by next(); 0 before the first. */
  lineNo = 0;
  /** False when the line last returned had no "\n" after it (the end of the file). */
  terminated = true;
  /** Byte offset in the file just after the line last returned (after its "\n"). */
  offset = 0;
  private readonly chunk: Buffer;
  private readonly maxLineBytes: number;
  private readonly endOffset: number;
  private readonly readAt: NonNullable<ReplayLineReaderOptions['readAt']>;
  /** Bytes chunk[start, end) are read but not yet split into lines. */
  private start = 0;
  private end = 0;
  /** File offset of chunk[0]. */
  private chunkBase = 0;
  private eof = false;
  private started = false;
  /** Earlier pieces of the line being read, when it spans chunks. */
  private carry: Buffer[] = [];
  private carryBytes = 0;
  /** The last latin1Window() string: bytes[textBase, textEnd) of the current `bytes`; null after a read or a line carried over chunks. */
  private text: string | null = null;
  private textEnd = 0;
  /** Index in `bytes` of the first character of latin1Window()'s string. */
  textBase = 0;

  /** `fd` is an open file, read from byte 0 by position (the fd's own offset is not used); `label` names it in errors. */
  constructor(private readonly fd: number, private readonly label: string, options: ReplayLineReaderOptions = {}) {
    this.chunk = Buffer.allocUnsafe(options.chunkBytes ?? CHUNK_BYTES);
    this.bytes = this.chunk;
    this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.endOffset = options.endOffset ?? Number.POSITIVE_INFINITY;
    this.readAt = options.readAt ?? ((buffer, offset, length, position) => readSync(this.fd, buffer, offset, length, position));
  }

  /** After nextBytes() returned true: the line last read is bytes[lineStart, lineEnd) (without its "\n"; a "\r" before it is kept). */
  bytes: Buffer;
  lineStart = 0;
  lineEnd = 0;

  /**
   * After nextBytes() returned true: a string of `bytes` from index `textBase` on, one character per byte (latin1),
   * holding at least the line last read — its text is [lineStart - textBase, lineEnd - textBase). Made when the line
   * is not inside the last one made (TEXT_WINDOW_BYTES of the bytes from the line on, or the whole line).
   */
  latin1Window(): string {
    const text = this.text;
    if (text !== null && this.lineStart >= this.textBase && this.lineEnd <= this.textEnd) return text;
    const available = this.bytes === this.chunk ? this.end : this.bytes.length;
    const end = Math.min(available, Math.max(this.lineEnd, this.lineStart + TEXT_WINDOW_BYTES));
    this.textBase = this.lineStart;
    this.textEnd = end;
    return (this.text = (this.bytes as Latin1Slicing).latin1Slice(this.lineStart, end));
  }

  /** The next line without its "\n" (a "\r" before it is kept), or null at the end of the file. */
  next(): string | null {
    return this.nextBytes() ? this.bytes.toString('utf8', this.lineStart, this.lineEnd) : null;
  }

  /** Reads the next line into bytes[lineStart, lineEnd) (valid until the next call); false at the end of the file. */
  nextBytes(): boolean {
    for (;;) {
      if (this.start < this.end) {
        const newline = this.chunk.indexOf(NEWLINE, this.start);
        if (newline >= 0 && newline < this.end) return this.emit(newline, true);
        this.keepRest();
      }
      if (this.eof || !this.fill()) {
        this.eof = true;
        return this.carryBytes === 0 ? false : this.emit(this.start, false);
      }
    }
  }

  /** The line made of the carried pieces and chunk[start, stop), placed in bytes[lineStart, lineEnd). */
  private emit(stop: number, terminated: boolean): true {
    this.checkLength(this.carryBytes + stop - this.start);
    if (this.carryBytes === 0) {
      if (this.bytes !== this.chunk) this.text = null;
      this.bytes = this.chunk;
      this.lineStart = this.start;
      this.lineEnd = stop;
    } else {
      this.carry.push(this.chunk.subarray(this.start, stop));
      this.bytes = Buffer.concat(this.carry);
      this.text = null;
      this.lineStart = 0;
      this.lineEnd = this.bytes.length;
      this.carry = [];
      this.carryBytes = 0;
    }
    this.lineNo++;
    this.terminated = terminated;
    this.start = terminated ? stop + 1 : stop;
    this.offset = this.chunkBase + this.start;
    return true;
  }

  /** Copies the unsplit tail of the chunk aside so the chunk can be refilled. */
  private keepRest(): void {
    const rest = this.end - this.start;
    this.checkLength(this.carryBytes + rest);
    this.carry.push(Buffer.from(this.chunk.subarray(this.start, this.end)));
    this.carryBytes += rest;
    this.start = this.end;
  }

  /** Reads the next chunk; false at the end of the file (or of the window). */
  private fill(): boolean {
    if (!this.started) this.skipBom();
    const position = this.chunkBase + this.end;
    const wanted = Math.min(this.chunk.length, this.endOffset - position);
    if (wanted <= 0) return false;
    const read = this.readAt(this.chunk, 0, wanted, position);
    if (read === 0) return false;
    this.chunkBase = position;
    this.start = 0;
    this.end = read;
    this.text = null;
    return true;
  }

  /** Before the first read: a BOM at byte 0 is stepped over (it is no line's text; offsets still count it). */
  private skipBom(): void {
    this.started = true;
    const probe = Buffer.alloc(BOM.length);
    const read = this.endOffset < BOM.length ? 0 : this.readAt(probe, 0, BOM.length, 0);
    if (read === BOM.length && probe.equals(BOM)) this.chunkBase = BOM.length;
  }

  private checkLength(bytes: number): void {
    if (bytes > this.maxLineBytes) {
      throw new ShadowExecError(
        'E_REPLAY_FORMAT',
        `replay file '${this.label}' line ${this.lineNo + 1}: longer than ${this.maxLineBytes} bytes without a newline (no venue frame is that long: a corrupted file, or not a replay)`,
      );
    }
  }
}
