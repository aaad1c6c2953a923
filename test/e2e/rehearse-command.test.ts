// End-to-end `shadow-exec rehearse`: the built-in list, every built-in scenario passing, exit 3 with the observed value for a wrong expectation, exit 2 naming the bad field.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, runCliInProcess } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-rehearse-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const BUILT_IN = readdirSync(`${ROOT}scenarios`).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

describe('shadow-exec rehearse', () => {
  it('lists the built-in scenarios, one line each', async () => {
    const r = await runCli(['rehearse', '--list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(BUILT_IN);
    expect(BUILT_IN).toEqual(
      expect.arrayContaining(['normal-session', 'edge-collapse', 'inventory-breach', 'total-notional-breach', 'ws-outage', 'venue-outage', 'rate-limit-storm', 'manual-freeze', 'cancel-race', 'clock-skew']),
    );
  });

  it.each(BUILT_IN)('passes built-in scenario %s (exit 0, every expectation holds)', async (name) => {
    const r = await runCliInProcess(['rehearse', name, '--quiet']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.expectations.passed).toBe(true);
    expect(report.scenario.name).toBe(name);
    expect(report.expectations.results.every((x: { passed: boolean }) => x.passed)).toBe(true);
  });

  it('exits 3 when an expectation fails, showing the observed value, and prints the timeline on stderr', async () => {
    const r = await runCliInProcess(['rehearse', 'test/fixtures/scenarios/wrong-expectation.json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.expectations.passed).toBe(false);
    expect(report.expectations.results[1]).toEqual({ index: 1, type: 'report', expected: { path: 'risk.frozen', equals: false }, observed: true, passed: false });
    expect(report.expectations.results[0].passed).toBe(true);
    expect(r.stderr).toContain('+20.000s  freeze');
    expect(r.stderr).toContain('frozen (MANUAL): every order cancelled');
    expect(r.stderr).toContain('rehearsal FAILED: 1 of 2 expectation(s) did not hold');
  });

  it('exits 2 for a malformed scenario, naming the JSON path of the bad field', async () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', description: 'x', run: {}, market: { kind: 'synthetic' }, timeline: [{ at: 'soon', event: { type: 'freeze' } }], expect: [{ type: 'report', path: 'risk.frozen', equals: true }] }));
    const r = await runCliInProcess(['rehearse', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('timeline[0].at');
    expect(r.stderr).toContain('"soon"');
  });

  it('exits 2 for an unknown scenario name, listing the built-in ones', async () => {
    const r = await runCliInProcess(['rehearse', 'no-such-scenario']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'no-such-scenario' is neither a file nor a built-in scenario");
    expect(r.stderr).toContain('venue-outage');
  });

  it('exits 2 in one line, without a stack trace, for a directory', async () => {
    const r = await runCliInProcess(['rehearse', 'scenarios']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: rehearse: 'scenarios' is a directory: name a scenario file in it or a built-in scenario (rehearse --list shows them)\n");
    expect(r.stdout).toBe('');
  });

  it('exits 2 naming the JSON path of a bad run value (run.fillRate), not the CLI flag', async () => {
    const file = join(tmp, 'bad-fill-rate.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', description: 'x', run: { fillRate: '2' }, market: { kind: 'synthetic' }, timeline: [], expect: [{ type: 'report', path: 'risk.frozen', equals: false }] }));
    const r = await runCliInProcess(['rehearse', file, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: run.fillRate: '2' is not allowed: expected a decimal from 0 to 1 with at most 6 decimal places\n");
  });

  it('writes the time series of a rehearsal (--series 1s --series-out): edge-collapse\'s freeze at 11.1 s as a risk event, frozen samples after it, the report unchanged', async () => {
    const plain = await runCliInProcess(['rehearse', 'edge-collapse', '--quiet']);
    const jsonl = join(tmp, 'edge-collapse.jsonl');
    const html = join(tmp, 'edge-collapse.html');
    const sampled = await runCliInProcess(['rehearse', 'edge-collapse', '--quiet', '--series', '1s', '--series-out', jsonl]);
    expect([plain.code, sampled.code]).toEqual([0, 0]);
    expect(sampled.stdout).toBe(plain.stdout);
    const records = readFileSync(jsonl, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.filter((r) => r['type'] !== 'sample' && r['type'] !== 'fill')).toEqual([
      { type: 'freeze', ts_ms: 1735689611100, utc: '2025-01-01T00:00:11.100Z', symbol: 'BTCUSDT', reason: 'EDGE_BELOW_THRESHOLD', source: 'auto', net_edge_bps: '0.7834', edge_threshold_bps: '1' },
      { type: 'risk_state', ts_ms: 1735689611100, utc: '2025-01-01T00:00:11.100Z', from: 'ACTIVE', to: 'FROZEN', reason: 'EDGE_BELOW_THRESHOLD', source: 'auto' },
    ]);
    expect(records).toHaveLength(109);
    const samples = records.filter((r) => r['type'] === 'sample');
    expect(samples.filter((r) => r['risk_state'] === 'FROZEN').map((r) => r['utc'])[0]).toBe('2025-01-01T00:00:12.000Z');
    expect(samples.filter((r) => (r['ts_ms'] as number) >= 1735689612000).every((r) => r['risk_state'] === 'FROZEN' && r['open_orders'] === 0)).toBe(true);
    expect(existsSync(`${jsonl}.partial`)).toBe(false);
    // --html as well: the same series (kept whole for the charts), and the page draws the freeze.
    const both = await runCliInProcess(['rehearse', 'edge-collapse', '--quiet', '--series', '1s', '--series-out', join(tmp, 'kept.jsonl'), '--html', html]);
    expect(both.code).toBe(0);
    expect(readFileSync(join(tmp, 'kept.jsonl'), 'utf8')).toBe(readFileSync(jsonl, 'utf8'));
    expect(readFileSync(html, 'utf8')).toContain('EDGE_BELOW_THRESHOLD');
  });

  it('refuses --series-out without --series and --series-out on the scenario file itself (exit 2, nothing run)', async () => {
    const noSeries = await runCliInProcess(['rehearse', 'edge-collapse', '--quiet', '--series-out', join(tmp, 'x.jsonl')]);
    expect([noSeries.code, noSeries.stdout]).toEqual([2, '']);
    expect(noSeries.stderr).toContain('--series-out needs --series DURATION');
    const scenario = join(tmp, 'same.json');
    writeFileSync(scenario, readFileSync(`${ROOT}scenarios/edge-collapse.json`));
    const same = await runCliInProcess(['rehearse', scenario, '--quiet', '--series', '1s', '--html', scenario]);
    expect([same.code, same.stdout]).toEqual([2, '']);
    expect(same.stderr).toContain('--html');
  });
});
