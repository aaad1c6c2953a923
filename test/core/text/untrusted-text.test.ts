// Covers untrustedText/untrustedList: primitives as text, cut to a length; arrays and objects named, never recursed into (a 20,000-deep array must not throw).
import { describe, expect, it } from 'vitest';
import { untrustedList, untrustedText } from '../../../src/core/text/untrusted-text.js';

const deep = (): unknown => JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`);

describe('untrustedText', () => {
  it('writes primitives as String() does and names arrays and objects', () => {
    expect([untrustedText('abc'), untrustedText(12.5), untrustedText(false), untrustedText(null), untrustedText(undefined), untrustedText([1]), untrustedText({ a: 1 })])
      .toEqual(['abc', '12.5', 'false', 'null', 'undefined', 'an array', 'an object']);
  });

  it('never throws on a 20,000-deep array (String() of it throws a RangeError)', () => {
    const value = deep();
    expect(() => String(value)).toThrow(RangeError);
    expect(untrustedText(value)).toBe('an array');
  });

  it('cuts a long string to the limit and marks the cut', () => {
    expect(untrustedText('x'.repeat(500))).toBe(`${'x'.repeat(120)}…`);
    expect(untrustedText('abcdef', 3)).toBe('abc…');
    expect(untrustedText('y'.repeat(500), Infinity)).toBe('y'.repeat(500));
  });
});

describe('untrustedList', () => {
  it('joins the elements, nested arrays named, at most 20 of them', () => {
    expect(untrustedList(['a', deep(), 3])).toBe('a,an array,3');
    const many = Array.from({ length: 25 }, (_, i) => `t${i}`);
    expect(untrustedList(many)).toBe(`${many.slice(0, 20).join(',')},… (25 in all)`);
  });
});
