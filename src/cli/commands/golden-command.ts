// `shadow-exec golden check [DIR]`: re-runs every recorded golden case through this build and diffs it against its files; `--update` rewrites them.
import { jsonSyntaxError } from '../../core/text/json-syntax-error.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { unifiedDiff } from '../../core/report/line-diff.js';
import { keyFreeEnv } from '../../secrets/key-free-env.js';
import { credentialNames } from '../../app/venue-registry.js';
import { EXIT, type CliContext } from '../cli-context.js';
import { packagePath } from '../package-info.js';

const run = promisify(execFile);
/** dist/src/cli/commands → the package root. */
const BIN = packagePath('bin/shadow-exec.js');
/** Most diff lines printed per mismatching file (after its two label lines); `--update` and `git diff` show all of it. */
const DIFF_LINES = 400;

interface GoldenCase {
  readonly name: string;
  readonly description: string;
  readonly args: readonly string[];
  readonly journal?: boolean;
}

function readCases(dir: string): GoldenCase[] {
  const file = join(dir, 'cases.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`golden: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`golden: ${file} is ${jsonSyntaxError(text)}`);
  }
  if (!Array.isArray(parsed)) throw new UsageError(`golden: ${file} must hold an array of cases`);
  parsed.forEach((c: unknown, i) => {
    const ok = typeof c === 'object' && c !== null && typeof (c as GoldenCase).name === 'string' && Array.isArray((c as GoldenCase).args);
    if (!ok) throw new UsageError(`golden: ${file} [${i}] needs a string "name" and an "args" array`);
    if ((c as GoldenCase).args.some((a) => a === '--secrets' || String(a).startsWith('--secrets='))) {
      throw new UsageError(`golden: ${file} [${i}] passes --secrets: golden runs sign with the placeholder keys only`);
    }
  });
  return parsed as GoldenCase[];
}

/** A case's report (stdout), or why its run failed: exit code and the first line of its stderr. */
async function runCase(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string | { why: string }> {
  try {
    return (await run(process.execPath, args as string[], { cwd, env, maxBuffer: 256 * 1024 * 1024 })).stdout;
  } catch (error) {
    const e = error as { code?: number | string; signal?: string | null; stderr?: string };
    const said = (e.stderr ?? '').split('\n').find((line) => line.trim().length > 0) ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
    const how = typeof e.code === 'number' ? `exit ${e.code}` : e.signal ? `killed by ${e.signal}` : String(e.code ?? 'did not run');
    return { why: `${how}: ${said}` };
  }
}

export function goldenCommand(ctx: CliContext): Command {
  const golden = new Command('golden').description('Golden reports: check this build against them (CI smoke test), or rewrite them on purpose.');
  golden
    .command('check')
    .argument('[dir]', 'folder holding cases.json and the golden files', 'golden')
    .option('--update', 'rewrite, from this build, the golden files that differ instead of comparing; names each file it writes and counts the unchanged (review `git diff` afterwards)')
    .description('Re-run every case in DIR/cases.json with its recorded arguments (from the folder above DIR) and compare the report, and the request journal where recorded, byte for byte. Exit 0 when all match, 1 with a unified diff (diff -u, 3 lines of context, at most 400 lines per file) per mismatch or when a case fails to run (FAILED, with its exit code and error; the other cases still run). A *.json or *.journal.jsonl file in DIR that no case writes is named in a warning (orphan golden file) and does not change the exit code. Runs never see a key variable (any venue, any api env): dry runs sign with the placeholder keys.')
    .action(async (dir: string, flags: { update?: boolean }) => {
      ctx.setExitCode(await check(resolve(dir), flags.update === true, ctx));
    });
  return golden;
}

/** The golden files a case owns: its report, and its request journal when it records one. */
function filesOf(c: GoldenCase): string[] {
  return [`${c.name}.json`, ...(c.journal ? [`${c.name}.journal.jsonl`] : [])];
}

/** Golden-looking files (`*.json`, `*.journal.jsonl`, not cases.json) in DIR that no case writes, sorted by name. */
function orphansIn(dir: string, cases: readonly GoldenCase[]): string[] {
  const owned = new Set(['cases.json', ...cases.flatMap(filesOf)]);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && (e.name.endsWith('.json') || e.name.endsWith('.journal.jsonl')) && !owned.has(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

async function check(dir: string, update: boolean, ctx: CliContext): Promise<number> {
  const cases = readCases(dir);
  // Goldens never depend on keys in the caller's environment: every key variable of every venue and api env (plain,
  // _DEV, _SHADOW, _SOAK, _PROD) is removed, so a dry run signs with the placeholder pair and no real key reaches golden/.
  const env = { ...keyFreeEnv(ctx.env, credentialNames().values()), NO_COLOR: '1' };
  const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-golden-'));
  let mismatches = 0;
  let failures = 0;
  let updated = 0;
  let unchanged = 0;
  try {
    for (const c of cases) {
      const journal = join(tmp, `${c.name}.journal.jsonl`);
      const args = [BIN, ...c.args, ...(c.journal ? ['--journal', journal] : []), '--quiet'];
      const outcome = await runCase(args, dirname(dir), env);
      if (typeof outcome !== 'string') {
        // A case whose run fails is a failed case, not the end of the check: say why and go on with the others.
        failures++;
        ctx.stderr.write(`FAILED   ${c.name}: ${outcome.why}\n`);
        continue;
      }
      const actuals = [outcome, ...(c.journal ? [readFileSync(journal, 'utf8')] : [])];
      filesOf(c).forEach((name, i) => {
        const file = join(dir, name);
        const actual = actuals[i]!;
        const expected = readOrNull(file);
        if (expected === actual) {
          unchanged++;
          // --update names only what it rewrote; check lists every match.
          if (!update) ctx.stderr.write(`ok       ${c.name} (${file})\n`);
          return;
        }
        if (update) {
          writeFileSync(file, actual);
          updated++;
          ctx.stderr.write(`${expected === null ? 'created' : 'updated'}  ${c.name} (${file})\n`);
          return;
        }
        mismatches++;
        ctx.stdout.write(`${unifiedDiff(expected ?? '', actual, { expected: file, actual: `this build (${c.name})` }, { maxLines: DIFF_LINES })}\n`);
        ctx.stderr.write(`MISMATCH ${c.name} (${file})${expected === null ? ': no golden file yet' : ''}\n`);
      });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Leftovers of a renamed or removed case: named so they can be deleted, but not a failure (nothing this build does
  // differs from a golden) and never deleted here.
  const orphans = orphansIn(dir, cases);
  for (const name of orphans) ctx.stderr.write(`warning: orphan golden file ${join(dir, name)}: no case in cases.json writes it (delete it, or add its case back)\n`);
  const orphanNote = orphans.length === 0 ? '' : `, ${orphans.length} orphan file(s)`;
  const failedNote = failures === 0 ? '' : `, ${failures} failed to run`;
  if (!update) ctx.stderr.write(`${cases.length} case(s), ${mismatches} mismatch(es)${failedNote}${orphanNote}\n`);
  else {
    ctx.stderr.write(`${cases.length} case(s): ${updated} file(s) updated, ${unchanged} unchanged${failedNote}${orphanNote}\n`);
    if (failures > 0) ctx.stderr.write(`the golden files of the case(s) that failed to run were left as they were\n`);
  }
  return mismatches === 0 && failures === 0 ? EXIT.ok : EXIT.failure;
}
