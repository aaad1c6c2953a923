// SeriesFileWriter: the --series-out file written as the run goes — batches of records appended to FILE.partial, which is fsynced and renamed to FILE only when the run has ended (a device or FIFO is written through).
//
// Streaming keeps the sampler's memory to one batch (a slice of the run) instead of the whole series. The file only
// appears under its own name once complete: a run killed part-way (a second Ctrl-C, SIGKILL, a crash) leaves
// FILE.partial — never a FILE that looks whole but ends early — and FILE, if it existed, as it was. The next run
// writing FILE starts FILE.partial afresh. Writes are synchronous (writeSync until every byte is taken): the run
// goes no faster than the disk takes the series.
import { closeSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { ioWriteError } from '../core/errors/io-failure.js';
import { csvHeader, formatSeriesRows, type SeriesFormat } from '../core/report/series-format.js';
import type { SeriesRecord } from '../core/report/series-record.js';
import { flushSyncClose } from './flush-sync-close.js';
import { outputKind } from './output-path.js';

export class SeriesFileWriter {
  private fd: number | null;

  /** @param target the file the series ends up in; `written` where the bytes go until close() (target itself for a device or FIFO) */
  private constructor(
    private readonly target: string,
    readonly written: string,
    private readonly format: SeriesFormat,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Creates (or truncates) FILE.partial next to `path`'s real file, or opens a device or FIFO; the CSV header goes first. E_REPORT_WRITE when it cannot. */
  static open(path: string, format: SeriesFormat): SeriesFileWriter {
    const absolute = resolve(path);
    const special = outputKind(absolute) === 'special';
    const target = special ? absolute : realTarget(absolute);
    const written = special ? absolute : `${target}.partial`;
    let fd: number;
    try {
      fd = openSync(written, special ? 'a' : 'w', 0o644);
    } catch (error) {
      throw ioWriteError('E_REPORT_WRITE', `the series to ${written}`, error);
    }
    const writer = new SeriesFileWriter(target, written, format, fd);
    if (format === 'csv') writer.writeText(csvHeader());
    return writer;
  }

  /** Appends `records` (the next batch, in order). */
  write(records: readonly SeriesRecord[]): void {
    if (records.length > 0) this.writeText(formatSeriesRows(records, this.format));
  }

  /** Appends the next batch already formatted (the UTF-8 bytes of formatSeriesRows' text of it, in this file's format). */
  writeBytes(data: Uint8Array): void {
    try {
      for (let off = 0; off < data.length; ) off += writeSync(this.fd!, data, off, data.length - off);
    } catch (error) {
      throw ioWriteError('E_REPORT_WRITE', `the series to ${this.written}`, error);
    }
  }

  /** Fsyncs and closes, then renames FILE.partial to FILE: the series is complete. */
  close(): void {
    const fd = this.fd;
    if (fd === null) return;
    this.fd = null;
    try {
      flushSyncClose(fd, () => undefined);
      if (this.written !== this.target) renameSync(this.written, this.target);
    } catch (error) {
      this.remove();
      throw ioWriteError('E_REPORT_WRITE', `the series to ${this.target}`, error);
    }
  }

  /** Closes without completing: FILE.partial is removed, FILE left as it was; idempotent. */
  abandon(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    this.remove();
  }

  private remove(): void {
    if (this.written !== this.target) rmSync(this.written, { force: true });
  }

  private writeText(text: string): void {
    this.writeBytes(Buffer.from(text, 'utf8'));
  }
}

/** The file a symlink points to; the path itself when it does not exist yet. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
