// End-to-end `run --exchange ccxt:okx --feed live` through the built CLI against a loopback OKX v5 server: the book and trade reported, ended by --duration; Ctrl-C with a complete interrupted report (a child process: a real signal); the usage refusals of a library-streamed venue. The rest in process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOkxWsServer, type OkxWsServer } from '../helpers/okx-ws-server.js';
import { runCli, runCliInProcess } from '../helpers/cli.js';

const MARKETS = 'test/fixtures/ccxt/okx-markets.json';
const SYMBOL = 'BTC/USDT:USDT';
const ARG = { channel: 'books', instId: 'BTC-USDT-SWAP' };
/** OKX v5 order book channel pushes (docs-v5 #order-book-trading-market-data-ws-order-book-channel): [price, contracts, "0", orders]. */
const BOOKS = [
  { arg: ARG, action: 'snapshot', data: [{ asks: [['95000.1', '12', '0', '2'], ['95000.5', '30', '0', '3']], bids: [['95000', '8', '0', '1'], ['94999.2', '40', '0', '4']], ts: '1733184000000', checksum: 0, prevSeqId: -1, seqId: 10 }] },
  { arg: ARG, action: 'update', data: [{ asks: [['95000.1', '0', '0', '0'], ['95000.3', '5', '0', '1']], bids: [['95000', '9', '0', '2']], ts: '1733184000100', checksum: 0, prevSeqId: 10, seqId: 11 }] },
];
const TRADE = { arg: { channel: 'trades', instId: 'BTC-USDT-SWAP' }, data: [{ instId: 'BTC-USDT-SWAP', tradeId: '130639474', px: '94990.0', sz: '3', side: 'sell', ts: '1733184000150' }] };

type Json = any;

let server: OkxWsServer;
let url = '';

beforeAll(async () => {
  server = await startOkxWsServer((socket, arg) => {
    for (const frame of arg.channel === 'books' ? BOOKS : [TRADE]) socket.send(JSON.stringify(frame));
  });
  url = server.url;
});

afterAll(async () => {
  await server.close();
});

const LIVE = ['run', '--exchange', 'ccxt:okx', '--market', 'swap', '--instruments', MARKETS, '--symbols', SYMBOL, '--feed', 'live'];

describe('shadow-exec run --exchange ccxt:okx --feed live', () => {
  it('reads the book and the trade through ccxt into the report, with the streams health, ended by --duration', async () => {
    // Every frame comes at subscription: what the report says of the book and trade does not depend on the duration.
    const result = await runCliInProcess([...LIVE, '--ws-url', url, '--duration', '2s']);
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`live feed ${url} (1 connection), for 2000 ms of wall-clock time`);
    expect(result.stderr).toContain(`live: ${SYMBOL} book: first update`);
    expect(result.stderr).toContain(`live: ${SYMBOL} trades: first update`);
    const r: Json = JSON.parse(result.stdout);
    expect(r.execution).toMatchObject({ status: 'completed', feed: 'live:ccxt:okx swap', iterations: null });
    expect(r.runtime).toMatchObject({ clock: 'system', byte_stable: false });
    expect(r.model.market).toMatchObject({ kind: 'live', venue: 'ccxt:okx', market: 'swap', url, streams: ['book', 'trades'] });
    const md = r.market_data;
    // After both pushes: bids 95000 (9 contracts), 94999.2; asks 95000.3, 95000.5 (95000.1 removed).
    expect(md.books[SYMBOL]).toMatchObject({ state: 'synced', snapshots: 1, bid_levels: 2, ask_levels: 2, gaps: 0, crossed: 0 });
    expect(md.events_delivered.trade).toBe(1);
    expect(md.live).toMatchObject({ venue: 'ccxt:okx', market: 'swap', url, streams: ['book', 'trades'], end_reason: 'duration', failure: null });
    expect(md.live.library).toMatchObject({ stream_errors: 0, retries: 0, grid: { [SYMBOL]: { off_tick_prices: 0, off_lot_sizes: 0, invalid_values: 0 } } });
    expect(md.live.library.records.trade).toBe(1);
    expect(md.live.library.records.book_snapshot).toBe(1);
    expect(md.live.library.streams[`${SYMBOL} trades`]).toMatchObject({ method: 'watchTrades', updates: 1, records: 1, errors: 0 });
    expect(md.live.library.last_update_age_ms[SYMBOL]).toBeGreaterThanOrEqual(0);
  });

  it('on SIGINT closes the streams and writes a complete interrupted report (exit 130)', async () => {
    let sent = false;
    const result = await runCli([...LIVE, '--ws-url', url], {
      timeoutMs: 90_000,
      onStderr: (child, stderr) => {
        if (!sent && stderr.includes(`live: ${SYMBOL} trades: first update`) && stderr.includes(`live: ${SYMBOL} book: first update`)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(result.stderr).toContain(`live feed ${url} (1 connection), until Ctrl-C`);
    expect(result.code).toBe(130);
    const r: Json = JSON.parse(result.stdout);
    expect(r.execution).toMatchObject({ status: 'interrupted' });
    expect(r.orders).toMatchObject({ open_at_end: 0 });
    expect(r.market_data.live).toMatchObject({ end_reason: 'interrupted', failure: null });
    expect(r.market_data.books[SYMBOL]).toMatchObject({ state: 'synced', snapshots: 1 });
    expect(result.stderr).toContain('interrupt: stopping the feed and cancelling every open order');
  });

  it('fails (exit 1, report written) naming the last watch error when nothing ever connects', async () => {
    const result = await runCliInProcess([...LIVE, '--ws-url', 'ws://127.0.0.1:9/ws/v5', '--duration', '2s']);
    expect(result.code).toBe(1);
    // Within 2 s ccxt either retries fewer than 6 times in a row (no market data, naming the last error) or gives up (naming the first).
    expect(result.stderr).toMatch(/no market data in 2000 ms; the streams delivered no record \(last error: NetworkError: connect ECONNREFUSED 127\.0\.0\.1:9\)|NetworkError: connect ECONNREFUSED 127\.0\.0\.1:9/);
    const r: Json = JSON.parse(result.stdout);
    expect(r.execution.status).toBe('failed');
    expect(r.market_data.live.library.stream_errors).toBeGreaterThan(0);
    expect(r.market_data.live.library.retries).toBe(r.market_data.live.library.stream_errors);
  });

  it.each([
    [['--ws-connections', '2'], '--ws-connections 2 is not allowed on ccxt:okx: its client library keeps one connection per stream itself (--ws-connections 1)'],
    [['--rest-url', 'http://127.0.0.1:1'], "ccxt:okx's client library fetches its book snapshots itself"],
    [['--start', '2025-01-01T00:00:00Z'], '--start does not apply to --feed live'],
  ])('exits 2 for %j', async (args, expected) => {
    // Refused while the options are read, before any stream opens: in process (a child adds nothing here).
    const r = await runCliInProcess([...LIVE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
  });
});
