// Covers SimulatedVenue: entry/cancel latency on the scheduler, taker fills on arrival, resting fills, cancel races, rejects and stats.
import { describe, it, expect } from 'vitest';
import type { LatencyModel } from '../../../src/ports/latency-model.js';
import type { FillModel } from '../../../src/ports/fill-model.js';
import { harness } from '../../helpers/venue-harness.js';
import { NO_WIRE_TRAFFIC } from '../../../src/core/sim/wire-counters.js';

describe('SimulatedVenue entry latency', () => {
  it('keeps an order NEW until the entry latency passes, then opens it', () => {
    const h = harness();
    expect(h.place('BUY', 934000, 2)).toBe(1); // order numbers; the reports name them O-1, O-2
    expect(h.place('SELL', 936000, 2)).toBe(2);
    h.runUntil(49);
    expect(h.rec.lines).toEqual([]);
    expect(h.venue.stats()).toMatchObject({ ordersCreated: 2, accepted: 0, liveOrders: 2 });
    h.runUntil(50);
    expect(h.rec.lines).toEqual(['50 accepted O-1 OPEN acceptedAt=50', '50 accepted O-2 OPEN acceptedAt=50']);
    expect(h.venue.stats()).toMatchObject({ ordersCreated: 2, accepted: 2, liveOrders: 2 });
  });

  it('does not fill an order on an update that comes before it arrives', () => {
    const h = harness({ fillRate: 1 });
    h.place('BUY', 934000, 2);
    h.market(20, 935000, 935010);
    h.runUntil(50);
    expect(h.rec.lines).toEqual(['50 accepted O-1 OPEN acceptedAt=50']);
  });
});

describe('SimulatedVenue taker fills on arrival', () => {
  it('fills a marketable buy on arrival as TAKER at the ask, never reporting it accepted', () => {
    const h = harness();
    h.market(0, 935000, 935010);
    h.place('BUY', 935020, 2);
    h.runUntil(50);
    expect(h.rec.lines).toEqual(['50 fill F-1 O-1 BUY 2@935010 TAKER ts=50 FILLED filled=2']);
    expect(h.rec.fills[0]).toEqual({
      id: 'F-1',
      orderId: 'O-1',
      symbol: 'BTCUSDT',
      symbolIndex: 0,
      side: 'BUY',
      priceTicks: 935010,
      qtyLots: 2,
      liquidity: 'TAKER',
      ts: 50,
      quoteMidTicks: 935005,
    });
    expect(h.venue.stats()).toMatchObject({ accepted: 0, filled: 1, fills: 1, takerFills: 1, makerFills: 0, liveOrders: 0 });
  });

  it('fills a marketable sell on arrival as TAKER at the bid', () => {
    const h = harness();
    h.market(0, 935000, 935010);
    h.place('SELL', 935000, 3);
    h.runUntil(50);
    expect(h.rec.lines).toEqual(['50 fill F-1 O-1 SELL 3@935000 TAKER ts=50 FILLED filled=3']);
  });

  it('judges marketability against the book at arrival, not at sending', () => {
    const h = harness();
    h.market(0, 935000, 935010);
    h.place('BUY', 935020, 2);
    h.market(30, 935030, 935040);
    h.runUntil(50);
    expect(h.rec.lines).toEqual(['50 accepted O-1 OPEN acceptedAt=50']);
  });

  it('rests an order that arrives before any market data', () => {
    const h = harness();
    h.place('BUY', 999999, 2);
    h.runUntil(50);
    expect(h.rec.lines).toEqual(['50 accepted O-1 OPEN acceptedAt=50']);
  });
});

