// Covers ccxt:okx on a loopback server speaking OKX's public v5 protocol (books snapshot/update, trades): a live run and a `record` then `replay` of the same frames at the same receive times give the same fills, pnl and book.
import './../../helpers/lazy-modules-setup.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startOkxWsServer, type OkxWsServer } from '../../helpers/okx-ws-server.js';
import { composeRun } from '../../../src/app/compose.js';
import { loadFeedModules } from '../../../src/app/feed-modules.js';
import { streamRecordHeader } from '../../../src/app/stream-recorder.js';
import { loadVenue, venueModule } from '../../../src/app/venue-registry.js';
import { parseRunOptions } from '../../../src/cli/run-options.js';
import { LiveSession } from '../../../src/engine/live-session.js';
import type { LiveMarketFeed } from '../../../src/feeds/live/live-market-feed.js';
import type { NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import { encodeReplay } from '../../../src/feeds/replay/replay-format.js';
import { SystemTimers } from '../../../src/feeds/ws/system-timers.js';
import { ROOT, runCliInProcess } from '../../helpers/cli.js';
import { waitUntil } from '../../helpers/wait-until.js';

const MARKETS = join(ROOT, 'test/fixtures/ccxt/okx-markets.json');
const SYMBOL = 'BTC/USDT:USDT';
const T0 = 1_733_184_000_000;
const books = (action: 'snapshot' | 'update', prev: number, seq: number, bids: string[][], asks: string[][], t: number): Record<string, unknown> => ({
  arg: { channel: 'books', instId: 'BTC-USDT-SWAP' },
  action,
  data: [{ asks: asks.map(([p, q]) => [p, q, '0', '1']), bids: bids.map(([p, q]) => [p, q, '0', '1']), ts: String(t), checksum: 0, prevSeqId: prev, seqId: seq }],
});
const trade = (id: number, side: 'buy' | 'sell', px: string, t: number): Record<string, unknown> => ({
  arg: { channel: 'trades', instId: 'BTC-USDT-SWAP' },
  data: [{ instId: 'BTC-USDT-SWAP', tradeId: String(id), px, sz: '3', side, ts: String(t) }],
});

/**
 * OKX v5 push shapes (docs-v5 order book and trades channels; sizes in contracts of 0.01 BTC): the snapshot, then per
 * step a book update and, every other step, a trade through one side of the quotes (sell at 94900, buy at 95100).
 */
function frames(): { t: number; channel: 'books' | 'trades'; data: Record<string, unknown> }[] {
  const out: { t: number; channel: 'books' | 'trades'; data: Record<string, unknown> }[] = [];
  for (let i = 0; i < 12; i++) {
    const t = T0 + 100 * (i + 1);
    const bid = (95000 - (i % 3) * 0.1).toFixed(1);
    const ask = (95000.3 + (i % 2) * 0.1).toFixed(1);
    out.push({ t, channel: 'books', data: books('update', 10 + i, 11 + i, [[bid, String(5 + (i % 4))]], [[ask, String(6 + (i % 3))]], t - 2) });
    if (i % 2 === 1) out.push({ t: t + 40, channel: 'trades', data: trade(7000 + i, i % 4 === 1 ? 'sell' : 'buy', i % 4 === 1 ? '94900.0' : '95100.0', t + 38) });
  }
  return out;
}
const SNAPSHOT = books('snapshot', -1, 10, [['95000.0', '8'], ['94999.2', '40']], [['95000.1', '12'], ['95000.5', '30']], T0 - 1);

let server: OkxWsServer;
let url = '';
let dir = '';
const sockets = new Map<string, WebSocket>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccxt-okx-loopback-'));
  server = await startOkxWsServer((socket, arg) => void sockets.set(arg.channel, socket));
  url = server.url;
  await loadVenue('ccxt:okx');
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Sends the snapshot, then each frame at its receive time: the clock is set to the frame's t, the frame sent, and the
 * next one waits until its record has come (each frame changes the book or trades once: one record each).
 */
async function drive(setNow: (t: number) => void, records: () => number): Promise<void> {
  await waitUntil(() => sockets.has('books') && sockets.has('trades'), 'the books and trades subscriptions');
  setNow(T0);
  sockets.get('books')!.send(JSON.stringify(SNAPSHOT));
  await waitUntil(() => records() === 1, 'the book snapshot record');
  let expected = 1;
  for (const frame of frames()) {
    setNow(frame.t);
    sockets.get(frame.channel)!.send(JSON.stringify(frame.data));
    await waitUntil(() => records() === expected + 1, `record ${expected + 1}`);
    expected++;
  }
}

const RUN = ['--seed', '7', '--spread-bps', '10', '--order-notional', '2000', '--maker-fee-bps', '2', '--taker-fee-bps', '5'];
type Report = Record<string, Record<string, unknown>>;

describe('ccxt:okx live and recorded on a loopback OKX server', () => {
  let replayed: Report | null = null;

  it('records the frames as normalized records whose replay fills both sides (sizes in BTC: contracts × 0.01)', async () => {
    sockets.clear();
    let now = T0;
    const recorded: NormalizedRecord[] = [];
    const stream = await venueModule('ccxt:okx').streams!.open({
      market: 'swap',
      symbols: [SYMBOL],
      kinds: ['book', 'trades'],
      wsUrl: url,
      markets: { path: MARKETS, json: JSON.parse(readFileSync(MARKETS, 'utf8')) },
      clock: { now: () => now },
    });
    let pumping = true;
    const pump = (async () => {
      while (pumping) recorded.push(...(await stream.next()));
    })();
    try {
      await drive((t) => (now = t), () => recorded.length);
    } finally {
      pumping = false;
      await stream.close();
      await pump;
    }
    expect(stream.failure()).toBeNull();
    expect(recorded[0]).toEqual({ type: 'book_snapshot', symbol: SYMBOL, exchange_us: (T0 - 1) * 1000, local_us: T0 * 1000, bids: [['95000', '0.08'], ['94999.2', '0.4']], asks: [['95000.1', '0.12'], ['95000.5', '0.3']] });
    expect(recorded[1]).toEqual({ type: 'book_update', symbol: SYMBOL, exchange_us: (T0 + 98) * 1000, local_us: (T0 + 100) * 1000, is_snapshot: false, bids: [['95000', '0.05']], asks: [['95000.3', '0.06']] });
    expect(recorded.filter((r) => r.type === 'trade').map((r) => (r.type === 'trade' ? [r.side, r.price, r.size] : null))).toEqual([
      ['sell', '94900', '0.03'], ['buy', '95100', '0.03'], ['sell', '94900', '0.03'], ['buy', '95100', '0.03'], ['sell', '94900', '0.03'], ['buy', '95100', '0.03'],
    ]);
    const file = join(dir, 'okx.jsonl');
    const header = streamRecordHeader({ venue: 'ccxt:okx', market: 'swap', symbols: [SYMBOL], kinds: ['book', 'trades'], wsUrl: url, instruments: null, out: file, recorder: 'shadow-exec record (loopback test)' });
    writeFileSync(file, encodeReplay(header, recorded.map((record) => ({ kind: 'normalized', t: Math.floor(record.local_us / 1000), record }))));
    const replay = await runCliInProcess(['run', '--exchange', 'ccxt:okx', '--market', 'swap', '--instruments', MARKETS, '--symbols', SYMBOL, '--feed', `replay:${file}`, ...RUN]);
    expect(replay.stderr).not.toContain('error');
    expect(replay.code).toBe(0);
    replayed = JSON.parse(replay.stdout) as Report;
    expect(replayed['fills']).toMatchObject({ count: 6, maker: 6, taker: 0 });
    expect(replayed['pnl']).toMatchObject({ realized: '5.985', fees: '2.394', total: '3.591', unrealized: '0' });
    expect((replayed['market_data']!['books'] as Record<string, unknown>)[SYMBOL]).toMatchObject({ state: 'synced', snapshots: 1, applied: 12, bid_levels: 4, ask_levels: 4, gaps: 0 });
  });

  it('a live run of the same frames at the same receive times gives the fills, pnl, orders and book of that replay', async () => {
    expect(replayed).not.toBeNull();
    sockets.clear();
    let now = T0;
    const clock = { now: () => now };
    const timers = new SystemTimers();
    const config = parseRunOptions({ exchange: 'ccxt:okx', market: 'swap', instruments: MARKETS, symbols: SYMBOL, feed: 'live', wsUrl: url, seed: '7', spreadBps: '10', orderNotional: '2000', makerFeeBps: '2', takerFeeBps: '5' });
    await loadFeedModules(config);
    const run = composeRun(config, { name: 'shadow-exec', version: 'test' }, { livePorts: { clock, timers } });
    const feed = run.feed as LiveMarketFeed;
    const records = (): number => (feed.health() as { records: number }).records;
    const lastT = frames()[frames().length - 1]!.t;
    const session = new LiveSession(run, feed, { clock, timers, durationMs: lastT + 1 - T0, stopRequested: () => false });
    const result = session.execute();
    await drive((t) => (now = t), records);
    now = lastT + 1;
    session.wake();
    const live = await result;
    expect(live).toMatchObject({ status: 'completed', endReason: 'duration', failure: null });
    const a = replayed!;
    const b = live.report as Report;
    expect(b['fills']).toEqual(a['fills']);
    expect(b['pnl']).toEqual(a['pnl']);
    expect(b['orders']).toEqual(a['orders']);
    const book = (r: Report): unknown => (r['market_data']!['books'] as Record<string, unknown>)[SYMBOL];
    expect(book(b)).toEqual(book(a));
    expect(b['market_data']!['events_delivered']).toEqual(a['market_data']!['events_delivered']);
    expect(b['model']!['market']).toMatchObject({ kind: 'live', venue: 'ccxt:okx', market: 'swap', url, streams: ['book', 'trades'] });
    const library = (b['market_data']!['live'] as { library: Record<string, unknown> }).library;
    expect(library).toMatchObject({ records: { book_snapshot: 1, book_update: 12, trade: 6 }, stream_errors: 0, retries: 0, grid: { [SYMBOL]: { off_tick_prices: 0, off_lot_sizes: 0, invalid_values: 0 } }, last_update_age_ms: { [SYMBOL]: 1 } });
  });
});
