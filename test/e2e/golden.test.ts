// Golden reports: every case in golden/cases.json, re-run through the built CLI, must match its file byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { unifiedDiff } from '../helpers/line-diff.js';

interface GoldenCase {
  readonly name: string;
  readonly description: string;
  readonly args: readonly string[];
}

const cases = JSON.parse(readFileSync(`${ROOT}golden/cases.json`, 'utf8')) as GoldenCase[];

describe('golden reports', () => {
  it('covers a normal run, a freeze and risk-limit blocks', () => {
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(['normal', 'freeze', 'risk-limits']));
  });

  for (const c of cases) {
    it(`reproduces golden/${c.name}.json byte for byte (${c.description})`, async () => {
      const golden = readFileSync(`${ROOT}golden/${c.name}.json`, 'utf8');
      const result = await runCli([...c.args, '--quiet']);
      expect(result.code).toBe(0);
      if (result.stdout !== golden) {
        const diff = unifiedDiff(golden, result.stdout, { expected: `golden/${c.name}.json`, actual: 'this build' });
        expect.fail(`report differs from golden/${c.name}.json (if the change is intended: npm run golden:update, review, commit)\n${diff}`);
      }
    });
  }

  it('freeze golden is frozen with zero open orders; risk-limits golden blocks by both reasons; normal golden neither', () => {
    const read = (name: string) => JSON.parse(readFileSync(`${ROOT}golden/${name}.json`, 'utf8'));
    const freeze = read('freeze');
    expect(freeze.risk.frozen).toBe(true);
    expect(freeze.risk.last_freeze_reason).toBe('EDGE_BELOW_THRESHOLD');
    expect(freeze.orders.open_at_end).toBe(0);
    expect(freeze.orders.placed_while_frozen).toBe(0);
    const limits = read('risk-limits');
    expect(limits.risk.blocks_by_reason.MAX_INVENTORY).toBeGreaterThan(0);
    expect(limits.risk.blocks_by_reason.MAX_TOTAL_NOTIONAL).toBeGreaterThan(0);
    const normal = read('normal');
    expect(normal.risk.frozen).toBe(false);
    expect(normal.risk.blocks_total).toBe(0);
    expect(normal.fills.count).toBeGreaterThan(0);
  });
});
