// FileReportSink: writes the report atomically — a temp file in the same folder, fsync, then rename over the target.
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ReportSink } from '../ports/report-sink.js';
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';

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
      const reason = error instanceof Error ? error.message : String(error);
      const code = (error as NodeJS.ErrnoException).code ?? '';
      // A missing folder, a directory in the way or no permission stay wrong on retry; a full disk or I/O hiccup may not.
      const retryable = !['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS'].includes(code);
      throw new ShadowExecError('E_REPORT_WRITE', `cannot write the report to ${this.path}: ${reason}`, { retryable, cause: error });
    }
  }
}
