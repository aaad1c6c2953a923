// StdoutReportSink: writes the report to a stream (stdout) and resolves once the stream has taken it.
import type { Writable } from 'node:stream';
import type { ReportSink } from '../ports/report-sink.js';
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';

export class StdoutReportSink implements ReportSink {
  readonly description = 'stdout';
  constructor(private readonly stream: Writable = process.stdout) {}

  write(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.write(text, (error) =>
        error ? reject(new ShadowExecError('E_REPORT_WRITE', `cannot write the report to stdout: ${error.message}`, { retryable: true })) : resolve(),
      );
    });
  }
}
