// End-to-end tests of `run --config FILE.json` in process: file values applied, typed flags win, config.sources and config_file in the report, and every kind of mistake a one-line exit 2.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-run-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes `text` (or JSON of `doc`) to a fresh file in the temp dir and returns its path. */
function configFile(name: string, doc: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path;
}

const ISSUE_EXAMPLE = { iterations: 7, symbols: ['ETHUSDT'], spreadBps: 40 };

/** The report without the keys only --config adds: what the same values typed as flags print. */
function withoutProvenance(stdout: string): unknown {
  const report = JSON.parse(stdout);
  delete report.config.config_file;
  delete report.config.sources;
  return report;
}

describe('run --config: values', () => {
  it('applies the file: the report equals the one of the same values typed as flags, plus config_file and sources', async () => {
    const path = configFile('issue.json', ISSUE_EXAMPLE);
    const fromFile = await runCliInProcess(['run', '--config', path, '--quiet']);
    const fromFlags = await runCliInProcess(['run', '--iterations', '7', '--symbols', 'ETHUSDT', '--spread-bps', '40', '--quiet']);
    expect(fromFile.code).toBe(0);
    expect(fromFlags.code).toBe(0);
    const report = JSON.parse(fromFile.stdout);
    expect(report.config.iterations).toBe(7);
    expect(report.config.symbols).toEqual(['ETHUSDT']);
    expect(report.config.spread_bps).toBe('40');
    expect(withoutProvenance(fromFile.stdout)).toEqual(JSON.parse(fromFlags.stdout));
  });

  it('lets a typed flag override the file, and says so in config.sources', async () => {
    const path = configFile('override.json', ISSUE_EXAMPLE);
    const result = await runCliInProcess(['run', '--config', path, '--iterations', '4', '--seed', '9', '--quiet']);
    expect(result.code).toBe(0);
    const config = JSON.parse(result.stdout).config;
    expect(config.iterations).toBe(4);
    expect(config.seed).toBe(9);
    expect(config.spread_bps).toBe('40');
    expect(config.sources).toEqual({ iterations: 'flag', seed: 'flag', spreadBps: 'file', symbols: 'file' });
  });

  it('names the file by base name and SHA-256 of its bytes', async () => {
    const text = JSON.stringify(ISSUE_EXAMPLE, null, 2);
    const path = configFile('named.json', text);
    const result = await runCliInProcess(['run', '--config', path, '--quiet']);
    expect(JSON.parse(result.stdout).config.config_file).toEqual({ name: 'named.json', sha256: createHash('sha256').update(text).digest('hex') });
  });

  it('adds neither config_file nor sources without --config (golden reports keep their bytes)', async () => {
    const result = await runCliInProcess(['run', '--iterations', '3', '--spread-bps', '40', '--quiet']);
    const config = JSON.parse(result.stdout).config;
    expect(config).not.toHaveProperty('sources');
    expect(config).not.toHaveProperty('config_file');
  });

  it('applies switches and output options from the file: quiet, no throttle, out', async () => {
    const out = join(tmp, 'switches-report.json');
    const path = configFile('switches.json', { iterations: 3, throttle: false, quiet: true, out });
    const result = await runCliInProcess(['run', '--config', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    const config = JSON.parse(readFileSync(out, 'utf8')).config;
    expect(config.throttle).toBe(false);
    expect(config.sources).toEqual({ iterations: 'file', throttle: 'file' });
  });

  it('runs examples/run-config.json: every value from the file', async () => {
    const result = await runCliInProcess(['run', '--config', 'examples/run-config.json', '--quiet']);
    expect(result.code).toBe(0);
    const config = JSON.parse(result.stdout).config;
    expect(config.exchange).toBe('binance');
    expect(config.symbols).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(config.start_prices).toEqual({ BTCUSDT: '95000', ETHUSDT: '3400' });
    expect(config.volatility_bps).toEqual({ BTCUSDT: '1.5', ETHUSDT: '1.5' });
    expect(config.config_file.name).toBe('run-config.json');
    expect(Object.values(config.sources).every((s) => s === 'file')).toBe(true);
    expect(Object.keys(config.sources)).toHaveLength(19);
  });
});

describe('run --config: mistakes exit 2 in one line', () => {
  async function usage(args: readonly string[]): Promise<string> {
    const result = await runCliInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    return result.stderr;
  }

  it('names an unknown key and the option it most likely meant', async () => {
    const path = configFile('unknown.json', { iterations: 7, spredBps: 40 });
    expect(await usage(['run', '--config', path])).toBe(`error: --config '${path}': spredBps: unknown option: did you mean spreadBps?\n`);
  });

  it('names the JSON path of a bad value, not the flag', async () => {
    const path = configFile('bad-value.json', { spreadBps: 0 });
    expect(await usage(['run', '--config', path])).toBe(
      `error: --config '${path}': spreadBps: '0' is not allowed: expected a decimal greater than 0 and at most 10000 with at most 3 decimal places\n`,
    );
  });

  it('names the flag when the bad value was typed, even with a file', async () => {
    const path = configFile('good.json', ISSUE_EXAMPLE);
    expect(await usage(['run', '--config', path, '--spread-bps', '-3'])).toBe(
      "error: --spread-bps '-3' is not allowed: expected a decimal greater than 0 and at most 10000 with at most 3 decimal places\n",
    );
  });

  it('names the path of a mistyped value', async () => {
    const path = configFile('bad-type.json', { symbols: ['BTCUSDT', 7] });
    expect(await usage(['run', '--config', path])).toBe(`error: --config '${path}': symbols[1]: expected a non-empty string without commas (one item per element), got 7\n`);
  });

  it('gives line and column of a syntax error and never echoes the file', async () => {
    const path = configFile('syntax.json', '{\n  "iterations": 7,\n  "seed": sk_live_abc\n}');
    const stderr = await usage(['run', '--config', path]);
    expect(stderr).toBe(`error: --config '${path}': (top level): expected JSON text, got not valid JSON: unexpected character at line 3, column 11\n`);
    expect(stderr).not.toContain('sk_live');
  });

  it('says why a missing file cannot be read', async () => {
    expect(await usage(['run', '--config', join(tmp, 'absent.json')])).toMatch(/^error: --config '.*absent\.json' cannot be read: .*\(ENOENT\)\n$/);
  });

  it('refuses --out naming the config file, leaving it as it was', async () => {
    const path = configFile('self.json', ISSUE_EXAMPLE);
    expect(await usage(['run', '--config', path, '--out', path])).toContain('--config');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(ISSUE_EXAMPLE);
  });
});

describe('run --help', () => {
  it('documents --config with an example', async () => {
    const result = await runCliInProcess(['run', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--config <file>');
    expect(result.stdout).toContain('$ shadow-exec run --config examples/run-config.json --seed 9');
  });
});