describe('SimulatedVenue resting fills', () => {
  it('fills resting orders as MAKER at their limit on the next update at fill-rate 1, drawing nothing', () => {
    const h = harness({ fillRate: 1 });
    h.market(0, 935000, 935010);
    h.place('BUY', 934000, 2);
    h.place('SELL', 936000, 1);
    h.runUntil(50);
    h.market(100, 935000, 935010);
    expect(h.rec.lines.slice(2)).toEqual([
      '100 fill F-1 O-1 BUY 2@934000 MAKER ts=100 FILLED filled=2',
      '100 fill F-2 O-2 SELL 1@936000 MAKER ts=100 FILLED filled=1',
    ]);
    expect(h.rng.draws).toBe(0);
    expect(h.venue.stats()).toMatchObject({ makerFills: 2, takerFills: 0, fills: 2, filled: 2, liveOrders: 0 });
  });

  it('fills at fill-rate 0 only when the market crosses the order, at the order price', () => {
    const h = harness({ fillRate: 0 });
    h.market(0, 935000, 935010);
    h.place('BUY', 934000, 2);
    h.place('SELL', 936000, 1);
    h.runUntil(50);
    h.market(100, 935000, 935010);
    h.market(200, 934000, 934001); // bid touches the buy: not a cross for a buy
    expect(h.rec.lines).toHaveLength(2);
    h.market(300, 933990, 934000); // ask at the buy price: crosses
    h.market(400, 936000, 936010); // bid at the sell price: crosses
    expect(h.rec.lines.slice(2)).toEqual([
      '300 fill F-1 O-1 BUY 2@934000 MAKER ts=300 FILLED filled=2',
      '400 fill F-2 O-2 SELL 1@936000 MAKER ts=400 FILLED filled=1',
    ]);
    expect(h.rng.draws).toBe(0);
  });

  it('leaves orders of other symbols alone', () => {
    const h = harness({ fillRate: 1 });
    h.place('BUY', 934000, 2);
    h.runUntil(50);
    h.market(100, 330000, 330001, 'ETHUSDT');
    expect(h.rec.lines).toEqual(['50 accepted O-1 OPEN acceptedAt=50']);
  });

  it('reports partial fills from the fill model and cancels the rest', () => {
    const oneLot: FillModel = { name: 'one-lot', onRest: () => {}, quoteFill: () => 1, tradeFill: () => 0, describe: () => ({ name: 'one-lot' }), simplifications: () => [], stats: () => ({}) };
    const h = harness({ fillModel: oneLot });
    h.place('BUY', 934000, 3);
    h.runUntil(50);
    h.market(100, 935000, 935010);
    h.market(200, 935000, 935010);
    h.venue.cancelOrder(1);
    h.runUntil(250);
    expect(h.rec.lines).toEqual([
      '50 accepted O-1 OPEN acceptedAt=50',
      '100 fill F-1 O-1 BUY 1@934000 MAKER ts=100 PARTIALLY_FILLED filled=1',
      '200 fill F-2 O-1 BUY 1@934000 MAKER ts=200 PARTIALLY_FILLED filled=2',
      '250 canceled O-1 CANCELED filled=2',
    ]);
    expect(h.venue.stats()).toMatchObject({ partiallyFilled: 2, filled: 0, canceled: 1, makerFills: 2, liveOrders: 0 });
  });

  it('produces the same reports for the same seed at a fractional fill rate', () => {
    const run = (): string[] => {
      const h = harness({ fillRate: 0.3, seed: 'same' });
      for (let i = 0; i < 20; i++) h.place('BUY', 934000 - i, 1);
      h.runUntil(50);
      for (let t = 100; t <= 1000; t += 100) h.market(t, 935000, 935010);
      return h.rec.lines;
    };
    const a = run();
    expect(a).toEqual(run());
    expect(a.filter((l) => l.includes(' fill ')).length).toBeGreaterThan(0);
  });
});

