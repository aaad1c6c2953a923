// Covers the simulated venue on Hyperliquid's rules: the Alo rejection names the book's touch at the check, an unfilled Ioc is refused while a partly filled one has its rest cancelled, reduce-only is refused.
import { describe, expect, it } from 'vitest';
import { buildInstrument } from '../../../src/core/model/instrument.js';
import type { OrderOptions } from '../../../src/core/model/order.js';
import { HYPERLIQUID_BUNDLED_META_JSON } from '../../../src/venues/hyperliquid/hyperliquid-bundled-meta.js';
import { parseHyperliquidMeta } from '../../../src/venues/hyperliquid/hyperliquid-instruments.js';
import { HyperliquidVenueRules } from '../../../src/venues/hyperliquid/hyperliquid-venue-rules.js';
import { harness } from '../../helpers/venue-harness.js';

const coins = parseHyperliquidMeta(JSON.parse(HYPERLIQUID_BUNDLED_META_JSON), 'bundled', { BTC: '93500' });
const btc = coins.find((c) => c.spec.symbol === 'BTC')!;
const GTC: OrderOptions = { timeInForce: 'GTC', postOnly: false, reduceOnly: false };

function setup() {
  const rules = new HyperliquidVenueRules({ makerPpm: 150, takerPpm: 450 }, new Map([['BTC', btc]]));
  const h = harness({ rules, instruments: [buildInstrument(btc.spec)] });
  // 93400 @ 93401 (tick 1), 20 lots (0.0002 BTC) shown each side.
  h.venue.onMarketUpdate({ symbol: 'BTC', ts: 0, bidTicks: 93400, askTicks: 93401, bidLots: 20, askLots: 20 }, h.symbolIndex('BTC'));
  return { h, rules };
}

describe('the simulated venue on Hyperliquid rules', () => {
  it('refuses an Alo order that would take with the venue text naming the bbo at the check', () => {
    const { h } = setup();
    h.place('BUY', 93401, 30, 'BTC', { ...GTC, postOnly: true });
    h.runUntil(100);
    expect(h.rec.lines).toEqual(['50 rejected O-1 REJECTED badAloPxRejected']);
    expect(h.rec.rejects).toEqual([{ code: 'badAloPxRejected', message: 'Post only order would have immediately matched, bbo was 93400@93401.' }]);
    expect(h.venue.stats().rejectsByCode).toEqual({ badAloPxRejected: 1 });
  });

  it('tells an unfilled Ioc (refused, iocCancelRejected) from a partly filled one (20 of 30 lots filled, the rest canceled)', () => {
    const { h, rules } = setup();
    h.place('BUY', 93401, 30, 'BTC', { ...GTC, timeInForce: 'IOC' });
    h.place('BUY', 93300, 30, 'BTC', { ...GTC, timeInForce: 'IOC' });
    h.runUntil(100);
    expect(h.rec.lines).toEqual([
      '50 fill F-1 O-1 BUY 20@93401 TAKER ts=50 PARTIALLY_FILLED filled=20',
      '50 canceled O-1 CANCELED filled=20',
      '50 rejected O-2 REJECTED iocCancelRejected',
    ]);
    expect(h.venue.stats().rejectsByCode).toEqual({ iocCancelRejected: 1 });
    expect(h.venue.stats().venueCancels).toEqual({ canceled: 1 });
    expect(Object.keys(rules.answers.report())).toEqual(['canceled', 'iocCancelRejected']);
  });

  it('refuses a reduce-only order with no position to reduce', () => {
    const { h } = setup();
    h.place('SELL', 93500, 30, 'BTC', { ...GTC, reduceOnly: true });
    h.runUntil(100);
    expect(h.rec.rejects).toEqual([{ code: 'reduceOnlyRejected', message: 'Reduce only order would increase position.' }]);
  });
});

describe('the simulated venue keeps Hyperliquid scheduleCancel (the dead-man switch) on the run clock', () => {
  it('cancels every open order at exactly the armed time, counted as scheduledCancel, and tells how many', () => {
    const { h } = setup();
    h.place('BUY', 93300, 30, 'BTC');
    h.place('SELL', 93500, 30, 'BTC');
    h.runUntil(100);
    const fired: number[] = [];
    expect(h.venue.scheduleCancel(5100, (n) => fired.push(n))).toBeNull();
    h.runUntil(5099);
    expect(h.venue.openOrderCount('BTC')).toBe(2);
    h.runUntil(5100);
    expect(h.rec.lines.slice(2)).toEqual(['5100 canceled O-1 CANCELED filled=0', '5100 canceled O-2 CANCELED filled=0']);
    expect(fired).toEqual([2]);
    expect(h.venue.stats().venueCancels).toEqual({ scheduledCancel: 2 });
  });

  it('refuses a time under 5 s ahead with the venue text, and a new time replaces the armed one; null disarms', () => {
    const { h } = setup();
    h.runUntil(1000);
    expect(h.venue.scheduleCancel(5999)).toEqual({ code: 'err', message: 'Scheduled cancel time too early, must be at least 5 seconds from now.', detail: "time 5999 is 4999 ms ahead of the venue's 1000" });
    const fired: string[] = [];
    expect(h.venue.scheduleCancel(6000, () => fired.push('first'))).toBeNull();
    expect(h.venue.scheduleCancel(8000, () => fired.push('second'))).toBeNull();
    h.runUntil(7000);
    expect(fired).toEqual([]);
    h.runUntil(8000);
    expect(fired).toEqual(['second']);
    expect(h.venue.scheduleCancel(20_000, () => fired.push('third'))).toBeNull();
    expect(h.venue.scheduleCancel(null)).toBeNull();
    h.runUntil(30_000);
    expect(fired).toEqual(['second']);
  });

  it('fires at most 10 times a UTC day, then refuses to arm until 00:00 UTC', () => {
    const { h } = setup();
    for (let i = 1; i <= 10; i++) {
      expect(h.venue.scheduleCancel(i * 10_000)).toBeNull();
      h.runUntil(i * 10_000);
    }
    expect(h.venue.scheduleCancel(200_000)).toEqual({ code: 'err', message: 'Too many scheduled cancel triggers today', detail: 'the switch fired 10 times since 00:00 UTC' });
    h.runUntil(86_400_000);
    expect(h.venue.scheduleCancel(86_410_000)).toBeNull();
  });

  it('is refused on a venue without one (the fake venue)', () => {
    const h = harness();
    expect(h.venue.scheduleCancel(10_000)).toEqual({ code: 'SCHEDULE_CANCEL_UNSUPPORTED', message: 'the venue has no scheduled cancel', detail: 'venue fake' });
  });
});
