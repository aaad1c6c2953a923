// FileRequestJournal: JSON-lines request journal on disk, opened at its first write, buffered, flushed and fsynced on close (and whenever the buffer fills).
import { closeSync, openSync, writeSync } from 'node:fs';
import { ioWriteError } from '../core/errors/io-failure.js';
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import type { RequestJournal } from '../ports/request-journal.js';
import { syncUnlessSpecial } from './sync-unless-special.js';

const FLUSH_BYTES = 64 * 1024;

function journalError(path: string, error: unknown): ShadowExecError {
  return ioWriteError('E_JOURNAL_WRITE', `the request journal ${path}`, error);
}

export class FileRequestJournal implements RequestJournal {
  /** null until the first flush opens the file; then the open fd; null again once closed. */
  private fd: number | null = null;
  private closed = false;
  private buffer: string[] = [];
  private bufferedBytes = 0;

  /**
   * Opens nothing yet: the file is created or truncated at the first flush (or at close, for an empty journal), so a
   * run refused after construction leaves an existing file untouched. The CLI checks writability before the run.
   */
  constructor(private readonly path: string) {}

  get description(): string {
    return this.path;
  }

  append(line: string): void {
    if (this.closed) throw new ShadowExecError('E_INVARIANT', `invariant violated: journal ${this.path} appended after close`);
    this.buffer.push(line, '\n');
    this.bufferedBytes += line.length + 1;
    if (this.bufferedBytes >= FLUSH_BYTES) this.flush();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      const fd = this.open();
      this.writeBuffer(fd);
      syncUnlessSpecial(fd);
    } catch (error) {
      throw journalError(this.path, error);
    } finally {
      if (this.fd !== null) closeSync(this.fd);
      this.fd = null;
    }
  }

  private flush(): void {
    if (this.closed || this.buffer.length === 0) return;
    try {
      this.writeBuffer(this.open());
    } catch (error) {
      throw journalError(this.path, error);
    }
  }

  private open(): number {
    this.fd ??= openSync(this.path, 'w', 0o644);
    return this.fd;
  }

  private writeBuffer(fd: number): void {
    if (this.buffer.length === 0) return;
    const data = Buffer.from(this.buffer.join(''), 'utf8');
    this.buffer = [];
    this.bufferedBytes = 0;
    for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
  }
}
