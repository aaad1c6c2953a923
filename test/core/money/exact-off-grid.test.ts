// Covers tryExactOffGrid: a price between two grid units, held exactly (canonical text, value × 10^EXACT_SCALE, the unit below); null for on-grid, negative, malformed or too-large values.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileUnitGrid, EXACT_SCALE, tryDecimalToUnits, tryExactOffGrid } from '../../../src/core/money/fast-units.js';

const TICK = compileUnitGrid('0.0001');
const HALF = compileUnitGrid('0.5');

describe('tryExactOffGrid', () => {
  it('holds an old-tick price exactly: canonical text, exact scaled value and the tick below', () => {
    const x = tryExactOffGrid('0.25974000', TICK)!;
    expect(x.text).toBe('0.25974');
    expect(x.floorUnits).toBe(2597);
    expect(x.exact).toBe(25974n * 10n ** BigInt(EXACT_SCALE - 5));
    expect(tryExactOffGrid('+00012.30001', TICK)).toEqual({ text: '12.30001', exact: 1230001n * 10n ** BigInt(EXACT_SCALE - 5), floorUnits: 123000 });
    expect(tryExactOffGrid('.00005', TICK)?.floorUnits).toBe(0);
  });

  it('works on steps that are not a power of ten (0.5: 1.3 lies between units 2 and 3)', () => {
    expect(tryExactOffGrid('1.3', HALF)?.floorUnits).toBe(2);
    expect(tryExactOffGrid('1.5', HALF)).toBeNull();
  });

  it.each([
    ['an on-grid price', '0.2597'],
    ['an on-grid price with trailing zeros', '0.25970000'],
    ['zero', '0'],
    ['a negative price', '-0.25974'],
    ['a malformed price', '0.25974x'],
    ['an exponent', '2.5974e-1'],
    ['a number instead of text', 0.25974],
    ['a decimal longer than any venue sends', `0.${'1'.repeat(70)}`],
    ['a price whose tick below passes 2^53', `${'9'.repeat(13)}.00001`],
  ])('returns null for %s', (_what, text) => {
    expect(tryExactOffGrid(text, TICK)).toBeNull();
  });

  it('is exactly what the fast path refuses among valid non-negative prices: floor ≤ value < floor + 1 tick, order kept', () => {
    const digits = fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 9_999_999 }));
    fc.assert(
      fc.property(digits, digits, ([ia, fa], [ib, fb]) => {
        const a = `${ia}.${String(fa).padStart(7, '0')}`;
        const b = `${ib}.${String(fb).padStart(7, '0')}`;
        const xa = tryExactOffGrid(a, TICK);
        expect(xa === null).toBe(tryDecimalToUnits(a, TICK) === tryDecimalToUnits(a, TICK)); // off grid ⟺ the fast path said NaN
        const xb = tryExactOffGrid(b, TICK);
        if (xa === null || xb === null) return;
        const scaledA = BigInt(ia) * 10_000_000n + BigInt(fa); // units of 1e-7
        expect(BigInt(xa.floorUnits) * 1000n < scaledA && scaledA < BigInt(xa.floorUnits + 1) * 1000n).toBe(true);
        const scaledB = BigInt(ib) * 10_000_000n + BigInt(fb);
        expect(xa.exact < xb.exact).toBe(scaledA < scaledB);
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