describe('SimulatedVenue cancels', () => {
  it('cancels an open order after the cancel latency', () => {
    const h = harness();
    h.place('BUY', 934000, 2);
    h.runUntil(60);
    h.venue.cancelOrder(1);
    h.runUntil(109);
    expect(h.rec.lines).toHaveLength(1);
    h.runUntil(110);
    expect(h.rec.lines).toEqual(['50 accepted O-1 OPEN acceptedAt=50', '110 canceled O-1 CANCELED filled=0']);
    expect(h.venue.stats()).toMatchObject({ canceled: 1, cancelsRejected: 0, liveOrders: 0 });
  });

  it('rejects a cancel that arrives after the order filled, reporting the race with status FILLED', () => {
    const h = harness({ fillRate: 0 });
    h.place('BUY', 934000, 2);
    h.runUntil(60);
    h.venue.cancelOrder(1); // arrives at 110
    h.market(80, 933990, 934000); // crosses: fills at 80
    h.runUntil(110);
    expect(h.rec.lines).toEqual([
      '50 accepted O-1 OPEN acceptedAt=50',
      '80 fill F-1 O-1 BUY 2@934000 MAKER ts=80 FILLED filled=2',
      '110 cancel-rejected O-1 FILLED FAKE_ORDER_FILLED',
    ]);
    expect(h.rec.rejects).toEqual([{ code: 'FAKE_ORDER_FILLED', message: 'order already filled' }]);
    expect(h.venue.stats()).toMatchObject({ filled: 1, canceled: 0, cancelsRejected: 1 });
  });

  it('still answers a cancel sent after the fill while an earlier cancel is in flight', () => {
    const h = harness({ fillRate: 0 });
    h.place('BUY', 934000, 2);
    h.runUntil(60);
    h.venue.cancelOrder(1); // arrives at 110
    h.market(80, 933990, 934000); // fills at 80
    h.runUntil(90);
    h.venue.cancelOrder(1); // arrives at 140
    h.runUntil(140);
    expect(h.rec.lines.slice(2)).toEqual(['110 cancel-rejected O-1 FILLED FAKE_ORDER_FILLED', '140 cancel-rejected O-1 FILLED FAKE_ORDER_FILLED']);
    expect(h.venue.stats().cancelsRejected).toBe(2);
  });

  it('refuses a second cancel of an already cancelled order with FAKE_ORDER_CANCELED', () => {
    const h = harness();
    h.place('BUY', 934000, 2);
    h.runUntil(60);
    h.venue.cancelOrder(1);
    h.venue.cancelOrder(1);
    h.runUntil(110);
    expect(h.rec.lines.slice(1)).toEqual(['110 canceled O-1 CANCELED filled=0', '110 cancel-rejected O-1 CANCELED FAKE_ORDER_CANCELED']);
    expect(h.venue.stats()).toMatchObject({ canceled: 1, cancelsRejected: 1 });
  });

  it('refuses a cancel for an id it has no record of without a report and without scheduling anything', () => {
    const h = harness();
    h.venue.cancelOrder(99);
    expect(h.scheduler.size).toBe(0);
    h.runUntil(1000);
    expect(h.rec.lines).toEqual([]);
    expect(h.venue.stats().cancelsRejected).toBe(1);
  });

  it('forgets a filled order whose cancel race was reported, refusing later cancels silently', () => {
    const h = harness({ fillRate: 0 });
    h.place('BUY', 934000, 2);
    h.runUntil(60);
    h.venue.cancelOrder(1);
    h.market(80, 933990, 934000);
    h.runUntil(110);
    h.venue.cancelOrder(1);
    h.runUntil(200);
    expect(h.rec.lines).toHaveLength(3);
    expect(h.venue.stats().cancelsRejected).toBe(2);
  });

  it('answers FAKE_UNKNOWN_ORDER to a cancel for an order that was rejected on arrival', () => {
    const h = harness();
    h.place('BUY', 934000, 0);
    h.venue.cancelOrder(1); // same latency: arrives after the entry
    h.runUntil(50);
    expect(h.rec.lines).toEqual(['50 rejected O-1 REJECTED FAKE_QTY_TOO_SMALL', '50 cancel-rejected O-1 REJECTED FAKE_UNKNOWN_ORDER']);
  });

  it('answers FAKE_UNKNOWN_ORDER, with the order still NEW, to a cancel that overtakes the entry', () => {
    const slowEntry: LatencyModel = { name: 'split', entryDelayMs: () => 100, cancelDelayMs: () => 10, amendDelayMs: () => 10, describe: () => ({}) };
    const h = harness({ latency: slowEntry });
    h.place('BUY', 934000, 2);
    h.venue.cancelOrder(1);
    h.runUntil(100);
    expect(h.rec.lines).toEqual(['10 cancel-rejected O-1 NEW FAKE_UNKNOWN_ORDER', '100 accepted O-1 OPEN acceptedAt=100']);
  });
});

