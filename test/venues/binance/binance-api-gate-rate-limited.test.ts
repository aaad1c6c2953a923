// Covers BinanceApiGate's venue answers over a limit: HTTP 429 with -1015/-1003 and an exact Retry-After, 418 bans for requests that do not back off (2 min, doubling), admission after a ban, and the report's counters.
import { describe, it, expect } from 'vitest';
import type { BinanceApiGate } from '../../../src/venues/binance/binance-api-gate.js';
import { binanceSimulatedBanMs } from '../../../src/venues/binance/binance-rate-limits.js';
import { T0, USDM_ORDER, binanceGate, gateReport, req } from '../../helpers/binance-gate.js';

// rest-api.md "IP Limits": 429 when a limit is broken; failing to back off after 429s → 418 IP ban, "from 2 minutes to 3
// days"; Retry-After gives the seconds to wait. errors.md: -1015 "Too many new orders; current limit is %s orders per %s.",
// -1003 "Too much request weight used; current limit is %s request weight per %s. …" and "Way too much request weight used;
// IP banned until %s. …"; USD-M error-code page: -1003 "Too many requests; current limit is %s requests per minute. …".
const SPOT_ORDERS_429 = (retryAfter: number) => ({
  code: 'HTTP_429',
  message: 'Too many new orders; current limit is 50 orders per 10 SECOND.',
  detail: `body code -1015, Retry-After: ${retryAfter}`,
});
const SPOT_BAN_418 = (untilMs: number, retryAfter: number) => ({
  code: 'HTTP_418',
  message: `Way too much request weight used; IP banned until ${untilMs}. Please use WebSocket Streams for live updates to avoid bans.`,
  detail: `body code -1003, Retry-After: ${retryAfter}`,
});

/** Admits `count` spot creates at `atMs` (no throttle: the client never holds), expecting every one to pass. */
function fill(g: BinanceApiGate, count: number, atMs: number): void {
  for (let i = 0; i < count; i += 1) expect(g.venueAdmit(req('create'), atMs)).toBe(null);
}

describe('BinanceApiGate without throttling: HTTP 429', () => {
  it('sends at once and answers the 51st spot order of a 10 s window with 429 -1015, Retry-After to the window end', () => {
    const g = binanceGate('spot', false);
    for (let i = 0; i < 51; i += 1) expect(g.sendableAtMs(req('create'), T0 + 3_250)).toBe(T0 + 3_250);
    fill(g, 50, T0 + 3_250);
    expect(g.venueAdmit(req('create'), T0 + 3_250)).toEqual(SPOT_ORDERS_429(7)); // 6.75 s, rounded up
    expect(gateReport(g).rate_limits).toMatchObject({ throttle: false, http_429: 1, http_418: 0, ip_bans: 0, banned_until_utc: null, last_retry_after: '7' });
    expect(gateReport(g).rate_limits).toMatchObject({ throttled_requests: 0, total_wait_ms: 0, max_wait_ms: 0 });
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    const g = binanceGate('spot', false);
    fill(g, 50, T0);
    expect(g.venueAdmit(req('create'), T0)).toEqual(SPOT_ORDERS_429(10));
    const h = binanceGate('spot', false);
    fill(h, 50, T0 + 9_999);
    expect(h.venueAdmit(req('create'), T0 + 9_999)).toEqual(SPOT_ORDERS_429(1));
  });

  it('still admits a request that breaks no limit (a cancel has no order count) while orders are refused', () => {
    const g = binanceGate('spot', false);
    fill(g, 50, T0 + 1_000);
    expect(g.venueAdmit(req('create'), T0 + 1_000)).toEqual(SPOT_ORDERS_429(9));
    expect(g.venueAdmit(req('cancel'), T0 + 1_500)).toBe(null);
    expect(gateReport(g).rate_limits).toMatchObject({ http_429: 1, http_418: 0, ip_bans: 0 });
  });

  it('answers the spot weight limit with -1003 and Retry-After to the minute', () => {
    const g = binanceGate('spot', false);
    for (let i = 0; i < 6_000; i += 1) expect(g.venueAdmit(req('cancel'), T0 + 45_500)).toBe(null);
    expect(g.venueAdmit(req('cancel'), T0 + 45_500)).toEqual({
      code: 'HTTP_429',
      message:
        'Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.',
      detail: 'body code -1003, Retry-After: 15',
    });
  });

  it('answers USD-M over 300 orders per 10 s, 1200 per minute and 2400 weight per minute with their own texts', () => {
    const g = binanceGate('usdm', false);
    for (let i = 0; i < 300; i += 1) expect(g.venueAdmit(req('create', USDM_ORDER), T0 + 2_000)).toBe(null);
    expect(g.venueAdmit(req('create', USDM_ORDER), T0 + 2_000)).toEqual({
      code: 'HTTP_429',
      message: 'Too many new orders; current limit is 300 orders per 10 SECOND.',
      detail: 'body code -1015, Retry-After: 8',
    });
    const m = binanceGate('usdm', false);
    for (let w = 0; w < 4; w += 1) for (let i = 0; i < 300; i += 1) m.venueAdmit(req('amend', USDM_ORDER, { priceTicks: 1, qtyLots: 5 }), T0 + w * 10_000);
    expect(m.venueAdmit(req('create', USDM_ORDER), T0 + 40_000)).toEqual({
      code: 'HTTP_429',
      message: 'Too many new orders; current limit is 1200 orders per 1 MINUTE.',
      detail: 'body code -1015, Retry-After: 20',
    });
    const w = binanceGate('usdm', false);
    for (let i = 0; i < 2_400; i += 1) expect(w.venueAdmit(req('cancel', USDM_ORDER), T0 + 59_000)).toBe(null);
    expect(w.venueAdmit(req('cancel-all', USDM_ORDER), T0 + 59_000)).toEqual({
      code: 'HTTP_429',
      message: 'Too many requests; current limit is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API.',
      detail: 'body code -1003, Retry-After: 1',
    });
  });

  it('gives the Retry-After of the limit that resets last when two limits are broken at once (orders per day and per 10 s)', () => {
    const g = binanceGate('spot', false);
    // 3199 full 10 s windows (159 950 orders, 300 weight per minute), then the last 50 of the day's 160 000.
    let admitted = 0;
    for (let w = 0; w < 3_199; w += 1) for (let i = 0; i < 50; i += 1) if (g.venueAdmit(req('create'), T0 + w * 10_000) === null) admitted += 1;
    expect(admitted).toBe(159_950);
    fill(g, 50, T0 + 31_990_000);
    const dayLeftMs = 86_400_000 - 31_990_000;
    expect(g.venueAdmit(req('create'), T0 + 31_990_000)).toEqual({
      code: 'HTTP_429',
      message: `Too many new orders; current limit is 160000 orders per 1 DAY.`,
      detail: `body code -1015, Retry-After: ${dayLeftMs / 1000}`,
    });
    expect(gateReport(g).rate_limits.limits['ORDERS_1D']!.peak).toBe(160_000);
  });
});

