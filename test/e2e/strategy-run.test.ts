// End-to-end tests of `run --strategy` through the CLI, in process: a plug-in's exact fills on a replay, risk denials, a freeze, a throwing plug-in, parameter validation and built-ins.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCliInProcess } from '../helpers/cli.js';

type Report = any;

const EXAMPLE = './examples/strategies/quote-mid.mjs';
const FIXTURES = './test/fixtures/strategies';
const golden = (name: string): Report => JSON.parse(readFileSync(join(ROOT, 'golden', `${name}.json`), 'utf8'));
const goldenArgs = (name: string): string[] => (JSON.parse(readFileSync(join(ROOT, 'golden', 'cases.json'), 'utf8')) as { name: string; args: string[] }[]).find((c) => c.name === name)!.args;

async function run(args: readonly string[]): Promise<{ code: number | null; report: Report; stderr: string }> {
  const result = await runCliInProcess([...args, '--quiet']);
  return { code: result.code, report: result.stdout === '' ? null : JSON.parse(result.stdout), stderr: result.stderr };
}

describe('run --strategy PLUGIN', () => {
  it('fills the example plug-in on the Binance replay exactly as the built-in symmetric quoter (one partial maker fill of 58 NKN at 0.3528)', async () => {
    const args = goldenArgs('replay-binance-nknusdt-trade-through');
    const { code, report } = await run([...args, '--strategy', EXAMPLE, '--strategy-params', '{"spreadBps":14}']);
    expect(code).toBe(0);
    expect(report.fills).toEqual(golden('replay-binance-nknusdt-trade-through').fills);
    expect(report.fills.recent[0]).toMatchObject({ side: 'SELL', qty: '58', price: '0.3528', leaves_qty: '1359.2', liquidity: 'MAKER' });
    expect(report.orders).toEqual(golden('replay-binance-nknusdt-trade-through').orders);
    expect(report.model.strategy).toMatchObject({ name: 'quote-mid', version: '1.0.0', parameters: { spreadBps: 14, notionalUsd: 500, requoteBps: 2 }, source: { file: 'quote-mid.mjs' } });
    expect(report.config.strategy).toBe('quote-mid.mjs');
  });

  it('lets a freeze cancel every order of the plug-in and refuse new ones: the same freeze, orders and fills as the built-in', async () => {
    const args = goldenArgs('freeze');
    const { code, report } = await run([...args, '--strategy', EXAMPLE, '--strategy-params', '{"spreadBps":8}']);
    expect(code).toBe(0);
    const builtIn = golden('freeze');
    expect(report.risk.freeze_events).toEqual(builtIn.risk.freeze_events);
    expect(report.orders).toEqual(builtIn.orders);
    expect(report.orders.placed_while_frozen).toBe(0);
    expect(report.orders.open_at_end).toBe(0);
    expect(report.fills).toEqual(builtIn.fills);
  });

  it('passes every order a plug-in places through the risk monitor: an order over --max-inv is denied MAX_INVENTORY and never sent', async () => {
    const { code, report } = await run(['run', '--iterations', '50', '--strategy', `${FIXTURES}/places-big.mjs`]);
    expect(code).toBe(0);
    expect(report.strategy).toEqual({ callbacks: { onQuote: 50, onStop: 1 }, place_requests: 50, places_sent: 0, denied: { MAX_INVENTORY: 50 }, cancel_requests: 0, amend_requests: 0, timers_fired: 0, oco_lists_sent: 0, failure: null });
    expect(report.orders.placed).toBe(0);
    expect(report.risk.blocks_by_reason).toEqual({ MAX_INVENTORY: 50 });
  });

  it('stops a run whose plug-in throws: orders cancelled, report status failed with message and file:line, exit 1 with E_STRATEGY', async () => {
    const { code, report, stderr } = await run(['run', '--iterations', '2000', '--strategy', `${FIXTURES}/throws-on-fill.mjs`]);
    expect(code).toBe(1);
    expect(report.execution.status).toBe('failed');
    expect(report.strategy.failure).toEqual({ callback: 'onFill', message: 'no fills wanted (got SELL 5 lots)', location: 'throws-on-fill.mjs:14:15' });
    expect(report.orders.open_at_end).toBe(0);
    expect(report.fills.count).toBe(1);
    expect(stderr).toContain('the strategy threw in onFill at throws-on-fill.mjs:14:15: no fills wanted (got SELL 5 lots)');
    expect(stderr).toContain('code E_STRATEGY');
  });
});

