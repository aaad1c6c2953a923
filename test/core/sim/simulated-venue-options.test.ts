// Covers SimulatedVenue order options and the request gate: post-only, reduce-only, IOC/FOK, touch-size taker fills, client holds and venue-side limits.
import { describe, it, expect } from 'vitest';
import type { OrderOptions } from '../../../src/core/model/order.js';
import type { GateRequest, RequestGate } from '../../../src/ports/request-gate.js';
import { harness } from '../../helpers/venue-harness.js';

const GTC: OrderOptions = { timeInForce: 'GTC', postOnly: false, reduceOnly: false };
const POST_ONLY: OrderOptions = { ...GTC, postOnly: true };
const REDUCE_ONLY: OrderOptions = { ...GTC, reduceOnly: true };
const IOC: OrderOptions = { ...GTC, timeInForce: 'IOC' };
const FOK: OrderOptions = { ...GTC, timeInForce: 'FOK' };

describe('SimulatedVenue post-only', () => {
  it('lets the venue cancel a post-only order that would take on arrival, and counts it by reason', () => {
    const h = harness();
    h.market(0, 934000, 934010); // touch 5 lots each side
    h.place('BUY', 934010, 2, 'BTCUSDT', POST_ONLY);
    h.runUntil(100);
    expect(h.rec.lines).toEqual(['50 canceled O-1 CANCELED filled=0']);
    expect(h.rec.fills).toEqual([]);
    expect(h.venue.stats().venueCancels).toEqual({ FAKE_POST_ONLY_WOULD_TAKE: 1 });
  });

  it('rests a post-only order that does not cross', () => {
    const h = harness();
    h.market(0, 934000, 934010);
    h.place('BUY', 934000, 2, 'BTCUSDT', POST_ONLY);
    h.runUntil(100);
    expect(h.rec.lines).toEqual(['50 accepted O-1 OPEN acceptedAt=50']);
  });
});

describe('SimulatedVenue reduce-only', () => {
  it('rejects a reduce-only order when there is no position to reduce', () => {
    const h = harness();
    h.market(0, 934000, 934010);
    h.place('SELL', 935000, 1, 'BTCUSDT', REDUCE_ONLY);
    h.runUntil(100);
    expect(h.rec.lines).toEqual(['50 rejected O-1 REJECTED FAKE_REDUCE_ONLY']);
  });

  it('accepts a reduce-only order against the position and rejects one that would flip or grow it', () => {
    const h = harness();
    h.market(0, 934000, 934010);
    h.place('BUY', 934010, 3); // takes 3 lots: long 3
    h.runUntil(60);
    h.place('SELL', 935000, 3, 'BTCUSDT', REDUCE_ONLY); // closes exactly: allowed
    h.place('SELL', 935000, 4, 'BTCUSDT', REDUCE_ONLY); // would flip to short 1
    h.place('BUY', 930000, 1, 'BTCUSDT', REDUCE_ONLY); // would grow the long
    h.runUntil(200);
    expect(h.rec.lines).toEqual([
      '50 fill F-1 O-1 BUY 3@934010 TAKER ts=50 FILLED filled=3',
      '110 accepted O-2 OPEN acceptedAt=110',
      '110 rejected O-3 REJECTED FAKE_REDUCE_ONLY',
      '110 rejected O-4 REJECTED FAKE_REDUCE_ONLY',
    ]);
  });
});

describe('SimulatedVenue time in force and touch size', () => {
  it('takes only the displayed touch size and rests the GTC remainder as a partially filled order', () => {
    const h = harness();
    h.market(0, 934000, 934010); // 5 lots at the ask
    h.place('BUY', 934010, 8);
    h.runUntil(100);
    expect(h.rec.lines).toEqual([
      '50 fill F-1 O-1 BUY 5@934010 TAKER ts=50 PARTIALLY_FILLED filled=5',
      '50 accepted O-1 PARTIALLY_FILLED acceptedAt=50',
    ]);
  });

  it('cancels the unfilled rest of an IOC order, and an IOC order that does not cross at all', () => {
    const h = harness();
    h.market(0, 934000, 934010);
    h.place('BUY', 934010, 8, 'BTCUSDT', IOC);
    h.place('BUY', 933000, 1, 'BTCUSDT', IOC);
    h.runUntil(100);
    expect(h.rec.lines).toEqual([
      '50 fill F-1 O-1 BUY 5@934010 TAKER ts=50 PARTIALLY_FILLED filled=5',
      '50 canceled O-1 CANCELED filled=5',
      '50 canceled O-2 CANCELED filled=0',
    ]);
    expect(h.venue.stats().venueCancels).toEqual({ FAKE_IOC_REMAINDER: 2 });
  });

  it('fills a FOK order completely when the touch holds enough, and cancels it untouched when it does not', () => {
    const h = harness();
    h.market(0, 934000, 934010);
    h.place('BUY', 934010, 5, 'BTCUSDT', FOK);
    h.place('BUY', 934010, 6, 'BTCUSDT', FOK);
    h.runUntil(100);
    expect(h.rec.lines).toEqual(['50 fill F-1 O-1 BUY 5@934010 TAKER ts=50 FILLED filled=5', '50 canceled O-2 CANCELED filled=0']);
    expect(h.venue.stats().venueCancels).toEqual({ FAKE_FOK_NOT_FILLED: 1 });
  });
});

