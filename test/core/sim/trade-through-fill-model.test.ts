import { describe, expect, it } from 'vitest';
import { IcebergVisible } from '../../../src/core/sim/iceberg-visible.js';
import { TradeThroughFillModel } from '../../../src/core/sim/trade-through-fill-model.js';
import { BTC, ETH, harness } from '../../helpers/venue-harness.js';

const instruments = new Map([BTC, ETH].map((i) => [i.symbol, i]));
const tradeThrough = (): TradeThroughFillModel => new TradeThroughFillModel(new IcebergVisible(instruments));

/** Fill lines only (the recorder also logs accepts and cancels). */
const fills = (lines: readonly string[]): string[] => lines.filter((l) => l.includes(' fill '));

describe('TradeThroughFillModel on the simulated venue', () => {
  it('fills a resting buy partially by trades at or below its price, and ignores trades above it', () => {
    const model = tradeThrough();
    const h = harness({ fillModel: model });
    h.place('BUY', 934000, 10);
    h.quote(40, 933990, 934010, 7, 7); // before the order arrives: nothing rests yet
    h.runUntil(50);
    h.trade(60, 934001, 50); // above the bid: does not reach it
    h.trade(70, 934000, 3); // at the bid
    h.trade(80, 933990, 20); // through the bid: fills the rest
    h.trade(90, 933980, 20); // nothing left
    expect(fills(h.rec.lines)).toEqual([
      '70 fill F-1 O-1 BUY 3@934000 MAKER ts=70 PARTIALLY_FILLED filled=3',
      '80 fill F-2 O-1 BUY 7@934000 MAKER ts=80 FILLED filled=10',
    ]);
    expect(model.stats()).toEqual({ fills_from_touch: 0, fills_from_trades: 2 });
  });

  it('fills a resting sell by trades at or above its price, whichever side took', () => {
    const h = harness({ fillModel: tradeThrough() });
    h.place('SELL', 934010, 4);
    h.runUntil(50);
    h.trade(60, 934009, 9, 'buy'); // below the ask: no
    h.trade(70, 934010, 1, 'sell'); // at the ask, a seller took: still a print at its price
    h.trade(80, 934020, 2, 'buy');
    expect(fills(h.rec.lines)).toEqual([
      '70 fill F-1 O-1 SELL 1@934010 MAKER ts=70 PARTIALLY_FILLED filled=1',
      '80 fill F-2 O-1 SELL 2@934010 MAKER ts=80 PARTIALLY_FILLED filled=3',
    ]);
  });

  it('fills by the displayed size of a touch that crosses the order, on each update that still crosses', () => {
    const model = tradeThrough();
    const h = harness({ fillModel: model });
    h.place('BUY', 934000, 10);
    h.runUntil(50);
    h.quote(60, 933990, 934001, 5, 5); // not crossed
    h.quote(70, 933990, 934000, 5, 4); // ask at the bid: 4 lots meet it
    h.quote(80, 933980, 933999, 5, 100); // still crossing: the rest
    expect(fills(h.rec.lines)).toEqual([
      '70 fill F-1 O-1 BUY 4@934000 MAKER ts=70 PARTIALLY_FILLED filled=4',
      '80 fill F-2 O-1 BUY 6@934000 MAKER ts=80 FILLED filled=10',
    ]);
    expect(model.stats()).toEqual({ fills_from_touch: 2, fills_from_trades: 0 });
  });

  it('shares one trade among our orders in price-time priority: best price first, then oldest', () => {
    const h = harness({ fillModel: tradeThrough() });
    h.place('BUY', 934000, 5); // O-1
    h.place('BUY', 934001, 5); // O-2: better price
    h.place('BUY', 934000, 3); // O-3: same price as O-1, younger
    h.runUntil(50);
    h.trade(60, 934000, 7);
    expect(fills(h.rec.lines)).toEqual([
      '60 fill F-1 O-2 BUY 5@934001 MAKER ts=60 FILLED filled=5',
      '60 fill F-2 O-1 BUY 2@934000 MAKER ts=60 PARTIALLY_FILLED filled=2',
    ]);
  });

  it('fills an iceberg by at most its visible part per trade', () => {
    const h = harness({ fillModel: tradeThrough() });
    h.place('BUY', 934000, 6, 'BTCUSDT', { timeInForce: 'GTC', postOnly: false, reduceOnly: false, icebergQty: '0.002' });
    h.runUntil(50);
    h.trade(60, 934000, 10);
    h.trade(70, 934000, 10);
    expect(fills(h.rec.lines)).toEqual([
      '60 fill F-1 O-1 BUY 2@934000 MAKER ts=60 PARTIALLY_FILLED filled=2',
      '70 fill F-2 O-1 BUY 2@934000 MAKER ts=70 PARTIALLY_FILLED filled=4',
    ]);
  });

  it('leaves other symbols and orders still in flight alone', () => {
    const h = harness({ fillModel: tradeThrough() });
    h.place('BUY', 934000, 5);
    h.trade(10, 933000, 50); // the order has not reached the venue yet
    h.runUntil(50);
    h.venue.onMarketEvent({ kind: 'trade', symbol: 'ETHUSDT', ts: 60, priceTicks: 1, qtyLots: 50, takerSide: 'sell', tradeId: 'e' }, h.symbolIndex('ETHUSDT'));
    expect(fills(h.rec.lines)).toEqual([]);
  });

  it('lets a cancel lose the race to a trade that fills the order while the cancel travels', () => {
    const h = harness({ fillModel: tradeThrough() });
    const id = h.place('BUY', 934000, 5);
    h.runUntil(50);
    h.venue.cancelOrder(id); // sent at 50, arrives at 100
    h.trade(80, 934000, 9);
    h.runUntil(200);
    expect(h.rec.lines.slice(1)).toEqual(['80 fill F-1 O-1 BUY 5@934000 MAKER ts=80 FILLED filled=5', '100 cancel-rejected O-1 FILLED FAKE_ORDER_FILLED']);
  });
});
