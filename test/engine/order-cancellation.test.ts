// Covers OrderCancellation: per-order and cancel-all modes, one cancel per order however often asked, retries of refused cancels, and when a freeze's cancels are confirmed.
import { describe, expect, it } from 'vitest';
import type { OrderNo } from '../../src/core/model/ids.js';
import { WorkingOrders } from '../../src/core/orders/working-orders.js';
import type { FreezeEvent } from '../../src/core/risk/risk-decision.js';
import { VirtualClock } from '../../src/core/time/virtual-clock.js';
import { newLoopCounters } from '../../src/engine/loop-counters.js';
import { OrderCancellation, type CancelMode } from '../../src/engine/order-cancellation.js';
import type { ExchangeClient } from '../../src/ports/exchange-client.js';

/** Order numbers; symbol indexes BTCUSDT 0, ETHUSDT 1. */
const id = (n: number): OrderNo => n;
const BTC = 0;
const ETH = 1;

function setup(cancelMode: CancelMode) {
  const clock = new VirtualClock(1_000);
  const sent: string[] = [];
  const venue = { cancelOrder: (order: OrderNo) => sent.push(`cancel O-${order}`), cancelAll: (symbol: string) => sent.push(`cancel-all ${symbol}`) } as unknown as ExchangeClient;
  const working = new WorkingOrders(2);
  const counters = newLoopCounters();
  const cancellation = new OrderCancellation({ clock, venue, working, counters, cancelMode, symbols: ['BTCUSDT', 'ETHUSDT'], exits: null });
  const a = working.add(id(1), BTC, 'BUY', 100, 5);
  const b = working.add(id(2), ETH, 'SELL', 200, 7);
  a.accepted = true;
  return { clock, sent, working, counters, cancellation, a, b };
}

const freezeEvent = (): FreezeEvent => ({
  reason: 'MANUAL', symbol: null, ts: 1_000, edgeBpsE4: 0, thresholdBpsE4: 0, ordersCancelled: 0, cancelsConfirmedAt: -1, source: 'signal', staleAgeMs: null, drawdownPico: null,
} as unknown as FreezeEvent);

describe('OrderCancellation', () => {
  it('sends one cancel per order however often it is asked, and stops tracking the order as a quote', () => {
    const { sent, working, counters, cancellation, a } = setup('per-order');
    cancellation.cancel(a);
    cancellation.cancel(a);
    expect(sent).toEqual(['cancel O-1']);
    expect(counters.cancelsSent).toBe(1);
    expect(working.quote(BTC, 'BUY')).toBeNull();
  });

  it('retries a refused cancel once on request, and not for an order the loop no longer tracks', () => {
    const { sent, working, counters, cancellation, a, b } = setup('per-order');
    cancellation.cancel(a);
    cancellation.cancel(b);
    cancellation.retryLater(a);
    cancellation.retryLater(b);
    working.remove(b); // b ended meanwhile
    expect(cancellation.retriesPending).toBe(true);
    cancellation.retryPending();
    expect(sent).toEqual(['cancel O-1', 'cancel O-2', 'cancel O-1']);
    expect(counters.cancelRetries).toBe(1);
    expect(cancellation.retriesPending).toBe(false);
  });

  it('in cancel-all mode sends one request per symbol and marks orders still in flight to be cancelled once accepted', () => {
    const { sent, counters, cancellation, a, b } = setup('cancel-all');
    cancellation.cancelAll();
    expect(sent).toEqual(['cancel-all BTCUSDT', 'cancel-all ETHUSDT']);
    expect(counters.cancelAllsSent).toBe(2);
    expect([a.recancelOnAccept, b.recancelOnAccept]).toEqual([false, true]);
  });

  it('records on a freeze how many orders it cancelled and when the venue confirmed the last of them', () => {
    const { clock, cancellation } = setup('per-order');
    const event = freezeEvent();
    cancellation.freezeAll(event);
    expect(event.ordersCancelled).toBe(2);
    clock.advanceTo(1_050);
    cancellation.settled(id(1));
    expect(event.cancelsConfirmedAt).toBe(-1);
    clock.advanceTo(1_120);
    cancellation.settled(id(2));
    expect(event.cancelsConfirmedAt).toBe(1_120);
  });

  it('confirms a freeze with nothing to cancel at the freeze time', () => {
    const { working, cancellation, a, b } = setup('per-order');
    working.remove(a);
    working.remove(b);
    const event = freezeEvent();
    cancellation.freezeAll(event);
    expect([event.ordersCancelled, event.cancelsConfirmedAt]).toEqual([0, 1_000]);
  });
});
