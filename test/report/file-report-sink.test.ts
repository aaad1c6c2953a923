// FileReportSink: atomic replacement of the target, no temp files left, and honest retryability on failure.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';
import { FileReportSink } from '../../src/report/file-report-sink.js';

describe('FileReportSink', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shadow-exec-sink-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces an existing report with the new bytes and leaves only the target in the folder', async () => {
    const target = join(dir, 'report.json');
    await writeFile(target, 'old\n');
    await new FileReportSink(target).write('{\n  "a": 1\n}\n');
    expect(await readFile(target, 'utf8')).toBe('{\n  "a": 1\n}\n');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('fails with E_REPORT_WRITE, not retryable, when the folder does not exist', async () => {
    const error = await new FileReportSink(join(dir, 'missing', 'r.json')).write('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShadowExecError);
    expect((error as ShadowExecError).code).toBe('E_REPORT_WRITE');
    expect((error as ShadowExecError).retryable).toBe(false);
    expect((error as ShadowExecError).advice).toBe('retrying will not help: fix the path');
    expect((error as ShadowExecError).message).toBe(`cannot write the report to ${join(dir, 'missing', 'r.json')}: no such file or directory (ENOENT)`);
    expect(await readdir(dir)).toEqual([]);
  });
});
