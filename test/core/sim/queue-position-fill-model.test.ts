import { describe, expect, it } from 'vitest';
import { formatQty } from '../../../src/core/model/instrument.js';
import type { Side } from '../../../src/core/model/order.js';
import { IcebergVisible } from '../../../src/core/sim/iceberg-visible.js';
import type { QueueCancelRule } from '../../../src/core/sim/queue-cancel-rule.js';
import { QueuePositionFillModel } from '../../../src/core/sim/queue-position-fill-model.js';
import { NO_BOOK_VIEW, type BookView } from '../../../src/ports/book-view.js';
import { BTC, ETH, harness, type Harness } from '../../helpers/venue-harness.js';

const instruments = new Map([BTC, ETH].map((i) => [i.symbol, i]));

/** A book the test sets level by level; a price never set is beyond the known depth (null). */
class ScriptedBook implements BookView {
  private readonly levels = new Map<string, number>();
  set(side: Side, priceTicks: number, lots: number): void {
    this.levels.set(`${side}:${priceTicks}`, lots);
  }
  levelLots(_symbol: string, side: Side, priceTicks: number): number | null {
    return this.levels.get(`${side}:${priceTicks}`) ?? null;
  }
}

function setup(rule: QueueCancelRule = 'proportional', view?: BookView): { h: Harness; book: ScriptedBook; model: QueuePositionFillModel } {
  const book = new ScriptedBook();
  const model = new QueuePositionFillModel(view ?? book, rule, new IcebergVisible(instruments), instruments);
  return { h: harness({ fillModel: model }), book, model };
}

const fills = (lines: readonly string[]): string[] => lines.filter((l) => l.includes(' fill '));

/** A resting buy of 10 lots at 934000 behind `level` public lots (seen on the quote at t=60). */
function restingBuy(rule: QueueCancelRule, level: number): ReturnType<typeof setup> {
  const s = setup(rule);
  s.book.set('BUY', 934000, level);
  s.h.place('BUY', 934000, 10);
  s.h.runUntil(50);
  s.h.quote(60, 934000, 934010, level, 5);
  return s;
}

