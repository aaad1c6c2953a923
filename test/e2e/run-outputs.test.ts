// End-to-end tests of where `run`, `record` and `rehearse` write: special files written through, outputs that would destroy an input refused, writability checked before the run, stale temp files cleaned.
import { execFileSync } from 'node:child_process';
import { createReadStream, lstatSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';

const DIST_OUTPUT_PATH = new URL('../../dist/src/report/output-path.js', import.meta.url).href;
const SMALL_RUN = ['run', '--iterations', '3', '--seed', '1', '--quiet'];

async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'shadow-exec-outputs-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function readAll(fifo: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    createReadStream(fifo, { encoding: 'utf8' })
      .on('data', (chunk) => (text += String(chunk)))
      .on('end', () => resolve(text))
      .on('error', reject);
  });
}

describe('run --out onto a special file', () => {
  it('writes the report through a FIFO to its reader and leaves the FIFO in place', async () => {
    await withTempDir(async (dir) => {
      const fifo = join(dir, 'report.fifo');
      execFileSync('mkfifo', [fifo]);
      const toStdout = await runCliInProcess(SMALL_RUN);
      const received = readAll(fifo);
      const result = await runCliInProcess([...SMALL_RUN, '--out', fifo]);
      expect(result.code).toBe(0);
      expect(await received).toBe(toStdout.stdout);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(await readdir(dir)).toEqual(['report.fifo']);
    });
  });

  it('/dev/full exits 1 with E_REPORT_WRITE naming ENOSPC, and /dev/full stays a character device', async () => {
    // The built code must see /dev/full as special (written through, never renamed over) before it is handed the path.
    const { outputKind } = (await import(DIST_OUTPUT_PATH)) as { outputKind: (path: string) => string };
    expect(outputKind('/dev/full')).toBe('special');
    const before = lstatSync('/dev/full');
    const result = await runCliInProcess([...SMALL_RUN, '--out', '/dev/full']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error: cannot write the report to /dev/full: no space left on the device (ENOSPC); retry will not help until space is freed\n' +
        '(code E_REPORT_WRITE; retrying will not help)\n',
    );
    const after = lstatSync('/dev/full');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.rdev).toBe(before.rdev);
    expect(after.ino).toBe(before.ino);
  });

  it.skipIf(process.getuid?.() !== 0)('writes through a mknod copy of /dev/null and leaves it a device', async () => {
    await withTempDir(async (dir) => {
      const device = join(dir, 'null');
      execFileSync('mknod', ['-m', '666', device, 'c', '1', '3']);
      const result = await runCliInProcess([...SMALL_RUN, '--out', device]);
      expect(result.code).toBe(0);
      expect(lstatSync(device).isCharacterDevice()).toBe(true);
      expect(await readdir(dir)).toEqual(['null']);
    });
  });
});
