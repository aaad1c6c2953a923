// Covers canonicalJson and canonicalJsonLine: recursively sorted keys, two-space indent or one line, array order kept, safe integers only.
import { describe, it, expect } from 'vitest';
import { canonicalJson, canonicalJsonLine } from '../../../src/core/report/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level, indents by two spaces and ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: { d: true, c: null } })).toBe('{\n  "a": {\n    "c": null,\n    "d": true\n  },\n  "b": 1\n}\n');
  });

  it('sorts keys inside objects nested in arrays but keeps array order', () => {
    expect(canonicalJson([{ z: 1, y: 2 }, 3, 'x'])).toBe('[\n  {\n    "y": 2,\n    "z": 1\n  },\n  3,\n  "x"\n]\n');
  });

  it('sorts by code unit: upper case before lower case, "_" between them', () => {
    const text = canonicalJson({ b: 0, a: 0, B: 0, _x: 0, A: 0 });
    expect(text).toBe('{\n  "A": 0,\n  "B": 0,\n  "_x": 0,\n  "a": 0,\n  "b": 0\n}\n');
  });

  it('gives the same bytes whatever the insertion order', () => {
    const one = { symbols: ['ETHUSDT', 'BTCUSDT'], pnl: { total: '1.5', fees: '0.1' }, seed: 42 };
    const two = { seed: 42, pnl: { fees: '0.1', total: '1.5' }, symbols: ['ETHUSDT', 'BTCUSDT'] };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('writes scalars and empty containers', () => {
    expect(canonicalJson('a"b')).toBe('"a\\"b"\n');
    expect(canonicalJson(-7)).toBe('-7\n');
    expect(canonicalJson({})).toBe('{}\n');
    expect(canonicalJson([])).toBe('[]\n');
  });

  it('accepts the largest safe integers', () => {
    expect(canonicalJson(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991\n');
    expect(canonicalJson(-Number.MAX_SAFE_INTEGER)).toBe('-9007199254740991\n');
  });

  it.each([1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 0.1])('refuses the number %s', (n) => {
    expect(() => canonicalJson({ a: n })).toThrow(`invariant violated: canonical JSON holds only safe integers; $.a is ${n}`);
  });

  it('names the path of a bad number inside arrays and objects', () => {
    expect(() => canonicalJson({ fills: [{ qty: 1 }, { qty: 0.5 }] })).toThrow('$.fills[1].qty is 0.5');
  });
});

describe('canonicalJson integer-like keys', () => {
  it('sorts integer-like keys by code units like every other key, not numerically first', () => {
    expect(canonicalJson({ b: 1, '10': 2, '9': 3 })).toBe('{\n  "10": 2,\n  "9": 3,\n  "b": 1\n}\n');
    expect(canonicalJson({ '2': 1, '1x': 2 })).toBe('{\n  "1x": 2,\n  "2": 1\n}\n');
  });
});

describe('canonicalJsonLine', () => {
  it('writes one line with keys in code-unit order and no spaces', () => {
    expect(canonicalJsonLine({ b: [1, { d: 'x', c: null }], a: true, '10': 1, '9': 2 })).toBe('{"10":1,"9":2,"a":true,"b":[1,{"c":null,"d":"x"}]}');
  });

  it('refuses a non-integer number', () => {
    expect(() => canonicalJsonLine({ a: 0.5 })).toThrow('invariant violated: canonical JSON holds only safe integers; $.a is 0.5');
  });
});
