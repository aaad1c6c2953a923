// Covers the scenario field readers directly: paths for odd keys, value descriptions, every duration unit and bound, decimal normalisation, JSON values built in code.
import { describe, it, expect } from 'vitest';
import { childPath, describeValue, readDecimal, readDuration, readJson, TOP_LEVEL } from '../../src/scenario/scenario-fields.js';
import { thrown } from '../helpers/thrown.js';

describe('childPath and describeValue', () => {
  it('joins identifiers with dots, indexes with brackets, and quotes other keys', () => {
    expect(childPath(TOP_LEVEL, 'run')).toBe('run');
    expect(childPath('run', 'maxInv')).toBe('run.maxInv');
    expect(childPath('timeline', 3)).toBe('timeline[3]');
    expect(childPath('run', 'max inv')).toBe('run["max inv"]');
    expect(childPath(TOP_LEVEL, '1st')).toBe('["1st"]');
    expect(childPath(TOP_LEVEL, '$schema')).toBe('$schema');
  });

  it('describes values the way messages show them', () => {
    expect([undefined, null, true, 5, Number.NaN, 'x"y', [], {}, 5n].map(describeValue)).toEqual([
      'nothing',
      'null',
      'true',
      '5',
      'the number NaN',
      '"x\\"y"',
      'an array',
      'an object',
      'a bigint',
    ]);
  });
});

describe('readDuration', () => {
  it('reads ms, s, m and h strings and whole numbers of ms', () => {
    expect(['0ms', '500ms', '30s', '5m', '2h', '720h'].map((d) => readDuration(d, 'at', 0))).toEqual([0, 500, 30_000, 300_000, 7_200_000, 2_592_000_000]);
    expect(readDuration(0, 'at', 0)).toBe(0);
    expect(readDuration(2_592_000_000, 'at', 1)).toBe(2_592_000_000);
  });

  it.each([' 30s', '30 s', '30S', '30', '1d', '-1s', 1.5, -1, '', null])('rejects %j', (value) => {
    expect(thrown(() => readDuration(value, 'x.at', 0)).message).toBe(`x.at: expected a duration like "30s" or a number of ms, got ${describeValue(value)}`);
  });

  it('names the bound that failed', () => {
    expect(thrown(() => readDuration(0, 'x.for', 1)).message).toBe('x.for: expected a duration greater than 0, got 0');
    expect(thrown(() => readDuration(2_592_000_001, 'x.at', 0)).message).toBe('x.at: expected a duration of at most 30 days, got 2592000001');
    expect(thrown(() => readDuration('x', 'x.for', 1)).message).toBe('x.for: expected a positive duration like "30s" or a number of ms, got "x"');
  });
});

describe('readDecimal', () => {
  const rule = { unit: 'bps', min: '-5', max: '5', places: 2, like: '1' };
  it('normalises numbers and strings to canonical decimals without float arithmetic', () => {
    expect([0.1, '0.10', ' +1.5 ', -0, '-0.00', 5, '-5'].map((v) => readDecimal(v, 'p', rule))).toEqual(['0.1', '0.1', '1.5', '0', '0', '5', '-5']);
  });

  it('rejects values out of range, with too many places, or not plain decimals', () => {
    for (const value of [5.01, '-5.01', 0.001, '1e1', 'Infinity', Number.POSITIVE_INFINITY, true, '']) {
      expect(thrown(() => readDecimal(value, 'p', rule)).message).toBe(`p: expected a decimal number of bps, from -5 to 5, with at most 2 decimal places, like 1, got ${describeValue(value)}`);
    }
  });
});

describe('readJson', () => {
  it('accepts JSON values and rejects what JSON cannot hold, naming the nested path', () => {
    expect(readJson({ a: [1, 'x', null, { b: false }] }, 'e')).toEqual({ a: [1, 'x', null, { b: false }] });
    expect(thrown(() => readJson({ a: [1, 2n] }, 'e')).message).toBe('e.a[1]: expected a JSON value (string, number, boolean, null, array or object), got a bigint');
    expect(thrown(() => readJson({ when: new Date(0) }, 'e')).message).toBe('e.when: expected a JSON value (string, number, boolean, null, array or object), got an object');
    expect(thrown(() => readJson(Number.NaN, 'e')).message).toBe('e: expected a JSON value (string, number, boolean, null, array or object), got the number NaN');
  });
});
