// Covers parseBookLevels: [[price, qty], …] decimal strings → integer levels; prices off the tick grid go to the collector at their exact price; null on a malformed or negative entry.
import { describe, it, expect } from 'vitest';
import { parseBookLevels } from '../../../src/core/market/parse-book-levels.js';
import { OffGridCollector } from '../../../src/core/market/off-grid-level.js';
import { buildSymbolGrid } from '../../../src/core/market/symbol-grid.js';
import { BTCUSDT_SPEC } from '../../helpers/instrument-specs.js';

const grid = buildSymbolGrid(BTCUSDT_SPEC); // tick 0.1, lot 0.001

describe('parseBookLevels', () => {
  it('converts each level in order and keeps zero quantities', () => {
    const offGrid = new OffGridCollector();
    expect(parseBookLevels([['30247.20', '30.028'], ['30240.00', '0']], grid, 'bid', offGrid)).toEqual([[302472, 30028], [302400, 0]]);
    expect(parseBookLevels([], grid, 'ask', offGrid)).toEqual([]);
    expect(offGrid.take()).toBeUndefined();
  });

  it('ignores extra entries after price and quantity', () => {
    expect(parseBookLevels([['1.0', '1', 'extra']], grid, 'bid', new OffGridCollector())).toEqual([[10, 1000]]);
  });

  it('keeps a price off the tick grid out of the levels and hands it to the collector at its exact price, sides in order', () => {
    const offGrid = new OffGridCollector();
    expect(parseBookLevels([['30247.25', '1.5'], ['30247.20', '2']], grid, 'bid', offGrid)).toEqual([[302472, 2000]]);
    expect(parseBookLevels([['30247.3500', '0']], grid, 'ask', offGrid)).toEqual([]);
    const taken = offGrid.take()!;
    expect(taken.map((l) => [l.side, l.price.text, l.price.floorUnits, l.qtyLots])).toEqual([
      ['bid', '30247.25', 302472, 1500],
      ['ask', '30247.35', 302473, 0],
    ]);
    expect(offGrid.take()).toBeUndefined(); // a fresh start for the next message
  });

  it.each([
    ['not an array', '1'],
    ['a level that is not an array', [['1.0', '1'], '1.0']],
    ['a missing quantity', [['1.0']]],
    ['a malformed price', [['1.0x', '1']]],
    ['a negative off-grid price', [['-1.05', '1']]],
    ['a negative quantity', [['1.0', '-1']]],
    ['a quantity off the lot grid', [['1.0', '0.0005']]],
    ['an off-grid price with a quantity off the lot grid', [['1.05', '0.0005']]],
    ['a numeric price', [[1, '1']]],
    ['null', null],
  ])('returns null for %s', (_what, raw) => {
    expect(parseBookLevels(raw, grid, 'bid', new OffGridCollector())).toBeNull();
  });
});
