// The README's and RUNBOOK's copy-paste recipes keep working: the GitHub Actions job (docs/ci/github-actions.yml, the same text in the README) runs its shadow-exec commands as written (in process, fewer iterations), `npm start` is silent wherever its stdout is kept, and every RUNBOOK block that writes into runs/ creates it first.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCliInProcess } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const yaml = readFileSync(`${ROOT}docs/ci/github-actions.yml`, 'utf8');
/** The job's `run:` commands, in order. */
const runLines = [...yaml.matchAll(/^\s*(?:- )?run: (.+)$/gm)].map((m) => m[1]!.trim());
/** shadow-exec's arguments in an `npx shadow-exec …` line (the recipe quotes nothing). */
const cliArgs = (line: string) => line.split(/\s+/).slice(2);

/** Fenced blocks of a markdown file: their language tag and lines. */
function blocks(markdown: string): Array<{ lang: string; lines: string[] }> {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, lines: m[2]!.split('\n') }));
}

describe('the GitHub Actions recipe (docs/ci/github-actions.yml)', () => {
  it('checks out, sets up Node 20, installs with npm ci, then runs a seeded run and the golden check', () => {
    expect(yaml).toMatch(/- uses: actions\/checkout@v\d+\n/);
    expect(yaml).toMatch(/- uses: actions\/setup-node@v\d+\n\s+with:\n\s+node-version: 20\n/);
    expect(runLines).toEqual(['npm ci', 'npx shadow-exec run --seed 7 --iterations 1000 --out report.json', 'npx shadow-exec golden check']);
  });

  it('is in the README word for word', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    expect(blocks(readme).filter((b) => b.lang === 'yaml').map((b) => b.lines.join('\n'))).toContain(yaml);
  });

  it('its seeded run is a run the CLI accepts: exit 0, the report in --out, nothing on stdout (here with 20 iterations)', async () => {
    const dir = join(tmp, 'run');
    mkdirSync(dir);
    const args = cliArgs(runLines[1]!);
    const at = args.indexOf('--iterations');
    expect(at).toBeGreaterThan(0);
    args[at + 1] = '20';
    const r = await runCliInProcess(args, { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect([report.seed, report.execution.iterations, report.execution.status]).toEqual([7, 20, 'completed']);
  });

  it('its golden check runs as written from the repository root (here on a golden/ folder with one case)', async () => {
    const dir = join(tmp, 'check');
    mkdirSync(join(dir, 'golden'), { recursive: true });
    const original = JSON.parse(readFileSync(`${ROOT}golden/cases.json`, 'utf8')).find((c: { name: string }) => c.name === 'original-command');
    writeFileSync(join(dir, 'golden', 'cases.json'), JSON.stringify([original]));
    writeFileSync(join(dir, 'golden', 'original-command.json'), readFileSync(`${ROOT}golden/original-command.json`, 'utf8'));
    const r = await runCliInProcess(cliArgs(runLines[2]!), { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`ok       original-command (${join(dir, 'golden', 'original-command.json')})\n1 case(s), 0 mismatch(es)\n`);
  });
});

describe('README and RUNBOOK recipes', () => {
  const docs = ['README.md', 'RUNBOOK_SHADOW.md'].map((name) => ({ name, text: readFileSync(`${ROOT}${name}`, 'utf8') }));

  it('say `npm start --silent` in every command that runs npm start (npm prints its banner to stdout, in front of the JSON)', () => {
    // Commands: fenced lines and inline code spans; the bare name `npm start` in prose is no command.
    const commands = docs.flatMap(({ name, text }) =>
      [...blocks(text).flatMap((b) => b.lines), ...[...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)]
        .filter((c) => c.includes('npm start') && c.trim() !== 'npm start')
        .map((c) => `${name}: ${c.trim()}`),
    );
    expect(commands.length).toBeGreaterThanOrEqual(2);
    expect(commands.filter((c) => /npm start(?! --silent)/.test(c))).toEqual([]);
  });

  it('create runs/ before a command block writes into it (--out and --journal refuse a missing folder)', () => {
    const writers = docs.flatMap(({ name, text }) =>
      blocks(text)
        .filter((b) => b.lang === 'sh')
        .filter((b) => b.lines.some((l) => /--(out|journal) runs\//.test(l)))
        .map((b) => ({ name, first: b.lines.findIndex((l) => /--(out|journal) runs\//.test(l)), mkdir: b.lines.indexOf('mkdir -p runs') })),
    );
    expect(writers.length).toBeGreaterThanOrEqual(2);
    for (const w of writers) expect(w.mkdir, `${w.name}: block writing into runs/ at its line ${w.first + 1}`).toBeGreaterThanOrEqual(0);
    for (const w of writers) expect(w.mkdir).toBeLessThan(w.first);
  });
});
