// StdoutReportSink: writes the report to stdout in one synchronous write (or one write call on a stream without a file descriptor), so no signal can cut it.
import { writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { ReportSink } from '../ports/report-sink.js';
import { ioWriteError } from '../core/errors/io-failure.js';

/** How long to wait before retrying a write a full non-blocking pipe refused (EAGAIN), ms. */
const PIPE_FULL_WAIT_MS = 1;

/**
 * Writes all of `data` to `fd` before returning: no JavaScript (no signal handler) runs in between, so a second
 * Ctrl-C exits either before the first byte or after the last. A full non-blocking pipe (EAGAIN) is waited out.
 */
function writeAllSync(fd: number, data: Buffer): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let off = 0; off < data.length; ) {
    try {
      off += writeSync(fd, data, off, data.length - off);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, PIPE_FULL_WAIT_MS);
    }
  }
}

export class StdoutReportSink implements ReportSink {
  readonly description = 'stdout';
  constructor(private readonly stream: Writable = process.stdout) {}

  /** A reader that went away early (`| head`) is not a failure: the write resolves on EPIPE, like other Unix tools. */
  write(text: string): Promise<void> {
    const fd = (this.stream as Partial<{ fd: unknown }>).fd;
    if (typeof fd === 'number') {
      try {
        writeAllSync(fd, Buffer.from(text, 'utf8'));
        return Promise.resolve();
      } catch (error) {
        const failure = error as NodeJS.ErrnoException;
        return failure.code === 'EPIPE' ? Promise.resolve() : Promise.reject(ioWriteError('E_REPORT_WRITE', 'the report to stdout', failure));
      }
    }
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
