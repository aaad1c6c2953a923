// BinaryRecordReader: a binary replay file (binary-replay-format.ts) read in fixed-size chunks — its preamble and header, then each record's body in place, never the whole file.
//
// - Reads at explicit positions (readAt), CHUNK_BYTES at a time, up to an optional end offset; memory is one chunk, or
//   one record when a record is longer (at most MAX_BINARY_RECORD_BYTES, and never more than the file has left when
//   its size is known: a hostile length field allocates nothing).
// - A file that ends inside a record (a writer stopped mid-write) ends the records: next() returns false with
//   `cutShort` set to the bytes skipped; the caller warns and replays the complete records before it.
// - A malformed preamble, header or length is E_REPLAY_FORMAT naming the file, the record and its byte offset.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { CHUNK_BYTES } from './replay-line-reader.js';
import { decodeReplayHeader, encodeReplayHeader, isNormalizedReplay, type ReplayHeader } from './replay-format.js';
import type { ReadAt } from './replay-file-access.js';
import { BINARY_PREAMBLE_BYTES, BINARY_VERSION, hasBinaryMagic, MAX_BINARY_HEADER_BYTES, MAX_BINARY_RECORD_BYTES, MAX_VARINT_BYTES } from './binary-replay-format.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface BinaryRecordReaderOptions {
  /** Bytes per read. @default CHUNK_BYTES */
  readonly chunkBytes?: number;
  /** Stop reading at this byte offset. @default the file's end */
  readonly endOffset?: number;
  /** The file's size when known (a regular file): a record length past it is a cut, not an allocation. @default unknown */
  readonly fileBytes?: number | null;
}

export class BinaryRecordReader {
  /** 1-based number of the record last returned; 0 before the first. */
  recordNo = 0;
  /** File offset of the record last returned (its length prefix), and just after it. */
  recordOffset = 0;
  offset = 0;
  /** After next() returned true: the record's body is bytes[start, end) (valid until the next call). */
  bytes: Buffer;
  start = 0;
  end = 0;
  /** After next() returned false: the bytes of a last record the file ends inside (0: the file ended between records). */
  cutShort = 0;
  private buf: Buffer;
  /** buf[pos, top) holds file bytes [base + pos, base + top). */
  private pos = 0;
  private top = 0;
  private base = 0;
  private eof = false;
  private readonly endOffset: number;
  private readonly limit: number;

  constructor(private readonly readAt: ReadAt, private readonly label: string, options: BinaryRecordReaderOptions = {}) {
    this.buf = Buffer.allocUnsafe(options.chunkBytes ?? CHUNK_BYTES);
    this.bytes = this.buf;
    this.endOffset = options.endOffset ?? Number.POSITIVE_INFINITY;
    this.limit = Math.min(this.endOffset, options.fileBytes ?? Number.POSITIVE_INFINITY);
  }

  /** The preamble and header: the header, which must be a normalized one. */
  header(): ReplayHeader {
    const at = (message: string): ShadowExecError => new ShadowExecError('E_REPLAY_FORMAT', `replay file '${this.label}' header: ${message}`);
    if (!this.ensure(BINARY_PREAMBLE_BYTES) || !hasBinaryMagic(this.buf.subarray(this.pos, this.top))) throw at('not a binary replay (no "SXRB" magic)');
    const version = this.buf[this.pos + 4]!;
    if (version !== BINARY_VERSION) throw at(`unsupported binary version ${version} (this build reads ${BINARY_VERSION})`);
    this.pos += BINARY_PREAMBLE_BYTES;
    this.ensure(MAX_VARINT_BYTES);
    const length = this.varint();
    if (length === -1 || length === 0 || length > MAX_BINARY_HEADER_BYTES) throw at(`a header length of 1 to ${MAX_BINARY_HEADER_BYTES} bytes must follow the magic`);
    if (this.base + this.pos + length > this.limit || !this.ensure(length)) throw at(`the file ends inside the header (${length} bytes)`);
    let json: string;
    try {
      json = UTF8.decode(this.buf.subarray(this.pos, this.pos + length));
    } catch {
      throw at('not valid UTF-8');
    }
    this.pos += length;
    this.offset = this.base + this.pos;
    let header: ReplayHeader;
    try {
      header = decodeReplayHeader(json, 1, this.label);
    } catch (error) {
      if (!(error instanceof ShadowExecError)) throw error;
      throw at(error.message.replace(/^replay file '.*?' line 1: /s, ''));
    }
    if (!isNormalizedReplay(header)) throw at('a binary replay holds normalized records: its header needs "version":2,"data":"normalized"');
    // One encoding per file: the header as encodeReplayHeader writes it (keys in order, no spaces).
    if (encodeReplayHeader(header) !== json) throw at('not in its canonical form (keys in the documented order, no spaces, JSON.stringify escaping)');
    return header;
  }

