// Covers BinanceApiGate's limits on explicit virtual times: weights and order counts per endpoint, the emulated usage headers, client queueing from 80 % (an orders lane and a cancels lane, epoch-aligned windows, slots of dropped requests reused). Random demand: test/core/sim/client-send-queue-limits.test.ts.
import { describe, it, expect } from 'vitest';
import type { GateRequest } from '../../../src/ports/request-gate.js';
import type { BinanceApiGate } from '../../../src/venues/binance/binance-api-gate.js';
import { GateQueueHarness } from '../../helpers/gate-queue-harness.js';
import { T0, USDM_ORDER, binanceGate, gateReport, ocoReq, peaks, req } from '../../helpers/binance-gate.js';

/** Sends a request the client's limits have room for at once, and returns the venue's answer on arrival. */
function pass(g: BinanceApiGate, request: GateRequest, nowMs: number): ReturnType<BinanceApiGate['venueAdmit']> {
  expect(g.sendableAtMs(request, nowMs)).toBe(nowMs);
  g.onSend(request, nowMs, 0);
  return g.venueAdmit(request, nowMs);
}

/** Submits `count` copies of `request` at `atMs` and returns their send times once the queue has drained. */
function sendTimes(h: GateQueueHarness, request: GateRequest, count: number, atMs: number): number[] {
  const queued = Array.from({ length: count }, () => h.submit(request, atMs));
  h.drain();
  return queued.map((q) => h.sentAt(q)!);
}

function headers(g: BinanceApiGate): Record<string, string> | null {
  return gateReport(g).rate_limits.last_usage_headers;
}

