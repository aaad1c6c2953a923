// Covers BinanceApiGate's limits on explicit virtual times: weights and order counts per endpoint, the emulated usage headers, client queueing from 80 % (one FIFO, epoch-aligned windows), and that a throttled stream never exceeds a limit.
import { describe, it, expect } from 'vitest';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import type { GateRequest } from '../../../src/core/sim/request-gate.js';
import type { BinanceApiGate } from '../../../src/venues/binance/binance-api-gate.js';
import { BINANCE_LIMITS } from '../../../src/venues/binance/binance-rate-limits.js';
import { T0, USDM_ORDER, binanceGate, gateReport, ocoReq, peaks, req } from '../../helpers/binance-gate.js';

/** The client holds the request, then it leaves and arrives `latencyMs` later, as SimulatedVenue does. Returns the send time. */
function pass(g: BinanceApiGate, request: GateRequest, nowMs: number, latencyMs = 0): { sendMs: number; answer: ReturnType<BinanceApiGate['venueAdmit']> } {
  const sendMs = nowMs + g.clientDelayMs(request, nowMs);
  g.onSend(request, sendMs);
  return { sendMs, answer: g.venueAdmit(request, sendMs + latencyMs) };
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
      expect(pass(g, request, T0 + 1000 + i).answer).toBe(null);
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
      expect(pass(g, request, T0 + 5000 + i).answer).toBe(null);
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
    for (let i = 0; i < 40; i += 1) expect(g.clientDelayMs(req('create'), T0 + 3_250 + i)).toBe(0);
    expect(g.clientDelayMs(req('create'), T0 + 3_290)).toBe(6_710); // sent at T0 + 10 000
    expect(gateReport(g).rate_limits).toMatchObject({ throttle: true, throttled_requests: 1, total_wait_ms: 6_710, max_wait_ms: 6_710 });
  });

  it('holds an OCO that would bring the orders to 41: it counts 2 orders', () => {
    const g = binanceGate('spot', true);
    for (let i = 0; i < 39; i += 1) g.clientDelayMs(req('create'), T0);
    expect(g.clientDelayMs(ocoReq(), T0 + 1)).toBe(9_999);
  });

  it('keeps one FIFO across endpoints: a cancel asked for behind a held order waits for it, then creates follow in order', () => {
    const g = binanceGate('spot', true);
    for (let i = 0; i < 40; i += 1) g.clientDelayMs(req('create'), T0 + 2_000);
    expect(g.clientDelayMs(req('create'), T0 + 2_000)).toBe(8_000); // T0 + 10 000
    expect(g.clientDelayMs(req('cancel'), T0 + 2_500)).toBe(7_500); // never before the create queued ahead of it
    expect(g.clientDelayMs(req('create'), T0 + 11_000)).toBe(0); // the queue has drained by then
    expect(gateReport(g).rate_limits).toMatchObject({ throttled_requests: 2, total_wait_ms: 15_500, max_wait_ms: 8_000 });
  });

  it('queues spot cancels at 4800 weight in a minute until the next minute', () => {
    const g = binanceGate('spot', true);
    for (let i = 0; i < 4_800; i += 1) expect(g.clientDelayMs(req('cancel'), T0 + 15_000)).toBe(0);
    expect(g.clientDelayMs(req('cancel'), T0 + 15_000)).toBe(45_000);
  });

  it('queues USD-M orders at 240 per 10 s and at 960 per minute', () => {
    const g = binanceGate('usdm', true);
    for (let w = 0; w < 4; w += 1) {
      for (let i = 0; i < 240; i += 1) expect(g.clientDelayMs(req('create', USDM_ORDER), T0 + w * 10_000)).toBe(0);
      expect(g.clientDelayMs(req('cancel', USDM_ORDER), T0 + w * 10_000 + 1)).toBe(0); // orders ahead were sent at once
      if (w < 3) continue;
      // 960 orders this minute: the next one waits for the minute, not for the next 10 s window.
      expect(g.clientDelayMs(req('create', USDM_ORDER), T0 + 35_000)).toBe(25_000);
    }
  });

  it('charges the window a request will arrive in: one sent 50 ms before a boundary counts in the next window', () => {
    const g = binanceGate('spot', true, null, 50);
    for (let i = 0; i < 10; i += 1) expect(pass(g, req('create'), T0, 50).answer).toBe(null);
    // 30 sent at T0 + 9 980 arrive at T0 + 10 030: the client counts them in the window starting at T0 + 10 000 ...
    for (let i = 0; i < 30; i += 1) expect(pass(g, req('create'), T0 + 9_980, 50).sendMs).toBe(T0 + 9_980);
    // ... so only 10 more fit there; the 11th leaves 50 ms before the next window so that it arrives as it starts.
    for (let i = 0; i < 10; i += 1) expect(pass(g, req('create'), T0 + 10_000, 50)).toEqual({ sendMs: T0 + 10_000, answer: null });
    expect(pass(g, req('create'), T0 + 10_000, 50)).toEqual({ sendMs: T0 + 19_950, answer: null });
    expect(peaks(g)).toEqual({ REQUEST_WEIGHT_1M: 51, ORDERS_10S: 40, ORDERS_1D: 51 });
  });

  it('never lets a throttled, seeded stream of requests exceed a limit at the venue, even with latency', () => {
    const rng = new SeededRng('binance-gate-stream');
    for (const latencyMs of [0, 50, 300]) {
      const g = binanceGate('spot', true, null, latencyMs);
      let nowMs = T0 + 9_000;
      let held = 0;
      for (let i = 0; i < 4_000; i += 1) {
        // Bursts of up to 30 requests at one instant, gaps of 0..3 s between bursts.
        if (rng.next() < 0.1) nowMs += Math.floor(rng.next() * 3_000);
        const draw = rng.next();
        const request = draw < 0.6 ? req('create') : draw < 0.85 ? req('cancel') : draw < 0.95 ? req('cancel-all') : ocoReq();
        const { sendMs, answer } = pass(g, request, nowMs, latencyMs);
        if (sendMs > nowMs) held += 1;
        expect(answer).toBe(null);
      }
      const report = gateReport(g).rate_limits;
      expect(report.http_429).toBe(0);
      expect(held).toBe(report.throttled_requests);
      expect(held).toBeGreaterThan(0);
      for (const spec of BINANCE_LIMITS.spot) expect(report.limits[spec.name]!.peak).toBeLessThanOrEqual((spec.limit * 80) / 100);
    }
  });
});