/** A gate whose client may send creates from `createsOpenAt` on, records sends, and rejects cancels arriving before `cancelOpenAt`. */
function scriptedGate(createsOpenAt: number, cancelOpenAt: number): RequestGate & { sends: string[] } {
  const sends: string[] = [];
  return {
    sends,
    laneCount: 2,
    laneOf: (r: GateRequest) => (r.kind === 'create' ? 0 : 1),
    sendableAtMs: (r: GateRequest, nowMs: number) => (r.kind === 'create' ? Math.max(nowMs, createsOpenAt) : nowMs),
    onSend: (r: GateRequest, sendMs: number) => {
      sends.push(`${sendMs} ${r.kind} ${r.order?.id ?? r.symbol}`);
    },
    venueAdmit: (r: GateRequest, arrivalMs: number) => (r.kind === 'cancel' && arrivalMs < cancelOpenAt ? { code: 'LIMITED', message: 'too many requests' } : null),
    report: () => ({ sends: sends.length }),
  };
}

describe('SimulatedVenue request gate', () => {
  it('sends a held create once the gate has room and delivers it one latency later', () => {
    const gate = scriptedGate(30, 0);
    const h = harness({ gate });
    h.market(0, 934000, 934010);
    h.place('BUY', 934000, 1);
    h.runUntil(200);
    expect(gate.sends).toEqual(['30 create O-1']);
    expect(h.rec.lines).toEqual(['80 accepted O-1 OPEN acceptedAt=80']);
    expect(h.venue.stats().api).toEqual({ sends: 1 });
  });

  it('answers a cancel over the venue limit with the limit reject and keeps the order live and cancellable', () => {
    const gate = scriptedGate(0, 150);
    const h = harness({ gate });
    h.market(0, 934000, 934010);
    const id = h.place('BUY', 934000, 1);
    h.runUntil(60);
    h.venue.cancelOrder(id); // arrives at 110: refused
    h.runUntil(120);
    h.venue.cancelOrder(id); // arrives at 170: admitted
    h.runUntil(300);
    expect(h.rec.lines).toEqual([
      '50 accepted O-1 OPEN acceptedAt=50',
      '110 cancel-rejected O-1 OPEN LIMITED',
      '170 canceled O-1 CANCELED filled=0',
    ]);
  });
});

describe('SimulatedVenue cancel-all', () => {
  it('cancels every resting order of the symbol when it arrives, but not orders still in flight or of other symbols', () => {
    const h = harness();
    h.market(0, 934000, 934010);
    h.market(0, 335000, 335010, 'ETHUSDT');
    h.place('BUY', 933000, 1);
    h.place('SELL', 935000, 1);
    h.place('BUY', 334000, 1, 'ETHUSDT');
    h.runUntil(60);
    h.venue.cancelAll('BTCUSDT'); // arrives at 110
    h.runUntil(61);
    h.place('BUY', 932000, 1); // arrives at 111, after the cancel-all
    h.runUntil(200);
    expect(h.rec.lines.slice(3)).toEqual(['110 canceled O-1 CANCELED filled=0', '110 canceled O-2 CANCELED filled=0', '111 accepted O-4 OPEN acceptedAt=111']);
  });
});

describe('SimulatedVenue amend', () => {
  it('moves a resting order to a new price and quantity, and fills it at the new price later', () => {
    const h = harness({ fillRate: 1 });
    h.market(0, 934000, 934010);
    const id = h.place('BUY', 933000, 2);
    h.runUntil(60);
    h.venue.amendOrder(id, 933500, 3);
    h.runUntil(120);
    expect(h.rec.lines).toEqual(['50 accepted O-1 OPEN acceptedAt=50', '110 amended O-1 OPEN 3@933500']);
    h.market(130, 934000, 934010);
    expect(h.rec.fills.map((f) => `${f.qtyLots}@${f.priceTicks}`)).toEqual(['3@933500']);
    expect(h.venue.stats().amended).toBe(1);
  });

  it('takes at the touch when the amended price crosses, and lets the venue cancel a post-only order instead', () => {
    const h = harness();
    h.market(0, 934000, 934010);
    const plain = h.place('BUY', 933000, 2);
    const postOnly = h.place('BUY', 933000, 2, 'BTCUSDT', POST_ONLY);
    h.runUntil(60);
    h.venue.amendOrder(plain, 934010, 2);
    h.venue.amendOrder(postOnly, 934010, 2);
    h.runUntil(200);
    expect(h.rec.lines.slice(2)).toEqual(['110 fill F-1 O-1 BUY 2@934010 TAKER ts=110 FILLED filled=2', '110 canceled O-2 CANCELED filled=0']);
  });

  it('refuses an amend that would cut the quantity to what has filled, and ignores one for an order it has forgotten', () => {
    const h = harness();
    h.market(0, 934000, 934010); // 5 lots at the ask
    const taken = h.place('BUY', 934010, 8); // takes 5, rests 3
    const filled = h.place('SELL', 934000, 1); // fills whole at the bid
    h.runUntil(60);
    h.venue.amendOrder(taken, 933000, 5);
    h.venue.amendOrder(filled, 935000, 1);
    h.runUntil(200);
    // O-2 filled whole on arrival, so the venue no longer knows it: the amend is dropped without a report, like a cancel.
    expect(h.rec.lines.slice(-1)).toEqual(['110 amend-rejected O-1 PARTIALLY_FILLED FAKE_AMEND_BELOW_FILLED']);
    expect(h.venue.stats().amendsRejected).toBe(2);
  });
});

