// Covers PendingMarketEvent: one reusable scheduler event — ordered with other events by (ts, seq), handed over once, never scheduled twice.
import { describe, it, expect } from 'vitest';
import { PendingMarketEvent } from '../../src/engine/pending-market-event.js';
import { EventScheduler } from '../../src/core/scheduler/event-scheduler.js';
import { ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';
import type { MarketDataEvent } from '../../src/core/model/market-data-event.js';

const quote = (ts: number): MarketDataEvent => ({ kind: 'quote', symbol: 'BTCUSDT', ts, bidTicks: 100, askTicks: 101, bidLots: 1, askLots: 1, seq: null });

describe('PendingMarketEvent', () => {
  it('runs at its event ts in scheduling order with other events, and can be scheduled again once handled', () => {
    const scheduler = new EventScheduler();
    const log: string[] = [];
    const pending = new PendingMarketEvent(scheduler, (e) => {
      log.push(`quote@${e.ts}`);
      if (e.ts < 30) pending.schedule(quote(e.ts + 10));
    });
    scheduler.schedule(10, () => log.push('a@10'));
    pending.schedule(quote(10));
    scheduler.schedule(20, () => log.push('b@20'));
    scheduler.schedule(25, () => log.push('c@25'));
    for (let e = scheduler.pop(); e !== null; e = scheduler.pop()) {
      log.push(`t=${e.time}`);
      e.action();
    }
    // The quote at 20 is scheduled while handling the one at 10 (after b@20 was): equal times run in scheduling order.
    expect(log).toEqual(['t=10', 'a@10', 't=10', 'quote@10', 't=20', 'b@20', 't=20', 'quote@20', 't=25', 'c@25', 't=30', 'quote@30']);
    expect(scheduler.size).toBe(0);
  });

  it('refuses a second event while one is pending (the feed is pulled one event at a time)', () => {
    const scheduler = new EventScheduler();
    const pending = new PendingMarketEvent(scheduler, () => {});
    pending.schedule(quote(5));
    expect(() => pending.schedule(quote(6))).toThrow(ShadowExecError);
    expect(scheduler.size).toBe(1);
    scheduler.pop()!.action();
    pending.schedule(quote(6));
    expect(scheduler.peekTime()).toBe(6);
  });
});