describe('run --strategy-budget-ms', () => {
  it('stops a plug-in whose callback runs past the budget like a throw: orders cancelled, status failed, exit 1 with E_STRATEGY naming the callback and the budget', async () => {
    const { code, report, stderr } = await run(['run', '--iterations', '200', '--strategy', `${FIXTURES}/busy-loops.mjs`, '--strategy-budget-ms', '5']);
    expect(code).toBe(1);
    expect(report.execution.status).toBe('failed');
    expect(report.execution.market_updates).toBe(10);
    expect(report.strategy.failure).toEqual({ callback: 'onQuote', message: 'onQuote ran longer than its budget of 5 ms per call (--strategy-budget-ms)', location: null });
    // Only the callbacks the plug-in has are called and counted.
    expect(report.strategy.callbacks).toEqual({ onQuote: 10 });
    expect(report.config.strategy_budget_ms).toBe(5);
    expect(report.orders.open_at_end).toBe(0);
    expect(stderr).toMatch(/error: the strategy's onQuote took \d+\.\d ms, over its budget of 5 ms per call \(--strategy-budget-ms\)/);
    expect(stderr).toContain('code E_STRATEGY');
  });

  it('lets the same plug-in finish under the default budget of 1000 ms, counting every callback', async () => {
    const { code, report } = await run(['run', '--iterations', '200', '--strategy', `${FIXTURES}/busy-loops.mjs`]);
    expect(code).toBe(0);
    expect(report.strategy.failure).toBeNull();
    expect(report.strategy.callbacks).toEqual({ onQuote: 200 });
    expect(report.config.strategy_budget_ms).toBe(1000);
  });

  it.each([
    [['--strategy-budget-ms', '0', '--strategy', EXAMPLE], "--strategy-budget-ms '0' is not allowed: expected a whole number from 1 to 3600000"],
    [['--strategy-timing'], '--strategy-timing needs --strategy: the default quoter is built in and its callbacks are not timed'],
  ])('refuses %j with exit 2', async (flags, message) => {
    const result = await runCliInProcess(['run', '--iterations', '3', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${message}`);
  });
});

describe('run --strategy-timing', () => {
  it('adds strategy.timing (calls and wall ms per callback, the budget) and changes nothing else of the report', async () => {
    const args = ['run', '--iterations', '300', '--strategy', EXAMPLE];
    const timed = await run([...args, '--strategy-timing']);
    const plain = await run(args);
    expect(timed.code).toBe(0);
    const { timing, ...strategy } = timed.report.strategy;
    expect({ ...timed.report, strategy }).toEqual(plain.report);
    expect(timing.budget_ms).toBe(1000);
    expect(Object.keys(timing.callbacks)).toEqual(Object.keys(plain.report.strategy.callbacks));
    expect(plain.report.strategy.callbacks).toEqual({ onQuote: 300 }); // quote-mid has onQuote and onOrderRejected; nothing was rejected
    expect(timing.callbacks.onQuote.calls).toBe(300);
    expect(timing.callbacks.onQuote.total_ms).toMatch(/^\d+\.\d{3}$/);
  });

  it('is left out of the --check-determinism runs, so timing never fails the check', async () => {
    const result = await runCliInProcess(['run', '--iterations', '300', '--strategy', EXAMPLE, '--strategy-timing', '--check-determinism']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('check-determinism: two runs gave byte-identical reports');
    expect(result.stderr).toMatch(/strategy callbacks: \d+\.\d ms wall \(onQuote \d+\.\d ms \/ 300 calls, max \d+\.\d ms/);
  });
});

describe('run --config with a strategy, parameters as an object', () => {
  it('takes strategyParams as a JSON object: the same run as the JSON string, config.sources says file; a bad parameter is named at its key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-config-'));
    try {
      const file = join(dir, 'run.json');
      writeFileSync(file, JSON.stringify({ iterations: 300, strategy: EXAMPLE, strategyParams: { spreadBps: 30, notionalUsd: 250 } }));
      const viaObject = await run(['run', '--config', file]);
      const viaFlags = await run(['run', '--iterations', '300', '--strategy', EXAMPLE, '--strategy-params', '{"spreadBps":30,"notionalUsd":250}']);
      expect(viaObject.code).toBe(0);
      expect(viaObject.report.model.strategy.parameters).toEqual({ spreadBps: 30, notionalUsd: 250, requoteBps: 2 });
      expect(viaObject.report.config.strategy_params).toEqual({ spreadBps: 30, notionalUsd: 250 });
      expect(viaObject.report.config.sources).toMatchObject({ strategy: 'file', strategyParams: 'file' });
      expect(viaObject.report.orders).toEqual(viaFlags.report.orders);
      expect(viaObject.report.fills).toEqual(viaFlags.report.fills);
      writeFileSync(file, JSON.stringify({ iterations: 3, strategy: EXAMPLE, strategyParams: { spreadBps: 0 } }));
      const bad = await runCliInProcess(['run', '--config', file]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("parameter 'spreadBps' = 0 is not allowed");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rehearse plugin-manual-freeze (built-in)', () => {
  it('runs its plug-in from the package whatever the working directory: the same report from the repository root and from elsewhere', async () => {
    const fromRoot = await runCliInProcess(['rehearse', 'plugin-manual-freeze', '--quiet']);
    const elsewhere = mkdtempSync(join(tmpdir(), 'shadow-exec-cwd-'));
    try {
      const fromTmp = await runCliInProcess(['rehearse', 'plugin-manual-freeze', '--quiet'], { cwd: elsewhere });
      expect(fromRoot.code, fromRoot.stderr).toBe(0);
      expect(fromTmp.code, fromTmp.stderr).toBe(0);
      expect(fromTmp.stdout).toBe(fromRoot.stdout);
      const report = JSON.parse(fromRoot.stdout);
      expect(report.model.strategy).toMatchObject({ name: 'quote-mid', parameters: { spreadBps: 20, notionalUsd: 500, requoteBps: 2 }, source: { file: 'quote-mid.mjs' } });
      expect(report.strategy.callbacks).toEqual({ onQuote: 600 });
      expect(report.expectations.results.map((r: { passed: boolean }) => r.passed)).toEqual([true, true, true, true, true, true, true, true]);
      expect(report.orders.placed).toBe(84);
      expect(report.fills.count).toBe(49);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('run --config with a strategy', () => {
  it('carries the strategy and its parameters (a JSON string) like their flags, and names them in config.sources', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-config-'));
    try {
      const file = join(dir, 'run.json');
      writeFileSync(file, JSON.stringify({ iterations: 500, strategy: EXAMPLE, strategyParams: '{"spreadBps":30}', bars: '1m' }));
      const viaFile = await run(['run', '--config', file]);
      const viaFlags = await run(['run', '--iterations', '500', '--strategy', EXAMPLE, '--strategy-params', '{"spreadBps":30}', '--bars', '1m']);
      expect(viaFile.code).toBe(0);
      expect(viaFile.report.model.strategy.parameters).toEqual({ spreadBps: 30, notionalUsd: 500, requoteBps: 2 });
      expect(viaFile.report.config.sources).toMatchObject({ strategy: 'file', strategyParams: 'file', bars: 'file' });
      expect(viaFile.report.orders).toEqual(viaFlags.report.orders);
      expect(viaFile.report.fills).toEqual(viaFlags.report.fills);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('run --strategy-params', () => {
  it.each([
    [['--strategy', 'avellaneda-stoikov', '--strategy-params', '{"gamma":500}'], "--strategy-params: parameter 'gamma' = 500 is not allowed: expected a number from 0.000001 to 100"],
    [['--strategy', 'range-guard', '--strategy-params', '{"action":"stop"}'], '--strategy-params: parameter \'action\' = "stop" is not allowed: expected one of "widen", "pause"'],
    [['--strategy', 'range-guard', '--strategy-params', '{"bars":2.5}'], "--strategy-params: parameter 'bars' = 2.5 is not allowed: expected a whole number from 1 to 10000"],
    [['--strategy', 'symmetric', '--strategy-params', '{"gamma":1}'], "--strategy-params: parameter 'gamma' is not allowed: strategy symmetric takes no parameters"],
    [['--strategy', EXAMPLE, '--strategy-params', '{"spread":1}'], "--strategy-params: parameter 'spread' is not allowed: strategy quote-mid takes spreadBps, notionalUsd, requoteBps"],
    [['--strategy', EXAMPLE, '--strategy-params', '[1]'], "--strategy-params '[1]' is not allowed: expected a JSON object such as {\"gamma\":0.1}"],
    [['--strategy-params', '{}'], '--strategy-params needs --strategy: name the strategy the parameters are for (symmetric takes none)'],
    [['--strategy', 'martingale'], "--strategy 'martingale' is not allowed: expected one of symmetric, avellaneda-stoikov, range-guard, or a plug-in module path such as ./my-strategy.mjs"],
  ])('refuses %j with exit 2 naming the parameter, its value and what is allowed', async (flags, message) => {
    const result = await runCliInProcess(['run', '--iterations', '3', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`error: ${message}`);
  });
});

describe('run --strategy BUILT-IN', () => {
  it('keeps the report of --strategy symmetric byte-identical to the default run but for config.strategy, model.strategy and the strategy section', async () => {
    const plain = await run(['run', '--iterations', '500']);
    const named = await run(['run', '--iterations', '500', '--strategy', 'symmetric']);
    const { strategy: _c, strategy_params: _p, strategy_budget_ms: _b, ...config } = named.report.config;
    const { strategy: _m, ...model } = named.report.model;
    const { strategy: _s, ...rest } = named.report;
    expect({ ...rest, config, model }).toEqual(plain.report);
    expect(named.report.model.strategy).toMatchObject({ name: 'symmetric', source: 'built-in', parameters: {} });
  });

  it('quotes avellaneda-stoikov and range-guard on synthetic bars, each deterministic for its seed', async () => {
    for (const name of ['avellaneda-stoikov', 'range-guard']) {
      const args = ['run', '--iterations', '6000', '--bars', '1m', '--strategy', name];
      const first = await runCliInProcess(args);
      const second = await runCliInProcess(args);
      expect(first.code, name).toBe(0);
      expect(second.stdout, name).toBe(first.stdout);
      const report = JSON.parse(first.stdout);
      expect(report.model.strategy.name).toBe(name);
      expect(report.orders.placed, name).toBeGreaterThan(0);
    }
  });
});

describe('run --check-determinism', () => {
  it('catches a plug-in that reads Math.random: exit 1 naming the first differing report path', async () => {
    const result = await runCliInProcess(['run', '--iterations', '300', '--check-determinism', '--strategy', `${FIXTURES}/math-random.mjs`, '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: --check-determinism: two runs of the same configuration differ first at \$\.[A-Za-z_.[\]0-9]+ \(.+ then .+\)\n/);
    expect(result.stderr).toContain('code E_NONDETERMINISTIC');
  });

  it('passes a deterministic plug-in and writes the same report as a run without the check', async () => {
    const args = ['run', '--iterations', '300', '--strategy', EXAMPLE, '--quiet'];
    const checked = await runCliInProcess([...args, '--check-determinism']);
    const plain = await runCliInProcess(args);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toBe(plain.stdout);
  });

  it('refuses a live feed, which cannot deliver the same market twice', async () => {
    const result = await runCliInProcess(['run', '--exchange', 'bybit', '--feed', 'live', '--check-determinism', '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: --check-determinism needs a synthetic or replay feed: a live feed never delivers the same market twice');
  });
});

describe('rehearse with a plug-in (run.strategy)', () => {
  it('rehearses the manual-freeze scenario with the example plug-in: frozen at 20 s, nothing placed while frozen, quoting again after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-strategy-'));
    try {
      const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'manual-freeze.json'), 'utf8'));
      delete scenario.$schema;
      scenario.name = 'manual-freeze-plugin';
      scenario.run = { ...scenario.run, strategy: EXAMPLE, strategyParams: '{"spreadBps":20}' };
      const file = join(dir, 'manual-freeze-plugin.json');
      writeFileSync(file, JSON.stringify(scenario));
      const result = await runCliInProcess(['rehearse', file, '--quiet']);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.model.strategy.name).toBe('quote-mid');
      expect(report.expectations.results.every((r: { passed: boolean }) => r.passed)).toBe(true);
      expect(report.orders.placed_while_frozen).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('README, Writing a strategy', () => {
  it('its example plug-in runs as written: deterministic, quoting and filled', async () => {
    const block = /```js\n(\/\/ my-mm\.mjs[\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))![1]!;
    expect(block.split('\n').length).toBeLessThanOrEqual(40);
    const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-readme-'));
    try {
      writeFileSync(join(dir, 'my-mm.mjs'), block);
      const result = await runCliInProcess(['run', '--strategy', join(dir, 'my-mm.mjs'), '--iterations', '2000', '--check-determinism', '--quiet']);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.model.strategy).toMatchObject({ name: 'my-mm', parameters: { spreadBps: 20, notionalUsd: 500 } });
      expect(report.fills.count).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
