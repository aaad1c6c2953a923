// Covers the tardis book_snapshot_N byte fast path (tardis-snapshot-rows.ts): for generated book_snapshot_3 CSVs with hostile rows, read in chunks of any size, the import writes exactly the lines of the plain path (TardisCsvReader with fast = false: split(','), record objects, normalizedLine) or stops with the same error (code, file, line, message).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotColumns } from '../../../src/feeds/import/tardis-snapshot-rows.js';
import { fileOf, fileText, hostileDecimal, importText, rowHead, T0 } from '../../helpers/tardis-import-harness.js';

const LABEL = 'book_snapshot_3.csv';
const DEPTH = 3;
const HEADER = snapshotColumns(DEPTH);
/** One side's cells (price, amount per level, best first): `n` levels of decimals, then empty pairs — or, rarely, a half-empty pair or cells after the first empty pair. */
const side = fc
  .tuple(fc.integer({ min: 0, max: DEPTH }), fc.array(fc.tuple(hostileDecimal, hostileDecimal), { minLength: DEPTH, maxLength: DEPTH }), fc.oneof({ weight: 20, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constantFrom('half', 'after') }))
  .map(([n, levels, odd]) => {
    const cells = levels.map(([p, a], i) => (i < n ? [p, a] : ['', '']));
    if (odd === 'half' && n < DEPTH) cells[n] = [cells[n]![0] === '' ? '1.0' : cells[n]![0]!, ''];
    if (odd === 'after' && n + 1 < DEPTH) cells[n + 1] = ['9.5', 'x'];
    return cells;
  });
const snapshotRow = fc.record({ ...rowHead, asks: side, bids: side });
const file = fileOf(fc.constantFrom(HEADER, HEADER, HEADER, HEADER.replace('asks[0].price,asks[0].amount,bids[0].price,bids[0].amount', 'bids[0].price,bids[0].amount,asks[0].price,asks[0].amount')), snapshotRow, 80);

describe('tardis book_snapshot byte fast path', () => {
  it('writes exactly the lines of the plain path, or stops with the same error, for generated files with hostile rows, in chunks of any size', () => {
    let completed = 0;
    fc.assert(
      fc.property(file, (plan) => {
        const text = fileText(plan, (r) => {
          const cells: Record<string, string> = {};
          for (let i = 0; i < DEPTH; i++) {
            cells[`asks[${i}].price`] = r.asks[i]![0]!;
            cells[`asks[${i}].amount`] = r.asks[i]![1]!;
            cells[`bids[${i}].price`] = r.bids[i]![0]!;
            cells[`bids[${i}].amount`] = r.bids[i]![1]!;
          }
          return cells;
        });
        const plain = importText(LABEL, text, plan.sizes, false);
        expect(importText(LABEL, text, plan.sizes, true)).toEqual(plain);
        if ('lines' in plain) completed++;
      }),
      { numRuns: 500 },
    );
    expect(completed).toBeGreaterThan(20);
  });

  it('writes the rows of a well-formed file with the plain path\'s bytes, sides of 0 to N levels', () => {
    const rows = [HEADER];
    for (let i = 0; i < 200; i++) {
      const cells: string[] = [];
      for (let l = 0; l < DEPTH; l++) cells.push(...(l < i % 4 ? [`${62001 + l}.${i % 10}`, `0.${l + 1}`] : ['', '']), ...(l < (i + 1) % 4 ? [`${61999 - l}.5`, `1.${l}`] : ['', '']));
      rows.push(`binance-futures,BTCUSDT,${T0 + i * 7},${T0 + i * 7 + 3},${cells.join(',')}`);
    }
    const text = `${rows.join('\n')}\n`;
    const plain = importText(LABEL, text, [1 << 20], false);
    expect('lines' in plain && plain.lines.length).toBe(200);
    expect(importText(LABEL, text, [1 << 20], true)).toEqual(plain);
    expect(importText(LABEL, text, [5, 77], true)).toEqual(plain);
  });
});
