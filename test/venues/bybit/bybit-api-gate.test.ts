// Covers BybitApiGate on explicit virtual times: client throttling (exact holds, FIFO per endpoint), 10006 without throttle, limit headers and counters in report(), and the signed, masked dry-run journal.
import { createHmac } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import type { Order } from '../../../src/core/model/order.js';
import type { GateRequest, VenueRequestKind } from '../../../src/ports/request-gate.js';
import { Credentials } from '../../../src/secrets/credentials.js';
import { BybitApiGate } from '../../../src/venues/bybit/bybit-api-gate.js';
import type { DryRunSettings } from '../../../src/venues/shared/dry-run.js';
import type { BybitCategory } from '../../../src/venues/bybit/bybit-category.js';
import { docsBtc, gridOf } from '../../helpers/bybit-instruments.js';
import { MemoryRequestJournal } from '../../helpers/memory-request-journal.js';
import { GateQueueHarness } from '../../helpers/gate-queue-harness.js';
import { makeOrder } from '../../helpers/orders.js';

const INSTRUMENTS = new Map([['BTCUSDT', gridOf(docsBtc('linear'))]]); // tick 0.10, lot 0.001
const ORDER: Order = makeOrder('BUY', 935000, { qtyLots: 2 }); // O-1: Buy 0.002 @ 93500
const RATE_LIMITED = { code: '10006', message: 'Too many visits. Exceeded the API Rate Limit.' };
const CREATE = '/v5/order/create';

/** The gate request the simulated venue makes for `order` (cancel-all names only the symbol). */
function req(kind: VenueRequestKind, order: Order = ORDER, amend: GateRequest['amend'] = null): GateRequest {
  return { kind, symbol: order.symbol, order: kind === 'cancel-all' ? null : order, amend };
}

function gate(throttle: boolean, category: BybitCategory = 'linear', dryRun: DryRunSettings | null = null): BybitApiGate {
  return new BybitApiGate({ category, instruments: INSTRUMENTS, throttle, linkIdPrefix: 'se42-', dryRun });
}

/** Sends one request now through the unthrottled gate, as the simulated venue does. Returns the send time. */
function sendAt(g: BybitApiGate, kind: VenueRequestKind, nowMs: number): number {
  expect(g.sendableAtMs(req(kind), nowMs)).toBe(nowMs);
  g.onSend(req(kind), nowMs, 0);
  return nowMs;
}

type Report = {
  endpoints: Record<string, Record<string, unknown>>;
  rate_limits: Record<string, unknown>;
  dry_run: Record<string, unknown> | null;
};

function report(g: BybitApiGate): Report {
  return g.report() as Report;
}

