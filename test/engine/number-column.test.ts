// Covers NumberColumn: values read back in push order across chunk boundaries, exactly (safe integers, doubles, -1); keepFrom moves the kept values to the front.
import { describe, expect, it } from 'vitest';
import { NumberColumn } from '../../src/engine/number-column.js';

describe('NumberColumn', () => {
  it('reads back every value pushed, in order, across several 16384-value chunks', () => {
    const column = new NumberColumn();
    const n = 40_000;
    for (let i = 0; i < n; i++) column.push(i % 3 === 0 ? -1 : 1_735_689_600_000 + i);
    expect(column.length).toBe(n);
    expect([column.at(0), column.at(1), column.at(16_383), column.at(16_384), column.at(n - 1), column.at(n - 2)]).toEqual([-1, 1_735_689_600_001, -1, 1_735_689_616_384, -1, 1_735_689_639_998]);
    expect(column.at(32_770)).toBe(1_735_689_632_770);
  });

  it('keeps the values from an index on at 0, 1, … (across chunks), and pushes after them', () => {
    for (const [n, from] of [[40_000, 20_000], [40_000, 40_000], [16_384, 0], [33_000, 16_383], [5, 2]] as const) {
      const column = new NumberColumn();
      for (let i = 0; i < n; i++) column.push(i * 7);
      column.keepFrom(from);
      expect(column.length).toBe(n - from);
      const kept = Array.from({ length: n - from }, (_, i) => column.at(i));
      expect(kept).toEqual(Array.from({ length: n - from }, (_, i) => (from + i) * 7));
      for (let i = 0; i < 20_000; i++) column.push(-i);
      expect([column.length, column.at(n - from), column.at(n - from + 19_999)]).toEqual([n - from + 20_000, -0, -19_999]);
    }
  });
});