describe('BinanceApiGate without throttling: HTTP 418 bans', () => {
  it('bans the IP for 2 min when a request breaks a limit again before Retry-After, answers 418 to everything until the ban ends, then admits', () => {
    const g = binanceGate('spot', false);
    fill(g, 50, T0 + 3_000);
    expect(g.venueAdmit(req('create'), T0 + 3_000)).toEqual(SPOT_ORDERS_429(7));
    const banEnd = T0 + 3_400 + binanceSimulatedBanMs(1);
    expect(binanceSimulatedBanMs(1)).toBe(120_000);
    expect(g.venueAdmit(req('create'), T0 + 3_400)).toEqual(SPOT_BAN_418(banEnd, 120));
    expect(g.venueAdmit(req('cancel'), T0 + 60_000)).toEqual(SPOT_BAN_418(banEnd, 64)); // even a request within every limit
    expect(g.venueAdmit(req('create'), banEnd - 1)).toEqual(SPOT_BAN_418(banEnd, 1));
    expect(g.venueAdmit(req('create'), banEnd)).toBe(null);
    expect(gateReport(g).rate_limits).toMatchObject({
      http_429: 1,
      http_418: 3,
      ip_bans: 1,
      banned_until_utc: '2025-01-01T00:02:03.400Z',
      last_retry_after: '1',
      last_usage_headers: { 'X-MBX-USED-WEIGHT-1M': '1', 'X-MBX-ORDER-COUNT-10S': '1', 'X-MBX-ORDER-COUNT-1D': '51' },
    });
  });

  it('doubles the second ban to 4 min', () => {
    const g = binanceGate('spot', false);
    fill(g, 50, T0);
    g.venueAdmit(req('create'), T0);
    const firstEnd = T0 + 100 + 120_000;
    expect(g.venueAdmit(req('create'), T0 + 100)).toEqual(SPOT_BAN_418(firstEnd, 120));
    fill(g, 50, firstEnd);
    expect(g.venueAdmit(req('create'), firstEnd)).toEqual(SPOT_ORDERS_429(10)); // T0 + 120 100 → window ends at T0 + 130 000
    const secondEnd = firstEnd + 10 + binanceSimulatedBanMs(2);
    expect(binanceSimulatedBanMs(2)).toBe(240_000);
    expect(g.venueAdmit(req('create'), firstEnd + 10)).toEqual(SPOT_BAN_418(secondEnd, 240));
    expect(gateReport(g).rate_limits).toMatchObject({ http_429: 2, http_418: 2, ip_bans: 2, banned_until_utc: '2025-01-01T00:06:00.110Z', last_retry_after: '240' });
  });

  it('answers 429 again, not 418, to a request over a limit once the previous Retry-After has passed', () => {
    const g = binanceGate('spot', false);
    fill(g, 50, T0);
    expect(g.venueAdmit(req('create'), T0 + 100)).toEqual(SPOT_ORDERS_429(10));
    fill(g, 50, T0 + 10_000);
    expect(g.venueAdmit(req('create'), T0 + 10_100)).toEqual(SPOT_ORDERS_429(10));
    expect(gateReport(g).rate_limits).toMatchObject({ http_429: 2, http_418: 0, ip_bans: 0, banned_until_utc: null });
  });

  it('bans on USD-M with the futures ban text', () => {
    const g = binanceGate('usdm', false);
    for (let i = 0; i < 300; i += 1) g.venueAdmit(req('create', USDM_ORDER), T0);
    g.venueAdmit(req('create', USDM_ORDER), T0);
    expect(g.venueAdmit(req('create', USDM_ORDER), T0 + 1)).toEqual({
      code: 'HTTP_418',
      message: `Way too many requests; IP banned until ${T0 + 120_001}. Please use the websocket for live updates to avoid bans.`,
      detail: 'body code -1003, Retry-After: 120',
    });
  });
});