// Limits: docs/v5/rate-limit.mdx (create 10/s linear, 20/s spot, rolling 1 s window per UID).
describe('BybitApiGate with client throttling', () => {
  it('holds the 11th linear create in one second until exactly the first create time + 1000 ms', () => {
    const h = new GateQueueHarness(gate(true));
    for (let i = 0; i < 10; i += 1) h.submit(req('create'), 1000 + i * 10);
    const eleventh = h.submit(req('create'), 1500);
    h.runUntil(5000);
    expect(h.sendTimes()).toEqual([1000, 1010, 1020, 1030, 1040, 1050, 1060, 1070, 1080, 1090, 2000]);
    expect(h.sends.at(-1)).toMatchObject({ request: eleventh, heldMs: 500 });
  });

  it('queues later creates FIFO behind a held one, each at the next free slot', () => {
    const h = new GateQueueHarness(gate(true));
    for (let i = 0; i < 10; i += 1) h.submit(req('create'), 1000 + i * 10);
    h.submit(req('create'), 1500);
    h.submit(req('create'), 1500);
    h.submit(req('create'), 1600);
    h.runUntil(5000);
    expect(h.sendTimes().slice(10)).toEqual([2000, 2010, 2020]);
  });

  it('gives the slot of a create dropped from the queue to the next one, so it leaves as early as the dropped one would have', () => {
    const h = new GateQueueHarness(gate(true));
    for (let i = 0; i < 10; i += 1) h.submit(req('create'), 1000 + i * 10);
    const a = h.submit(req('create'), 1500); // would leave at 2000
    const b = h.submit(req('create'), 1500); // 2010
    const c = h.submit(req('create'), 1500); // 2020
    h.drop(a, 1800);
    h.runUntil(5000);
    expect([h.sentAt(a), h.sentAt(b), h.sentAt(c)]).toEqual([null, 2000, 2010]);
    expect(h.queue.queued).toBe(0);
  });

  it('sends a create the moment a dropped head frees the lane, when the window already has room', () => {
    const h = new GateQueueHarness(gate(true));
    for (let i = 0; i < 10; i += 1) h.submit(req('create'), 1000);
    const a = h.submit(req('create'), 1000);
    const b = h.submit(req('create'), 1000);
    h.runUntil(2000); // a and b both leave at 2000
    expect([h.sentAt(a), h.sentAt(b)]).toEqual([2000, 2000]);
  });

  it('never delays a cancel behind held creates: each endpoint has its own queue', () => {
    const h = new GateQueueHarness(gate(true));
    for (let i = 0; i < 11; i += 1) h.submit(req('create'), 1000);
    const cancel = h.submit(req('cancel'), 1000);
    const twelfth = h.submit(req('create'), 1000);
    h.runUntil(5000);
    expect(h.sentAt(cancel)).toBe(1000);
    expect(h.sentAt(twelfth)).toBe(2000);
  });

  it('allows 20 spot creates per second before holding the 21st', () => {
    const h = new GateQueueHarness(gate(true, 'spot'));
    for (let i = 0; i < 21; i += 1) h.submit(req('create'), 0);
    h.runUntil(5000);
    expect(h.sendTimes()).toEqual([...Array(20).fill(0), 1000]);
  });

  it('lets no throttled request reach the venue over its limit, and reports holds, waits and the last limit headers', () => {
    const g = gate(true);
    const h = new GateQueueHarness(g, 0, 50);
    for (let i = 0; i < 25; i += 1) h.submit(req('create'), 0);
    h.runUntil(10_000);
    expect(h.sendTimes()).toEqual([...Array(10).fill(0), ...Array(10).fill(1000), ...Array(5).fill(2000)]);
    expect(h.arrivals.map((a) => a.answer)).toEqual(Array(25).fill(null));
    expect(g.report()).toEqual({
      category: 'linear',
      endpoints: {
        [CREATE]: {
          sent: 25,
          rejected_10006: 0,
          limit_per_window: 10,
          peak_in_window: 10,
          limit_status_min: 0,
          last_response_headers: { 'X-Bapi-Limit': '10', 'X-Bapi-Limit-Status': '5', 'X-Bapi-Limit-Reset-Timestamp': '2050' },
        },
      },
      rate_limits: {
        rule: 'per endpoint: the limit in any rolling 1 s window per UID (docs/v5/rate-limit.mdx); per IP: 600 requests in any 5 s',
        throttle: true,
        throttled_requests: 15,
        total_wait_ms: 20000,
        max_wait_ms: 2000,
        ip_limit: '600 per 5000 ms',
        ip_peak_in_window: 25,
        ip_rejected_403: 0,
      },
      dry_run: null,
    });
  });

  it('lists only the endpoints that were used', () => {
    const g = gate(false);
    expect(report(g).endpoints).toEqual({});
    g.venueAdmit(req('cancel'), sendAt(g, 'cancel', 7));
    expect(Object.keys(report(g).endpoints)).toEqual(['/v5/order/cancel']);
  });
});

