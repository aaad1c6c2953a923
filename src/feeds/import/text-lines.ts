// TextLines: the lines of a text file read as a stream — plain, gzip (.gz, or gzip magic bytes) or one member of a .zip archive — a chunk at a time, in constant memory.
//
// Lines are split on "\n" with a trailing "\r" dropped; a UTF-8 BOM at the start is skipped; a final line without "\n"
// is a line. Reads go through node:fs streams (64 KiB chunks) and node:zlib (gunzip, inflateRaw), so memory stays one
// chunk plus the longest line whatever the file's size. Lines longer than MAX_LINE_CHARS are an error (no CSV row
// of these sources comes near it: a 25-level snapshot row is ~1 KiB).
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { inputReadError } from '../../core/errors/io-failure.js';
import { openZipMember } from './zip-member.js';

/** Longest line accepted, in characters. */
export const MAX_LINE_CHARS = 1 << 20;

/** Pulls lines in batches: `fill()` reads the next chunk; `lines` holds the complete lines of it, the first numbered `firstLineNo`. */
export class TextLines {
  lines: string[] = [];
  /** 1-based number of lines[0] in the file. */
  firstLineNo = 1;
  done = false;
  /** Bytes of the file (compressed bytes for .gz/.zip) read so far, for progress. */
  bytesRead = 0;
  private readonly iterator: AsyncIterator<string>;
  private carry = '';
  private nextLineNo = 1;
  private started = false;

  private constructor(readonly label: string, stream: Readable, private readonly onBytes: () => number) {
    stream.setEncoding('utf8');
    this.iterator = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
  }

  /** Opens `path`: a `.zip` reads its one CSV member (or `member`), a `.gz` or gzip-magic file is gunzipped. Errors: UsageError for an unreadable path. */
  static async open(path: string): Promise<TextLines> {
    if (/\.zip$/i.test(path)) {
      const member = await openZipMember(path);
      return new TextLines(`${path}:${member.name}`, member.stream, member.compressedBytesRead);
    }
    const raw = createReadStream(path, { highWaterMark: 1 << 16 });
    await new Promise<void>((resolve, reject) => {
      raw.once('open', () => resolve());
      raw.once('error', (error) => reject(inputReadError('import file', path, error)));
    });
    const magic = await peekBytes(raw, 2);
    const gzip = /\.gz$/i.test(path) || (magic.length === 2 && magic[0] === 0x1f && magic[1] === 0x8b);
    const stream = gzip ? raw.pipe(createGunzip()) : raw;
    if (gzip) raw.on('error', (error) => stream.destroy(error));
    return new TextLines(path, stream, () => raw.bytesRead);
  }

  /** Reads the next chunk's complete lines into `lines` (replacing the previous batch); sets `done` after the last. */
  async fill(): Promise<void> {
    this.lines = [];
    while (!this.done && this.lines.length === 0) {
      let result: IteratorResult<string>;
      try {
        result = await this.iterator.next();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (typeof code === 'string' && code.startsWith('Z_')) throw new ShadowExecError('E_IMPORT_FORMAT', `import file '${this.label}': not a valid gzip/deflate stream (${code})`);
        throw inputReadError('import file', this.label, error);
      }
      this.bytesRead = this.onBytes();
      if (result.done) {
        this.done = true;
        if (this.carry !== '') this.push(this.carry);
        this.carry = '';
        break;
      }
      let text = this.carry + result.value;
      if (!this.started) {
        this.started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      let start = 0;
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', start)) {
        this.push(text.slice(start, at));
        start = at + 1;
      }
      this.carry = text.slice(start);
      if (this.carry.length > MAX_LINE_CHARS) throw new ShadowExecError('E_IMPORT_FORMAT', `import file '${this.label}' line ${this.nextLineNo + this.lines.length}: longer than ${MAX_LINE_CHARS} characters: not a CSV row of a known layout`);
    }
    this.firstLineNo = this.nextLineNo;
    this.nextLineNo += this.lines.length;
  }

  close(): void {
    void this.iterator.return?.();
  }

  private push(line: string): void {
    this.lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
}

/** The first `n` bytes of a paused file stream, put back (unshift) for the reader. */
async function peekBytes(stream: Readable, n: number): Promise<Buffer> {
  const chunk = await new Promise<Buffer | null>((resolve, reject) => {
    const onReadable = (): void => {
      cleanup();
      resolve(stream.read() as Buffer | null);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    stream.once('readable', onReadable);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
  if (chunk === null) return Buffer.alloc(0);
  stream.unshift(chunk);
  return chunk.subarray(0, n);
}
