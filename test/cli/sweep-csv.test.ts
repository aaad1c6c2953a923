// Covers sweepCsv and formatSweepTable: one CSV row per cell (grid values, runs, mean/min/max per metric path, fields quoted when needed) and the stderr table's lines.
import { describe, expect, it } from 'vitest';
import { sweepDocument, type SweepDefinition } from '../../src/app/sweep/sweep-document.js';
import { PLAIN_STYLES } from '../../src/cli/terminal.js';
import { sweepCsv } from '../../src/cli/sweep-csv.js';
import { formatSweepTable } from '../../src/cli/sweep-table.js';

const definition: SweepDefinition = { tool: { name: 'shadow-exec', version: '1' }, base: {}, grid: [{ key: 'symbols', values: ['BTCUSDT,ETHUSDT', 'BTCUSDT'] }], seeds: [1, 2], metrics: ['pnl.total', 'risk.state'] };
const doc = sweepDocument(
  definition,
  [
    { cell: 0, seed: 1, status: 'completed', metrics: [['pnl.total', '1.5'], ['risk.state', 'ACTIVE']] },
    { cell: 0, seed: 2, status: 'completed', metrics: [['pnl.total', '-0.5'], ['risk.state', 'FROZEN']] },
    { cell: 1, seed: 1, status: 'completed', metrics: [['pnl.total', '2'], ['risk.state', 'ACTIVE']] },
  ],
  null,
);

describe('sweepCsv', () => {
  it('writes one row per cell, quoting a grid value with a comma, empty where a metric has no number', () => {
    expect(sweepCsv(doc)).toBe(
      [
        'cell,symbols,runs,pnl.total.mean,pnl.total.min,pnl.total.max,risk.state.mean,risk.state.min,risk.state.max',
        '0,"BTCUSDT,ETHUSDT",2,0.5,-0.5,1.5,,,',
        '1,BTCUSDT,1,2,2,2,,,',
        '',
      ].join('\n'),
    );
  });
});

describe('formatSweepTable', () => {
  it('prints a block per cell, a line per metric, and the status with the runs done', () => {
    expect(formatSweepTable(doc, PLAIN_STYLES).split('\n')).toEqual([
      'cell  params                   metric      mean   min  max  n',
      '0     symbols=BTCUSDT,ETHUSDT  pnl.total    0.5  -0.5  1.5  2',
      '                               risk.state     —     —    —  0',
      '1     symbols=BTCUSDT          pnl.total      2     2    2  1',
      '                               risk.state     —     —    —  0',
      'sweep incomplete: 3 of 4 runs, 2 cells × 2 seeds',
      '',
    ]);
  });
});
