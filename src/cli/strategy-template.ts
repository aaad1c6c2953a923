// The files `shadow-exec init strategy NAME` writes: the documented example plug-in (examples/strategies/quote-mid.mjs, renamed) and a vitest test that runs it through the CLI.
import { readFileSync } from 'node:fs';
import { packagePath } from './package-info.js';

/** The shipped example plug-in, the one file `init strategy` copies (renamed), so the two never drift apart. */
const EXAMPLE_PATH = 'examples/strategies/quote-mid.mjs';
const EXAMPLE_NAME = 'quote-mid';

/** Its test. */
const TEST = `// __NAME__.test.mjs: runs the __NAME__ strategy through the shadow-exec CLI on a seeded synthetic market and checks what it did.
// Run it: npx vitest run __NAME__.test.mjs   (SHADOW_EXEC_BIN may name the CLI: a path to bin/shadow-exec.js, or a command)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = process.env.SHADOW_EXEC_BIN ?? 'shadow-exec';
const STRATEGY = fileURLToPath(new URL('./__NAME__.mjs', import.meta.url));

/** \`shadow-exec run ARGS… --quiet\`: exit code and the parsed report. */
function run(args) {
  const [command, prefix] = BIN.endsWith('.js') ? [process.execPath, [BIN]] : [BIN, []];
  const result = spawnSync(command, [...prefix, 'run', ...args, '--quiet'], { encoding: 'utf8' });
  return { code: result.status, report: result.stdout === '' ? null : JSON.parse(result.stdout), stderr: result.stderr };
}

describe('__NAME__', () => {
  it('quotes both sides and gets filled on a seeded synthetic market, the same bytes every run', () => {
    const args = ['--strategy', STRATEGY, '--iterations', '2000', '--seed', '7', '--check-determinism'];
    const { code, report, stderr } = run(args);
    expect(code, stderr).toBe(0);
    expect(report.model.strategy.name).toBe('__NAME__');
    expect(report.orders.placed).toBeGreaterThan(0);
    expect(report.fills.count).toBeGreaterThan(0);
    expect(report.execution.status).toBe('completed');
  });

  it('refuses a parameter outside its declared range (exit 2, naming it)', () => {
    const { code, stderr } = run(['--strategy', STRATEGY, '--strategy-params', '{"spreadBps":0}']);
    expect(code).toBe(2);
    expect(stderr).toContain("parameter 'spreadBps' = 0 is not allowed");
  });
});
`;

/** A strategy name: lower-case letters, digits and dashes, starting with a letter (it names the files and the report's model.strategy.name). */
export const STRATEGY_NAME = /^[a-z][a-z0-9-]{0,63}$/;

export function strategyPluginSource(name: string): string {
  return readFileSync(packagePath(EXAMPLE_PATH), 'utf8').replaceAll(EXAMPLE_NAME, name);
}

export function strategyTestSource(name: string): string {
  return TEST.replaceAll('__NAME__', name);
}
