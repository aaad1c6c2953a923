// Output-path checks: writability probed without a trace, outputs compared with inputs and each other by real path (special files exempt), stale temp files of killed runs removed.
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDistinctPaths, checkWritableOutput, realOutputPath, removeStaleTempFiles } from '../../src/output/output-path.js';
import { thrown } from '../helpers/thrown.js';

describe('checkDistinctPaths', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shadow-exec-paths-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an output that is an input, spelled differently (symlink, dot segments)', async () => {
    await writeFile(join(dir, 'in.jsonl'), 'x');
    await symlink(join(dir, 'in.jsonl'), join(dir, 'alias.json'));
    for (const spelling of [join(dir, 'alias.json'), join(dir, 'sub', '..', 'in.jsonl')]) {
      const error = thrown(() => checkDistinctPaths([{ flag: '--out', path: spelling }], [{ flag: '--feed replay:FILE', path: join(dir, 'in.jsonl') }]));
      expect(error).toMatchObject({ code: 'E_USAGE', message: `--out '${spelling}' is the same file as --feed replay:FILE '${join(dir, 'in.jsonl')}': writing it would destroy the input` });
    }
  });

  it('refuses two outputs naming one new path, and accepts distinct ones', () => {
    const a = join(dir, 'a.json');
    expect(thrown(() => checkDistinctPaths([{ flag: '--out', path: a }, { flag: '--journal', path: a }], []))).toMatchObject({ code: 'E_USAGE' });
    expect(() => checkDistinctPaths([{ flag: '--out', path: a }, { flag: '--journal', path: join(dir, 'b.jsonl') }], [{ flag: '--control', path: join(dir, 'c') }])).not.toThrow();
  });

  it('lets a special file be named twice (nothing in /dev/null or a FIFO is destroyed)', () => {
    execFileSync('mkfifo', [join(dir, 'f')]);
    expect(() => checkDistinctPaths([{ flag: '--out', path: '/dev/null' }, { flag: '--journal', path: '/dev/null' }], [])).not.toThrow();
    expect(() => checkDistinctPaths([{ flag: '--out', path: join(dir, 'f') }], [{ flag: '--control', path: join(dir, 'f') }])).not.toThrow();
  });

  it('resolves a new path through its real folder', async () => {
    await symlink(dir, join(dir, 'here'));
    expect(realOutputPath(join(dir, 'here', 'new.json'))).toBe(join(realpathSync(dir), 'new.json'));
  });
});

describe('removeStaleTempFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shadow-exec-stale-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('removes only its own output\'s temp files whose pid is not alive', async () => {
    // Above the kernel's pid_max: no process can have this pid.
    const dead = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim()) + 1;
    const alive = process.ppid;
    const names = [`.report.json.${dead}.tmp`, `.report.json.${alive}.tmp`, `.report.json.${process.pid}.tmp`, `.other.json.${dead}.tmp`, '.report.json.abc.tmp', 'report.json'];
    for (const name of names) await writeFile(join(dir, name), 'x');
    expect(removeStaleTempFiles(join(dir, 'report.json'))).toEqual([`.report.json.${dead}.tmp`]);
    expect((await readdir(dir)).sort()).toEqual(names.slice(1).sort());
  });

  it('returns nothing for a folder that does not exist', () => {
    expect(removeStaleTempFiles(join(dir, 'missing', 'r.json'))).toEqual([]);
  });
});

describe('checkWritableOutput', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shadow-exec-writable-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts a new path, an existing file (left byte-identical) and a FIFO without a reader, leaving no probe file', async () => {
    await writeFile(join(dir, 'r.json'), 'kept');
    execFileSync('mkfifo', [join(dir, 'f')]);
    expect(checkWritableOutput(join(dir, 'new.json'), '--out', { atomic: true })).toBe('new');
    expect(checkWritableOutput(join(dir, 'r.json'), '--out', { atomic: true })).toBe('regular');
    expect(checkWritableOutput(join(dir, 'r.json'), '--journal', { atomic: false })).toBe('regular');
    expect(checkWritableOutput(join(dir, 'f'), '--out', { atomic: true })).toBe('special');
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('kept');
    expect((await readdir(dir)).sort()).toEqual(['f', 'r.json']);
  });

  it('refuses a directory, a missing folder and a folder where no file can be created, naming the flag', () => {
    expect(thrown(() => checkWritableOutput(dir, '--out', { atomic: true }))).toMatchObject({ code: 'E_USAGE', message: `--out '${dir}' is a directory: expected a file path` });
    expect(thrown(() => checkWritableOutput(join(dir, 'no', 'r.json'), '--journal', { atomic: false }))).toMatchObject({ message: `--journal '${join(dir, 'no', 'r.json')}': the folder ${join(dir, 'no')} does not exist` });
    expect(thrown(() => checkWritableOutput('/proc/r.json', '--out', { atomic: true }))).toMatchObject({ message: "--out '/proc/r.json': no file can be created in /proc (ENOENT)" });
  });
});
