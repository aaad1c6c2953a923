// Covers the ScenarioRunner in-process: injected order rejects and clock skew (behind and ahead) answered with the venue's own codes, expectations judged with observed values, same bytes twice.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/report/canonical-json.js';
import { rehearse } from '../../src/scenario/scenario-runner.js';
import { validateScenario } from '../../src/scenario/scenario-validate.js';

const TOOL = { name: 'shadow-exec', version: 'test' };

function scenario(): ReturnType<typeof validateScenario> {
  return validateScenario({
    name: 'skew-and-rejects',
    description: 'Bybit rejects new orders with 110017 for 5 s, then the clock runs 6 s behind (beyond the 5 s recvWindow).',
    run: { exchange: 'bybit', symbols: 'BTCUSDT', iterations: '400', seed: '3', requoteBps: '20', edgeThreshold: '-100' },
    market: { kind: 'synthetic', volatilityBps: '2' },
    timeline: [
      { at: '5s', event: { type: 'order_rejects', code: 110017, for: '5s' } },
      { at: '20s', event: { type: 'clock_skew', ms: -6000 } },
    ],
    expect: [
      { type: 'report', path: 'orders.rejects_by_code.110017', min: 1 },
      { type: 'report', path: 'orders.rejects_by_code.10002', min: 1 },
      { type: 'no_orders_between', from: '21s', to: '40s' },
    ],
  });
}

describe('rehearse', () => {
  it('answers injected rejects and a clock skew beyond recvWindow with Bybit’s codes, and judges each expectation', async () => {
    const lines: string[] = [];
    const result = await rehearse(scenario(), TOOL, (line) => lines.push(line));
    expect(result.results.map((r) => r.passed)).toEqual([true, true, false]);
    // Orders keep being attempted during the skew (each refused with 10002): the third expectation fails, with the count.
    expect(result.results[2]!.observed).toBe('190 placed, first at 21s');
    expect(result.passed).toBe(false);
    expect(lines[0]).toBe('   +5.000s  order_rejects code=110017 forMs=5000         → venue rejects new orders with 110017');
    expect(lines[1]).toContain('clock 6000 ms behind: beyond recvWindow 5000 ms, the venue refuses signed requests');
    const report = result.report as { rehearsal: { injected_faults: Record<string, number> } };
    expect(Object.keys(report.rehearsal.injected_faults).sort()).toEqual(['10002', '110017']);
  });

  it('gives the same report bytes for the same scenario', async () => {
    const a = await rehearse(scenario(), TOOL);
    const b = await rehearse(scenario(), TOOL);
    expect(canonicalJson(a.report)).toBe(canonicalJson(b.report));
  });

  it('refuses requests stamped 1000 ms ahead and 6 s behind on Binance with -1021, counting each side (built-in clock-skew)', async () => {
    const file = JSON.parse(readFileSync(new URL('../../scenarios/clock-skew.json', import.meta.url), 'utf8'));
    const lines: string[] = [];
    const result = await rehearse(validateScenario(file), TOOL, (line) => lines.push(line));
    expect(result.passed).toBe(true);
    const report = result.report as {
      orders: { rejects_by_code: Record<string, number> };
      venue_api: { timestamp_rejects: { ahead: number; behind: number }; injected_faults: Record<string, number> };
    };
    expect(report.venue_api.timestamp_rejects).toEqual({ ahead: 164, behind: 178 });
    expect(report.venue_api.injected_faults).toEqual({ '-1021': 342 });
    expect(report.orders.rejects_by_code).toEqual({ '-1021': 307 });
    expect(lines.slice(0, 4).map((l) => l.split('→ ')[1])).toEqual([
      'clock 1500 ms ahead: 1000 ms or more ahead of the venue, which refuses signed requests',
      "clock 200 ms ahead: within the venue's 1000 ms",
      'clock 6000 ms behind: beyond recvWindow 5000 ms, the venue refuses signed requests',
      'clock 200 ms behind: within recvWindow 5000 ms',
    ]);
  });
});
