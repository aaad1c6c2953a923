// `shadow-exec compare A B`: the table on stderr, --json on stdout with exact deltas, --ignore, and the exit codes (0 equal, 1 different, 2 bad input).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { ROOT, runCli, runCliInProcess } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const golden = join(ROOT, 'golden/freeze.json');

describe('shadow-exec compare', () => {
  it('exits 0 and says equal for a report and itself', async () => {
    const result = await runCliInProcess(['compare', golden, golden]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`equal: ${golden} and ${golden} have the same keys and values\n`);
  });

  it('exits 1 and lists every difference with exact deltas as canonical JSON (--json)', async () => {
    const report = JSON.parse(readFileSync(golden, 'utf8')) as { pnl: { total: string }; fills: { count: number }; risk: { state: string } };
    const changed = structuredClone(report) as typeof report & { extra?: number };
    changed.pnl.total = '1.42326508';
    changed.fills.count = 39;
    changed.risk.state = 'ACTIVE';
    changed.extra = 1;
    const b = file('b.json', changed);
    const result = await runCliInProcess(['compare', golden, b, '--json', '--ignore', 'version']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      a: golden,
      b,
      equal: false,
      ignore: ['version'],
      counts: { added: 1, changed: 3, removed: 0 },
      changes: [
        { path: 'extra', kind: 'added', a: null, b: 1, delta: null, pct: null },
        { path: 'fills.count', kind: 'changed', a: 26, b: 39, delta: '13', pct: '50' },
        { path: 'pnl.total', kind: 'changed', a: '0.42326508', b: '1.42326508', delta: '1', pct: '236.26' },
        { path: 'risk.state', kind: 'changed', a: 'FROZEN', b: 'ACTIVE', delta: null, pct: null },
      ],
    });
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stderr).toContain('fills.count  26');
    expect(result.stderr).toMatch(/pnl\.total +0\.42326508 +1\.42326508 +\+1 +\+236\.26 %/);
    expect(result.stderr).toContain('different: 3 changed, 1 added, 0 removed');
  });

  it('leaves --ignore paths out: differences only there make the reports equal', async () => {
    const a = file('i-a.json', { version: '1', market_data: { timings: { ms: 5 } }, pnl: { total: '1' } });
    const b = file('i-b.json', { version: '2', market_data: { timings: { ms: 9 } }, pnl: { total: '1' } });
    expect((await runCliInProcess(['compare', a, b, '--quiet'])).code).toBe(1);
    const result = await runCliInProcess(['compare', a, b, '--ignore', 'version', '--ignore', 'market_data.timings']);
    expect(result.code).toBe(0);
  });

  it('exits 2 naming the file and why for a missing, non-JSON or non-object input, and a bad --ignore path', async () => {
    const missing = join(dir, 'nope.json');
    expect(await runCliInProcess(['compare', golden, missing])).toMatchObject({ code: 2, stderr: `error: compare: B: cannot read ${missing}: no such file\n` });
    const broken = file('broken.json', '{"pnl": {');
    expect(await runCliInProcess(['compare', broken, golden])).toMatchObject({ code: 2, stderr: `error: compare: A: ${broken} is not valid JSON: it ends early at line 1, column 10\n` });
    const list = file('list.json', '[1]');
    expect((await runCliInProcess(['compare', golden, list])).stderr).toBe(`error: compare: B: ${list} holds an array, not a JSON object (a shadow-exec report)\n`);
    expect((await runCliInProcess(['compare', golden, golden, '--ignore', 'pnl..total'])).code).toBe(2);
  });

  it('runs from the built CLI with a plain table when stderr is not a terminal', async () => {
    const result = await runCli(['compare', golden, file('c.json', { ...JSON.parse(readFileSync(golden, 'utf8')), seed: 43 })]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('\u001b[');
    expect(result.stderr).toMatch(/^seed +42 +43 +\+1 +\+2\.38 %$/m);
  });
});
