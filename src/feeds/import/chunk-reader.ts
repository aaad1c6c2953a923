// ChunkReader: the bytes of one import file, a chunk at a time and synchronously — plain, gzip (.gz or gzip magic bytes) or the CSV member of a .zip — so `import` and `run --feed tardis:` read through one path.
//
// Reads are fs.readSync at explicit positions, CHUNK_BYTES at a time; compressed data goes through SyncInflater
// (node:zlib's own inflate, fed chunk by chunk), so memory is one input and one output chunk whatever the size.
// Synchronous on purpose: the replay feed's next() is synchronous, and a run reading tardis files directly pulls
// their records from inside it; the import command yields to the event loop between batches instead (import-run.ts).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inputReadError } from '../../core/errors/io-failure.js';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { SyncInflater } from './sync-inflater.js';
import { locateZipMember } from './zip-member.js';

/** Bytes per read of the file. */
export const CHUNK_BYTES = 1 << 20;

export interface ChunkReader {
  /** The file (and zip member) named in messages. */
  readonly label: string;
  /** Bytes of the file read so far: compressed bytes for .gz and .zip (progress). */
  readonly bytesRead: number;
  /** Bytes the reader will read in all (the file, or the zip member's compressed data): bytesRead / totalBytes is the progress. */
  readonly totalBytes: number;
  /** The next bytes, valid until the next call; null at the end. */
  next(): Buffer | null;
  /** Releases the file (idempotent). */
  close(): void;
}

/** Bytes [start, start + length) of an open file, CHUNK_BYTES at a time. */
export class FileRangeReader implements ChunkReader {
  bytesRead = 0;
  private readonly chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private fd: number | null;

  constructor(readonly label: string, fd: number, private readonly start: number, readonly totalBytes: number) {
    this.fd = fd;
  }

  next(): Buffer | null {
    if (this.fd === null || this.bytesRead >= this.totalBytes) return null;
    let n: number;
    try {
      n = readSync(this.fd, this.chunk, 0, Math.min(CHUNK_BYTES, this.totalBytes - this.bytesRead), this.start + this.bytesRead);
    } catch (error) {
      throw inputReadError('import file', this.label, error);
    }
    if (n === 0) return null;
    this.bytesRead += n;
    return this.chunk.subarray(0, n);
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

/** The decompressed bytes of a compressed ChunkReader. */
class InflatedReader implements ChunkReader {
  private readonly inflater: SyncInflater;
  private finishing = false;
  private ended = false;

  constructor(readonly label: string, private readonly raw: ChunkReader, format: 'gzip' | 'deflate-raw') {
    this.inflater = new SyncInflater(format, label);
  }

  get bytesRead(): number {
    return this.raw.bytesRead;
  }

  get totalBytes(): number {
    return this.raw.totalBytes;
  }

  next(): Buffer | null {
    for (;;) {
      if (this.ended) return null;
      if (this.finishing) {
        const tail = this.inflater.finish();
        if (tail.length > 0) return tail;
        this.ended = true;
        return null;
      }
      if (this.inflater.inputDone) {
        const input = this.raw.next();
        if (input === null) {
          this.finishing = true;
          continue;
        }
        this.inflater.feed(input);
      }
      const out = this.inflater.pull();
      if (out.length > 0) return out;
    }
  }

  close(): void {
    this.inflater.close();
    this.raw.close();
  }
}

/** Opens `path` for reading: `.zip` → its one CSV member; `.gz` or gzip magic bytes → gunzipped; else the plain bytes. UsageError when it cannot be read. */
export function openChunkReader(path: string): ChunkReader {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw inputReadError('import file', path, error);
  }
  try {
    if (/\.zip$/i.test(path)) {
      const member = locateZipMember(fd, path);
      const label = `${path}:${member.name}`;
      const raw = new FileRangeReader(label, fd, member.dataStart, member.compressedSize);
      return member.method === 0 ? raw : new InflatedReader(label, raw, 'deflate-raw');
    }
    const size = fstatSync(fd).size;
    const magic = Buffer.alloc(2);
    const got = readSync(fd, magic, 0, 2, 0);
    const raw = new FileRangeReader(path, fd, 0, size);
    const gzip = /\.gz$/i.test(path) || (got === 2 && magic[0] === 0x1f && magic[1] === 0x8b);
    return gzip ? new InflatedReader(path, raw, 'gzip') : raw;
  } catch (error) {
    closeSync(fd);
    if (error instanceof ShadowExecError) throw error;
    throw inputReadError('import file', path, error);
  }
}
