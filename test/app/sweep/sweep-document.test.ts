// Covers the sweep document: exact mean/min/max per cell over its seeds, runs sorted whatever order they finished in, status, and merge refusing foreign or repeated shards.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/report/canonical-json.js';
import { metricStats, sweepDocument, type SweepDefinition, type SweepRun } from '../../../src/app/sweep/sweep-document.js';
import { mergeSweeps } from '../../../src/app/sweep/sweep-merge.js';

const definition: SweepDefinition = { tool: { name: 'shadow-exec', version: '1' }, base: { iterations: '10' }, grid: [{ key: 'spread-bps', values: ['10', '20'] }], seeds: [1, 2], metrics: ['pnl.total'] };
const run = (cell: number, seed: number, total: string): SweepRun => ({ cell, seed, status: 'completed', metrics: [['pnl.total', total]] });

describe('metricStats', () => {
  it('is exact: mean rounded half-even to 12 places, min and max as given', () => {
    expect(metricStats(['0.1', '0.2', 7])).toEqual({ mean: '2.433333333333', min: '0.1', max: '7', n: 3 });
    expect(metricStats(['1', null, 'n/a'])).toEqual({ mean: '1', min: '1', max: '1', n: 1 });
    expect(metricStats([null])).toEqual({ mean: null, min: null, max: null, n: 0 });
  });
});

describe('sweepDocument', () => {
  it('lists runs by cell and seed whatever order they came in, with stats per cell', () => {
    const runs = [run(1, 2, '-1'), run(0, 2, '3'), run(1, 1, '2'), run(0, 1, '1')];
    const doc = sweepDocument(definition, runs, null) as { status: string; cells: { params: object; runs: { seed: number }[]; stats: object }[] };
    expect(doc.status).toBe('completed');
    expect(doc.cells.map((c) => [c.params, c.runs.map((r) => r.seed), c.stats])).toEqual([
      [{ 'spread-bps': '10' }, [1, 2], { 'pnl.total': { mean: '2', min: '1', max: '3', n: 2 } }],
      [{ 'spread-bps': '20' }, [1, 2], { 'pnl.total': { mean: '0.5', min: '-1', max: '2', n: 2 } }],
    ]);
    expect(canonicalJson(sweepDocument(definition, [...runs].reverse(), null))).toBe(canonicalJson(sweepDocument(definition, runs, null)));
  });

  it('says incomplete while runs are missing', () => {
    expect((sweepDocument(definition, [run(0, 1, '1')], { index: 1, count: 4 }) as { status: string; runs_done: number }).status).toBe('incomplete');
  });
});

describe('mergeSweeps', () => {
  const shard = (runs: SweepRun[], index: number) => sweepDocument(definition, runs, { index, count: 2 });

  it('joins shards into the whole sweep, byte for byte', () => {
    const all = [run(0, 1, '1'), run(0, 2, '3'), run(1, 1, '2'), run(1, 2, '-1')];
    const merged = mergeSweeps([{ file: 'b', doc: shard([all[1]!, all[3]!], 2) }, { file: 'a', doc: shard([all[0]!, all[2]!], 1) }]);
    expect(canonicalJson(sweepDocument(merged.definition, merged.runs, null))).toBe(canonicalJson(sweepDocument(definition, all, null)));
  });

  it('refuses a shard of another sweep, naming where the definitions differ, and a run given twice', () => {
    const other = sweepDocument({ ...definition, seeds: [1, 3] }, [], null);
    expect(() => mergeSweeps([{ file: 'a.json', doc: shard([], 1) }, { file: 'b.json', doc: other }])).toThrow('sweep merge: b.json is another sweep than a.json: their definitions differ at definition.seeds[1] (2 vs 3)');
    expect(() => mergeSweeps([{ file: 'a.json', doc: shard([run(0, 1, '1')], 1) }, { file: 'b.json', doc: shard([run(0, 1, '1')], 1) }])).toThrow('cell 0 seed 1 is in a.json and in b.json');
    expect(() => mergeSweeps([{ file: 'r.json', doc: { pnl: {} } }])).toThrow('sweep merge: r.json is not a sweep output ("format" is null, expected "shadow-exec-sweep/1")');
  });
});
