// FileRequestJournal: JSON-lines request journal on disk, buffered, flushed and fsynced on close (and whenever the buffer fills).
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { ioWriteError } from '../core/errors/io-failure.js';
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import type { RequestJournal } from '../ports/request-journal.js';

const FLUSH_BYTES = 64 * 1024;

function journalError(path: string, error: unknown): ShadowExecError {
  return ioWriteError('E_JOURNAL_WRITE', `the request journal ${path}`, error);
}

export class FileRequestJournal implements RequestJournal {
  private fd: number | null;
  private buffer: string[] = [];
  private bufferedBytes = 0;

  /** Truncates or creates `path` at once, so a bad path fails before the run starts. */
  constructor(private readonly path: string) {
    try {
      this.fd = openSync(path, 'w', 0o644);
    } catch (error) {
      throw journalError(path, error);
    }
  }

  get description(): string {
    return this.path;
  }

  append(line: string): void {
    if (this.fd === null) throw new ShadowExecError('E_INVARIANT', `invariant violated: journal ${this.path} appended after close`);
    this.buffer.push(line, '\n');
    this.bufferedBytes += line.length + 1;
    if (this.bufferedBytes >= FLUSH_BYTES) this.flush();
  }

  close(): void {
    if (this.fd === null) return;
    this.flush();
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
    } catch (error) {
      throw journalError(this.path, error);
    } finally {
      this.fd = null;
    }
  }

  private flush(): void {
    if (this.fd === null || this.buffer.length === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.bufferedBytes = 0;
    try {
      writeSync(this.fd, text);
    } catch (error) {
      throw journalError(this.path, error);
    }
  }
}
