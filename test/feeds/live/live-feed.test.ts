// Covers LiveFeed against loopback servers: Binance book sync from a REST snapshot fetched after the first delta, quotes/trades stamped on the live clock, a gap refetching the snapshot, Bybit snapshot/delta and resubscription after a crossed book or a skipped update id, redundancy without loss, and the feed failing when the circuit opens.
import '../../helpers/lazy-modules-setup.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLiveFeed, type LiveBuildPorts, type LiveBuildSettings } from '../../../src/app/compose-live.js';
import type { MarketDataEvent } from '../../../src/core/model/market-data-event.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import type { LiveFeed } from '../../../src/feeds/live/live-feed.js';
import type { ReplayRecord } from '../../../src/feeds/replay/replay-format.js';
import { bundled } from '../../helpers/binance-instruments.js';
import { docsBtc } from '../../helpers/bybit-instruments.js';
import { LoopbackHttpServer } from '../../helpers/loopback-http-server.js';
import { LoopbackWsServer } from '../../helpers/loopback-ws-server.js';
import { binanceAggTrade, binanceBookTicker, binanceDepth, bybitOrderbook } from '../../helpers/replay-frames.js';
import { VirtualTimers } from '../../helpers/virtual-timers.js';
import { waitUntil } from '../../helpers/wait-until.js';

const text = (record: ReplayRecord): string => (record.kind === 'frame' ? record.frame : record.kind === 'rest' ? record.body : '');
const DEPTH = '/api/v3/depth?symbol=BTCUSDT&limit=1000';
const snapshot = (lastUpdateId: number): { status: number; body: string } => ({
  status: 200,
  body: JSON.stringify({ lastUpdateId, bids: [['95000.00', '1.00000']], asks: [['95010.00', '2.00000']] }),
});

