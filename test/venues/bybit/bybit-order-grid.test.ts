// Differential: checkBybitOrderOnGrid (integer limits on ticks and lots) answers exactly what the decimal checkBybitOrder answers, for random linear and spot instruments, grids and orders.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { buildInstrument, formatPrice, formatQty, type Instrument } from '../../../src/core/model/instrument.js';
import { Decimal } from '../../../src/core/money/decimal.js';
import type { BybitInstrument } from '../../../src/venues/bybit/bybit-instruments.js';
import { buildBybitOrderGrid, checkBybitOrderOnGrid } from '../../../src/venues/bybit/bybit-order-grid.js';
import { checkBybitOrder } from '../../../src/venues/bybit/bybit-venue-rules.js';
import { boundaryTarget, coreUnit, gridInteger, nonNegativeDecimal, onBoundary, positiveDecimal } from '../../helpers/grid-arbitraries.js';

const bybitInstrument = fc
  .record({
    linear: fc.boolean(),
    tick: positiveDecimal(50, 3),
    lot: positiveDecimal(50, 3),
    minQty: positiveDecimal(200, 3),
    maxQty: positiveDecimal(5000, 2),
    postOnlyMax: positiveDecimal(5000, 2),
    minNotional: nonNegativeDecimal(500, 2),
    minPrice: positiveDecimal(500, 2),
    maxPrice: positiveDecimal(9000, 1),
  })
  .map((r): BybitInstrument => ({
    category: r.linear ? 'linear' : 'spot',
    spec: { symbol: 'XUSDT', baseAsset: 'X', quoteAsset: 'USDT', tickSize: r.tick, lotSize: r.lot, minQty: r.minQty, maxQty: r.maxQty, minNotional: r.minNotional },
    minPrice: r.linear ? r.minPrice : null,
    maxPrice: r.linear ? r.maxPrice : null,
    postOnlyMaxQty: r.linear ? r.maxQty : r.postOnlyMax,
    takenAt: null,
  }));

const caseArb = bybitInstrument.chain((bybit) =>
  fc.record({
    bybit: fc.constant(bybit),
    tick: coreUnit(bybit.spec.tickSize),
    lot: coreUnit(bybit.spec.lotSize),
    priceTicks: gridInteger,
    qtyLots: gridInteger,
    postOnly: fc.boolean(),
    boundary: boundaryTarget,
  }),
);

function coreInstrument(bybit: BybitInstrument, tick: string, lot: string): Instrument | null {
  // The core grid needs tick × lot on 1e-8 and min/max qty on the lot grid; those instruments are not the case here.
  const spec = { ...bybit.spec, tickSize: tick, lotSize: lot, minQty: lot, maxQty: lot, minNotional: '0' };
  if (!new Decimal(tick).times(lot).div('1e-8').isInteger()) return null;
  return buildInstrument(spec);
}

describe('checkBybitOrderOnGrid', () => {
  it('answers what the decimal checkBybitOrder answers (code, message and detail) for random instruments and orders', () => {
    fc.assert(
      fc.property(caseArb, ({ bybit, tick, lot, postOnly, boundary, ...free }) => {
        const instrument = coreInstrument(bybit, tick, lot);
        fc.pre(instrument !== null);
        const grid = buildBybitOrderGrid(bybit, instrument!);
        const limits = {
          minPriceTicks: grid.minPriceTicks.n,
          maxPriceTicks: grid.maxPriceTicks.n,
          minQtyLots: grid.minQtyLots.n,
          maxQtyLots: (postOnly ? grid.postOnlyMaxQtyLots : grid.maxQtyLots).n,
          minNotionalAtoms: grid.minNotionalAtoms.n,
          maxNotionalAtoms: 2 ** 53,
        };
        const { priceTicks, qtyLots } = onBoundary(free, limits, boundary);
        fc.pre(priceTicks > 0);
        const reference = checkBybitOrder({ price: formatPrice(instrument!, priceTicks), qty: formatQty(instrument!, qtyLots), postOnly }, bybit);
        expect(checkBybitOrderOnGrid(priceTicks, qtyLots, postOnly, grid)).toEqual(reference);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects below minNotionalValue with the value Bybit reports, and accepts at it', () => {
    const bybit: BybitInstrument = {
      category: 'linear',
      spec: { symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.10', lotSize: '0.001', minQty: '0.001', maxQty: '100', minNotional: '5' },
      minPrice: '0.10',
      maxPrice: '199999.80',
      postOnlyMaxQty: '100',
      takenAt: null,
    };
    const grid = buildBybitOrderGrid(bybit, buildInstrument(bybit.spec));
    expect(checkBybitOrderOnGrid(49_999, 1, false, grid)?.detail).toBe('order value 4.9999 is below minNotionalValue 5');
    expect(checkBybitOrderOnGrid(50_000, 1, false, grid)).toBeNull();
  });
});
