// End-to-end `shadow-exec golden check [DIR]` (spawned, as CI runs it) on two cases: matching goldens pass, a tampered one exits 1 with a unified diff naming it, --update rewrites it. golden.test.ts checks every case.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, runCliInProcess } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-golden-cmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('shadow-exec golden check', () => {
  it('passes on goldens that match this build, a report and a request journal', async () => {
    const dir = join(tmp, 'matching');
    mkdirSync(dir);
    const names = ['original-command', 'bybit-dryrun'];
    const all = JSON.parse(readFileSync(`${ROOT}golden/cases.json`, 'utf8')) as Array<{ name: string; journal?: boolean }>;
    const picked = names.map((n) => all.find((c) => c.name === n)!);
    expect(picked.map((c) => c.journal === true)).toEqual([false, true]);
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(picked));
    for (const file of ['original-command.json', 'bybit-dryrun.json', 'bybit-dryrun.journal.jsonl']) writeFileSync(join(dir, file), readFileSync(`${ROOT}golden/${file}`, 'utf8'));
    const r = await runCli(['golden', 'check', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 case(s), 0 mismatch(es)');
    expect(r.stderr).toContain(`ok       bybit-dryrun (${join(dir, 'bybit-dryrun.journal.jsonl')})`);
    expect(r.stdout).toBe('');
  });

  it('exits 1 with a unified diff for a changed golden, and --update rewrites it to match', async () => {
    const dir = join(tmp, 'golden');
    mkdirSync(dir);
    const original = JSON.parse(readFileSync(`${ROOT}golden/cases.json`, 'utf8')).find((c: { name: string }) => c.name === 'original-command');
    writeFileSync(join(dir, 'cases.json'), JSON.stringify([original]));
    const good = readFileSync(`${ROOT}golden/original-command.json`, 'utf8');
    writeFileSync(join(dir, 'original-command.json'), good.replace('"placed": 6', '"placed": 7'));
    const bad = await runCli(['golden', 'check', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('MISMATCH original-command');
    expect(bad.stdout).toContain(`--- ${join(dir, 'original-command.json')}`);
    expect(bad.stdout).toContain('-    "placed": 7,');
    expect(bad.stdout).toContain('+    "placed": 6,');
    const update = await runCli(['golden', 'check', '--update', dir]);
    expect(update.code).toBe(0);
    expect(readFileSync(join(dir, 'original-command.json'), 'utf8')).toBe(good);
    expect((await runCli(['golden', 'check', dir])).code).toBe(0);
  });

  it('reports a case whose run fails as FAILED (exit code and its error, no stack trace) and still checks the others', async () => {
    const dir = join(tmp, 'failing');
    mkdirSync(dir);
    const original = JSON.parse(readFileSync(`${ROOT}golden/cases.json`, 'utf8')).find((c: { name: string }) => c.name === 'original-command');
    writeFileSync(join(dir, 'cases.json'), JSON.stringify([{ name: 'broken', description: 'bad flag', args: ['run', '--iterations', 'x'] }, original]));
    writeFileSync(join(dir, 'original-command.json'), readFileSync(`${ROOT}golden/original-command.json`, 'utf8'));
    const r = await runCliInProcess(['golden', 'check', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        "FAILED   broken: exit 2: error: --iterations 'x' is not allowed: expected a whole number from 1 to 1000000000",
        `ok       original-command (${join(dir, 'original-command.json')})`,
        '2 case(s), 0 mismatch(es), 1 failed to run',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toBe('');
  });

  it('exits 2 when the folder has no cases.json', async () => {
    const r = await runCli(['golden', 'check', join(tmp, 'nowhere')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
  });
});
