// Covers jsonErrorIndex/jsonSyntaxError: agrees with JSON.parse on what is JSON (seeded fast-check), names line and column, never the text, and survives deep nesting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parses } from '../../../bench/fuzz-targets.js';
import { jsonErrorIndex, jsonSyntaxError } from '../../../src/core/text/json-syntax-error.js';


describe('jsonErrorIndex', () => {
  it('finds no error in any JSON text (seeded, 2,000 values)', () => {
    fc.assert(fc.property(fc.json(), (text) => jsonErrorIndex(text) === -1), { seed: 13, numRuns: 2000 });
  });

  it('agrees with JSON.parse on arbitrary and mutated texts (seeded, 3,000 each)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', '\\', 'u', '0', '1', '-', '.', 'e', 't', 'r', 'n', 'x', '\n') }), (text) => (jsonErrorIndex(text) === -1) === parses(text)), { seed: 13, numRuns: 3000 });
    fc.assert(fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 2 }), (text, at, insert) => {
      const mutated = text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1) + 1);
      const index = jsonErrorIndex(mutated);
      return (index === -1) === parses(mutated) && index <= mutated.length;
    }), { seed: 13, numRuns: 3000 });
  });

  it('reads a 20,000-deep array without recursion', () => {
    expect(jsonErrorIndex(`${'['.repeat(20_000)}${']'.repeat(20_000)}`)).toBe(-1);
    expect(jsonErrorIndex(`${'['.repeat(20_000)}${']'.repeat(19_999)}`)).toBe(39_999);
  });
});

describe('jsonSyntaxError', () => {
  it('names line and column of the first bad character, or that the text ends early, and nothing of the text', () => {
    expect(jsonSyntaxError('API_KEY=sk_live_123')).toBe('not valid JSON: unexpected character at line 1, column 1');
    expect(jsonSyntaxError('{\n  "a": 1,\n  "b": tru\n}')).toBe('not valid JSON: unexpected character at line 3, column 11');
    expect(jsonSyntaxError('{"secret": "abc')).toBe('not valid JSON: it ends early at line 1, column 16');
    expect(jsonSyntaxError('')).toBe('not valid JSON: it ends early at line 1, column 1');
  });
});
