// Covers ProbabilisticFillModel: whole fills when crossed, seeded chance otherwise, no draws at fill-rate 0 or 1 or when crossed; icebergs a visible slice per fill.
import { describe, it, expect } from 'vitest';
import { ProbabilisticFillModel } from '../../../src/core/sim/probabilistic-fill-model.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import type { Order, Side } from '../../../src/core/model/order.js';
import type { TopOfBook } from '../../../src/core/model/market-update.js';
import { ScriptedRng } from '../../helpers/scripted-rng.js';
import { makeOrder } from '../../helpers/orders.js';
import { IcebergVisible } from '../../../src/core/sim/iceberg-visible.js';
import { BTC, ETH, harness } from '../../helpers/venue-harness.js';

const NO_ICEBERGS = new IcebergVisible(new Map());
const ICEBERG = { timeInForce: 'GTC' as const, postOnly: false, reduceOnly: false, icebergQty: '0.002' }; // 2 lots of BTCUSDT
const instruments = new Map([BTC, ETH].map((i) => [i.symbol, i]));

/** Fill lines only (the recorder also logs accepts and cancels). */
const fills = (lines: readonly string[]): string[] => lines.filter((l) => l.includes(' fill '));

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
    const model = new ProbabilisticFillModel(rng, 0.5, '0.5', NO_ICEBERGS);
    expect(model.quoteFill(order('BUY', 935001), BOOK)).toBe(10);
    expect(model.quoteFill(order('SELL', 935000, 10, 4), BOOK)).toBe(6);
    expect(rng.draws).toBe(0);
  });

  it('fills an uncrossed order when the draw is below the fill rate, one draw per call', () => {
    const rng = new ScriptedRng([0.49, 0.5, 0.51]);
    const model = new ProbabilisticFillModel(rng, 0.5, '0.5', NO_ICEBERGS);
    expect(model.quoteFill(order('BUY', 934000, 10, 3), BOOK)).toBe(7);
    expect(model.quoteFill(order('BUY', 934000), BOOK)).toBe(0);
    expect(model.quoteFill(order('SELL', 936000), BOOK)).toBe(0);
    expect(rng.draws).toBe(3);
  });

  it('always fills at rate 1 and never fills uncrossed at rate 0, drawing nothing', () => {
    const rng = new ScriptedRng([]);
    expect(new ProbabilisticFillModel(rng, 1, '1', NO_ICEBERGS).quoteFill(order('BUY', 934000), BOOK)).toBe(10);
    expect(new ProbabilisticFillModel(rng, 0, '0', NO_ICEBERGS).quoteFill(order('BUY', 934000), BOOK)).toBe(0);
    expect(rng.draws).toBe(0);
  });

  it('fills roughly fill-rate of the time on a seeded stream, identically for the same seed', () => {
    const run = (): number[] => {
      const model = new ProbabilisticFillModel(new SeededRng('fills'), 0.3, '0.3', NO_ICEBERGS);
      return Array.from({ length: 2000 }, () => model.quoteFill(order('BUY', 934000, 1), BOOK));
    };
    const a = run();
    expect(a).toEqual(run());
    const rate = a.reduce((s, x) => s + x, 0) / a.length;
    expect(rate).toBeGreaterThan(0.27);
    expect(rate).toBeLessThan(0.33);
  });

  it('describes itself with the fill rate as given', () => {
    const d = new ProbabilisticFillModel(new ScriptedRng([]), 0.25, '0.25', NO_ICEBERGS).describe();
    expect(d.name).toBe('probabilistic');
    expect(d.fill_rate).toBe('0.25');
    expect(Object.keys(d).sort()).toEqual(['fill_rate', 'iceberg', 'name', 'rule']);
  });

  it('fills an iceberg by one visible slice per crossing update, the last slice being what is left', () => {
    const model = new ProbabilisticFillModel(new ScriptedRng([]), 0.5, '0.5', new IcebergVisible(instruments));
    const h = harness({ fillModel: model });
    h.place('BUY', 934000, 5, 'BTCUSDT', ICEBERG); // 5 lots showing 2
    h.runUntil(50);
    h.quote(60, 933990, 934000, 5, 100); // the ask reaches the bid: crossed, however large the size there
    h.quote(70, 933990, 934000, 5, 100);
    h.quote(80, 933990, 933999, 5, 100);
    h.quote(90, 933990, 933999, 5, 100); // nothing left
    expect(fills(h.rec.lines)).toEqual([
      '60 fill F-1 O-1 BUY 2@934000 MAKER ts=60 PARTIALLY_FILLED filled=2',
      '70 fill F-2 O-1 BUY 2@934000 MAKER ts=70 PARTIALLY_FILLED filled=4',
      '80 fill F-3 O-1 BUY 1@934000 MAKER ts=80 FILLED filled=5',
    ]);
    expect(model.stats()).toEqual({ fills_when_crossed: 3, fills_by_chance: 0, iceberg_refreshes: 2 });
  });

  it('fills an uncrossed iceberg one slice per winning draw: the refreshed slice waits for a later update and its own draw', () => {
    const rng = new ScriptedRng([0.1, 0.9, 0.2, 0.3]);
    const model = new ProbabilisticFillModel(rng, 0.5, '0.5', new IcebergVisible(instruments));
    const h = harness({ fillModel: model });
    h.place('SELL', 934010, 5, 'BTCUSDT', ICEBERG);
    h.runUntil(50);
    for (const t of [60, 70, 80, 90]) h.quote(t, 933990, 934000, 5, 5); // never crossed
    expect(fills(h.rec.lines)).toEqual([
      '60 fill F-1 O-1 SELL 2@934010 MAKER ts=60 PARTIALLY_FILLED filled=2',
      '80 fill F-2 O-1 SELL 2@934010 MAKER ts=80 PARTIALLY_FILLED filled=4',
      '90 fill F-3 O-1 SELL 1@934010 MAKER ts=90 FILLED filled=5',
    ]);
    expect(rng.draws).toBe(4);
    expect(model.stats()).toEqual({ fills_when_crossed: 0, fills_by_chance: 3, iceberg_refreshes: 2 });
  });

  it('fills a plain order beside an iceberg in one piece, and an iceberg no larger than its slice in one piece', () => {
    const model = new ProbabilisticFillModel(new ScriptedRng([]), 1, '1', new IcebergVisible(instruments));
    const h = harness({ fillModel: model });
    h.place('BUY', 934000, 7); // O-1 plain
    h.place('BUY', 934000, 2, 'BTCUSDT', ICEBERG); // O-2: all of it visible
    h.runUntil(50);
    h.quote(60, 933990, 934001, 5, 5);
    expect(fills(h.rec.lines)).toEqual([
      '60 fill F-1 O-1 BUY 7@934000 MAKER ts=60 FILLED filled=7',
      '60 fill F-2 O-2 BUY 2@934000 MAKER ts=60 FILLED filled=2',
    ]);
    expect(model.stats()).toEqual({ fills_when_crossed: 0, fills_by_chance: 2, iceberg_refreshes: 0 });
  });
});
