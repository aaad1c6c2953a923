// Differential: the probabilistic, trade-through and queue models fill an iceberg by the same visible slices where their rules agree (a crossing touch showing at least a slice).
import { describe, expect, it } from 'vitest';
import { IcebergVisible } from '../../../src/core/sim/iceberg-visible.js';
import type { FillModel } from '../../../src/ports/fill-model.js';
import { ProbabilisticFillModel } from '../../../src/core/sim/probabilistic-fill-model.js';
import { QueuePositionFillModel } from '../../../src/core/sim/queue-position-fill-model.js';
import { TradeThroughFillModel } from '../../../src/core/sim/trade-through-fill-model.js';
import { NO_BOOK_VIEW } from '../../../src/ports/book-view.js';
import { BTC, ETH, harness } from '../../helpers/venue-harness.js';
import { ScriptedRng } from '../../helpers/scripted-rng.js';

const instruments = new Map([BTC, ETH].map((i) => [i.symbol, i]));
const ICEBERG = { timeInForce: 'GTC' as const, postOnly: false, reduceOnly: false, icebergQty: '0.003' }; // 3 lots of BTCUSDT

const MODELS: Record<string, () => FillModel> = {
  // Rate 0: only crossing fills, no draws (the script is empty).
  probabilistic: () => new ProbabilisticFillModel(new ScriptedRng([]), 0, '0', new IcebergVisible(instruments)),
  'trade-through': () => new TradeThroughFillModel(new IcebergVisible(instruments)),
  queue: () => new QueuePositionFillModel(NO_BOOK_VIEW, 'proportional', new IcebergVisible(instruments), instruments),
};

/** Fill lines of a buy iceberg of 10 lots (3 visible) and a plain sell of 4 under touches that cross each, showing 3..9 lots. */
function fillLines(model: FillModel): string[] {
  const h = harness({ fillModel: model });
  h.place('BUY', 934000, 10, 'BTCUSDT', ICEBERG); // O-1
  h.place('SELL', 934100, 4); // O-2, plain
  h.runUntil(50);
  h.quote(60, 933990, 934010, 5, 5); // not crossed
  h.quote(70, 933990, 934000, 5, 3); // the ask meets the bid with exactly a slice
  h.quote(80, 933980, 933995, 5, 9);
  h.quote(90, 933980, 933995, 5, 9);
  h.quote(100, 933980, 933995, 5, 9);
  h.quote(110, 934100, 934110, 4, 9); // the bid meets the plain sell with all of its size
  h.quote(120, 933980, 933995, 5, 9); // nothing left
  return h.rec.lines.filter((l) => l.includes(' fill '));
}

describe('iceberg fills across fill models', () => {
  it('all three models fill an iceberg one visible slice per crossing update (10 lots: 3, 3, 3, 1) and a plain order whole', () => {
    const expected = [
      '70 fill F-1 O-1 BUY 3@934000 MAKER ts=70 PARTIALLY_FILLED filled=3',
      '80 fill F-2 O-1 BUY 3@934000 MAKER ts=80 PARTIALLY_FILLED filled=6',
      '90 fill F-3 O-1 BUY 3@934000 MAKER ts=90 PARTIALLY_FILLED filled=9',
      '100 fill F-4 O-1 BUY 1@934000 MAKER ts=100 FILLED filled=10',
      '110 fill F-5 O-2 SELL 4@934100 MAKER ts=110 FILLED filled=4',
    ];
    for (const [name, model] of Object.entries(MODELS)) expect({ name, fills: fillLines(model()) }).toEqual({ name, fills: expected });
  });

  it('counts the same refreshed slices in the probabilistic and queue models (3 for a 10-lot order showing 3)', () => {
    const probabilistic = MODELS.probabilistic!();
    const queue = MODELS.queue!();
    fillLines(probabilistic);
    fillLines(queue);
    expect(probabilistic.stats().iceberg_refreshes).toBe(3);
    expect(queue.stats().iceberg_refreshes).toBe(3);
  });
});
