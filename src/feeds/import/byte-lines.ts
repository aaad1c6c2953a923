// ByteLines: the lines of an import file as byte ranges of its chunks — no string per line — split on "\n" with a trailing "\r" dropped and a UTF-8 BOM skipped; the current line is a ByteLine.
//
// The current line is buf[start, end): a view into the reader's chunk, or into a carry buffer when the line spans
// chunks (copied there, so memory is one chunk plus the longest line). A final line without "\n" is a line; an
// empty file has none. Lines longer than MAX_LINE_BYTES are an error (no CSV row of these sources comes near it:
// a 25-level snapshot row is ~1 KiB). Splitting on the byte 0x0A is exact in UTF-8.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { ChunkReader } from './chunk-reader.js';

/** Longest line accepted, in bytes. */
export const MAX_LINE_BYTES = 1 << 20;

/** One line of a file: bytes buf[start, end) without its line end, numbered from 1. */
export interface ByteLine {
  readonly buf: Buffer;
  readonly start: number;
  readonly end: number;
  readonly lineNo: number;
  /** The line as text (UTF-8), for the slow paths and messages. */
  text(): string;
}

/**
 * The unread rest of the current chunk, for a reader that takes whole lines straight from it (ImportReader.readRun):
 * bytes chunk[pos, chunk.length) follow the current line; jump() moves past lines it read there.
 */
export interface ChunkCursor {
  /** The chunk being read, and where the next line starts in it; pos is -1 when the next line does not start in it whole (a carried line, the end). */
  readonly chunk: Buffer;
  readonly pos: number;
  /** Moves to `pos` of the chunk (the start of a line, or its end) after `lines` lines read from the cursor's pos. */
  jump(pos: number, lines: number): void;
}

const NEWLINE = 0x0a;
const CR = 0x0d;

export class ByteLines implements ByteLine, ChunkCursor {
  buf: Buffer = Buffer.alloc(0);
  start = 0;
  end = 0;
  /** Number of the current line; 0 before the first. */
  lineNo = 0;
  chunk: Buffer = Buffer.alloc(0);
  /** Where the next line starts in the chunk (ChunkCursor.pos: -1 while a line is carried over). */
  get pos(): number {
    return this.carryLength === 0 ? this.at : -1;
  }

  private at = 0;
  private carry = Buffer.allocUnsafe(1 << 12);
  private carryLength = 0;
  private done = false;

  constructor(private readonly reader: ChunkReader) {}

  get label(): string {
    return this.reader.label;
  }

  /** Moves to the next line; false at the end of the file. */
  next(): boolean {
    for (;;) {
      const chunk = this.chunk;
      if (this.at < chunk.length) {
        const at = chunk.indexOf(NEWLINE, this.at);
        if (at >= 0) {
          if (this.carryLength === 0) this.set(chunk, this.at, at);
          else {
            this.append(chunk, this.at, at);
            this.set(this.carry, 0, this.carryLength);
            this.carryLength = 0;
          }
          this.at = at + 1;
          return true;
        }
        this.append(chunk, this.at, chunk.length);
        this.at = chunk.length;
      }
      if (this.done) return false;
      const next = this.reader.next();
      if (next === null) {
        this.done = true;
        this.chunk = Buffer.alloc(0);
        this.at = 0;
        if (this.carryLength === 0) return false;
        this.set(this.carry, 0, this.carryLength);
        this.carryLength = 0;
        return true;
      }
      this.chunk = next;
      this.at = 0;
    }
  }

  jump(pos: number, lines: number): void {
    this.at = pos;
    this.lineNo += lines;
  }

  text(): string {
    return this.buf.toString('utf8', this.start, this.end);
  }

  private set(buf: Buffer, start: number, end: number): void {
    // A UTF-8 BOM before the first line is dropped (looked for in the line, not the first chunk: any chunk may be short).
    if (this.lineNo === 0 && end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
    this.lineNo++;
    this.buf = buf;
    this.start = start;
    this.end = end > start && buf[end - 1] === CR ? end - 1 : end;
  }

  private append(from: Buffer, start: number, end: number): void {
    const length = this.carryLength + end - start;
    if (length > MAX_LINE_BYTES) throw new ShadowExecError('E_IMPORT_FORMAT', `import file '${this.reader.label}' line ${this.lineNo + 1}: longer than ${MAX_LINE_BYTES} bytes: not a CSV row of a known layout`);
    if (length > this.carry.length) {
      const grown = Buffer.allocUnsafe(Math.max(length, this.carry.length * 2));
      this.carry.copy(grown, 0, 0, this.carryLength);
      this.carry = grown;
    }
    from.copy(this.carry, this.carryLength, start, end);
    this.carryLength = length;
  }
}

/** A ByteLine over a string (tests, messages): the text's UTF-8 bytes. */
export function byteLine(text: string, lineNo: number): ByteLine {
  const buf = Buffer.from(text, 'utf8');
  return { buf, start: 0, end: buf.length, lineNo, text: () => text };
}
