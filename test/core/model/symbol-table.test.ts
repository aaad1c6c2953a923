// Covers SymbolTable: indexes in run order, the next-index guess of require() agreeing with the map for any request order, and refusals.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { SymbolTable } from '../../../src/core/model/symbol-table.js';
import { codeOf } from '../../helpers/error-code.js';

const NAMES = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'XRPUSDT', 'ADAUSDT'];

describe('SymbolTable', () => {
  it('numbers the symbols in the order the run lists them', () => {
    const table = new SymbolTable(NAMES);
    expect(NAMES.map((n) => table.require(n, 'test'))).toEqual([0, 1, 2, 3, 4]);
    expect(table.nameOf(3)).toBe('XRPUSDT');
    expect(table.indexOf('DOGEUSDT')).toBe(-1);
  });

  it('answers require() as the name map does, whatever order the names come in (cycles, repeats, jumps)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: NAMES.length - 1 }), { maxLength: 200 }), (order) => {
        const table = new SymbolTable(NAMES);
        // Fresh strings equal to the names, as a feed that decodes them from bytes would hand over.
        for (const i of order) expect(table.require(`${NAMES[i]!.slice(0, 3)}${NAMES[i]!.slice(3)}`, 'test')).toBe(i);
      }),
      { numRuns: 200, seed: 21 },
    );
  });

  it('refuses an unknown symbol in require() and a duplicate in the run', () => {
    const table = new SymbolTable(NAMES);
    table.require('ADAUSDT', 'test');
    expect(codeOf(() => table.require('DOGEUSDT', 'the loop'))).toBe('E_INVARIANT');
    expect(table.require('BTCUSDT', 'test')).toBe(0);
    expect(codeOf(() => new SymbolTable(['A', 'A']))).toBe('E_CONFIG');
  });
});
