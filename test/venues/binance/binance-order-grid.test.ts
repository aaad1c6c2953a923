// Differential: checkBinanceOrderOnGrid (integer limits on ticks and lots) answers exactly what the decimal checkBinanceOrder answers, spot and USD-M, icebergs included.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { buildInstrument, formatPrice, formatQty, type Instrument } from '../../../src/core/model/instrument.js';
import { Decimal } from '../../../src/core/money/decimal.js';
import type { BinanceInstrument } from '../../../src/venues/binance/binance-instruments.js';
import { checkBinanceOrder } from '../../../src/venues/binance/binance-order-filters.js';
import { buildBinanceOrderGrid, checkBinanceOrderOnGrid, icebergLotsOf } from '../../../src/venues/binance/binance-order-grid.js';
import { boundaryTarget, coreUnit, gridInteger, nonNegativeDecimal, onBoundary, positiveDecimal } from '../../helpers/grid-arbitraries.js';

const binanceInstrument = fc
  .record({
    spot: fc.boolean(),
    tick: positiveDecimal(50, 3),
    step: positiveDecimal(50, 3),
    minPrice: nonNegativeDecimal(500, 2),
    maxPrice: nonNegativeDecimal(9000, 1),
    minQty: nonNegativeDecimal(200, 3),
    maxQty: positiveDecimal(5000, 2),
    notional: fc.option(fc.record({ legacy: fc.boolean(), min: nonNegativeDecimal(500, 2), max: fc.option(nonNegativeDecimal(90_000, 1)) })),
    icebergParts: fc.option(fc.integer({ min: 1, max: 12 })),
    maxNumOrders: fc.option(fc.integer({ min: 1, max: 5 })),
    icebergAllowed: fc.boolean(),
  })
  .map((r): BinanceInstrument => ({
    market: r.spot ? 'spot' : 'usdm',
    spec: { symbol: 'XUSDT', baseAsset: 'X', quoteAsset: 'USDT', tickSize: r.tick, lotSize: r.step, minQty: r.minQty, maxQty: r.maxQty, minNotional: r.notional?.min ?? '0' },
    priceFilter: { minPrice: r.minPrice, maxPrice: r.maxPrice, tickSize: r.tick },
    lotSize: { minQty: r.minQty, maxQty: r.maxQty, stepSize: r.step },
    notional:
      r.notional === null
        ? null
        : r.spot && !r.notional.legacy
          ? { filter: 'NOTIONAL', min: r.notional.min, max: r.notional.max ?? '0' }
          : { filter: 'MIN_NOTIONAL', min: r.notional.min, max: null },
    icebergParts: r.spot ? r.icebergParts : null,
    maxNumOrders: r.maxNumOrders,
    icebergAllowed: r.spot && r.icebergAllowed,
    ocoAllowed: r.spot,
    orderTypes: ['LIMIT'],
    takenAt: null,
  }));

const caseArb = binanceInstrument.chain((binance) =>
  fc.record({
    binance: fc.constant(binance),
    tick: coreUnit(binance.priceFilter.tickSize),
    lot: coreUnit(binance.lotSize.stepSize),
    priceTicks: gridInteger,
    qtyLots: gridInteger,
    iceberg: fc.option(fc.integer({ min: 1, max: 60 }), { freq: 3 }),
    // Half the icebergs sit at the order's own size, one lot under or over it (the ICEBERG_QTY_EXCEEDS_QTY edge).
    icebergNearQty: fc.option(fc.integer({ min: -1, max: 1 }), { freq: 2 }),
    reduceOnly: fc.boolean(),
    open: fc.integer({ min: 0, max: 6 }),
    boundary: boundaryTarget,
  }),
);

function coreInstrument(tick: string, lot: string): Instrument | null {
  if (!new Decimal(tick).times(lot).div('1e-8').isInteger()) return null;
  return buildInstrument({ symbol: 'XUSDT', baseAsset: 'X', quoteAsset: 'USDT', tickSize: tick, lotSize: lot, minQty: lot, maxQty: lot, minNotional: '0' });
}

describe('checkBinanceOrderOnGrid', () => {
  it('answers what the decimal checkBinanceOrder answers for random spot and USD-M instruments and orders', () => {
    fc.assert(
      fc.property(caseArb, ({ binance, tick, lot, iceberg: freeIceberg, icebergNearQty, reduceOnly, open, boundary, ...free }) => {
        const instrument = coreInstrument(tick, lot);
        fc.pre(instrument !== null);
        const grid = buildBinanceOrderGrid(binance, instrument!);
        const limits = {
          minPriceTicks: grid.minPriceTicks.n,
          maxPriceTicks: grid.maxPriceTicks.n,
          minQtyLots: grid.minQtyLots.n,
          maxQtyLots: grid.maxQtyLots.n,
          minNotionalAtoms: grid.minNotionalAtoms.n,
          maxNotionalAtoms: grid.maxNotionalAtoms.n,
        };
        const { priceTicks, qtyLots } = onBoundary(free, limits, boundary);
        // One lot over an order of MAX_SAFE_INTEGER lots is no whole number of lots a double holds: capped there.
        const iceberg = freeIceberg === null || icebergNearQty === null ? freeIceberg : Math.min(Number.MAX_SAFE_INTEGER, Math.max(1, qtyLots + icebergNearQty));
        const icebergQty = iceberg === null ? null : formatQty(instrument!, iceberg);
        const reference = checkBinanceOrder(
          { price: formatPrice(instrument!, priceTicks), qty: formatQty(instrument!, qtyLots), icebergQty, reduceOnly },
          binance,
          open,
        );
        const icebergLots = icebergQty === null ? null : icebergLotsOf(icebergQty, instrument!);
        expect(icebergLots).not.toBeUndefined();
        expect(checkBinanceOrderOnGrid({ priceTicks, qtyLots, icebergLots: icebergLots ?? null, reduceOnly }, grid, open)).toEqual(reference);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads an icebergQty into lots only when it is a positive whole number of lots', () => {
    const instrument = coreInstrument('0.01', '0.001')!;
    expect(icebergLotsOf('0.005', instrument)).toBe(5);
    expect(icebergLotsOf('0.0005', instrument)).toBeUndefined();
    expect(icebergLotsOf('0', instrument)).toBeUndefined();
  });
});
