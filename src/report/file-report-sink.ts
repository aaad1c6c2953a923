// FileReportSink: writes the report atomically — a temp file in the same folder, fsync, then rename over the target.
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ReportSink } from '../ports/report-sink.js';
import { ioWriteError } from '../core/errors/io-failure.js';

export class FileReportSink implements ReportSink {
  readonly description: string;
  private readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
    this.description = `file ${path}`;
  }

  async write(text: string): Promise<void> {
    const temp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.tmp`);
    try {
      const handle = await open(temp, 'w', 0o644);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw ioWriteError('E_REPORT_WRITE', `the report to ${this.path}`, error);
    }
  }
}