describe('BybitApiGate without throttling', () => {
  it('sends at once and answers 10006 for the 11th arrival within 1000 ms, then admits again once the window has room', () => {
    const g = gate(false);
    for (let i = 0; i < 11; i += 1) expect(g.sendableAtMs(req('create'), 1000 + i * 10)).toBe(1000 + i * 10);
    for (let i = 0; i < 10; i += 1) expect(g.venueAdmit(req('create'), 1000 + i * 10)).toBe(null);
    expect(g.venueAdmit(req('create'), 1500)).toEqual(RATE_LIMITED);
    expect(g.venueAdmit(req('create'), 1999)).toEqual(RATE_LIMITED);
    expect(g.venueAdmit(req('create'), 2000)).toBe(null); // the take at 1000 has left the window
    expect(g.venueAdmit(req('create'), 2005)).toEqual(RATE_LIMITED);
    expect(g.venueAdmit(req('create'), 2010)).toBe(null);
    expect(report(g).endpoints[CREATE]).toMatchObject({ rejected_10006: 3, peak_in_window: 10, limit_status_min: 0 });
    expect(report(g).rate_limits).toMatchObject({ throttle: false, throttled_requests: 0, total_wait_ms: 0, max_wait_ms: 0 });
  });

  it('counts every request that reaches Bybit against the 600 per 5 s IP limit, those answered 10006 included', () => {
    const g = gate(false);
    // 600 creates within one second: 10 admitted, 590 answered 10006, all 600 counted per IP.
    for (let i = 0; i < 600; i += 1) g.venueAdmit(req('create'), 1000 + Math.floor(i / 6));
    expect(report(g).endpoints[CREATE]).toMatchObject({ rejected_10006: 590 });
    // A cancel has endpoint room but the IP window (t − 5000, t] is full until the first arrivals leave it.
    expect(g.venueAdmit(req('cancel'), 5999)).toMatchObject({ code: 'HTTP_403', message: 'Forbidden request.' });
    expect(report(g).rate_limits).toMatchObject({ ip_rejected_403: 1, ip_peak_in_window: 601 });
  });

  it('does not count a create storm against cancels', () => {
    const g = gate(false);
    for (let i = 0; i < 12; i += 1) g.venueAdmit(req('create'), 100);
    expect(g.venueAdmit(req('cancel'), 100)).toBe(null);
  });

  // docs/v5/rate-limit.mdx: X-Bapi-Limit-Status = remaining requests; X-Bapi-Limit-Reset-Timestamp = when the limit resets
  // if exceeded, otherwise the current timestamp.
  it('emulates X-Bapi-Limit-Status and X-Bapi-Limit-Reset-Timestamp after each answer', () => {
    const g = gate(false);
    const headers = (): unknown => report(g).endpoints[CREATE]!['last_response_headers'];
    g.onSend(req('create'), 1000, 0);
    g.venueAdmit(req('create'), 1000);
    expect(headers()).toEqual({ 'X-Bapi-Limit': '10', 'X-Bapi-Limit-Status': '9', 'X-Bapi-Limit-Reset-Timestamp': '1000' });
    for (let i = 1; i < 10; i += 1) g.venueAdmit(req('create'), 1000 + i * 10);
    expect(headers()).toEqual({ 'X-Bapi-Limit': '10', 'X-Bapi-Limit-Status': '0', 'X-Bapi-Limit-Reset-Timestamp': '1090' });
    g.venueAdmit(req('create'), 1500);
    expect(headers()).toEqual({ 'X-Bapi-Limit': '10', 'X-Bapi-Limit-Status': '0', 'X-Bapi-Limit-Reset-Timestamp': '2000' });
    g.venueAdmit(req('create'), 2100); // the takes at 1000..1090 have all expired
    expect(headers()).toEqual({ 'X-Bapi-Limit': '10', 'X-Bapi-Limit-Status': '9', 'X-Bapi-Limit-Reset-Timestamp': '2100' });
  });
});