  /** Reads the next record's body into bytes[start, end); false at the end of the file (cutShort says whether it ended inside a record). */
  next(): boolean {
    if (!this.ensure(1)) return false;
    const recordOffset = this.base + this.pos;
    this.ensure(MAX_VARINT_BYTES);
    const prefixAt = this.pos;
    const length = this.varint();
    if (length === -1) return this.cut(recordOffset);
    if (length === -2 || length === 0 || length > MAX_BINARY_RECORD_BYTES) {
      throw new ShadowExecError('E_REPLAY_FORMAT', `replay file '${this.label}' record ${this.recordNo + 1} (byte ${recordOffset}): a record length of 1 to ${MAX_BINARY_RECORD_BYTES} bytes must start it`);
    }
    if (this.base + this.pos + length > this.limit || !this.ensure(length)) {
      this.pos = prefixAt;
      return this.cut(recordOffset);
    }
    this.recordNo++;
    this.recordOffset = recordOffset;
    this.bytes = this.buf;
    this.start = this.pos;
    this.end = this.pos + length;
    this.pos = this.end;
    this.offset = this.base + this.pos;
    return true;
  }

  /** An E_REPLAY_FORMAT error about the record last returned. */
  error(message: string): ShadowExecError {
    return new ShadowExecError('E_REPLAY_FORMAT', `replay file '${this.label}' record ${this.recordNo} (byte ${this.recordOffset}): ${message}`);
  }

  private cut(recordOffset: number): false {
    const fileEnd = Number.isFinite(this.limit) ? this.limit : this.base + this.top;
    this.cutShort = Math.max(1, fileEnd - recordOffset);
    this.eof = true;
    this.pos = this.top;
    return false;
  }

  /** A varint at buf[pos…] (pos moves past it): its value, −1 when the bytes end inside it, −2 when malformed. */
  private varint(): number {
    const buf = this.buf;
    let value = 0;
    let scale = 1;
    for (let n = 0; n < MAX_VARINT_BYTES; n++) {
      if (this.pos + n >= this.top) return -1;
      const byte = buf[this.pos + n]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        if (byte === 0 && n > 0) return -2;
        this.pos += n + 1;
        return value > Number.MAX_SAFE_INTEGER ? -2 : value;
      }
      scale *= 128;
    }
    return -2;
  }

  /** Whether buf[pos, pos + n) holds file bytes (reading on as needed); false at the end of the file. */
  private ensure(n: number): boolean {
    while (this.top - this.pos < n) {
      if (this.eof) return false;
      if (this.pos > 0) {
        this.buf.copyWithin(0, this.pos, this.top);
        this.base += this.pos;
        this.top -= this.pos;
        this.pos = 0;
      }
      if (this.buf.length < n) {
        const grown = Buffer.allocUnsafe(n);
        this.buf.copy(grown, 0, 0, this.top);
        this.buf = grown;
      }
      const position = this.base + this.top;
      const wanted = Math.min(this.buf.length - this.top, this.endOffset - position);
      const read = wanted <= 0 ? 0 : this.readAt(this.buf, this.top, wanted, position);
      if (read === 0) this.eof = true;
      this.top += read;
    }
    return true;
  }
}
