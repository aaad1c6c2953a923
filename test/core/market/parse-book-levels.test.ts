// Covers parseBookLevels: [[price, qty], …] decimal strings → integer levels, null on any malformed, off-grid or negative entry.
import { describe, it, expect } from 'vitest';
import { parseBookLevels } from '../../../src/core/market/parse-book-levels.js';
import { buildSymbolGrid } from '../../../src/core/market/symbol-grid.js';
import { BTCUSDT_SPEC } from '../../helpers/instrument-specs.js';

const grid = buildSymbolGrid(BTCUSDT_SPEC);

describe('parseBookLevels', () => {
  it('converts each level in order and keeps zero quantities', () => {
    expect(parseBookLevels([['30247.20', '30.028'], ['30240.00', '0']], grid)).toEqual([[302472, 30028], [302400, 0]]);
    expect(parseBookLevels([], grid)).toEqual([]);
  });

  it('ignores extra entries after price and quantity', () => {
    expect(parseBookLevels([['1.0', '1', 'extra']], grid)).toEqual([[10, 1000]]);
  });

  it.each([
    ['not an array', '1'],
    ['a level that is not an array', [['1.0', '1'], '1.0']],
    ['a missing quantity', [['1.0']]],
    ['an off-grid price', [['1.05', '1']]],
    ['a negative quantity', [['1.0', '-1']]],
    ['a numeric price', [[1, '1']]],
    ['null', null],
  ])('returns null for %s', (_what, raw) => {
    expect(parseBookLevels(raw, grid)).toBeNull();
  });
});