// Weights and order counts: spot rest-api.md (new order weight 1 + 1 order, cancel 1, cancel all 1, orderList/oco 1 + 2 orders);
// USD-M trade/rest-api New Order and Modify Order ("1 on 10s order rate limit; 1 on 1min order rate limit; 0 on IP rate limit"),
// Cancel Order and Cancel All Open Orders weight 1. Headers X-MBX-USED-WEIGHT-(n)(unit) / X-MBX-ORDER-COUNT-(n)(unit).
describe('BinanceApiGate weights and order counts', () => {
  it('adds spot weights and order counts per endpoint: new order 1 + 1, cancel 1, cancel-all 1, OCO 1 + 2', () => {
    const g = binanceGate('spot', true);
    const steps: Array<[GateRequest, Record<string, string>]> = [
      [req('create'), { 'X-MBX-USED-WEIGHT-1M': '1', 'X-MBX-ORDER-COUNT-10S': '1', 'X-MBX-ORDER-COUNT-1D': '1' }],
      [req('cancel'), { 'X-MBX-USED-WEIGHT-1M': '2', 'X-MBX-ORDER-COUNT-10S': '1', 'X-MBX-ORDER-COUNT-1D': '1' }],
      [req('cancel-all'), { 'X-MBX-USED-WEIGHT-1M': '3', 'X-MBX-ORDER-COUNT-10S': '1', 'X-MBX-ORDER-COUNT-1D': '1' }],
      [ocoReq(), { 'X-MBX-USED-WEIGHT-1M': '4', 'X-MBX-ORDER-COUNT-10S': '3', 'X-MBX-ORDER-COUNT-1D': '3' }],
    ];
    steps.forEach(([request, expected], i) => {
      expect(pass(g, request, T0 + 1000 + i)).toBe(null);
      expect(headers(g)).toEqual(expected);
    });
    expect(peaks(g)).toEqual({ REQUEST_WEIGHT_1M: 4, ORDERS_10S: 3, ORDERS_1D: 3 });
    expect(gateReport(g).endpoints).toEqual({
      'DELETE /api/v3/openOrders': { sent: 1 },
      'DELETE /api/v3/order': { sent: 1 },
      'POST /api/v3/order': { sent: 1 },
      'POST /api/v3/orderList/oco': { sent: 1 },
    });
  });

  it('charges USD-M new orders and modifies no IP weight, one order on the 10 s and the 1 min counters each', () => {
    const g = binanceGate('usdm', true);
    const amend = req('amend', USDM_ORDER, { priceTicks: 935_010, qtyLots: 6 });
    const steps: Array<[GateRequest, Record<string, string>]> = [
      [req('create', USDM_ORDER), { 'X-MBX-USED-WEIGHT-1M': '0', 'X-MBX-ORDER-COUNT-10S': '1', 'X-MBX-ORDER-COUNT-1M': '1' }],
      [amend, { 'X-MBX-USED-WEIGHT-1M': '0', 'X-MBX-ORDER-COUNT-10S': '2', 'X-MBX-ORDER-COUNT-1M': '2' }],
      [req('cancel', USDM_ORDER), { 'X-MBX-USED-WEIGHT-1M': '1', 'X-MBX-ORDER-COUNT-10S': '2', 'X-MBX-ORDER-COUNT-1M': '2' }],
      [req('cancel-all', USDM_ORDER), { 'X-MBX-USED-WEIGHT-1M': '2', 'X-MBX-ORDER-COUNT-10S': '2', 'X-MBX-ORDER-COUNT-1M': '2' }],
    ];
    steps.forEach(([request, expected], i) => {
      expect(pass(g, request, T0 + 5000 + i)).toBe(null);
      expect(headers(g)).toEqual(expected);
    });
    expect(peaks(g)).toEqual({ REQUEST_WEIGHT_1M: 2, ORDERS_10S: 2, ORDERS_1M: 2 });
    expect(Object.keys(gateReport(g).endpoints)).toEqual(['DELETE /fapi/v1/allOpenOrders', 'DELETE /fapi/v1/order', 'POST /fapi/v1/order', 'PUT /fapi/v1/order']);
  });

  it('resets each counter at its own epoch-aligned boundary: 10 s orders at :10, weight at the minute, orders per day at 00:00 UTC', () => {
    const g = binanceGate('spot', false);
    g.venueAdmit(req('create'), T0 + 9_999);
    g.venueAdmit(req('create'), T0 + 10_000);
    expect(headers(g)).toEqual({ 'X-MBX-USED-WEIGHT-1M': '2', 'X-MBX-ORDER-COUNT-10S': '1', 'X-MBX-ORDER-COUNT-1D': '2' });
    g.venueAdmit(req('create'), T0 + 60_000);
    expect(headers(g)).toEqual({ 'X-MBX-USED-WEIGHT-1M': '1', 'X-MBX-ORDER-COUNT-10S': '1', 'X-MBX-ORDER-COUNT-1D': '3' });
    g.venueAdmit(req('create'), T0 + 86_400_000);
    expect(headers(g)).toEqual({ 'X-MBX-USED-WEIGHT-1M': '1', 'X-MBX-ORDER-COUNT-10S': '1', 'X-MBX-ORDER-COUNT-1D': '1' });
    expect(peaks(g)).toEqual({ REQUEST_WEIGHT_1M: 2, ORDERS_10S: 1, ORDERS_1D: 3 });
  });

  it('reports every limit of the market with its window and header, peak 0 before any request', () => {
    expect(gateReport(binanceGate('usdm', true)).rate_limits.limits).toEqual({
      REQUEST_WEIGHT_1M: { limit: 2400, window_ms: 60_000, peak: 0, header: 'X-MBX-USED-WEIGHT-1M' },
      ORDERS_10S: { limit: 300, window_ms: 10_000, peak: 0, header: 'X-MBX-ORDER-COUNT-10S' },
      ORDERS_1M: { limit: 1200, window_ms: 60_000, peak: 0, header: 'X-MBX-ORDER-COUNT-1M' },
    });
    expect(gateReport(binanceGate('spot', true)).rate_limits.last_usage_headers).toBe(null);
  });
});

