// Covers how a rehearsal names a bad run value: the scenario field's JSON path (run.fillRate, market.volatilityBps), never the CLI flag.
import { describe, expect, it } from 'vitest';
import { ShadowExecError, UsageError } from '../../src/core/errors/shadow-exec-error.js';
import { rehearse } from '../../src/scenario/scenario-runner.js';
import { asScenarioError, scenarioPathOfFlag } from '../../src/scenario/scenario-run-errors.js';
import { ScenarioError } from '../../src/scenario/scenario-fields.js';
import { validateScenario } from '../../src/scenario/scenario-validate.js';
import { thrown } from '../helpers/thrown.js';

const TOOL = { name: 'shadow-exec', version: 'test' };

function withRun(run: Record<string, unknown>, market: Record<string, unknown> = { kind: 'synthetic' }) {
  return validateScenario({ name: 'bad-run', description: 'x', run: { iterations: '10', ...run }, market, timeline: [], expect: [{ type: 'report', path: 'orders.open_at_end', equals: 0 }] });
}

async function rehearsalError(run: Record<string, unknown>, market?: Record<string, unknown>): Promise<ScenarioError> {
  const error = await rehearse(withRun(run, market), TOOL).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScenarioError);
  return error as ScenarioError;
}

describe('scenarioPathOfFlag', () => {
  it.each([
    ['--fill-rate', 'run.fillRate'],
    ['--spread-bps', 'run.spreadBps'],
    ['--no-throttle', 'run.throttle'],
    ['--feed', 'market.file'],
    ['--volatility-bps', 'market.volatilityBps'],
    ['--out', null],
    ['--no-network', null],
  ])('%s → %s', (flag, path) => {
    expect(scenarioPathOfFlag(flag)).toBe(path);
  });
});

describe('rehearse: bad run values name their JSON path', () => {
  it('run.fillRate out of range', async () => {
    const e = await rehearsalError({ fillRate: '2' });
    expect([e.code, e.path, e.message]).toEqual(['E_SCENARIO', 'run.fillRate', "run.fillRate: '2' is not allowed: expected a decimal from 0 to 1 with at most 6 decimal places"]);
  });

  it('two fields in one message: run.reduceAtDrawdown against run.maxDrawdown', async () => {
    const e = await rehearsalError({ reduceAtDrawdown: '100', maxDrawdown: '50' });
    expect([e.path, e.message]).toEqual(['run.reduceAtDrawdown', "run.reduceAtDrawdown: '100' must be below run.maxDrawdown '50'"]);
  });

  it('a symbol the venue does not list (raised while composing the run)', async () => {
    const e = await rehearsalError({ exchange: 'bybit', symbols: 'FOOUSDT' });
    expect(e.path).toBe('run.symbols');
    expect(e.message).toMatch(/^run\.symbols: 'FOOUSDT' is not a symbol of Bybit linear/);
  });

  it('a replay market whose file cannot be read: market.file', async () => {
    const e = await rehearsalError({}, { kind: 'replay', file: 'no-such-recording.jsonl' });
    expect([e.path, e.message]).toEqual(['market.file', "market.file: replay file 'no-such-recording.jsonl' cannot be read: no such file or directory (ENOENT)"]);
  });

  it('a market field: market.volatilityBps', async () => {
    const e = await rehearsalError({}, { kind: 'synthetic', volatilityBps: 'x' });
    expect(e.path).toBe('market.volatilityBps');
    expect(e.message).not.toContain('--');
  });
});

describe('asScenarioError', () => {
  it('leaves errors that name no scenario field, and I/O errors, as they were', () => {
    const plain = new UsageError('something without a flag');
    expect(asScenarioError(plain)).toBe(plain);
    const io = new ShadowExecError('E_REPORT_WRITE', 'cannot write --out');
    expect(asScenarioError(io)).toBe(io);
    expect(
      thrown(() => {
        throw asScenarioError(new UsageError("--out 'x' is a directory"));
      }),
    ).toEqual({ name: 'UsageError', code: 'E_USAGE', message: "--out 'x' is a directory" });
  });
});
