// `shadow-exec golden check [DIR]`: re-runs every recorded golden case through this build and diffs it against its files; `--update` rewrites them.
import { jsonSyntaxError } from '../../core/text/json-syntax-error.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { unifiedDiff } from '../../core/report/line-diff.js';
import { keyFreeEnv } from '../../secrets/key-free-env.js';
import { EXIT, type CliContext } from '../cli-context.js';

const run = promisify(execFile);
/** dist/src/cli/commands → the package root. */
const BIN = fileURLToPath(new URL('../../../../bin/shadow-exec.js', import.meta.url));


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
    .option('--update', 'rewrite every golden file from this build instead of comparing (review `git diff` afterwards)')
    .description('Re-run every case in DIR/cases.json with its recorded arguments (from the folder above DIR) and compare the report, and the request journal where recorded, byte for byte. Exit 0 when all match, 1 with a unified diff per mismatch or when a case fails to run (FAILED, with its exit code and error; the other cases still run). Runs never see a key variable (any venue, any api env): dry runs sign with the placeholder keys.')
    .action(async (dir: string, flags: { update?: boolean }) => {
      ctx.setExitCode(await check(resolve(dir), flags.update === true, ctx));
    });
  return golden;
}

async function check(dir: string, update: boolean, ctx: CliContext): Promise<number> {
  const cases = readCases(dir);
  // Goldens never depend on keys in the caller's environment: every key variable of every venue and api env (plain,
  // _DEV, _SHADOW, _SOAK, _PROD) is removed, so a dry run signs with the placeholder pair and no real key reaches golden/.
  const env = { ...keyFreeEnv(ctx.env), NO_COLOR: '1' };
  const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-golden-'));
  let mismatches = 0;
  let failures = 0;
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
      const stdout = outcome;
      const outputs: Array<readonly [string, string]> = [[join(dir, `${c.name}.json`), stdout]];
      if (c.journal) outputs.push([join(dir, `${c.name}.journal.jsonl`), readFileSync(journal, 'utf8')]);
      for (const [file, actual] of outputs) {
        if (update) {
          writeFileSync(file, actual);
          ctx.stderr.write(`updated ${file}\n`);
          continue;
        }
        let expected: string | null = null;
        try {
          expected = readFileSync(file, 'utf8');
        } catch {
          expected = null;
        }
        if (expected === actual) {
          ctx.stderr.write(`ok       ${c.name} (${file})\n`);
          continue;
        }
        mismatches++;
        ctx.stdout.write(`${unifiedDiff(expected ?? '', actual, { expected: file, actual: `this build (${c.name})` })}\n`);
        ctx.stderr.write(`MISMATCH ${c.name} (${file})${expected === null ? ': no golden file yet' : ''}\n`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (!update) ctx.stderr.write(`${cases.length} case(s), ${mismatches} mismatch(es)${failures === 0 ? '' : `, ${failures} failed to run`}\n`);
  else if (failures > 0) ctx.stderr.write(`${failures} case(s) failed to run: their golden files were left as they were\n`);
  return mismatches === 0 && failures === 0 ? EXIT.ok : EXIT.failure;
}
