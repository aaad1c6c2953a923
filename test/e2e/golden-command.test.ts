// End-to-end `shadow-exec golden check [DIR]` (one spawned smoke test, as CI runs it; the rest in process) on a few cases: matching goldens pass, a tampered one exits 1 with its diff -u hunks, --update rewrites only what differs, orphan golden files are warned about; key variables in the environment never reach a golden. golden.test.ts checks every case.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
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

  it('exits 1 with a diff -u hunk (3 lines of context) for a changed golden, and --update rewrites only that file', async () => {
    const dir = join(tmp, 'golden');
    mkdirSync(dir);
    const original = JSON.parse(readFileSync(`${ROOT}golden/cases.json`, 'utf8')).find((c: { name: string }) => c.name === 'original-command');
    // A second, untouched case (the same cheap run under another name).
    writeFileSync(join(dir, 'cases.json'), JSON.stringify([original, { ...original, name: 'same' }]));
    const good = readFileSync(`${ROOT}golden/original-command.json`, 'utf8');
    writeFileSync(join(dir, 'original-command.json'), good.replace('"placed": 6', '"placed": 7'));
    writeFileSync(join(dir, 'same.json'), good);
    const file = join(dir, 'original-command.json');
    const lines = good.split('\n');
    const at = lines.indexOf('    "placed": 6,');
    expect(at).toBeGreaterThan(3);
    const bad = await runCliInProcess(['golden', 'check', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe(
      [
        `--- ${file}`,
        '+++ this build (original-command)',
        `@@ -${at - 2},7 +${at - 2},7 @@`,
        ...lines.slice(at - 3, at).map((l) => ` ${l}`),
        '-    "placed": 7,',
        '+    "placed": 6,',
        ...lines.slice(at + 1, at + 4).map((l) => ` ${l}`),
        '',
      ].join('\n'),
    );
    expect(bad.stderr).toBe([`MISMATCH original-command (${file})`, `ok       same (${join(dir, 'same.json')})`, '2 case(s), 1 mismatch(es)', ''].join('\n'));
    const update = await runCliInProcess(['golden', 'check', '--update', dir]);
    expect(update.code).toBe(0);
    expect(update.stderr).toBe([`updated  original-command (${file})`, '2 case(s): 1 file(s) updated, 1 unchanged', ''].join('\n'));
    expect(readFileSync(file, 'utf8')).toBe(good);
    const again = await runCliInProcess(['golden', 'check', '--update', dir]);
    expect(again.stderr).toBe('2 case(s): 0 file(s) updated, 2 unchanged\n');
    expect((await runCliInProcess(['golden', 'check', dir])).code).toBe(0);
  });

  it('--update creates a missing golden file and says so; check shows it as all-added lines', async () => {
    const dir = join(tmp, 'missing');
    mkdirSync(dir);
    const original = JSON.parse(readFileSync(`${ROOT}golden/cases.json`, 'utf8')).find((c: { name: string }) => c.name === 'original-command');
    writeFileSync(join(dir, 'cases.json'), JSON.stringify([original]));
    const file = join(dir, 'original-command.json');
    const good = readFileSync(`${ROOT}golden/original-command.json`, 'utf8');
    const missing = await runCliInProcess(['golden', 'check', dir]);
    expect(missing.code).toBe(1);
    const count = good.split('\n').length - 1;
    expect(missing.stdout.split('\n').slice(0, 4)).toEqual([`--- ${file}`, '+++ this build (original-command)', `@@ -0,0 +1,${count} @@`, '+{']);
    expect(missing.stderr).toBe(`MISMATCH original-command (${file}): no golden file yet\n1 case(s), 1 mismatch(es)\n`);
    const update = await runCliInProcess(['golden', 'check', '--update', dir]);
    expect(update.stderr).toBe(`created  original-command (${file})\n1 case(s): 1 file(s) updated, 0 unchanged\n`);
    expect(readFileSync(file, 'utf8')).toBe(good);
  });

  it('warns about each orphan golden file (a report or journal no case writes) without failing the check or deleting it', async () => {
    const dir = join(tmp, 'orphans');
    mkdirSync(dir);
    mkdirSync(join(dir, 'old.json'));
    const original = JSON.parse(readFileSync(`${ROOT}golden/cases.json`, 'utf8')).find((c: { name: string }) => c.name === 'original-command');
    writeFileSync(join(dir, 'cases.json'), JSON.stringify([original]));
    const good = readFileSync(`${ROOT}golden/original-command.json`, 'utf8');
    writeFileSync(join(dir, 'original-command.json'), good);
    // A journal for a case that records none, a renamed case's report, and files that are no goldens (left alone).
    for (const name of ['original-command.journal.jsonl', 'renamed-case.json', 'notes.txt', 'data.jsonl']) writeFileSync(join(dir, name), '{}\n');
    const warnings = [
      `warning: orphan golden file ${join(dir, 'original-command.journal.jsonl')}: no case in cases.json writes it (delete it, or add its case back)`,
      `warning: orphan golden file ${join(dir, 'renamed-case.json')}: no case in cases.json writes it (delete it, or add its case back)`,
    ];
    const r = await runCliInProcess(['golden', 'check', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe([`ok       original-command (${join(dir, 'original-command.json')})`, ...warnings, '1 case(s), 0 mismatch(es), 2 orphan file(s)', ''].join('\n'));
    const update = await runCliInProcess(['golden', 'check', '--update', dir]);
    expect(update.code).toBe(0);
    expect(update.stderr).toBe([...warnings, '1 case(s): 0 file(s) updated, 1 unchanged, 2 orphan file(s)', ''].join('\n'));
    expect(readdirSync(dir).sort()).toEqual(['cases.json', 'data.jsonl', 'notes.txt', 'old.json', 'original-command.journal.jsonl', 'original-command.json', 'renamed-case.json']);
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

  it('signs with the placeholder keys only, whatever key variables the environment holds (every api env, both venues)', async () => {
    const all = JSON.parse(readFileSync(`${ROOT}golden/cases.json`, 'utf8')) as Array<{ name: string; args: string[]; journal?: boolean }>;
    const base = (name: string) => all.find((c) => c.name === name)!;
    const cases = [
      { ...base('bybit-dryrun'), name: 'bybit-prod', args: [...base('bybit-dryrun').args, '--api-env', 'prod'] },
      { ...base('bybit-dryrun'), name: 'bybit-soak', args: [...base('bybit-dryrun').args, '--api-env', 'soak'] },
      { ...base('binance-usdm-dryrun'), name: 'binance-shadow', args: [...base('binance-usdm-dryrun').args, '--api-env', 'shadow'] },
      { ...base('binance-usdm-dryrun'), name: 'binance-prod', args: [...base('binance-usdm-dryrun').args, '--api-env', 'prod'] },
    ];
    const MARKER = 'MARKERKEYREAL';
    const marked: NodeJS.ProcessEnv = {};
    const cleared: NodeJS.ProcessEnv = {};
    for (const name of ['BYBIT_API_KEY', 'BYBIT_API_SECRET', 'BINANCE_API_KEY', 'BINANCE_SECRET_KEY']) {
      for (const suffix of ['', '_DEV', '_SHADOW', '_SOAK', '_PROD']) {
        marked[name + suffix] = `${MARKER}${name}${suffix}0123456789`;
        cleared[name + suffix] = undefined;
      }
    }
    const withKeys = join(tmp, 'with-keys');
    const withoutKeys = join(tmp, 'without-keys');
    for (const dir of [withKeys, withoutKeys]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
    }
    expect((await runCliInProcess(['golden', 'check', '--update', withKeys], { env: marked })).code).toBe(0);
    expect((await runCliInProcess(['golden', 'check', '--update', withoutKeys], { env: cleared })).code).toBe(0);
    const files = readdirSync(withKeys).filter((f) => f !== 'cases.json').sort();
    expect(files).toEqual(cases.flatMap((c) => [`${c.name}.journal.jsonl`, `${c.name}.json`]).sort());
    for (const file of files) {
      const text = readFileSync(join(withKeys, file), 'utf8');
      expect(text, file).not.toContain(MARKER);
      // maskKey shows a key's first 3 characters: not even those of the marker key.
      expect(text, file).not.toContain(`${MARKER.slice(0, 3)}…`);
      expect(text, file).toBe(readFileSync(join(withoutKeys, file), 'utf8'));
    }
    expect(readFileSync(join(withKeys, 'bybit-prod.json'), 'utf8')).toContain('"source": "placeholder"');
    const check = await runCliInProcess(['golden', 'check', withKeys], { env: marked });
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('4 case(s), 0 mismatch(es)');
  });

  it('refuses a case that passes --secrets (exit 2)', async () => {
    const dir = join(tmp, 'secrets-case');
    mkdirSync(dir);
    writeFileSync(join(dir, 'cases.json'), JSON.stringify([{ name: 'x', args: ['run', '--secrets', 'keys.json'] }]));
    const r = await runCliInProcess(['golden', 'check', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: golden: ${join(dir, 'cases.json')} [0] passes --secrets: golden runs sign with the placeholder keys only\n`);
  });

  it('exits 2 when the folder has no cases.json', async () => {
    const r = await runCliInProcess(['golden', 'check', join(tmp, 'nowhere')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: golden: cannot read ${join(tmp, 'nowhere', 'cases.json')}: ENOENT\n`);
  });
});
