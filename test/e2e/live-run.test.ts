// End-to-end `run --feed live` through the built CLI against loopback servers: a scripted Binance and Bybit session filled and reported, ended by --duration; Ctrl-C with a complete interrupted report (a child process: a real signal); usage errors. The rest in process.
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayRecord } from '../../src/feeds/replay/replay-format.js';
import { runCli, runCliInProcess } from '../helpers/cli.js';
import { LoopbackHttpServer } from '../helpers/loopback-http-server.js';
import { LoopbackWsServer } from '../helpers/loopback-ws-server.js';
import { binanceAggTrade, binanceDepth, bybitOrderbook } from '../helpers/replay-frames.js';

const text = (record: ReplayRecord): string => (record.kind === 'frame' ? record.frame : record.kind === 'rest' ? record.body : '');
const DEPTH = '/api/v3/depth?symbol=BTCUSDT&limit=1000';
const SNAPSHOT = JSON.stringify({ lastUpdateId: 100, bids: [['95000.00', '1.00000']], asks: [['95010.00', '2.00000']] });

type Json = any;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function servers(venue: 'binance' | 'bybit'): Promise<{ ws: LoopbackWsServer; http: LoopbackHttpServer }> {
  const ws = await LoopbackWsServer.start({ venue });
  const http = await LoopbackHttpServer.start();
  closers.push(() => ws.close(), () => http.close());
  http.route(DEPTH, { status: 200, body: SNAPSHOT });
  return { ws, http };
}

/** Runs `steps` in order, each once its stderr marker has appeared; `child` is there when the CLI runs in a child process. */
function script(steps: readonly (readonly [marker: string, act: (child?: ChildProcess) => void])[]): (stderr: string, child?: ChildProcess) => void {
  let next = 0;
  return (stderr, child) => {
    while (next < steps.length && stderr.includes(steps[next]![0])) steps[next++]![1](child);
  };
}

const QUOTING = ['--spread-bps', '40', '--fill-model', 'probabilistic', '--fill-rate', '1', '--latency-ms', '0', '--edge-threshold', '-10000'];

