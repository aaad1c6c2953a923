// Covers RowTable: rows read back field by field in append order across chunk boundaries, exactly; keepFrom moves the kept rows to the front; against an array of rows on generated appends and keeps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowTable } from '../../src/engine/row-table.js';

function add(table: RowTable, values: readonly number[]): void {
  const at = table.append();
  for (let f = 0; f < values.length; f++) table.tail[at + f] = values[f]!;
}

function rows(table: RowTable): number[][] {
  return Array.from({ length: table.length }, (_, r) => Array.from({ length: table.width }, (_, f) => table.at(r, f)));
}

describe('RowTable', () => {
  it('reads back every field of every row appended, in order, across several 4096-row chunks', () => {
    const table = new RowTable(3);
    const n = 10_000;
    for (let i = 0; i < n; i++) add(table, [1_735_689_600_000 + i, i % 3 === 0 ? -1 : i, 2 ** 53 - 1 - i]);
    expect(table.length).toBe(n);
    expect([table.at(0, 0), table.at(0, 1), table.at(4095, 2), table.at(4096, 0), table.at(4096, 1), table.at(n - 1, 2)]).toEqual([
      1_735_689_600_000, -1, 2 ** 53 - 1 - 4095, 1_735_689_604_096, 4096, 2 ** 53 - n,
    ]);
    const ts = table.column(0);
    expect([ts.length, ts.at(8193), table.column(1).at(8194)]).toEqual([n, 1_735_689_608_193, 8194]);
  });

  it('keeps the rows from an index on at 0, 1, … (across chunks), and appends after them', () => {
    for (const [n, from] of [[10_000, 5_000], [10_000, 10_000], [4096, 0], [8200, 4095], [5, 2], [8192, 4096]] as const) {
      const table = new RowTable(2);
      for (let i = 0; i < n; i++) add(table, [i * 7, -i]);
      table.keepFrom(from);
      expect(table.length).toBe(n - from);
      expect(rows(table)).toEqual(Array.from({ length: n - from }, (_, i) => [(from + i) * 7, -(from + i)]));
      for (let i = 0; i < 5000; i++) add(table, [-i, i]);
      expect([table.length, table.at(n - from, 1), table.at(n - from + 4999, 0)]).toEqual([n - from + 5000, 0, -4999]);
    }
  });

  it('holds what an array of rows holds after any appends and keeps', () => {
    const op = fc.oneof(
      fc.record({ append: fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { minLength: 1, maxLength: 3000 }) }),
      fc.record({ keep: fc.double({ min: 0, max: 1, noNaN: true }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.array(op, { maxLength: 12 }), (width, ops) => {
        const table = new RowTable(width);
        let model: number[][] = [];
        for (const o of ops) {
          if ('append' in o) {
            for (let i = 0; i < o.append.length; i++) {
              const row = Array.from({ length: width }, (_, f) => o.append[(i + f) % o.append.length]! + f);
              add(table, row);
              model.push(row);
            }
          } else {
            const from = Math.floor(o.keep * model.length);
            table.keepFrom(from);
            model = model.slice(from);
          }
        }
        expect(rows(table)).toEqual(model);
      }),
      { numRuns: 60 },
    );
  });
});