// docs/v5/guide.mdx: sign timestamp + apiKey + recvWindow + jsonBody with HMAC-SHA256 (hex); headers X-BAPI-*.
describe('BybitApiGate dry run', () => {
  const credentials = new Credentials('bybit', 'dev', 'KEY-abcdefgh', 'SECRET-xyz', 'env');
  const T = 1735689600000; // 2025-01-01T00:00:00Z

  function dryGate(journal: MemoryRequestJournal | null): BybitApiGate {
    return gate(true, 'linear', { credentials, recvWindowMs: 5000, journal });
  }

  function sign(timestampMs: number, body: string): string {
    return createHmac('sha256', 'SECRET-xyz').update(`${timestampMs}KEY-abcdefgh5000${body}`).digest('hex');
  }

  function line(seq: number, sendMs: number, kind: string, path: string, body: string): string {
    const headers = `{"Content-Type":"application/json","X-BAPI-API-KEY":"KEY…***","X-BAPI-RECV-WINDOW":"5000","X-BAPI-SIGN":"${sign(sendMs, body)}","X-BAPI-TIMESTAMP":"${sendMs}"}`;
    const utc = new Date(sendMs).toISOString();
    const orderId = kind === 'cancel-all' ? 'null' : '"O-1"';
    return `{"body":${JSON.stringify(body)},"headers":${headers},"kind":"${kind}","method":"POST","order_id":${orderId},"path":"${path}","send_ms":${sendMs},"send_utc":"${utc}","seq":${seq},"symbol":"BTCUSDT"}`;
  }

  it('journals one canonical line per create and cancel, with the exact body, a recomputable signature and the key masked', () => {
    const journal = new MemoryRequestJournal();
    const g = dryGate(journal);
    g.onSend(req('create'), T, 0);
    g.onSend(req('cancel'), T + 250, 0);
    const create = '{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.002","price":"93500","timeInForce":"GTC","orderLinkId":"se42-O-1"}';
    const cancel = '{"category":"linear","symbol":"BTCUSDT","orderLinkId":"se42-O-1"}';
    expect(journal.lines).toEqual([line(1, T, 'create', CREATE, create), line(2, T + 250, 'cancel', '/v5/order/cancel', cancel)]);
    const parsed = JSON.parse(journal.lines[0]!) as { body: string; headers: Record<string, string> };
    expect(parsed.body).toBe(create);
    expect(parsed.headers['X-BAPI-SIGN']).toBe(createHmac('sha256', 'SECRET-xyz').update(`${T}KEY-abcdefgh5000${create}`).digest('hex'));
  });

  it('renders the order options: PostOnly as timeInForce and reduceOnly as true', () => {
    const journal = new MemoryRequestJournal();
    const g = dryGate(journal);
    g.onSend(req('create', makeOrder('SELL', 935001, { options: { timeInForce: 'GTC', postOnly: true, reduceOnly: true } })), T, 0);
    const { body } = JSON.parse(journal.lines[0]!) as { body: string };
    expect(body).toBe(
      '{"category":"linear","symbol":"BTCUSDT","side":"Sell","orderType":"Limit","qty":"0.001","price":"93500.1","timeInForce":"PostOnly","orderLinkId":"se42-O-1","reduceOnly":true}',
    );
  });

  it('renders cancel-all and amend at their own paths', () => {
    const journal = new MemoryRequestJournal();
    const g = dryGate(journal);
    g.onSend(req('cancel-all'), T, 0);
    g.onSend(req('amend', ORDER, { priceTicks: 935010, qtyLots: 3 }), T + 1, 0);
    const cancelAll = '{"category":"linear","symbol":"BTCUSDT"}';
    // An amend sends only what changes, as the new total qty and price.
    const amend = '{"category":"linear","symbol":"BTCUSDT","orderLinkId":"se42-O-1","qty":"0.003","price":"93501"}';
    expect(journal.lines).toEqual([line(1, T, 'cancel-all', '/v5/order/cancel-all', cancelAll), line(2, T + 1, 'amend', '/v5/order/amend', amend)]);
  });

  it('never writes the secret or the raw key, in the journal or the report', () => {
    const journal = new MemoryRequestJournal();
    const g = dryGate(journal);
    g.onSend(req('create'), T, 0);
    g.onSend(req('cancel'), T + 1, 0);
    const everything = journal.lines.join('\n') + JSON.stringify(g.report());
    expect(everything).not.toContain('SECRET-xyz');
    expect(everything).not.toContain('KEY-abcdefgh');
    expect(everything).toContain('KEY…***');
  });

  it('counts rendered requests and names the masked credentials in report(), journaled or not', () => {
    const journal = new MemoryRequestJournal();
    const g = dryGate(journal);
    g.onSend(req('create'), T, 0);
    g.onSend(req('cancel'), T + 1, 0);
    const credentialsReport = { source: 'env', api_env: 'dev', api_key: 'KEY…***' };
    expect(report(g).dry_run).toEqual({ rendered_requests: 2, journaled: true, recv_window_ms: 5000, credentials: credentialsReport });
    const silent = dryGate(null);
    silent.onSend(req('create'), T, 0);
    expect(report(silent).dry_run).toEqual({ rendered_requests: 1, journaled: false, recv_window_ms: 5000, credentials: credentialsReport });
  });
});
