// StdoutReportSink: writes the report to a stream (stdout) and resolves once the stream has taken it.
import type { Writable } from 'node:stream';
import type { ReportSink } from '../ports/report-sink.js';
import { ioWriteError } from '../core/errors/io-failure.js';

export class StdoutReportSink implements ReportSink {
  readonly description = 'stdout';
  constructor(private readonly stream: Writable = process.stdout) {}

  /** A reader that went away early (`| head`) is not a failure: the write resolves on EPIPE, like other Unix tools. */
  write(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const settle = (error: NodeJS.ErrnoException | null | undefined): void => {
        this.stream.off('error', settle);
        if (!error || error.code === 'EPIPE') resolve();
        else reject(ioWriteError('E_REPORT_WRITE', 'the report to stdout', error));
      };
      this.stream.once('error', settle);
      this.stream.write(text, (error) => settle(error));
    });
  }
}
