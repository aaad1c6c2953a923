// `shadow-exec sweep`: tiny runs on at most 2 worker threads; the output is byte-identical whatever the worker count or sharding, a grid key that is not a run option exits 2, CSV and merge.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SWEEP = ['sweep', '--grid', 'spread-bps=10,20 latency-ms=20,150', '--seeds', '1..3', '--iterations', '60', '--quiet'];

describe('shadow-exec sweep', () => {
  it('writes the same bytes with 1 and 2 workers, and equal to the runs done one by one', async () => {
    const one = await runCliInProcess([...SWEEP, '--workers', '1']);
    const two = await runCliInProcess([...SWEEP, '--workers', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const doc = JSON.parse(one.stdout) as { status: string; runs_done: number; cells: { params: object; runs: { seed: number; metrics: Record<string, unknown> }[]; stats: Record<string, { mean: string; n: number }> }[] };
    expect([doc.status, doc.runs_done, doc.cells.length]).toEqual(['completed', 12, 4]);
    // A cell's run is `run` with the cell's options and the seed.
    const single = JSON.parse((await runCliInProcess(['run', '--spread-bps', '20', '--latency-ms', '150', '--seed', '2', '--iterations', '60', '--quiet'])).stdout) as { pnl: { total: string }; fills: { count: number } };
    const cell = doc.cells[3]!;
    expect(cell.params).toEqual({ 'spread-bps': '20', 'latency-ms': '150' });
    expect(cell.runs[1]!.seed).toBe(2);
    expect(cell.runs[1]!.metrics['pnl.total']).toBe(single.pnl.total);
    expect(cell.runs[1]!.metrics['fills.count']).toBe(single.fills.count);
    expect(Object.keys(cell.stats)).toEqual(['fills.count', 'orders.placed', 'pnl.total', 'risk.edge_by_symbol.BTCUSDT.net_edge_bps', 'risk.freezes_total']);
    expect(cell.stats['fills.count']!.n).toBe(3);
  });

  it('merges shards 1/2 and 2/2 into the bytes of the unsharded sweep', async () => {
    const whole = await runCliInProcess([...SWEEP, '--workers', '2']);
    const paths = [];
    for (const i of [2, 1]) {
      const shard = await runCliInProcess([...SWEEP, '--workers', '1', '--shard', `${i}/2`]);
      expect(shard.code).toBe(0);
      expect((JSON.parse(shard.stdout) as { runs_done: number; shard: object }).shard).toEqual({ index: i, count: 2 });
      const path = join(dir, `shard-${i}.json`);
      writeFileSync(path, shard.stdout);
      paths.push(path);
    }
    const merged = await runCliInProcess(['sweep', 'merge', ...paths, '--quiet']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    const partial = await runCliInProcess(['sweep', 'merge', paths[0]!]);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('sweep merge: 6 of 12 runs are missing');
  });

  it('exits 2 naming a grid key that is not a run option and what is allowed, before any run', async () => {
    const result = await runCliInProcess(['sweep', '--grid', 'spred-bps=10,20', '--iterations', '5']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: --grid key 'spred-bps' is not allowed \(not a result-shaping run option\); allowed: exchange, .*spread-bps/);
    const bad = await runCliInProcess(['sweep', '--grid', 'spread-bps=10,0', '--iterations', '5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: sweep cell 1 \(spread-bps=0\): --spread-bps '0' is not allowed/);
    expect((await runCliInProcess(['sweep', '--seed', '1', '--seeds', '1..2'])).code).toBe(2);
    expect((await runCliInProcess(['sweep', '--exchange', 'bybit', '--feed', 'live', '--iterations', '5'])).stderr).toContain('a sweep needs a synthetic or replay feed');
  });

  it('writes one CSV row per cell with mean, min and max of the chosen metrics', async () => {
    const result = await runCliInProcess(['sweep', '--grid', 'spread-bps=10,20', '--seeds', '1,2', '--iterations', '60', '--metrics', 'fills.count', '--format', 'csv', '--workers', '2', '--quiet']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('cell,spread-bps,runs,fills.count.mean,fills.count.min,fills.count.max');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^0,10,2,\d+(\.\d+)?,\d+,\d+$/);
    expect(lines[3]).toBe('');
  });

  it('takes the base options from --config FILE, a typed flag winning, and lists their values (not the path of the file) in the definition', async () => {
    const config = join(dir, 'base.json');
    writeFileSync(config, JSON.stringify({ iterations: 30, spreadBps: 15, latencyMs: 90 }));
    const result = await runCliInProcess(['sweep', '--config', config, '--latency-ms', '20', '--grid', 'requote-bps=1,3', '--metrics', 'config.spread_bps,config.latency_ms,execution.iterations', '--quiet']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { definition: { base: object }; cells: { stats: Record<string, { min: string }> }[] };
    expect(doc.definition.base).toEqual({ iterations: '30', latencyMs: '20', spreadBps: '15' });
    expect(doc.cells.map((c) => [c.stats['config.spread_bps']!.min, c.stats['config.latency_ms']!.min, c.stats['execution.iterations']!.min])).toEqual([
      ['15', '20', '30'],
      ['15', '20', '30'],
    ]);
  });

  it('runs its worker threads from the bundled CLI', async () => {
    const result = await runCli(['sweep', '--grid', 'spread-bps=10,20', '--iterations', '20', '--workers', '2', '--metrics', 'execution.market_updates']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { cells: { stats: Record<string, { mean: string }> }[] };
    expect(doc.cells.map((c) => c.stats['execution.market_updates']!.mean)).toEqual(['20', '20']);
    expect(result.stderr).toContain('sweep started: 2 cells × 1 seed = 2 runs on 2 worker threads');
    expect(result.stderr).toContain('sweep completed: 2 of 2 runs, 2 cells × 1 seeds');
  });
});
