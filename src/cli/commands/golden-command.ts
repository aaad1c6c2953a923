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
import { EXIT, type CliContext } from '../cli-context.js';

const run = promisify(execFile);
/** dist/src/cli/commands → the package root. */
const BIN = fileURLToPath(new URL('../../../../bin/shadow-exec.js', import.meta.url));

/** Goldens never depend on keys in the caller's environment: dry runs sign with the placeholder pair. */
const NO_KEYS = ['BYBIT', 'BINANCE'].flatMap((v) =>
  (v === 'BYBIT' ? ['BYBIT_API_KEY', 'BYBIT_API_SECRET'] : ['BINANCE_API_KEY', 'BINANCE_SECRET_KEY']).flatMap((k) => [k, `${k}_DEV`]),
);

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
  });
  return parsed as GoldenCase[];
}

export function goldenCommand(ctx: CliContext): Command {
  const golden = new Command('golden').description('Golden reports: check this build against them (CI smoke test), or rewrite them on purpose.');
  golden
    .command('check')
    .argument('[dir]', 'folder holding cases.json and the golden files', 'golden')
    .option('--update', 'rewrite every golden file from this build instead of comparing (review `git diff` afterwards)')
    .description('Re-run every case in DIR/cases.json with its recorded arguments (from the folder above DIR) and compare the report, and the request journal where recorded, byte for byte. Exit 0 when all match, 1 with a unified diff per mismatch.')
    .action(async (dir: string, flags: { update?: boolean }) => {
      ctx.setExitCode(await check(resolve(dir), flags.update === true, ctx));
    });
  return golden;
}

async function check(dir: string, update: boolean, ctx: CliContext): Promise<number> {
  const cases = readCases(dir);
  const env = { ...ctx.env, NO_COLOR: '1', ...Object.fromEntries(NO_KEYS.map((k) => [k, ''])) };
  const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-golden-'));
  let mismatches = 0;
  try {
    for (const c of cases) {
      const journal = join(tmp, `${c.name}.journal.jsonl`);
      const args = [BIN, ...c.args, ...(c.journal ? ['--journal', journal] : []), '--quiet'];
      const { stdout } = await run(process.execPath, args, { cwd: dirname(dir), env, maxBuffer: 256 * 1024 * 1024 });
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
  if (!update) ctx.stderr.write(`${cases.length} case(s), ${mismatches} mismatch(es)\n`);
  return mismatches === 0 ? EXIT.ok : EXIT.failure;
}
