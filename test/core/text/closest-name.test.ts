// Covers closestName/editDistance: typos, other spellings of a camelCase name, and names too far from any to suggest.
import { describe, it, expect } from 'vitest';
import { closestName, editDistance } from '../../../src/core/text/closest-name.js';

const KEYS = ['spreadBps', 'iterations', 'symbols', 'seed', 'start', 'maxInv', 'maxTotal'];

describe('closestName', () => {
  it('suggests the key a typo meant', () => {
    expect(closestName('spreadBsp', KEYS)).toBe('spreadBps');
    expect(closestName('iteration', KEYS)).toBe('iterations');
    expect(closestName('symbol', KEYS)).toBe('symbols');
  });

  it('reads kebab-case, snake_case and other capitalisation as the camelCase key', () => {
    expect(closestName('spread-bps', KEYS)).toBe('spreadBps');
    expect(closestName('spread_bps', KEYS)).toBe('spreadBps');
    expect(closestName('MAXINV', KEYS)).toBe('maxInv');
  });

  it('suggests nothing for a name far from every key', () => {
    expect(closestName('colour', KEYS)).toBeNull();
    expect(closestName('x', KEYS)).toBeNull();
  });

  it('prefers the nearer key, then the earlier one', () => {
    expect(closestName('seet', KEYS)).toBe('seed');
    expect(closestName('maxTotl', KEYS)).toBe('maxTotal');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abc', 'abcd')).toBe(1);
    expect(editDistance('abc', 'ab')).toBe(1);
    expect(editDistance('abc', 'abd')).toBe(1);
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
