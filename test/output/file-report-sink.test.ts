// FileReportSink: atomic replacement of a regular file, write-through (never a rename) for a device or FIFO, and honest retryability on failure.
import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';
import { FileReportSink } from '../../src/output/file-report-sink.js';
import { outputKind } from '../../src/output/output-path.js';
import { readAll } from '../helpers/fifo.js';

const isRoot = process.getuid?.() === 0;

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

  it('through a symlink replaces the file it points to and keeps the symlink', async () => {
    const target = join(dir, 'real.json');
    await writeFile(target, 'old\n');
    await symlink(target, join(dir, 'link.json'));
    await new FileReportSink(join(dir, 'link.json')).write('new\n');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('new\n');
    expect((await readdir(dir)).sort()).toEqual(['link.json', 'real.json']);
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

  it('writes through a FIFO to its reader and leaves the FIFO a FIFO (no temp file, no rename)', async () => {
    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(outputKind(fifo)).toBe('special');
    const received = readAll(fifo);
    await new FileReportSink(fifo).write('{\n  "a": 1\n}\n');
    expect(await received).toBe('{\n  "a": 1\n}\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(await readdir(dir)).toEqual(['report.fifo']);
  });

  it.skipIf(!isRoot)('writes through a character device (a mknod copy of /dev/null) and leaves it a device', async () => {
    const device = join(dir, 'null');
    execFileSync('mknod', ['-m', '666', device, 'c', '1', '3']);
    expect(outputKind(device)).toBe('special');
    await new FileReportSink(device).write('{}\n');
    const after = lstatSync(device);
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.rdev).toBe(lstatSync('/dev/null').rdev);
    expect(await readdir(dir)).toEqual(['null']);
  });

  it('on /dev/full fails with E_REPORT_WRITE (ENOSPC), not retryable, and /dev/full stays a device', async () => {
    // Kind first: only a path proven special reaches write(), which then never renames.
    expect(outputKind('/dev/full')).toBe('special');
    const error = await new FileReportSink('/dev/full').write('{}\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShadowExecError);
    expect((error as ShadowExecError).code).toBe('E_REPORT_WRITE');
    expect((error as ShadowExecError).retryable).toBe(false);
    expect((error as ShadowExecError).advice).toBe('retry will not help until space is freed');
    expect((error as ShadowExecError).message).toBe(
      'cannot write the report to /dev/full: no space left on the device (ENOSPC)',
    );
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });
});

describe('outputKind', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shadow-exec-kind-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names a regular file regular, a missing path new, and devices and FIFOs special', async () => {
    await writeFile(join(dir, 'r.json'), '');
    execFileSync('mkfifo', [join(dir, 'f')]);
    expect(outputKind(join(dir, 'r.json'))).toBe('regular');
    expect(outputKind(join(dir, 'nothing.json'))).toBe('new');
    expect(outputKind(join(dir, 'f'))).toBe('special');
    expect(outputKind('/dev/null')).toBe('special');
    expect(outputKind('/dev/full')).toBe('special');
  });
});