describe('shadow-exec run --feed live', () => {
  it('trades a scripted Binance spot session: REST-synced book, quotes filled, health reported, ended by --duration', async () => {
    const { ws, http } = await servers('binance');
    const result = await runCliInProcess(
      ['run', '--exchange', 'binance', '--feed', 'live', '--ws-url', `${ws.url}/stream`, '--rest-url', http.url, '--duration', '1500ms', ...QUOTING],
      {
        onStderr: script([
          ['live: ws-1 subscribed', () => ws.sendRaw(1, text(binanceDepth(0, 'BTCUSDT', 101, 101, [['95001.00', '0.50000']])))],
          [
            'live: BTCUSDT book synced at update id 101',
            () => {
              ws.sendRaw(1, text(binanceAggTrade(0, 'BTCUSDT', 7, '95010.00', '0.10000')));
              ws.sendRaw(1, text(binanceDepth(0, 'BTCUSDT', 102, 102, [['95002.00', '0.50000']])));
              ws.sendRaw(1, text(binanceDepth(0, 'BTCUSDT', 103, 103, [], [['95009.00', '1.00000']])));
              ws.sendRaw(1, text(binanceDepth(0, 'BTCUSDT', 104, 104, [['95002.00', '0']])));
            },
          ],
        ]),
      },
    );
    expect(result.stderr).toContain('live: ws-1 subscribed btcusdt@depth@100ms,btcusdt@bookTicker,btcusdt@aggTrade');
    expect(result.stderr).toContain("warning: --ws-url host '127.0.0.1' is not one of the venue's public hosts (stream.binance.com,");
    expect(result.stderr).toContain("warning: --rest-url host '127.0.0.1' is not one of the venue's public hosts");
    expect(result.code).toBe(0);
    const r: Json = JSON.parse(result.stdout);
    expect(r.runtime).toMatchObject({ clock: 'system', byte_stable: false });
    expect(r.execution).toMatchObject({ status: 'completed', feed: 'live:binance spot', market_updates: 4, iterations: null });
    expect(r.orders).toMatchObject({ placed: 8, filled: 6, canceled: 2, open_at_end: 0 });
    expect(r.fills).toMatchObject({ count: 6, maker: 6, taker: 0 });
    expect(r.config.live).toEqual({ ws_url: `${ws.url}/stream`, rest_url: http.url, ws_connections: 1 });
    expect(r.model.market).toMatchObject({ kind: 'live', venue: 'binance', market: 'spot', rest_url: http.url, connections: 1 });
    const md = r.market_data;
    expect(md.events_delivered).toEqual({ bar: 0, mark: 0, quote: 4, ticker: 0, trade: 1 });
    expect(md.books.BTCUSDT).toMatchObject({ state: 'synced', update_id: 104, snapshots: 1, applied: 4, gaps: 0, resyncs: 0 });
    expect(md.loop).toEqual({ quotes: 4, trades: 1, bars: 0, marks: 0, tickers: 0, by_symbol: { BTCUSDT: { quotes: 4, trades: 1, bars: 0, marks: 0, tickers: 0 } } });
    expect(md.live).toMatchObject({ end_reason: 'duration', failure: null, sequence_gaps: 0, resyncs: 0, snapshots: { requested: 1, fetched: 1, failed: 0 } });
    expect(md.live.websocket).toMatchObject({ connections_configured: 1, frames_delivered: 5, duplicates_dropped: 0, reconnects: 0 });
    expect(md.live.websocket).not.toHaveProperty('parse_errors');
    expect(md.live.websocket.received.data.messages).toBe(5);
    expect(md.live.websocket.received.control.messages).toBe(1);
    expect(md.live.websocket.by_connection[0]).toMatchObject({ id: 'ws-1', state: 'DISCONNECTED', close_reason: 'run stopped', connects: 1 });
    expect(http.requests).toEqual([DEPTH]);
  });

  it('trades a scripted Bybit linear session from orderbook snapshot and deltas', async () => {
    const { ws } = await servers('bybit');
    const book = (type: 'snapshot' | 'delta', u: number, b: [string, string][], a: [string, string][]): string => text(bybitOrderbook(0, 'BTCUSDT', type, u, b, a));
    const result = await runCliInProcess(['run', '--exchange', 'bybit', '--feed', 'live', '--ws-url', `${ws.url}/v5/public/linear`, '--duration', '1200ms', ...QUOTING], {
      onStderr: script([
        [
          'live: ws-1 subscribed',
          () => {
            ws.sendRaw(1, book('snapshot', 1, [['95000.0', '1.000']], [['95010.0', '1.000']]));
            ws.sendRaw(1, book('delta', 2, [['95001.0', '1.000']], []));
            ws.sendRaw(1, book('delta', 3, [], [['95009.0', '1.000']]));
          },
        ],
      ]),
    });
    expect(result.code).toBe(0);
    const r: Json = JSON.parse(result.stdout);
    expect(r.execution).toMatchObject({ status: 'completed', feed: 'live:bybit linear', market_updates: 3 });
    expect(r.orders).toMatchObject({ placed: 6, filled: 4, canceled: 2, open_at_end: 0 });
    expect(r.market_data.books.BTCUSDT).toMatchObject({ state: 'synced', update_id: 3, snapshots: 1, applied: 2 });
    expect(r.market_data.live).toMatchObject({ end_reason: 'duration', snapshots: null, resubscribes: {} });
    expect(r.market_data.live.websocket).toMatchObject({ frames_delivered: 3 });
  });

  it('with --ws-connections 2 loses nothing when the server drops one connection, and counts the duplicates', async () => {
    const { ws } = await servers('bybit');
    const book = (type: 'snapshot' | 'delta', u: number, bid: string): string =>
      text(bybitOrderbook(0, 'BTCUSDT', type, u, [[bid, '1.000']], type === 'snapshot' ? [['95010.0', '1.000']] : []));
    const result = await runCliInProcess(
      // 3 s of wall clock: the frames come within the first few hundred ms, the rest is margin for a loaded machine.
      ['run', '--exchange', 'bybit', '--feed', 'live', '--ws-url', `${ws.url}/v5/public/linear`, '--ws-connections', '2', '--duration', '3s', ...QUOTING],
      {
        onStderr: script([
          ['live: ws-1 subscribed', () => undefined],
          [
            'live: ws-2 subscribed',
            () => {
              for (const id of [1, 2]) ws.sendRaw(id, book('snapshot', 1, '95000.0'));
              for (const id of [1, 2]) ws.sendRaw(id, book('delta', 2, '95001.0'));
              // A close frame follows the data already sent, so ws-1 is known to have received both frames.
              ws.client(1).socket.close(1001, 'going away');
            },
          ],
          [
            'live: ws-1 lost',
            () => {
              ws.sendRaw(2, book('delta', 3, '95002.0'));
              ws.sendRaw(2, book('delta', 4, '95003.0'));
            },
          ],
        ]),
      },
    );
    expect(result.stderr).toContain('live feed ' + `${ws.url}/v5/public/linear (2 connections)`);
    expect([result.code, result.code === 0 ? '' : result.stderr]).toEqual([0, '']);
    const r: Json = JSON.parse(result.stdout);
    expect(r.execution.market_updates).toBe(4);
    expect(r.market_data.books.BTCUSDT).toMatchObject({ update_id: 4, snapshots: 1, applied: 3, gaps: 0 });
    expect(r.market_data.live.websocket).toMatchObject({ connections_configured: 2, frames_delivered: 4, duplicates_dropped: 2 });
    expect(result.stderr).toContain('live: ws-1 lost: socket closed (code 1001, going away)');
    // Which socket delivered each frame first is a race; the sum is not.
    expect(r.market_data.live.websocket.by_connection.reduce((n: number, c: Json) => n + c.duplicates_dropped, 0)).toBe(2);
  });

  it('on SIGINT stops the feed, cancels every open order and writes a complete interrupted report (exit 130)', async () => {
    const { ws, http } = await servers('binance');
    const steps = script([
      ['shadow run started', () => undefined],
      ['live: ws-1 subscribed', () => ws.sendRaw(1, text(binanceDepth(0, 'BTCUSDT', 101, 101, [['95001.00', '0.50000']])))],
      ['live: BTCUSDT book synced at update id 101', (child) => child!.kill('SIGINT')],
    ]);
    const result = await runCli(['run', '--exchange', 'binance', '--feed', 'live', '--ws-url', `${ws.url}/stream`, '--rest-url', http.url, '--spread-bps', '40'], {
      timeoutMs: 90_000,
      onStderr: (child, stderr) => steps(stderr, child),
    });
    expect(result.stderr).toContain(`live feed ${ws.url}/stream (1 connection), until Ctrl-C`);
    expect(result.code).toBe(130);
    const r: Json = JSON.parse(result.stdout);
    expect(r.execution).toMatchObject({ status: 'interrupted', market_updates: 1 });
    expect(r.orders).toMatchObject({ placed: 2, filled: 0, canceled: 2, open_at_end: 0 });
    expect(r.market_data.live.end_reason).toBe('interrupted');
    expect(r.runtime.clock).toBe('system');
    expect(result.stderr).toContain('interrupt: stopping the feed and cancelling every open order');
  });
});

describe('shadow-exec run --feed live: usage', () => {
  it.each([
    [['--exchange', 'binance', '--feed', 'live', '--no-network'], '--no-network and --feed live contradict each other'],
    [['--exchange', 'bybit', '--feed', 'live', '--ws-connections', '0'], "--ws-connections '0' is not allowed: expected a whole number from 1 to 16"],
    [['--exchange', 'binance', '--ws-url', 'ws://127.0.0.1:1/stream'], '--ws-url applies to --feed live only'],
    [['--exchange', 'binance', '--feed', 'live', '--ws-url', 'wss://me:s3cret@stream.binance.com:9443/stream'], "--ws-url: WebSocket URL of host 'stream.binance.com:9443' carries credentials (user:password@)"],
    [['--exchange', 'binance', '--feed', 'live', '--rest-url', 'https://api.binance.com/?apiKey=s3cret'], "--rest-url: REST URL of host 'api.binance.com' carries a query (?…)"],
  ])('exits 2 for %j', async (args, expected) => {
    const r = await runCliInProcess(['run', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).not.toContain('s3cret');
  });
});
