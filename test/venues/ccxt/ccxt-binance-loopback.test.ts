// Covers ccxt:binance's streams against a loopback server speaking Binance's public protocol: the records it writes replay to the same book and the same fills as the native Binance venue fed the same frames, and a live run of the same frames gives the replay's fills and pnl.
import './../../helpers/lazy-modules-setup.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadVenue, venueModule } from '../../../src/app/venue-registry.js';
import { encodeReplay, type ReplayRecord } from '../../../src/feeds/replay/replay-format.js';
import type { NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import type { NormalizedStream } from '../../../src/venues/venue-module.js';
import { ROOT, runCliInProcess } from '../../helpers/cli.js';
import { streamRecordHeader } from '../../../src/app/stream-recorder.js';
import { composeRun } from '../../../src/app/compose.js';
import { loadFeedModules } from '../../../src/app/feed-modules.js';
import { parseRunOptions } from '../../../src/cli/run-options.js';
import { LiveSession } from '../../../src/engine/live-session.js';
import type { LiveMarketFeed } from '../../../src/feeds/live/live-market-feed.js';
import { SystemTimers } from '../../../src/feeds/ws/system-timers.js';
import { waitUntil } from '../../helpers/wait-until.js';

/** The recording, checked in: the golden case `ccxt-binance-replay` replays it (UPDATE_CCXT_FIXTURE=1 rewrites it). */
const RECORDING = join(ROOT, 'test/fixtures/ccxt/binance-spot-loopback.jsonl');

const MARKETS = join(ROOT, 'test/fixtures/ccxt/binance-markets.json');
const T0 = 1_733_184_000_000;
const SNAPSHOT = { lastUpdateId: 100, bids: [['95000.00', '2.00000'], ['94999.99', '1.00000'], ['94999.50', '3.00000']], asks: [['95000.05', '0.50000'], ['95000.10', '1.20000'], ['95001.00', '4.00000']] };

/** Diff-depth and trade frames (binance-spot-api-docs web-socket-streams.md shapes), each changing the book or trading; t = receive time. */
function frames(): { t: number; stream: 'depth' | 'trade'; data: Record<string, unknown> }[] {
  const out: { t: number; stream: 'depth' | 'trade'; data: Record<string, unknown> }[] = [];
  let id = 101;
  let tradeId = 5000;
  for (let i = 0; i < 24; i++) {
    const t = T0 + 100 * (i + 1);
    const bid = (95000 - (i % 3) * 0.01).toFixed(2);
    const ask = (95000.05 + (i % 4) * 0.01).toFixed(2);
    out.push({ t, stream: 'depth', data: { e: 'depthUpdate', E: t - 3, s: 'BTCUSDT', U: id, u: id, b: [[bid, (1 + (i % 5) * 0.1).toFixed(5)]], a: [[ask, (0.5 + (i % 3) * 0.2).toFixed(5)]] } });
    id++;
    if (i % 2 === 1) out.push({ t: t + 40, stream: 'trade', data: { e: 'trade', E: t + 37, s: 'BTCUSDT', t: tradeId++, p: i % 4 === 1 ? '94900.00' : '95100.00', q: '0.05000', T: t + 36, m: i % 4 === 1 } });
  }
  return out;
}

let server: WebSocketServer;
let port = 0;
const sockets = new Map<string, WebSocket>();
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccxt-loopback-'));
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.on('listening', () => resolve()));
  port = (server.address() as { port: number }).port;
  server.on('connection', (socket) => {
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { method: string; params: string[]; id: number };
      if (message.method !== 'SUBSCRIBE') return;
      for (const stream of message.params) sockets.set(stream, socket);
      socket.send(JSON.stringify({ result: null, id: message.id }));
    });
  });
  await loadVenue('ccxt:binance');
});

afterAll(async () => {
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
});

