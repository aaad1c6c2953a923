// Golden reports: every case in golden/cases.json, re-run through the built CLI in this process (one test per case), must match its file byte for byte.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describe, expect, it } from 'vitest';
import { ROOT, runCliInProcess } from '../helpers/cli.js';
import { unifiedDiff } from '../../src/core/report/line-diff.js';
import { API_ENVS } from '../../src/ports/secret-provider.js';
import { envVariableCandidates } from '../../src/secrets/env-secret-provider.js';
import { isKeyVariable } from '../../src/secrets/key-free-env.js';
import { CREDENTIAL_NAMES, namesOf } from '../helpers/credential-names.js';

interface GoldenCase {
  readonly name: string;
  readonly description: string;
  readonly args: readonly string[];
  /** The case also writes a request journal, compared with golden/<name>.journal.jsonl. */
  readonly journal?: boolean;
}

/** Dry runs sign with the placeholder pair whatever keys the caller's environment holds: every key variable of every venue and api env is blanked. */
const NO_KEYS: NodeJS.ProcessEnv = Object.fromEntries([
  ...(['bybit', 'binance'] as const).flatMap((venue) => API_ENVS.flatMap((apiEnv) => envVariableCandidates(namesOf(venue), apiEnv).flatMap((n) => [[n.apiKey, ''], [n.apiSecret, '']]))),
  ...Object.keys(process.env).filter((name) => isKeyVariable(name, CREDENTIAL_NAMES.values())).map((name) => [name, '']),
]);
const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-golden-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function expectSame(golden: string, actual: string, file: string): void {
  if (actual !== golden) {
    const diff = unifiedDiff(golden, actual, { expected: file, actual: 'this build' });
    expect.fail(`output differs from ${file} (if the change is intended: npm run golden:update, review, commit)\n${diff}`);
  }
}

const cases = JSON.parse(readFileSync(`${ROOT}golden/cases.json`, 'utf8')) as GoldenCase[];

describe('golden reports', () => {
  it('covers a normal run, a freeze and risk-limit blocks', () => {
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(['normal', 'freeze', 'risk-limits']));
  });

  for (const c of cases) {
    it(`reproduces golden/${c.name}.json byte for byte (${c.description})`, async () => {
      const journal = join(tmp, `${c.name}.journal.jsonl`);
      const result = await runCliInProcess([...c.args, ...(c.journal ? ['--journal', journal] : []), '--quiet'], { env: NO_KEYS });
      expect(result.code).toBe(0);
      expectSame(readFileSync(`${ROOT}golden/${c.name}.json`, 'utf8'), result.stdout, `golden/${c.name}.json`);
      if (c.journal) expectSame(readFileSync(`${ROOT}golden/${c.name}.journal.jsonl`, 'utf8'), readFileSync(journal, 'utf8'), `golden/${c.name}.journal.jsonl`);
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

  it('every golden report counts orders on the wire: each one placed ends once or is open, each one requested was placed, dropped or still queued', () => {
    for (const c of cases) {
      const orders = JSON.parse(readFileSync(`${ROOT}golden/${c.name}.json`, 'utf8')).orders;
      const o = { name: c.name, placed: orders.placed, ended: orders.filled + orders.canceled + orders.rejected + orders.open_at_end, requested: orders.requested };
      expect(o).toEqual({ ...o, ended: orders.placed, requested: orders.placed + orders.dropped_before_send + orders.queued_at_end });
      const oco = orders.exit_ocos;
      expect({ name: c.name, legs: oco.legs_placed }).toEqual({ name: c.name, legs: 2 * oco.placed });
    }
  });

  it('Binance goldens: spot stays within 80 % of ORDERS 10 s, the USD-M journal holds every request, each exit OCO ends once', () => {
    const read = (name: string) => JSON.parse(readFileSync(`${ROOT}golden/${name}.json`, 'utf8'));
    const spot = read('binance-spot-shadow');
    expect(spot.venue_api.rate_limits.limits.ORDERS_10S).toMatchObject({ limit: 50, peak: 40 });
    expect(spot.fills.maker).toBe(spot.fills.count);
    const usdm = read('binance-usdm-dryrun');
    const journal = readFileSync(`${ROOT}golden/binance-usdm-dryrun.journal.jsonl`, 'utf8').trimEnd().split('\n');
    expect(journal.length).toBe(usdm.venue_api.dry_run.rendered_requests);
    expect(journal.length).toBe(usdm.orders.placed + usdm.orders.cancels_sent + usdm.orders.amends_sent + usdm.orders.cancel_alls_sent);
    const oco = read('binance-oco-iceberg');
    const ended = oco.orders.venue_cancels;
    const refused = (oco.orders.rejects_by_code['-2010'] ?? 0) / 2;
    expect((ended.OCO_OTHER_LEG_FILLED ?? 0) + (ended.OCO_LIST_CANCELED ?? 0) + (ended.OCO_STOP_TRIGGERED ?? 0) + refused).toBe(oco.orders.exit_ocos.placed);
    expect(ended.OCO_STOP_TRIGGERED).toBe(oco.orders.exit_ocos.stops_triggered);
    expect(oco.model.venue.order_options.iceberg_qty).toBe('0.001');
    expect(oco.config.order_options.iceberg_qty).toBe('0.001');
    expect(oco.orders.open_at_end).toBe(0);
  });
});
