// StdoutReportSink: one synchronous write to a stream with a file descriptor, one write call otherwise; a failed write is E_REPORT_WRITE.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StdoutReportSink } from '../../src/output/stdout-report-sink.js';

describe('StdoutReportSink', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shadow-exec-stdout-sink-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the whole text to the stream\'s fd before write() returns (no await needed, no stream.write call)', () => {
    const file = join(dir, 'out.json');
    const fd = openSync(file, 'w');
    let streamWrites = 0;
    const stream = Object.assign(new Writable({ write: (_c, _e, done) => (streamWrites++, done()) }), { fd });
    const text = `${'x'.repeat(3 * 1024 * 1024)}\n`;
    void new StdoutReportSink(stream).write(text);
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(streamWrites).toBe(0);
  });

  it('hands a stream without an fd the text in one write call', async () => {
    const chunks: string[] = [];
    const stream = new Writable({ write: (chunk, _e, done) => (chunks.push(String(chunk)), done()) });
    await new StdoutReportSink(stream).write('{\n  "a": 1\n}\n');
    expect(chunks).toEqual(['{\n  "a": 1\n}\n']);
  });

  it('reports a failed write on the fd (EBADF) as E_REPORT_WRITE, not retryable', async () => {
    const stream = Object.assign(new Writable({ write: (_c, _e, done) => done() }), { fd: 2_000_000 });
    await expect(new StdoutReportSink(stream).write('x')).rejects.toMatchObject({ code: 'E_REPORT_WRITE', retryable: false, message: 'cannot write the report to stdout: the output is closed (bad file descriptor) (EBADF)' });
  });
});
