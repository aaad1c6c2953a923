// FileReportSink: writes the report to a file — atomically (temp file, fsync, rename) for a regular file or a new path, written through for a device, FIFO or other special file.
import { closeSync, open as openCallback, realpathSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { open, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ReportSink } from '../ports/report-sink.js';
import { ioWriteError } from '../core/errors/io-failure.js';
import { outputKind, tempPathFor } from './output-path.js';

export class FileReportSink implements ReportSink {
  readonly description: string;
  private readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
    this.description = `file ${path}`;
  }

  /**
   * The kind is looked at when the report is written, not when the sink is made: a path that is a device, FIFO or
   * socket then is written through and never renamed over (renaming would turn /dev/full into a regular file).
   */
  async write(text: string): Promise<void> {
    const kind = outputKind(this.path);
    try {
      if (kind === 'special') await this.writeThrough(text);
      else await this.writeAtomically(text);
    } catch (error) {
      throw ioWriteError('E_REPORT_WRITE', `the report to ${this.path}`, error);
    }
  }

  /**
   * Opens without creating or truncating (a FIFO's open waits for its reader off the event loop), then one
   * synchronous write loop: a second signal can only end the process before the first byte or after the last.
   */
  private async writeThrough(text: string): Promise<void> {
    const fd = await openFd(this.path, 'a');
    // From here to the close nothing yields: the document is whole or absent when a signal handler next runs.
    try {
      const data = Buffer.from(text, 'utf8');
      for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
    } finally {
      closeSync(fd);
    }
  }

  /** Temp file in the target's real folder (a symlink stays a symlink and its target is replaced), fsync, rename. */
  private async writeAtomically(text: string): Promise<void> {
    const target = realTarget(this.path);
    const temp = tempPathFor(target);
    try {
      const handle = await open(temp, 'w', 0o644);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  }
}

/** fs.open off the event loop (a FIFO's open blocks until a reader comes), as a plain fd that closeSync may close. */
const openFd = promisify(openCallback) as (path: string, flags: string) => Promise<number>;

/** The file a symlink points to; the path itself when it does not exist yet. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
