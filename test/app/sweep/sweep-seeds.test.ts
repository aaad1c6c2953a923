// Covers parseSeeds: inclusive ranges and lists in the order given; reversed ranges, repeats and non-numbers refused.
import { describe, expect, it } from 'vitest';
import { parseSeeds } from '../../../src/app/sweep/sweep-seeds.js';

describe('parseSeeds', () => {
  it('expands ranges and lists in the order given', () => {
    expect(parseSeeds('1..5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeeds('7, 1..3,10')).toEqual([7, 1, 2, 3, 10]);
  });

  it('refuses reversed ranges, repeated seeds and what is not a whole number', () => {
    expect(() => parseSeeds('5..1')).toThrow("--seeds '5..1': '5..1' runs backwards");
    expect(() => parseSeeds('1..3,2')).toThrow("--seeds '1..3,2': seed 2 is given twice");
    expect(() => parseSeeds('1,x')).toThrow("'x' is not a whole number ≥ 0");
    expect(() => parseSeeds('-1')).toThrow("'-1' is not a whole number ≥ 0");
  });
});
