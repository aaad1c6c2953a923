// End-to-end `shadow-exec record --exchange ccxt:okx` against a loopback server speaking OKX's public v5 WebSocket protocol (books snapshot/update, trades): the normalized recording replays to a byte-stable report.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOkxWsServer, type OkxWsServer } from '../helpers/okx-ws-server.js';
import { decodeReplay } from '../../src/feeds/replay/replay-decoder.js';
import { runCliInProcess } from '../helpers/cli.js';

const MARKETS = 'test/fixtures/ccxt/okx-markets.json';
const ARG = { channel: 'books', instId: 'BTC-USDT-SWAP' };
const TRADES = { channel: 'trades', instId: 'BTC-USDT-SWAP' };
/** OKX v5 "Order book channel" push shapes (docs-v5 #order-book-trading-market-data-ws-order-book-channel): [price, size in contracts, "0", orders]. */
const BOOKS = [
  { arg: ARG, action: 'snapshot', data: [{ asks: [['95000.1', '12', '0', '2'], ['95000.5', '30', '0', '3']], bids: [['95000', '8', '0', '1'], ['94999.2', '40', '0', '4']], ts: '1733184000000', checksum: 0, prevSeqId: -1, seqId: 10 }] },
  { arg: ARG, action: 'update', data: [{ asks: [['95000.1', '0', '0', '0'], ['95000.3', '5', '0', '1']], bids: [['95000', '9', '0', '2']], ts: '1733184000100', checksum: 0, prevSeqId: 10, seqId: 11 }] },
];
const TRADE = { arg: TRADES, data: [{ instId: 'BTC-USDT-SWAP', tradeId: '130639474', px: '94990.0', sz: '3', side: 'sell', ts: '1733184000150' }] };

let server: OkxWsServer;
let url = '';
let dir = '';
const subscribed: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccxt-okx-'));
  server = await startOkxWsServer((socket, arg, request) => {
    subscribed.push(`${request.url ?? ''} ${arg.channel} ${arg.instId}`);
    const frames = arg.channel === 'books' ? BOOKS : [TRADE];
    for (const frame of frames) socket.send(JSON.stringify(frame));
  });
  url = server.url;
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('record --exchange ccxt:okx on a loopback OKX server', () => {
  it('writes the book snapshot, the changed levels and the trade as normalized records in base units, and the file replays byte-stably', async () => {
    const out = join(dir, 'okx.jsonl');
    // --duration bounds the recording; the server sends everything at subscription, so the file's content does not depend on it.
    const recorded = await runCliInProcess(['record', '--exchange', 'ccxt:okx', '--market', 'swap', '--symbols', 'BTC/USDT:USDT', '--instruments', MARKETS, '--ws-url', url, '--duration', '4s', '--out', out]);
    expect(recorded.stderr).not.toContain('error:');
    expect(recorded.code).toBe(0);
    expect(subscribed).toEqual(['/ws/v5/public books BTC-USDT-SWAP', '/ws/v5/public trades BTC-USDT-SWAP']);
    const { header, records } = decodeReplay(readFileSync(out, 'utf8'));
    expect(header).toMatchObject({ version: 2, venue: 'ccxt:okx', market: 'swap', data: 'normalized', url });
    const body = records.flatMap((r) => (r.kind === 'normalized' ? [{ ...r.record, local_us: 0 }] : []));
    // ccxt may apply the update before the first watchOrderBook resolves (one snapshot) or after (snapshot + update):
    // either way the records rebuild the book after both pushes, sizes in BTC (contracts × 0.01).
    const book = { bids: new Map<string, string>(), asks: new Map<string, string>() };
    for (const r of body) {
      if (r.type !== 'book_snapshot' && r.type !== 'book_update') continue;
      if (r.type === 'book_snapshot') for (const side of [book.bids, book.asks]) side.clear();
      for (const [p, q] of r.bids) q === '0' ? book.bids.delete(p) : book.bids.set(p, q);
      for (const [p, q] of r.asks) q === '0' ? book.asks.delete(p) : book.asks.set(p, q);
    }
    expect(body[0]).toMatchObject({ type: 'book_snapshot', symbol: 'BTC/USDT:USDT' });
    expect([...book.bids]).toEqual([['95000', '0.09'], ['94999.2', '0.4']]);
    expect([...book.asks].sort()).toEqual([['95000.3', '0.05'], ['95000.5', '0.3']]);
    expect(body.find((r) => r.type === 'trade')).toMatchObject({ symbol: 'BTC/USDT:USDT', exchange_us: 1733184000150000, id: '130639474', side: 'sell', price: '94990', size: '0.03' });
    const args = ['run', '--exchange', 'ccxt:okx', '--market', 'swap', '--instruments', MARKETS, '--symbols', 'BTC/USDT:USDT', '--feed', `replay:${out}`];
    const first = await runCliInProcess(args);
    const second = await runCliInProcess(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(JSON.parse(first.stdout).market_data.frames_by_class).toBeDefined();
  });
});
