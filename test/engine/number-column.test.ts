// Covers NumberColumn: values read back in push order across chunk boundaries, exactly (safe integers, doubles, -1).
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
});