/** A clock that returns 1000, 1001, 1002 … (1000 is the feed's start) so receive stamps are exact. */
function stepClock(): { now(): number } {
  let t = 999;
  return { now: () => ++t };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

interface Rig {
  readonly ws: LoopbackWsServer;
  readonly http: LoopbackHttpServer;
  readonly feed: LiveFeed;
  readonly log: string[];
  /** Takes every waiting event. */
  drain(): MarketDataEvent[];
}

async function rig(venue: 'binance' | 'bybit', settings: Partial<LiveBuildSettings> = {}, ports: LiveBuildPorts = {}): Promise<Rig> {
  const ws = await LoopbackWsServer.start({ venue });
  const http = await LoopbackHttpServer.start();
  closers.push(() => ws.close(), () => http.close());
  const spec = venue === 'binance' ? bundled('spot', 'BTCUSDT').spec : docsBtc('linear').spec;
  const wiring = buildLiveFeed(
    {
      venue,
      market: venue === 'binance' ? 'spot' : 'linear',
      wsUrl: venue === 'binance' ? `${ws.url}/stream` : `${ws.url}/v5/public/linear`,
      restUrl: venue === 'binance' ? http.url : null,
      connections: 1,
      barResolutions: '',
      ...settings,
    },
    [spec],
    new SeededRng('live-test'),
    { clock: stepClock(), ...ports },
  );
  const feed = wiring.feed as LiveFeed;
  const log: string[] = [];
  feed.setObserver({ wake: () => undefined, log: (line) => log.push(line) });
  closers.push(async () => {
    feed.stop();
    await feed.closed();
  });
  return {
    ws,
    http,
    feed,
    log,
    drain() {
      const out: MarketDataEvent[] = [];
      for (let e = feed.next(); e !== null; e = feed.next()) out.push(e);
      return out;
    },
  };
}

describe('LiveFeed on Binance spot', () => {
  it('fetches the REST snapshot after the first delta, then publishes book quotes and trades at their receive time', async () => {
    const r = await rig('binance');
    r.http.route(DEPTH, snapshot(100));
    r.feed.start();
    await waitUntil(() => r.ws.clients[0]?.topics.size === 3, 'subscribed');
    expect([...r.ws.client(1).topics].sort()).toEqual(['btcusdt@aggTrade', 'btcusdt@bookTicker', 'btcusdt@depth@100ms']);
    r.ws.sendRaw(1, text(binanceBookTicker(0, 'BTCUSDT', 99, ['94999.00', '1.00000'], ['95011.00', '1.00000'])));
    r.ws.sendRaw(1, text(binanceDepth(0, 'BTCUSDT', 101, 101, [['95001.00', '0.50000']])));
    await waitUntil(() => r.log.includes('BTCUSDT book synced at update id 101'), 'synced');
    r.ws.sendRaw(1, text(binanceAggTrade(0, 'BTCUSDT', 7, '95010.00', '0.10000')));
    r.ws.sendRaw(1, text(binanceDepth(0, 'BTCUSDT', 102, 102, [], [['95009.00', '0.30000']])));
    await waitUntil(() => r.feed.waiting === 4, 'trade and quote');
    const events = r.drain();
    expect(r.http.requests).toEqual([DEPTH]);
    expect(events).toEqual([
      { kind: 'quote', symbol: 'BTCUSDT', ts: 1001, bidTicks: 9_499_900, askTicks: 9_501_100, bidLots: 100_000, askLots: 100_000, seq: 99 },
      { kind: 'quote', symbol: 'BTCUSDT', ts: 1003, bidTicks: 9_500_100, askTicks: 9_501_000, bidLots: 50_000, askLots: 200_000, seq: 101 },
      { kind: 'trade', symbol: 'BTCUSDT', ts: 1004, priceTicks: 9_501_000, qtyLots: 10_000, takerSide: 'buy', tradeId: '7' },
      { kind: 'quote', symbol: 'BTCUSDT', ts: 1005, bidTicks: 9_500_100, askTicks: 9_500_900, bidLots: 50_000, askLots: 30_000, seq: 102 },
    ]);
    expect(r.feed.parked).toBe(true);
  });
});

describe('LiveFeed resyncs', () => {
  it('refetches the snapshot after a gap and publishes again once the book is synced', async () => {
    const r = await rig('binance');
    r.http.route(DEPTH, snapshot(100), snapshot(105));
    r.feed.start();
    await waitUntil(() => r.ws.clients[0]?.topics.size === 3, 'subscribed');
    r.ws.sendRaw(1, text(binanceDepth(0, 'BTCUSDT', 101, 101, [['95001.00', '0.50000']])));
    await waitUntil(() => r.log.includes('BTCUSDT book synced at update id 101'), 'synced');
    r.ws.sendRaw(1, text(binanceDepth(0, 'BTCUSDT', 105, 105, [['95002.00', '0.20000']])));
    await waitUntil(() => r.log.includes('BTCUSDT book synced at update id 105'), 'resynced');
    r.ws.sendRaw(1, text(binanceDepth(0, 'BTCUSDT', 106, 106, [['95003.00', '0.10000']])));
    await waitUntil(() => r.feed.waiting === 3, 'quotes');
    expect(r.drain().map((e) => (e.kind === 'quote' ? [e.ts, e.bidTicks, e.seq] : e.kind))).toEqual([
      [1002, 9_500_100, 101],
      [1004, 9_500_000, 105],
      [1005, 9_500_300, 106],
    ]);
    expect(r.http.requests).toEqual([DEPTH, DEPTH]);
    expect(r.log).toContain('BTCUSDT book sync lost (missed-updates: expected 102, received 105)');
    const health = r.feed.health() as { books: Record<string, Record<string, number>>; live: Record<string, unknown> };
    expect(health.books['BTCUSDT']).toMatchObject({ gaps: 1, resyncs: 1, snapshots: 2, applied: 2, update_id: 106 });
    expect(health.live).toMatchObject({ sequence_gaps: 1, resyncs: 1, snapshots: { requested: 2, fetched: 2, failed: 0 } });
  });

  it('counts a malformed HTTP 200 depth body as a failed fetch and syncs from the next one', async () => {
    const timers = new VirtualTimers(1000);
    const r = await rig('binance', {}, { timers });
    r.http.route(DEPTH, { status: 200, body: '{"lastUpdateId":"101","bids":[],"asks":[]}' }, snapshot(100));
    r.feed.start();
    await waitUntil(() => r.ws.clients[0]?.topics.size === 3, 'subscribed');
    r.ws.sendRaw(1, text(binanceDepth(0, 'BTCUSDT', 101, 101, [['95001.00', '0.50000']])));
    await waitUntil(() => r.log.some((l) => l.startsWith('BTCUSDT depth snapshot failed')), 'the malformed body refused');
    expect(r.log.filter((l) => l.startsWith('BTCUSDT depth snapshot failed'))).toEqual([
      'BTCUSDT depth snapshot failed (HTTP 200 body is not a depth snapshot: invalid-value (BTCUSDT depth snapshot ids)); retrying',
    ]);
    timers.advance(500);
    await waitUntil(() => r.log.includes('BTCUSDT book synced at update id 101'), 'synced from the second body');
    const health = r.feed.health() as { live: Record<string, unknown> };
    expect(health.live).toMatchObject({ snapshots: { requested: 2, fetched: 1, failed: 1 } });
  });

  it('resubscribes a Bybit orderbook topic after a crossed book and resyncs from the new snapshot', async () => {
    const r = await rig('bybit');
    r.feed.start();
    await waitUntil(() => r.ws.clients[0]?.topics.size === 3, 'subscribed');
    expect([...r.ws.client(1).topics].sort()).toEqual(['orderbook.50.BTCUSDT', 'publicTrade.BTCUSDT', 'tickers.BTCUSDT']);
    r.ws.sendRaw(1, text(bybitOrderbook(0, 'BTCUSDT', 'snapshot', 1, [['95000.0', '1.000']], [['95001.0', '1.000']])));
    r.ws.sendRaw(1, text(bybitOrderbook(0, 'BTCUSDT', 'delta', 2, [['95002.0', '1.000']], [])));
    await waitUntil(() => r.log.some((l) => l.startsWith('BTCUSDT book crossed')), 'crossed');
    await waitUntil(() => r.ws.client(1).received.length === 3, 'resubscribed');
    expect(r.ws.client(1).received.slice(1).map((m) => [JSON.parse(m).op, JSON.parse(m).args])).toEqual([
      ['unsubscribe', ['orderbook.50.BTCUSDT']],
      ['subscribe', ['orderbook.50.BTCUSDT']],
    ]);
    await waitUntil(() => r.ws.client(1).topics.has('orderbook.50.BTCUSDT'), 'topic back');
    r.ws.sendRaw(1, text(bybitOrderbook(0, 'BTCUSDT', 'snapshot', 3, [['95000.5', '2.000']], [['95001.0', '1.000']])));
    await waitUntil(() => r.feed.waiting === 2, 'two quotes');
    expect(r.drain().map((e) => (e.kind === 'quote' ? [e.ts, e.bidTicks, e.askTicks, e.seq] : e.kind))).toEqual([
      [1001, 950_000, 950_010, 1],
      [1003, 950_005, 950_010, 3],
    ]);
    const health = r.feed.health() as { books: Record<string, Record<string, number>>; live: Record<string, unknown> };
    expect(health.books['BTCUSDT']).toMatchObject({ crossed: 1, resyncs: 1, snapshots: 2 });
    expect(health.live).toMatchObject({ crossed_books: 1, resyncs: 1, resubscribes: { BTCUSDT: 1 }, snapshots: null });
  });

  it('resubscribes a Bybit orderbook topic exactly once when a delta skips update ids, drops deltas until the new snapshot', async () => {
    const r = await rig('bybit');
    r.feed.start();
    await waitUntil(() => r.ws.clients[0]?.topics.size === 3, 'subscribed');
    r.ws.sendRaw(1, text(bybitOrderbook(0, 'BTCUSDT', 'snapshot', 10, [['95000.0', '1.000']], [['95010.0', '1.000']])));
    r.ws.sendRaw(1, text(bybitOrderbook(0, 'BTCUSDT', 'delta', 11, [['95001.0', '1.000']], [])));
    r.ws.sendRaw(1, text(bybitOrderbook(0, 'BTCUSDT', 'delta', 13, [['95002.0', '1.000']], [])));
    r.ws.sendRaw(1, text(bybitOrderbook(0, 'BTCUSDT', 'delta', 14, [['95003.0', '1.000']], [])));
    await waitUntil(() => r.log.includes('BTCUSDT book sync lost (missed-updates: expected 12, received 13)'), 'gap');
    await waitUntil(() => r.ws.client(1).received.length === 3, 'resubscribed');
    expect(r.ws.client(1).received.slice(1).map((m) => [JSON.parse(m).op, JSON.parse(m).args])).toEqual([
      ['unsubscribe', ['orderbook.50.BTCUSDT']],
      ['subscribe', ['orderbook.50.BTCUSDT']],
    ]);
    await waitUntil(() => r.ws.client(1).topics.has('orderbook.50.BTCUSDT'), 'topic back');
    r.ws.sendRaw(1, text(bybitOrderbook(0, 'BTCUSDT', 'snapshot', 20, [['95004.0', '2.000']], [['95010.0', '1.000']])));
    r.ws.sendRaw(1, text(bybitOrderbook(0, 'BTCUSDT', 'delta', 21, [['95005.0', '1.000']], [])));
    await waitUntil(() => r.feed.waiting === 4, 'four quotes');
    expect(r.drain().map((e) => (e.kind === 'quote' ? [e.bidTicks, e.seq] : e.kind))).toEqual([
      [950_000, 10],
      [950_010, 11],
      [950_040, 20],
      [950_050, 21],
    ]);
    expect(r.ws.client(1).received.length).toBe(3);
    const health = r.feed.health() as { books: Record<string, Record<string, number>>; live: Record<string, unknown> };
    expect(health.books['BTCUSDT']).toMatchObject({
      state: 'synced', update_id: 21, snapshots: 2, applied: 2, gaps: 1, crossed: 0, resyncs: 1, sync_losses: 1, dropped_unsynced: 1, dropped_stale: 0, update_id_jumps: 0,
    });
    expect(health.live).toMatchObject({ sequence_gaps: 1, crossed_books: 0, resyncs: 1, resubscribes: { BTCUSDT: 1 }, snapshots: null });
  });
});

describe('LiveFeed redundancy and failure', () => {
  it('loses nothing when one of two connections drops: frames come once, duplicates are counted', async () => {
    const r = await rig('bybit', { connections: 2 }, { ws: { backoff: { initialDelayMs: 30_000, maxDelayMs: 30_000, jitterRatio: 0 } } });
    r.feed.start();
    await waitUntil(() => r.ws.clients.length === 2 && r.ws.clients.every((c) => c.topics.size === 3), 'both subscribed');
    const book = (u: number, bid: string): string => text(bybitOrderbook(0, 'BTCUSDT', u === 1 ? 'snapshot' : 'delta', u, [[bid, '1.000']], u === 1 ? [['95010.0', '1.000']] : []));
    for (const id of [1, 2]) r.ws.sendRaw(id, book(1, '95000.0'));
    for (const id of [1, 2]) r.ws.sendRaw(id, book(2, '95001.0'));
    await waitUntil(() => (r.feed.health() as { live: { websocket: { duplicates_dropped: number } } }).live.websocket.duplicates_dropped === 2, 'duplicates');
    r.ws.drop(1);
    await waitUntil(() => r.log.includes('ws-1 lost: socket closed (code 1006)'), 'ws-1 lost');
    r.ws.sendRaw(2, book(3, '95002.0'));
    r.ws.sendRaw(2, book(4, '95003.0'));
    await waitUntil(() => r.feed.waiting === 4, 'four quotes');
    expect(r.drain().map((e) => (e.kind === 'quote' ? e.bidTicks : e.kind))).toEqual([950_000, 950_010, 950_020, 950_030]);
    const ws = (r.feed.health() as { live: { websocket: Record<string, unknown> } }).live.websocket;
    expect(ws).toMatchObject({ connections_configured: 2, connected: 1, frames_delivered: 4, duplicates_dropped: 2 });
    expect((ws['by_connection'] as { id: string; state: string }[]).map((c) => [c.id, c.state])).toEqual([
      ['ws-1', 'RECONNECTING'],
      ['ws-2', 'CONNECTED'],
    ]);
  });

  it('fails when the circuit breaker opens on every connection, and says why', async () => {
    const r = await rig('bybit', {}, { ws: { circuitBreakerThreshold: 2, backoff: { initialDelayMs: 1, maxDelayMs: 1, jitterRatio: 0 } } });
    r.ws.rejectHandshakes(503);
    let woken = 0;
    r.feed.setObserver({ wake: () => woken++, log: (line) => r.log.push(line) });
    r.feed.start();
    await waitUntil(() => r.feed.failure !== null, 'failure');
    expect(r.feed.failure).toBe('circuit open after 2 consecutive failed connection attempts; last: the WebSocket upgrade got HTTP 503 instead of 101');
    expect(woken).toBe(1);
    expect(r.ws.handshakeAttempts).toBe(2);
    expect(r.log).toEqual([
      'ws-1 lost: the WebSocket upgrade got HTTP 503 instead of 101',
      'ws-1 reconnect attempt 1 in 1 ms',
      'ws-1 circuit breaker open after 2 consecutive failed connection attempts',
      'ws-1 gave up: circuit open after 2 consecutive failed connection attempts; last: the WebSocket upgrade got HTTP 503 instead of 101',
    ]);
    const ws = (r.feed.health() as { live: { websocket: Record<string, unknown> } }).live.websocket;
    expect(ws).toMatchObject({ connected: 0, circuits_open: 1, failed_attempts: 2 });
  });
});

describe('LiveFeed bad frames', () => {
  it('counts frames that are not JSON once, the same in market_data and websocket, and samples them in problems', async () => {
    const r = await rig('bybit');
    r.feed.start();
    await waitUntil(() => r.ws.clients[0]?.topics.size === 3, 'subscribed');
    r.ws.sendRaw(1, '{"topic":"orderbook.50.BTCUSDT","data":');
    r.ws.sendRaw(1, 'not json at all');
    r.ws.sendRaw(1, JSON.stringify({ hello: 'world', apiKey: 'leaked-key-123' }));
    r.ws.sendRaw(1, text(bybitOrderbook(0, 'BTCUSDT', 'snapshot', 1, [['95000.0', '1.000']], [['95010.0', '1.000']])));
    await waitUntil(() => r.feed.waiting === 1, 'the quote after the bad frames');
    const h = r.feed.health() as { frames_by_class: Record<string, number>; parse_errors: number; problems_total: number; problems: unknown[]; live: { websocket: Record<string, any> } };
    const ws = h.live.websocket;
    expect(h.frames_by_class['invalid-json']).toBe(2);
    expect(ws['received'].invalid.messages).toBe(2);
    expect(ws['by_connection'][0].received.invalid.messages).toBe(2);
    expect(h.parse_errors).toBe(2);
    expect(ws).not.toHaveProperty('parse_errors');
    expect(h.frames_by_class['unknown']).toBe(1);
    expect(h.problems_total).toBe(3);
    expect(h.problems).toEqual([
      { line: 2, what: 'invalid-json', detail: 'not JSON', sample: '{"topic":"orderbook.50.BTCUSDT","data":' },
      { line: 3, what: 'invalid-json', detail: 'not JSON', sample: 'not json at all' },
      { line: 4, what: 'unknown', detail: 'not a frame the venue protocol knows', sample: '{"hello":"world","apiKey":"***"}' },
    ]);
  });
});