describe('SimulatedVenue rejects', () => {
  it('rejects on arrival with the fake venue codes and counts them by code, sorted', () => {
    const h = harness();
    h.place('BUY', 934000, 0); // below min qty
    h.place('BUY', 934000, 100_001); // above max qty
    h.place('BUY', 40000, 1); // 4000.0 × 0.001 = 4 USDT < 5
    h.place('SELL', 0, 1); // price
    h.place('BUY', 100, 1, 'DOGEUSDT'); // not listed on this venue
    h.place('SELL', 934000, 0);
    h.runUntil(50);
    expect(h.rec.lines).toEqual([
      '50 rejected O-1 REJECTED FAKE_QTY_TOO_SMALL',
      '50 rejected O-2 REJECTED FAKE_QTY_TOO_LARGE',
      '50 rejected O-3 REJECTED FAKE_NOTIONAL_TOO_SMALL',
      '50 rejected O-4 REJECTED FAKE_INVALID_PRICE',
      '50 rejected O-5 REJECTED UNKNOWN_SYMBOL',
      '50 rejected O-6 REJECTED FAKE_QTY_TOO_SMALL',
    ]);
    expect(h.rec.rejects.slice(0, 3)).toEqual([
      { code: 'FAKE_QTY_TOO_SMALL', message: 'quantity below the minimum', detail: 'quantity 0 is below the minimum 0.001' },
      { code: 'FAKE_QTY_TOO_LARGE', message: 'quantity above the maximum', detail: 'quantity 100.001 is above the maximum 100' },
      { code: 'FAKE_NOTIONAL_TOO_SMALL', message: 'order value below the minimum', detail: 'order value 4 is below the minimum 5' },
    ]);
    expect(h.rec.rejects[4]).toEqual({ code: 'UNKNOWN_SYMBOL', message: 'unknown symbol', detail: 'symbol DOGEUSDT' });
    const stats = h.venue.stats();
    expect(Object.keys(stats.rejectsByCode)).toEqual([
      'FAKE_INVALID_PRICE',
      'FAKE_NOTIONAL_TOO_SMALL',
      'FAKE_QTY_TOO_LARGE',
      'FAKE_QTY_TOO_SMALL',
      'UNKNOWN_SYMBOL',
    ]);
    expect(stats).toEqual({
      ordersCreated: 6,
      accepted: 0,
      rejected: 6,
      rejectsByCode: { FAKE_INVALID_PRICE: 1, FAKE_NOTIONAL_TOO_SMALL: 1, FAKE_QTY_TOO_LARGE: 1, FAKE_QTY_TOO_SMALL: 2, UNKNOWN_SYMBOL: 1 },
      filled: 0,
      partiallyFilled: 0,
      canceled: 0,
      amended: 0,
      amendsRejected: 0,
      ocoLists: 0,
      dequeued: 0,
      ocoListsDequeued: 0,
      stopsTriggered: 0,
      venueCancels: {},
      cancelsRejected: 0,
      fills: 0,
      makerFills: 0,
      takerFills: 0,
      liveOrders: 0,
      fillModel: { fills_when_crossed: 0, fills_by_chance: 0, iceberg_refreshes: 0 },
      api: {},
      wire: { ...NO_WIRE_TRAFFIC, createsSent: 6 },
    });
  });

  it('accepts an order exactly at the minimum notional', () => {
    const h = harness();
    h.place('BUY', 50000, 1); // 5000.0 × 0.001 = 5 USDT
    h.runUntil(50);
    expect(h.rec.lines).toEqual(['50 accepted O-1 OPEN acceptedAt=50']);
  });
});

describe('SimulatedVenue description', () => {
  it('names the venue and describes its fill, latency and fee models', () => {
    const h = harness({ fillRate: 0.25 });
    expect(h.venue.venue).toBe('fake');
    const d = h.venue.describe();
    expect(d.venue).toBe('fake');
    expect(d.latency_model).toEqual({ name: 'constant', entry_ms: '50', cancel_ms: '50', amend_ms: '50' });
    expect(d.fees).toEqual({ maker_bps: '2', taker_bps: '5.5' });
    expect((d.fill_model as Record<string, string>).fill_rate).toBe('0.25');
  });
});

describe('SimulatedVenue cancel that overtakes its order', () => {
  const fastCancel: LatencyModel = {
    name: 'split',
    entryDelayMs: () => 100,
    cancelDelayMs: () => 10,
    amendDelayMs: () => 10,
    describe: () => ({ name: 'split' }),
  };

  it('refuses the early cancel as unknown, yet a later cancel still reaches the order once it is open', () => {
    const h = harness({ latency: fastCancel });
    const id = h.place('BUY', 934000, 2);
    h.venue.cancelOrder(id);
    h.runUntil(100);
    expect(h.rec.lines).toEqual(['10 cancel-rejected O-1 NEW FAKE_UNKNOWN_ORDER', '100 accepted O-1 OPEN acceptedAt=100']);
    h.runUntil(150);
    h.venue.cancelOrder(id);
    h.runUntil(200);
    expect(h.rec.lines.slice(2)).toEqual(['160 canceled O-1 CANCELED filled=0']);
    expect(h.venue.stats()).toMatchObject({ cancelsRejected: 1, canceled: 1, liveOrders: 0 });
  });
});