describe('QueuePositionFillModel', () => {
  it('fills only what a trade at the price leaves after the size ahead, then trades fill it directly', () => {
    const { h, model } = restingBuy('proportional', 10);
    h.trade(70, 934000, 4); // 10 ahead → 6
    h.trade(80, 934000, 8); // 6 ahead consumed, 2 reach the order
    h.trade(90, 934000, 3); // nothing ahead: 3
    expect(fills(h.rec.lines)).toEqual([
      '80 fill F-1 O-1 BUY 2@934000 MAKER ts=80 PARTIALLY_FILLED filled=2',
      '90 fill F-2 O-1 BUY 3@934000 MAKER ts=90 PARTIALLY_FILLED filled=5',
    ]);
    expect(model.stats()).toMatchObject({ queue_joins: 1, ahead_depleted_by_symbol: { BTCUSDT: { traded_qty: '0.01', cancelled_qty: '0' } }, fills_from_trades: 2 });
  });

  it('takes the place from the book at the first market event after the order rests, not when it is sent', () => {
    const { h, book } = setup();
    book.set('BUY', 934000, 3);
    h.place('BUY', 934000, 10);
    h.runUntil(50); // accepted; place not read yet
    book.set('BUY', 934000, 9); // the level grew before the next event: the order is behind 9
    h.quote(60, 934000, 934010, 9, 5);
    h.trade(70, 934000, 9);
    h.trade(80, 934000, 1);
    expect(fills(h.rec.lines)).toEqual(['80 fill F-1 O-1 BUY 1@934000 MAKER ts=80 PARTIALLY_FILLED filled=1']);
  });

  it.each([
    // Level 20 with 10 ahead and 10 behind; 10 lots cancelled without trades, then a 7-lot trade.
    ['proportional', 5, '60 fill', 2], // ahead 10 − floor(10 × 10 / 20) = 5 → 2 reach the order
    ['behind-first', 10, null, 0], // all 10 came from behind: 10 still ahead (and the level is now 10)
    ['ahead-first', 0, '60 fill', 7], // all 10 came from ahead: the whole trade fills the order
  ] as const)('applies cancels ahead by the %s rule', (rule, aheadAfter, _label, filled) => {
    const { h, book, model } = restingBuy(rule, 10);
    book.set('BUY', 934000, 20); // 10 joined behind the order
    h.quote(70, 934000, 934010, 20, 5);
    book.set('BUY', 934000, 10); // 10 cancelled
    h.quote(80, 934000, 934010, 10, 5);
    expect(model.stats()).toMatchObject({ ahead_depleted_by_symbol: { BTCUSDT: { traded_qty: '0', cancelled_qty: formatQty(BTC, 10 - aheadAfter) } } });
    h.trade(90, 934000, 7);
    const got = fills(h.rec.lines);
    expect(got).toEqual(filled === 0 ? [] : [`90 fill F-1 O-1 BUY ${filled}@934000 MAKER ts=90 PARTIALLY_FILLED filled=${filled}`]);
  });

  it('does not take a drop the trades at the price explain for cancels', () => {
    const { h, book, model } = restingBuy('ahead-first', 10);
    h.trade(70, 934000, 4); // ahead 6
    book.set('BUY', 934000, 6); // the book catches up with the trade
    h.quote(80, 934000, 934010, 6, 5);
    expect(model.stats()).toMatchObject({ ahead_depleted_by_symbol: { BTCUSDT: { traded_qty: '0.004', cancelled_qty: '0' } } });
    h.trade(90, 934000, 7); // 6 ahead, 1 reaches the order
    expect(fills(h.rec.lines)).toEqual(['90 fill F-1 O-1 BUY 1@934000 MAKER ts=90 PARTIALLY_FILLED filled=1']);
  });

  it('fills by a trade through the price whatever was ahead, and by a crossing touch', () => {
    const { h } = restingBuy('proportional', 50);
    h.trade(70, 933999, 4); // below the bid: its level traded out
    h.quote(80, 933990, 934000, 5, 3); // an ask at the bid: 3 lots
    expect(fills(h.rec.lines)).toEqual([
      '70 fill F-1 O-1 BUY 4@934000 MAKER ts=70 PARTIALLY_FILLED filled=4',
      '80 fill F-2 O-1 BUY 3@934000 MAKER ts=80 PARTIALLY_FILLED filled=7',
    ]);
  });

  it('without a book: behind the touch size at the touch, first inside it, unknown (trades through only) deeper', () => {
    const { h, model } = setup('proportional', NO_BOOK_VIEW);
    h.place('BUY', 934000, 5); // O-1 at the touch
    h.place('BUY', 934005, 5); // O-2 inside the spread
    h.place('BUY', 933990, 5); // O-3 below the touch
    h.runUntil(50);
    h.quote(60, 934000, 934010, 4, 5);
    h.trade(70, 934005, 2); // reaches O-2 (nothing ahead)
    // Through O-2's price: it takes its last 3 first; of the 3 left, O-1's 4 ahead absorb all (ahead → 0).
    h.trade(80, 934000, 6);
    h.trade(85, 934000, 2); // nothing ahead of O-1 now
    h.trade(90, 933990, 9); // through O-1's price: its last 3; O-3's level was never seen, a print at its price fills nothing …
    h.trade(95, 933980, 1); // … one through it does
    expect(fills(h.rec.lines)).toEqual([
      '70 fill F-1 O-2 BUY 2@934005 MAKER ts=70 PARTIALLY_FILLED filled=2',
      '80 fill F-2 O-2 BUY 3@934005 MAKER ts=80 FILLED filled=5',
      '85 fill F-3 O-1 BUY 2@934000 MAKER ts=85 PARTIALLY_FILLED filled=2',
      '90 fill F-4 O-1 BUY 3@934000 MAKER ts=90 FILLED filled=5',
      '95 fill F-5 O-3 BUY 1@933990 MAKER ts=95 PARTIALLY_FILLED filled=1',
    ]);
    expect(model.stats()).toMatchObject({ trades_at_unseen_level: 1 });
  });

  it('sends an amended order to the back of its new level, but keeps the place of one that only shrinks', () => {
    const { h, book } = restingBuy('proportional', 10);
    h.trade(70, 934000, 6); // ahead 4
    h.venue.amendOrder(1, 934000, 8); // smaller: keeps its place (arrives at 120)
    h.quote(130, 934000, 934010, 4, 5);
    h.trade(140, 934000, 5); // 4 ahead, 1 reaches it
    book.set('BUY', 934001, 12);
    h.venue.amendOrder(1, 934001, 8); // new price: back of that level (arrives at 190)
    h.quote(200, 934001, 934010, 12, 5);
    h.trade(210, 934001, 12); // all ahead
    h.trade(220, 934001, 2);
    expect(h.rec.lines.filter((l) => !l.includes('accepted'))).toEqual([
      '120 amended O-1 OPEN 8@934000',
      '140 fill F-1 O-1 BUY 1@934000 MAKER ts=140 PARTIALLY_FILLED filled=1',
      '190 amended O-1 PARTIALLY_FILLED 8@934001',
      '220 fill F-2 O-1 BUY 2@934001 MAKER ts=220 PARTIALLY_FILLED filled=3',
    ]);
  });

  it('queues an iceberg with its visible part; each refreshed slice joins the back of the level', () => {
    const { h, book, model } = setup();
    book.set('BUY', 934000, 0);
    h.place('BUY', 934000, 6, 'BTCUSDT', { timeInForce: 'GTC', postOnly: false, reduceOnly: false, icebergQty: '0.002' });
    h.runUntil(50);
    h.quote(60, 934000, 934010, 1, 5);
    h.trade(70, 934000, 5); // visible 2 fill, the next slice refreshes behind the level
    book.set('BUY', 934000, 3);
    h.quote(80, 934000, 934010, 3, 5); // 3 ahead of the new slice
    h.trade(90, 934000, 4); // 1 reaches it
    expect(fills(h.rec.lines)).toEqual([
      '70 fill F-1 O-1 BUY 2@934000 MAKER ts=70 PARTIALLY_FILLED filled=2',
      '90 fill F-2 O-1 BUY 1@934000 MAKER ts=90 PARTIALLY_FILLED filled=3',
    ]);
    expect(model.stats()).toMatchObject({ iceberg_refreshes: 1 });
  });

  it('states its rule for cancels ahead in its description', () => {
    const { model } = setup('behind-first');
    const d = model.describe();
    expect(d.name).toBe('queue');
    expect(d.cancels_ahead).toBe('behind-first');
    expect((d.rules as Record<string, string>).cancels).toContain('from behind the order first');
  });
});