// Issue #4: the client starts queueing at 80 % of any limit (spot ORDERS 50/10 s → 40; weight 6000/min → 4800).
describe('BinanceApiGate client queueing from 80 %', () => {
  it('holds the 41st spot order of a 10 s window until the next window starts, to the ms', () => {
    const g = binanceGate('spot', true);
    const h = new GateQueueHarness(g, T0);
    for (let i = 0; i < 40; i += 1) h.submit(req('create'), T0 + 3_250 + i);
    const held = h.submit(req('create'), T0 + 3_290);
    h.runUntil(T0 + 20_000);
    expect(h.sendTimes().slice(0, 40)).toEqual(Array.from({ length: 40 }, (_, i) => T0 + 3_250 + i));
    expect(h.sentAt(held)).toBe(T0 + 10_000);
    expect(gateReport(g).rate_limits).toMatchObject({ throttle: true, throttled_requests: 1, total_wait_ms: 6_710, max_wait_ms: 6_710 });
  });

  it('holds an OCO that would bring the orders to 41: it counts 2 orders', () => {
    const h = new GateQueueHarness(binanceGate('spot', true), T0);
    for (let i = 0; i < 39; i += 1) h.submit(req('create'), T0);
    const oco = h.submit(ocoReq(), T0 + 1);
    h.runUntil(T0 + 20_000);
    expect(h.sentAt(oco)).toBe(T0 + 10_000);
  });

  it('never holds a cancel behind a create waiting for the order window: cancels have their own lane', () => {
    const g = binanceGate('spot', true);
    const h = new GateQueueHarness(g, T0);
    for (let i = 0; i < 40; i += 1) h.submit(req('create'), T0 + 2_000);
    const create = h.submit(req('create'), T0 + 2_000);
    const cancel = h.submit(req('cancel'), T0 + 2_500);
    const later = h.submit(req('create'), T0 + 11_000);
    h.runUntil(T0 + 20_000);
    expect([h.sentAt(create), h.sentAt(cancel), h.sentAt(later)]).toEqual([T0 + 10_000, T0 + 2_500, T0 + 11_000]);
    expect(gateReport(g).rate_limits).toMatchObject({ throttled_requests: 1, total_wait_ms: 8_000, max_wait_ms: 8_000 });
  });

  it('gives the order slot of a create dropped from the queue to the next create', () => {
    const h = new GateQueueHarness(binanceGate('spot', true), T0);
    for (let i = 0; i < 40; i += 1) h.submit(req('create'), T0);
    const dropped = h.submit(req('create'), T0 + 100);
    const next = h.submit(req('create'), T0 + 100);
    h.drop(dropped, T0 + 5_000);
    h.runUntil(T0 + 20_000);
    expect([h.sentAt(dropped), h.sentAt(next)]).toEqual([null, T0 + 10_000]);
  });

  it('queues spot cancels at 4800 weight in a minute until the next minute', () => {
    const h = new GateQueueHarness(binanceGate('spot', true), T0);
    expect(sendTimes(h, req('cancel'), 4_801, T0 + 15_000)).toEqual([...Array(4_800).fill(T0 + 15_000), T0 + 60_000]);
  });

  it('queues USD-M orders at 240 per 10 s and at 960 per minute', () => {
    const h = new GateQueueHarness(binanceGate('usdm', true), T0);
    for (let w = 0; w < 4; w += 1) {
      expect(sendTimes(h, req('create', USDM_ORDER), 240, T0 + w * 10_000)).toEqual(Array(240).fill(T0 + w * 10_000));
      expect(sendTimes(h, req('cancel', USDM_ORDER), 1, T0 + w * 10_000 + 1)).toEqual([T0 + w * 10_000 + 1]);
    }
    // 960 orders this minute: the next one waits for the minute, not for the next 10 s window.
    expect(sendTimes(h, req('create', USDM_ORDER), 1, T0 + 35_000)).toEqual([T0 + 60_000]);
  });

  it('charges the window a request will arrive in: one sent 50 ms before a boundary counts in the next window', () => {
    const g = binanceGate('spot', true, null, 50);
    const h = new GateQueueHarness(g, T0, 50);
    for (let i = 0; i < 10; i += 1) h.submit(req('create'), T0);
    h.runUntil(T0 + 1_000);
    expect(h.arrivals.map((a) => [a.arrivalMs, a.answer])).toEqual(Array(10).fill([T0 + 50, null]));
    // 30 sent at T0 + 9 980 arrive at T0 + 10 030: the client counts them in the window starting at T0 + 10 000 ...
    const h2 = new GateQueueHarness(g, T0 + 9_980, 50);
    const thirty = Array.from({ length: 30 }, () => h2.submit(req('create'), T0 + 9_980));
    // ... so only 10 more fit there; the 11th leaves 50 ms before the next window so that it arrives as it starts.
    const eleven = Array.from({ length: 11 }, () => h2.submit(req('create'), T0 + 10_000));
    h2.runUntil(T0 + 30_000);
    expect(thirty.map((q) => h2.sentAt(q))).toEqual(Array(30).fill(T0 + 9_980));
    expect(eleven.map((q) => h2.sentAt(q))).toEqual([...Array(10).fill(T0 + 10_000), T0 + 19_950]);
    expect(h2.arrivals.every((a) => a.answer === null)).toBe(true);
    expect(peaks(g)).toEqual({ REQUEST_WEIGHT_1M: 51, ORDERS_10S: 40, ORDERS_1D: 51 });
  });
});