/** Waits (bounded: 200 polls) until `streams` are subscribed on the server. */
async function subscribed(streams: readonly string[]): Promise<void> {
  for (let i = 0; i < 200 && !streams.every((s) => sockets.has(s)); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(streams.filter((s) => !sockets.has(s))).toEqual([]);
}

/** The next non-empty batch of records (next() waits for one). */
async function nextRecords(stream: NormalizedStream): Promise<readonly NormalizedRecord[]> {
  const records = await stream.next();
  expect(stream.failure()).toBeNull();
  return records;
}

describe('ccxt:binance streams on a loopback Binance server', () => {
  const recorded: NormalizedRecord[] = [];
  let health: unknown = null;

  it('records the REST snapshot as a book_snapshot, each diff-depth frame as a book_update of the changed levels and each trade as a trade', async () => {
    let now = T0;
    const streams = venueModule('ccxt:binance').streams!;
    const stream = await streams.open({
      market: 'spot',
      symbols: ['BTC/USDT'],
      kinds: ['book', 'trades'],
      // ccxt's Binance client tells spot from futures connections by "/stream" in the URL.
      wsUrl: `ws://127.0.0.1:${port}/stream/ws`,
      markets: { path: MARKETS, json: JSON.parse(readFileSync(MARKETS, 'utf8')) },
      clock: { now: () => now },
      hooks: { fetch: async (url: string) => (url.includes('/api/v3/depth?symbol=BTCUSDT') ? SNAPSHOT : Promise.reject(new Error(`unexpected ${url}`))) },
    });
    try {
      recorded.push(...(await nextRecords(stream)));
      await subscribed(['btcusdt@depth@100ms', 'btcusdt@trade']);
      for (const frame of frames()) {
        now = frame.t;
        sockets.get(frame.stream === 'depth' ? 'btcusdt@depth@100ms' : 'btcusdt@trade')!.send(JSON.stringify(frame.data));
        recorded.push(...(await nextRecords(stream)));
      }
      health = stream.health();
    } finally {
      await stream.close();
    }
    expect(recorded[0]).toEqual({ type: 'book_snapshot', symbol: 'BTC/USDT', exchange_us: T0 * 1000, local_us: T0 * 1000, bids: [['95000', '2'], ['94999.99', '1'], ['94999.5', '3']], asks: [['95000.05', '0.5'], ['95000.1', '1.2'], ['95001', '4']] });
    expect(recorded[1]).toEqual({ type: 'book_update', symbol: 'BTC/USDT', exchange_us: (T0 + 97) * 1000, local_us: (T0 + 100) * 1000, is_snapshot: false, bids: [['95000', '1']], asks: [] });
    expect(recorded.filter((r) => r.type === 'trade')).toHaveLength(12);
    expect(recorded.filter((r) => r.type === 'book_update')).toHaveLength(24);
    expect(health).toMatchObject({ records: { book_snapshot: 1, book_update: 24, trade: 12 }, stream_errors: 0, retries: 0, grid: { 'BTC/USDT': { off_tick_prices: 0, off_lot_sizes: 0, invalid_values: 0 } }, last_update_age_ms: { 'BTC/USDT': 0 } });
    expect((health as { streams: unknown }).streams).toEqual({
      'BTC/USDT book': { method: 'watchOrderBook', updates: 25, records: 25, updates_per_s: '10.246', last_update_age_ms: 40, errors: 0, retries: 0, last_error: null },
      'BTC/USDT trades': { method: 'watchTrades', updates: 12, records: 12, updates_per_s: '4.918', last_update_age_ms: 0, errors: 0, retries: 0, last_error: null },
    });
  });

  it('replays to the same fills and pnl as the native Binance venue replaying the same frames', async () => {
    const ccxtFile = join(dir, 'ccxt.jsonl');
    const nativeFile = join(dir, 'native.jsonl');
    const normalized: ReplayRecord[] = recorded.map((record) => ({ kind: 'normalized', t: Math.floor(record.local_us / 1000), record }));
    const header = streamRecordHeader({ venue: 'ccxt:binance', market: 'spot', symbols: ['BTC/USDT'], kinds: ['book', 'trades'], wsUrl: null, instruments: null, out: ccxtFile, recorder: 'shadow-exec record (loopback test)' });
    const text = encodeReplay(header, normalized);
    writeFileSync(ccxtFile, text);
    if (process.env['UPDATE_CCXT_FIXTURE'] === '1') writeFileSync(RECORDING, text);
    expect(text).toBe(readFileSync(RECORDING, 'utf8'));
    const raw: ReplayRecord[] = [
      { kind: 'rest', t: T0, rest: 'GET /api/v3/depth?symbol=BTCUSDT&limit=1000', body: JSON.stringify(SNAPSHOT) },
      ...frames().map((f): ReplayRecord => ({ kind: 'frame', t: f.t, frame: JSON.stringify({ stream: f.stream === 'depth' ? 'btcusdt@depth@100ms' : 'btcusdt@trade', data: f.data }) })),
    ];
    writeFileSync(nativeFile, encodeReplay({ format: 'shadow-exec-replay', version: 1, venue: 'binance', market: 'spot', url: 'wss://stream.binance.com:9443/stream?streams=btcusdt@depth@100ms/btcusdt@trade' }, raw));
    const common = ['--seed', '7', '--maker-fee-bps', '1', '--taker-fee-bps', '2', '--spread-bps', '10', '--order-notional', '200'];
    const native = await runCliInProcess(['run', '--exchange', 'binance', '--market', 'spot', '--symbols', 'BTCUSDT', '--feed', `replay:${nativeFile}`, ...common]);
    const viaCcxt = await runCliInProcess(['run', '--exchange', 'ccxt:binance', '--instruments', MARKETS, '--symbols', 'BTC/USDT', '--feed', `replay:${ccxtFile}`, ...common]);
    expect(native.stderr).not.toContain('error');
    expect(viaCcxt.stderr).not.toContain('error');
    expect([native.code, viaCcxt.code]).toEqual([0, 0]);
    const a = JSON.parse(native.stdout) as Record<string, Record<string, unknown>>;
    const b = JSON.parse(viaCcxt.stdout) as Record<string, Record<string, unknown>>;
    expect(a['fills']!['count']).toBeGreaterThan(0);
    expect(JSON.stringify(b['fills']).replaceAll('BTC/USDT', 'BTCUSDT')).toBe(JSON.stringify(a['fills']));
    expect(JSON.stringify(b['pnl']).replaceAll('BTC/USDT', 'BTCUSDT')).toBe(JSON.stringify(a['pnl']));
  });

  it('a live run of the same frames at the same receive times has the fills, pnl and book of the replay of their recording', async () => {
    sockets.clear();
    let now = T0;
    const clock = { now: () => now };
    const frameList = frames();
    const lastT = frameList[frameList.length - 1]!.t;
    const common = { seed: '7', makerFeeBps: '1', takerFeeBps: '2', spreadBps: '10', orderNotional: '200', exchange: 'ccxt:binance', instruments: MARKETS, symbols: 'BTC/USDT' };
    const config = parseRunOptions({ ...common, feed: 'live', wsUrl: `ws://127.0.0.1:${port}/stream/ws` });
    await loadFeedModules(config);
    const timers = new SystemTimers();
    const fetch = async (url: string): Promise<unknown> => (url.includes('/api/v3/depth?symbol=BTCUSDT') ? SNAPSHOT : Promise.reject(new Error(`unexpected ${url}`)));
    const run = composeRun(config, { name: 'shadow-exec', version: 'test' }, { livePorts: { clock, timers, streamHooks: { fetch } } });
    const feed = run.feed as LiveMarketFeed;
    const records = (): number => (feed.health() as { records: number }).records;
    // Ends 1 ms after the last frame's receive time: the clock is moved there once every frame has been handled.
    const session = new LiveSession(run, feed, { clock, timers, durationMs: lastT + 1 - T0, stopRequested: () => false });
    const result = session.execute();
    await subscribed(['btcusdt@depth@100ms', 'btcusdt@trade']);
    await waitUntil(() => records() === 1, 'the REST snapshot as the first record');
    let expected = 1;
    for (const frame of frameList) {
      now = frame.t;
      sockets.get(frame.stream === 'depth' ? 'btcusdt@depth@100ms' : 'btcusdt@trade')!.send(JSON.stringify(frame.data));
      // Each frame changes the book or trades once: one record; the next frame waits until it has come (its receive time is now).
      await waitUntil(() => records() === expected + 1, `record ${expected + 1}`);
      expected++;
    }
    now = lastT + 1;
    session.wake();
    const live = await result;
    expect(live).toMatchObject({ status: 'completed', endReason: 'duration', failure: null });
    const replay = await runCliInProcess(['run', '--exchange', 'ccxt:binance', '--instruments', MARKETS, '--symbols', 'BTC/USDT', '--feed', `replay:${RECORDING}`, '--seed', '7', '--maker-fee-bps', '1', '--taker-fee-bps', '2', '--spread-bps', '10', '--order-notional', '200']);
    expect(replay.code).toBe(0);
    const a = JSON.parse(replay.stdout) as Record<string, Record<string, unknown>>;
    const b = live.report as Record<string, Record<string, unknown>>;
    expect(a['fills']).toMatchObject({ count: 12, maker: 12, taker: 0 });
    expect(a['pnl']).toMatchObject({ total: '0.9578519496' });
    expect(b['fills']).toEqual(a['fills']);
    expect(b['pnl']).toEqual(a['pnl']);
    expect(b['orders']).toEqual(a['orders']);
    const books = (r: Record<string, Record<string, unknown>>): unknown => (r['market_data']!['books'] as Record<string, unknown>)['BTC/USDT'];
    expect(books(b)).toEqual(books(a));
    expect(b['market_data']!['events_delivered']).toEqual(a['market_data']!['events_delivered']);
    const md = b['market_data'] as { live: { end_reason: string; library: { records: unknown; stream_errors: number; retries: number; streams: Record<string, { updates: number; records: number }> } } };
    expect(md.live.end_reason).toBe('duration');
    expect(md.live.library.records).toEqual({ book_snapshot: 1, book_update: 24, trade: 12 });
    expect([md.live.library.stream_errors, md.live.library.retries]).toEqual([0, 0]);
    expect(md.live.library.streams['BTC/USDT book']).toMatchObject({ method: 'watchOrderBook', updates: 25, records: 25, last_update_age_ms: lastT + 1 - (lastT - 40) });
    expect(md.live.library.streams['BTC/USDT trades']).toMatchObject({ method: 'watchTrades', updates: 12, records: 12, last_update_age_ms: 1 });
  });
});
