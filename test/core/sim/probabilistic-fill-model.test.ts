// Covers ProbabilisticFillModel: whole fills when crossed, seeded chance otherwise, no draws at fill-rate 0 or 1 or when crossed.
import { describe, it, expect } from 'vitest';
import { ProbabilisticFillModel } from '../../../src/core/sim/probabilistic-fill-model.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import type { Order, Side } from '../../../src/core/model/order.js';
import type { TopOfBook } from '../../../src/core/model/market-update.js';
import { ScriptedRng } from '../../helpers/scripted-rng.js';
import { makeOrder } from '../../helpers/orders.js';

function order(side: Side, priceTicks: number, qtyLots = 10, filledLots = 0): Order {
  return makeOrder(side, priceTicks, {
    qtyLots,
    quoteMidTicks: 935000,
    status: filledLots > 0 ? 'PARTIALLY_FILLED' : 'OPEN',
    filledLots,
  });
}

const BOOK: TopOfBook = { symbol: 'BTCUSDT', ts: 100, bidTicks: 935000, askTicks: 935001, bidLots: 5, askLots: 5 };

describe('ProbabilisticFillModel', () => {
  it('fills the whole remaining size when the market crosses, without drawing', () => {
    const rng = new ScriptedRng([]);
    const model = new ProbabilisticFillModel(rng, 0.5, '0.5');
    expect(model.quoteFill(order('BUY', 935001), BOOK)).toBe(10);
    expect(model.quoteFill(order('SELL', 935000, 10, 4), BOOK)).toBe(6);
    expect(rng.draws).toBe(0);
  });

  it('fills an uncrossed order when the draw is below the fill rate, one draw per call', () => {
    const rng = new ScriptedRng([0.49, 0.5, 0.51]);
    const model = new ProbabilisticFillModel(rng, 0.5, '0.5');
    expect(model.quoteFill(order('BUY', 934000, 10, 3), BOOK)).toBe(7);
    expect(model.quoteFill(order('BUY', 934000), BOOK)).toBe(0);
    expect(model.quoteFill(order('SELL', 936000), BOOK)).toBe(0);
    expect(rng.draws).toBe(3);
  });

  it('always fills at rate 1 and never fills uncrossed at rate 0, drawing nothing', () => {
    const rng = new ScriptedRng([]);
    expect(new ProbabilisticFillModel(rng, 1, '1').quoteFill(order('BUY', 934000), BOOK)).toBe(10);
    expect(new ProbabilisticFillModel(rng, 0, '0').quoteFill(order('BUY', 934000), BOOK)).toBe(0);
    expect(rng.draws).toBe(0);
  });

  it('fills roughly fill-rate of the time on a seeded stream, identically for the same seed', () => {
    const run = (): number[] => {
      const model = new ProbabilisticFillModel(new SeededRng('fills'), 0.3, '0.3');
      return Array.from({ length: 2000 }, () => model.quoteFill(order('BUY', 934000, 1), BOOK));
    };
    const a = run();
    expect(a).toEqual(run());
    const rate = a.reduce((s, x) => s + x, 0) / a.length;
    expect(rate).toBeGreaterThan(0.27);
    expect(rate).toBeLessThan(0.33);
  });

  it('describes itself with the fill rate as given', () => {
    const d = new ProbabilisticFillModel(new ScriptedRng([]), 0.25, '0.25').describe();
    expect(d.name).toBe('probabilistic');
    expect(d.fill_rate).toBe('0.25');
    expect(Object.keys(d).sort()).toEqual(['fill_rate', 'name', 'rule']);
  });
});
