// End-to-end tests of `shadow-exec init strategy NAME` (in process): the files it writes, that the plug-in runs through the CLI, and its refusals.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runCliInProcess } from '../helpers/cli.js';
import { strategyPluginSource } from '../../src/cli/strategy-template.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shadow-exec-init-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('init strategy', () => {
  it('writes the example plug-in under the given name: examples/strategies/quote-mid.mjs is its quote-mid instance byte for byte', () => {
    expect(strategyPluginSource('quote-mid')).toBe(readFileSync(join(ROOT, 'examples/strategies/quote-mid.mjs'), 'utf8'));
  });

  it('writes NAME.mjs and NAME.test.mjs; the plug-in runs through the CLI and names itself in the report', async () => {
    const init = await runCliInProcess(['init', 'strategy', 'my-mm', '--dir', dir]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('my-mm.mjs and');
    const test = await readFile(join(dir, 'my-mm.test.mjs'), 'utf8');
    expect(test).toContain("new URL('./my-mm.mjs', import.meta.url)");
    const run = await runCliInProcess(['run', '--strategy', join(dir, 'my-mm.mjs'), '--iterations', '1000', '--quiet']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.model.strategy).toMatchObject({ name: 'my-mm', version: '1.0.0', parameters: { spreadBps: 20, notionalUsd: 500, requoteBps: 2 } });
    expect(report.fills.count).toBeGreaterThan(0);
  });

  it('never overwrites a file and refuses a name that is not lower-case letters, digits and dashes (exit 2)', async () => {
    expect((await runCliInProcess(['init', 'strategy', 'mm', '--dir', dir])).code).toBe(0);
    const again = await runCliInProcess(['init', 'strategy', 'mm', '--dir', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('mm.mjs exists; remove it or choose another name (nothing was written)');
    const bad = await runCliInProcess(['init', 'strategy', 'My_MM', '--dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("init strategy 'My_MM' is not allowed");
  });
});
