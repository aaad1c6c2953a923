// Covers firstDifference: null for equal JSON, else the first differing path in sorted-key then index order, with both sides' values.
import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../../src/core/report/first-difference.js';

describe('firstDifference', () => {
  it('finds nothing between equal documents, whatever their key order', () => {
    expect(firstDifference({ b: [1, { c: 'x' }], a: null }, { a: null, b: [1, { c: 'x' }] })).toBeNull();
  });

  it('names the first differing path in sorted key order, then by index', () => {
    expect(firstDifference({ z: 1, fills: { recent: [{ price: '1' }, { price: '2' }] } }, { z: 2, fills: { recent: [{ price: '1' }, { price: '3' }] } })).toEqual({
      path: '$.fills.recent[1].price',
      left: '"2"',
      right: '"3"',
    });
  });

  it('names a key or element present on one side only, and quotes keys that are not identifiers', () => {
    expect(firstDifference({ by_symbol: { 'BTC-USD': 1 } }, { by_symbol: {} })).toEqual({ path: '$.by_symbol["BTC-USD"]', left: '1', right: undefined });
    expect(firstDifference([1], [1, 2])).toEqual({ path: '$[1]', left: undefined, right: '2' });
  });

  it('treats a type change as a difference at that path', () => {
    expect(firstDifference({ a: [1] }, { a: { 0: 1 } })).toEqual({ path: '$.a', left: '[1]', right: '{"0":1}' });
  });
});
