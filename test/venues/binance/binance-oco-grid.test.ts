// Differential: BinanceVenueRules.validateOco (checkBinanceOcoOnGrid, ticks and lots) answers exactly what the decimal checkBinanceOco path answers, for random spot instruments and OCOs.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { Decimal } from '../../../src/core/money/decimal.js';
import type { OcoRequest } from '../../../src/core/model/order-list.js';
import type { BinanceInstrument } from '../../../src/venues/binance/binance-instruments.js';
import { BinanceVenueRules } from '../../../src/venues/binance/binance-venue-rules.js';
import { gridInteger, nonNegativeDecimal, positiveDecimal } from '../../helpers/grid-arbitraries.js';

const spotInstrument = fc
  .record({
    tick: positiveDecimal(50, 3),
    step: positiveDecimal(50, 3),
    minPrice: nonNegativeDecimal(500, 2),
    maxPrice: nonNegativeDecimal(9000, 1),
    // Mostly on the step (an engine instrument exists: the grid path), sometimes off it (the decimal fallback).
    minQtySteps: fc.integer({ min: 0, max: 20 }),
    maxQtySteps: fc.integer({ min: 1, max: 5_000 }),
    offGrid: fc.option(positiveDecimal(5000, 2), { freq: 8 }),
    notional: fc.option(fc.record({ legacy: fc.boolean(), min: nonNegativeDecimal(500, 2), max: fc.option(nonNegativeDecimal(90_000, 1)) })),
    maxNumOrders: fc.option(fc.integer({ min: 1, max: 5 })),
    ocoAllowed: fc.boolean(),
    // Half the instruments let most OCOs through the filters, so the price relationship is reached and decided.
    permissive: fc.boolean(),
  })
  .filter((r) => new Decimal(r.tick).times(r.step).div('1e-8').isInteger())
  .map((r) => (r.permissive ? { ...r, minPrice: '0', maxPrice: '0', notional: null, maxNumOrders: null, ocoAllowed: true, offGrid: null } : r))
  .map((r) => ({ ...r, minQty: new Decimal(r.step).times(r.minQtySteps).toFixed(), maxQty: r.offGrid ?? new Decimal(r.step).times(r.minQtySteps + r.maxQtySteps).toFixed() }))
  .map((r): BinanceInstrument => ({
    market: 'spot',
    spec: { symbol: 'XUSDT', baseAsset: 'X', quoteAsset: 'USDT', tickSize: r.tick, lotSize: r.step, minQty: r.minQty, maxQty: r.maxQty, minNotional: r.notional?.min ?? '0' },
    priceFilter: { minPrice: r.minPrice, maxPrice: r.maxPrice, tickSize: r.tick },
    lotSize: { minQty: r.minQty, maxQty: r.maxQty, stepSize: r.step },
    notional: r.notional === null ? null : r.notional.legacy ? { filter: 'MIN_NOTIONAL', min: r.notional.min, max: null } : { filter: 'NOTIONAL', min: r.notional.min, max: r.notional.max ?? '0' },
    icebergParts: null,
    maxNumOrders: r.maxNumOrders,
    icebergAllowed: false,
    ocoAllowed: r.ocoAllowed,
    orderTypes: ['LIMIT'],
    takenAt: null,
  }));

/** Leg prices near the market (so the price relationship goes both ways), sometimes anywhere on the grid. */
const nearOrAny = (market: number): fc.Arbitrary<number> => fc.oneof(fc.integer({ min: market - 3, max: market + 3 }), gridInteger);

const caseArb = fc.record({ binance: spotInstrument, market: fc.integer({ min: 1, max: 5_000 }), open: fc.integer({ min: 0, max: 6 }) }).chain((c) =>
  fc.record({
    c: fc.constant(c),
    side: fc.constantFrom('BUY' as const, 'SELL' as const),
    qtyLots: fc.oneof(gridInteger, fc.integer({ min: 1, max: 20 })),
    limit: nearOrAny(c.market),
    stop: nearOrAny(c.market),
    stopLimit: nearOrAny(c.market),
  }),
);

describe('BinanceVenueRules.validateOco on the grid', () => {
  it('answers as the decimal checkBinanceOco path does: the same first error, code and message', () => {
    fc.assert(
      fc.property(caseArb, ({ c, side, qtyLots, limit, stop, stopLimit }) => {
        const rules = new BinanceVenueRules('spot', { makerPpm: 0, takerPpm: 0 }, new Map([['XUSDT', c.binance]]), { openOrders: () => c.open, icebergQty: () => null });
        const request: OcoRequest = { symbol: 'XUSDT', symbolIndex: 0, side, qtyLots, limitPriceTicks: limit, stopTicks: stop, stopLimitPriceTicks: stopLimit, quoteMidTicks: c.market };
        expect(rules.validateOco(request, c.market)).toEqual(rules.validateOcoByDecimals(request, c.market));
      }),
      { numRuns: 1_000, seed: 21 },
    );
  });

  it('refuses an unknown symbol and a USD-M OCO as before', () => {
    const rules = new BinanceVenueRules('usdm', { makerPpm: 0, takerPpm: 0 }, new Map(), { openOrders: () => 0, icebergQty: () => null });
    const request: OcoRequest = { symbol: 'XUSDT', symbolIndex: 0, side: 'SELL', qtyLots: 1, limitPriceTicks: 3, stopTicks: 1, stopLimitPriceTicks: 1, quoteMidTicks: 2 };
    expect(rules.validateOco(request, 2)).toEqual(rules.validateOcoByDecimals(request, 2));
  });
});