describe('SimulatedVenue OCO order lists', () => {
  // SELL exit of a long: take profit resting at 935000, stop at 933000 turning into a limit at 932900.
  const SELL_OCO = { symbol: 'BTCUSDT', symbolIndex: 0, side: 'SELL' as const, qtyLots: 2, limitPriceTicks: 935000, stopTicks: 933000, stopLimitPriceTicks: 932900, quoteMidTicks: 934005 };

  it('accepts both legs, fills the limit leg, and cancels the stop leg exactly once', () => {
    const h = harness({ fillRate: 1 });
    h.market(0, 934000, 934010);
    const ids = h.venue.placeOco(SELL_OCO);
    expect(ids).toEqual({ listId: 'L-1', limit: 1, stop: 2 });
    h.runUntil(60);
    h.market(100, 934000, 934010); // fill-rate 1: the resting limit leg fills; the dormant stop leg cannot
    h.market(200, 934000, 934010);
    expect(h.rec.lines).toEqual([
      '50 accepted O-1 OPEN acceptedAt=50',
      '50 accepted O-2 OPEN acceptedAt=50',
      '100 fill F-1 O-1 SELL 2@935000 MAKER ts=100 FILLED filled=2',
      '100 canceled O-2 CANCELED filled=0',
    ]);
    expect(h.venue.stats().venueCancels).toEqual({ OCO_OTHER_LEG_FILLED: 1 });
    expect(h.venue.stats().ocoLists).toBe(1);
  });

  it('triggers the stop leg when the bid reaches the stop, cancels the limit leg, and takes at the touch', () => {
    const h = harness();
    h.market(0, 934000, 934010);
    h.venue.placeOco(SELL_OCO);
    h.runUntil(60);
    h.market(100, 933500, 933510); // above the stop: nothing
    h.market(200, 932950, 932960); // bid 932950 ≤ stop 933000: triggered, sells at the bid (≥ its 932900 limit)
    expect(h.rec.lines.slice(2)).toEqual(['200 canceled O-1 CANCELED filled=0', '200 fill F-1 O-2 SELL 2@932950 TAKER ts=200 FILLED filled=2']);
    expect(h.venue.stats().stopsTriggered).toBe(1);
    expect(h.venue.stats().venueCancels).toEqual({ OCO_STOP_TRIGGERED: 1 });
  });

  it('rejects both legs when the prices are not ordered around the market, and cancels the whole list when one leg is cancelled', () => {
    const h = harness();
    h.market(0, 934000, 934010);
    h.venue.placeOco({ ...SELL_OCO, limitPriceTicks: 933900 }); // limit below the market
    const ids = h.venue.placeOco(SELL_OCO);
    h.runUntil(60);
    h.venue.cancelOrder(ids.stop);
    h.runUntil(200);
    expect(h.rec.lines).toEqual([
      '50 rejected O-1 REJECTED FAKE_OCO_PRICES',
      '50 rejected O-2 REJECTED FAKE_OCO_PRICES',
      '50 accepted O-3 OPEN acceptedAt=50',
      '50 accepted O-4 OPEN acceptedAt=50',
      '110 canceled O-4 CANCELED filled=0',
      '110 canceled O-3 CANCELED filled=0',
    ]);
  });
});

describe('SimulatedVenue client queue', () => {
  it('drops a held create from the queue when it is cancelled before it leaves: nothing is sent, it ends CANCELED', () => {
    const sends: string[] = [];
    const gate: RequestGate = {
      laneCount: 2,
      laneOf: (r: GateRequest) => (r.kind === 'create' ? 0 : 1),
      sendableAtMs: (r: GateRequest, nowMs: number) => (r.kind === 'create' ? Math.max(nowMs, 500) : nowMs),
      onSend: (r: GateRequest, sendMs: number) => {
        sends.push(`${sendMs} ${r.kind} ${r.order?.id}`);
      },
      venueAdmit: () => null,
      report: () => ({}),
    };
    const h = harness({ gate });
    h.market(0, 934000, 934010);
    const id = h.place('BUY', 934000, 1);
    h.runUntil(100);
    h.venue.cancelOrder(id);
    h.runUntil(1000);
    expect(sends).toEqual([]);
    expect(h.rec.lines).toEqual(['100 dropped O-1 CANCELED']);
    expect(h.venue.stats().dequeued).toBe(1);
    expect(h.venue.stats().wire).toMatchObject({ createsSent: 0, createsHeld: 1, cancelsSent: 0, createsQueuedAtEnd: 0 });
  });
});
