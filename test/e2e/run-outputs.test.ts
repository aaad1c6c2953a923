// End-to-end tests of where `run`, `record` and `rehearse` write: special files written through, outputs that would destroy an input refused, writability checked before the run, stale temp files cleaned.
import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCliInProcess } from '../helpers/cli.js';
import { readAll } from '../helpers/fifo.js';

const DIST_OUTPUT_PATH = new URL('../../dist/src/output/output-path.js', import.meta.url).href;
const SMALL_RUN = ['run', '--iterations', '3', '--seed', '1', '--quiet'];
const STACK_FRAME = '    at ';
const REPLAY_FIXTURE = join(ROOT, 'test/fixtures/replay/bybit-linear-samples.jsonl');

async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'shadow-exec-outputs-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
      'error: cannot write the report to /dev/full: no space left on the device (ENOSPC)\n' +
        '(code E_REPORT_WRITE; retry will not help until space is freed)\n',
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

describe('run --out that would destroy an input or the other output', () => {
  it('--out naming the replay input (relative, by another spelling) exits 2 before reading it and leaves it byte-identical', async () => {
    await withTempDir(async (dir) => {
      const replay = join(dir, 'bybit.jsonl');
      await copyFile(REPLAY_FIXTURE, replay);
      const before = await readFile(replay);
      const result = await runCliInProcess(['run', '--exchange', 'bybit', '--feed', `replay:${replay}`, '--out', './sub/../bybit.jsonl'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`error: --out './sub/../bybit.jsonl' is the same file as --feed replay:FILE '${replay}': writing it would destroy the input\n`);
      expect(await readFile(replay)).toEqual(before);
      expect(await readdir(dir)).toEqual(['bybit.jsonl']);
    });
  });

  it('--out naming the --journal file through a symlink exits 2 and writes neither', async () => {
    await withTempDir(async (dir) => {
      const journal = join(dir, 'requests.jsonl');
      await writeFile(journal, 'kept\n');
      await symlink(journal, join(dir, 'link.json'));
      const args = ['run', '--exchange', 'bybit', '--mode', 'dryrun', '--iterations', '5', '--quiet', '--journal', journal, '--out', join(dir, 'link.json')];
      const result = await runCliInProcess(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`error: --journal '${journal}' is the same file as --out '${join(dir, 'link.json')}': writing it would destroy the other output\n`);
      expect(result.stderr).not.toContain(STACK_FRAME);
      expect(await readFile(journal, 'utf8')).toBe('kept\n');
    });
  });

  it('rehearse --out naming its scenario file exits 2 and leaves the scenario intact', async () => {
    await withTempDir(async (dir) => {
      const scenario = join(dir, 'normal.json');
      await copyFile(join(ROOT, 'scenarios/normal-session.json'), scenario);
      const before = await readFile(scenario);
      const result = await runCliInProcess(['rehearse', scenario, '--quiet', '--out', scenario]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`error: --out '${scenario}' is the same file as the scenario '${scenario}': writing it would destroy the input\n`);
      expect(await readFile(scenario)).toEqual(before);
    });
  });
});

describe('every output is checked writable before the run starts (exit 2)', () => {
  // /proc exists and is a folder, yet no file can be created in it, even by root.
  const UNWRITABLE = '/proc/shadow-exec-report.json';

  it('run --out: exits 2 naming --out, without running', async () => {
    const result = await runCliInProcess(['run', '--iterations', '3', '--out', UNWRITABLE]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error: --out '${UNWRITABLE}': no file can be created in /proc (ENOENT)\n`);
  });

  it('run --journal: exits 2 naming --journal, without running', async () => {
    const result = await runCliInProcess(['run', '--exchange', 'bybit', '--mode', 'dryrun', '--iterations', '3', '--journal', UNWRITABLE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: --journal '${UNWRITABLE}': no file can be created in /proc (ENOENT)\n`);
  });

  it('record --out: exits 2 before dialling anything', async () => {
    const result = await runCliInProcess(['record', '--exchange', 'binance', '--symbols', 'BTCUSDT', '--ws-url', 'ws://127.0.0.1:9/ws', '--rest-url', 'http://127.0.0.1:9', '--out', UNWRITABLE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: --out '${UNWRITABLE}': no file can be created in /proc (ENOENT)\n`);
  });

  it('rehearse --out: exits 2 before the rehearsal, not after it', async () => {
    const result = await runCliInProcess(['rehearse', 'normal-session', '--out', UNWRITABLE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: --out '${UNWRITABLE}': no file can be created in /proc (ENOENT)\n`);
  });

  it('rehearse --out into a missing folder exits 2 and leaves no trace', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'missing', 'r.json');
      const result = await runCliInProcess(['rehearse', 'normal-session', '--quiet', '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`error: --out '${out}': the folder ${join(dir, 'missing')} does not exist\n`);
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it('a refused run leaves an existing --journal file untouched (the journal opens at its first write)', async () => {
    await withTempDir(async (dir) => {
      const journal = join(dir, 'requests.jsonl');
      await writeFile(journal, 'kept\n');
      const result = await runCliInProcess(['run', '--exchange', 'bybit', '--mode', 'dryrun', '--iterations', '3', '--quiet', '--journal', journal, '--out', UNWRITABLE]);
      expect(result.code).toBe(2);
      expect(await readFile(journal, 'utf8')).toBe('kept\n');
      expect(await readdir(dir)).toEqual(['requests.jsonl']);
    });
  });

  it('--journal /dev/null runs a dry run to the end (a device is not fsynced)', async () => {
    const result = await runCliInProcess(['run', '--exchange', 'bybit', '--mode', 'dryrun', '--iterations', '3', '--quiet', '--journal', '/dev/null']);
    expect(result.code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('stale temp files of a killed run', () => {
  it('the next run --out (and rehearse --out) removes its own output\'s temp files whose pid is gone, and says so', async () => {
    await withTempDir(async (dir) => {
      const dead = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim()) + 1;
      const kept = [`.report.json.${process.ppid}.tmp`, `.other.json.${dead}.tmp`];
      for (const name of [`.report.json.${dead}.tmp`, ...kept]) await writeFile(join(dir, name), '{"partial":');
      const result = await runCliInProcess(['run', '--iterations', '3', '--out', join(dir, 'report.json')]);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`removed 1 stale temp file(s) of an earlier, killed run: .report.json.${dead}.tmp\n`);
      expect((await readdir(dir)).sort()).toEqual([...kept, 'report.json'].sort());

      await writeFile(join(dir, `.rehearsal.json.${dead}.tmp`), '{');
      const rehearsal = await runCliInProcess(['rehearse', 'normal-session', '--quiet', '--out', join(dir, 'rehearsal.json')]);
      expect(rehearsal.code).toBe(0);
      expect((await readdir(dir)).sort()).toEqual([...kept, 'rehearsal.json', 'report.json'].sort());
    });
  });
});
