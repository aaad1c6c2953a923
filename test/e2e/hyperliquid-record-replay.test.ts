// End-to-end Hyperliquid record → replay: a loopback server speaking Hyperliquid's public WS protocol is recorded, and the file replays byte-stably under the trade-through and queue fill models.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { decodeReplay } from '../../src/feeds/replay/replay-decoder.js';
import { runCliInProcess } from '../helpers/cli.js';

type Json = any;
const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-hl-record-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const level = (px: string, sz: string, n = 1): Json => ({ px, sz, n });
/** WsBook (websocket/subscriptions): every push the whole book, bids then asks, best first. */
const book = (time: number, bids: [string, string][], asks: [string, string][]): string =>
  JSON.stringify({ channel: 'l2Book', data: { coin: 'BTC', time, levels: [bids.map(([p, s]) => level(p, s)), asks.map(([p, s]) => level(p, s))] } });
/** WsTrade[]: side is the aggressor's ("B" a buyer took, "A" a seller took). */
const trade = (time: number, tid: number, side: 'A' | 'B', px: string, sz: string): string =>
  JSON.stringify({ channel: 'trades', data: [{ coin: 'BTC', side, px, sz, hash: `0x${tid.toString(16).padStart(64, '0')}`, time, tid, users: ['0x0000000000000000000000000000000000000001', '0x0000000000000000000000000000000000000002'] }] });

const FRAMES = [
  book(1_700_000_000_000, [['95000', '1.5'], ['94990', '2']], [['95010', '1.2'], ['95020', '3']]),
  // A seller sweeps down to 94900: through any bid we quote.
  trade(1_700_000_000_500, 1001, 'A', '94900', '0.5'),
  book(1_700_000_001_000, [['95000', '1.5'], ['94990', '2']], [['95010', '1.2'], ['95020', '3']]),
  // A buyer lifts up to 95100: through any ask we quote.
  trade(1_700_000_001_500, 1002, 'B', '95100', '0.5'),
  book(1_700_000_002_000, [['95001', '0.7'], ['94995', '1']], [['95009', '0.9'], ['95015', '2']]),
];

/** 127.0.0.1 server: subscriptionResponse per subscribe, pong per ping; pushes FRAMES once l2Book and trades are both subscribed. */
async function hyperliquidServer(): Promise<{ url: string; received: string[]; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const address = wss.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const received: string[] = [];
  wss.on('connection', (socket) => {
    const types = new Set<string>();
    socket.on('message', (data) => {
      const text = String(data);
      received.push(text);
      const msg = JSON.parse(text) as Json;
      if (msg.method === 'ping') return socket.send('{"channel":"pong"}');
      if (msg.method !== 'subscribe') return;
      socket.send(JSON.stringify({ channel: 'subscriptionResponse', data: { method: 'subscribe', subscription: msg.subscription } }));
      types.add(`${msg.subscription.type}:${msg.subscription.coin}`);
      if (types.has('l2Book:BTC') && types.has('trades:BTC') && types.size === 2) for (const f of FRAMES) socket.send(f);
    });
    socket.on('error', () => undefined);
  });
  return {
    url: `ws://127.0.0.1:${address.port}/ws`,
    received,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

describe('shadow-exec record/run --exchange hyperliquid', () => {
  it('records l2Book and trades pushes from a loopback server and replays them byte-stably with fills under trade-through and queue', async () => {
    const server = await hyperliquidServer();
    const out = join(tmp, 'hl.jsonl');
    try {
      const recorded = await runCliInProcess(['record', '--exchange', 'hyperliquid', '--symbols', 'BTC', '--duration', '1500ms', '--out', out, '--ws-url', server.url]);
      expect(recorded.stderr).toContain('record: 5 frames');
      expect(recorded.code).toBe(0);
    } finally {
      await server.close();
    }
    const subscribes = server.received.filter((m) => m.includes('"subscribe"')).map((m) => JSON.parse(m));
    expect(subscribes).toEqual([
      { method: 'subscribe', subscription: { type: 'l2Book', coin: 'BTC' } },
      { method: 'subscribe', subscription: { type: 'trades', coin: 'BTC' } },
    ]);
    const { header, records } = decodeReplay(readFileSync(out, 'utf8'));
    expect(header).toMatchObject({ venue: 'hyperliquid', url: server.url });
    expect(records.map((r) => (r.kind === 'frame' ? r.frame : r.kind))).toEqual(FRAMES);

    const run = (extra: string[]): Promise<Json> =>
      runCliInProcess(['run', '--exchange', 'hyperliquid', '--symbols', 'BTC', '--feed', `replay:${out}`, '--spread-bps', '4', '--latency-ms', '0', '--edge-threshold', '-10000', '--quiet', ...extra]);
    // USDC-quoted perps run like USDT ones (money is counted in one USD unit): the replay trades on its book and trades.
    const a = await run([]);
    expect(a.code, a.stderr).toBe(0);
    const b = await run([]);
    expect(b.stdout).toBe(a.stdout);
    const ra = JSON.parse(a.stdout) as Json;
    expect(ra.execution.status).toBe('completed');
    expect(ra.fills.model).toEqual({ fills_from_touch: 0, fills_from_trades: 2 });
    expect(ra.fills.recent.map((f: Json) => [f.side, f.price, f.qty, f.liquidity])).toEqual([
      ['BUY', '94985', '0.00526', 'MAKER'],
      ['SELL', '95025', '0.00526', 'MAKER'],
    ]);
    const q = await run(['--fill-model', 'queue']);
    expect(q.code, q.stderr).toBe(0);
    const rq = JSON.parse(q.stdout) as Json;
    expect(rq.fills.count).toBeGreaterThan(0);
    expect((await run(['--fill-model', 'queue'])).stdout).toBe(q.stdout);
  });
});
