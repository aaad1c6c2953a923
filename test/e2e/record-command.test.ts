// End-to-end `shadow-exec record` against loopback servers: a Binance recording with its REST snapshot replays to a byte-stable report; Ctrl-C closes a Bybit recording cleanly (exit 130); usage errors.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { type ReplayRecord } from '../../src/feeds/replay/replay-format.js';
import { decodeReplay } from '../../src/feeds/replay/replay-decoder.js';
import { runCli, runCliInProcess } from '../helpers/cli.js';
import { LoopbackHttpServer } from '../helpers/loopback-http-server.js';
import { LoopbackWsServer } from '../helpers/loopback-ws-server.js';
import { binanceAggTrade, binanceDepth, bybitOrderbook } from '../helpers/replay-frames.js';
import { waitUntil } from '../helpers/wait-until.js';

type Json = any;
const text = (record: ReplayRecord): string => (record.kind === 'frame' ? record.frame : record.kind === 'rest' ? record.body : '');
const DEPTH = '/api/v3/depth?symbol=BTCUSDT&limit=1000';
const SNAPSHOT = JSON.stringify({ lastUpdateId: 100, bids: [['95000.00', '1.00000']], asks: [['95010.00', '2.00000']] });

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function tempFile(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-record-'));
  closers.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, name);
}

function script(steps: readonly (readonly [marker: string, act: (child: ChildProcess) => void])[]): (child: ChildProcess, stderr: string) => void {
  let next = 0;
  return (child, stderr) => {
    while (next < steps.length && stderr.includes(steps[next]![0])) steps[next++]![1](child);
  };
}

describe('shadow-exec record', () => {
  it('records Binance frames and the REST depth snapshot its book sync needs; the file replays to a byte-stable report', async () => {
    const ws = await LoopbackWsServer.start({ venue: 'binance' });
    const http = await LoopbackHttpServer.start();
    closers.push(() => ws.close(), () => http.close());
    http.route(DEPTH, { status: 200, body: SNAPSHOT });
    const out = tempFile('btc.jsonl');
    const frames = {
      d1: text(binanceDepth(0, 'BTCUSDT', 101, 101, [['95001.00', '0.50000']])),
      trade: text(binanceAggTrade(0, 'BTCUSDT', 7, '95010.00', '0.10000')),
      d2: text(binanceDepth(0, 'BTCUSDT', 102, 102, [['95002.00', '0.50000']])),
      d3: text(binanceDepth(0, 'BTCUSDT', 103, 103, [], [['95009.00', '1.00000']])),
      d4: text(binanceDepth(0, 'BTCUSDT', 104, 104, [['95002.00', '0']])),
    };
    const recorded = await runCli(
      ['record', '--exchange', 'binance', '--symbols', 'BTCUSDT', '--duration', '1500ms', '--out', out, '--ws-url', `${ws.url}/stream`, '--rest-url', http.url],
      {
        timeoutMs: 90_000,
        onStderr: script([
          ['record: ws-1 subscribed', () => ws.sendRaw(1, frames.d1)],
          [
            'record: BTCUSDT depth snapshot recorded (book in sync)',
            () => {
              for (const f of [frames.trade, frames.d2, frames.d3, frames.d4]) ws.sendRaw(1, f);
            },
          ],
        ]),
      },
    );
    expect(recorded.stderr).toContain(`record: recording btcusdt@depth@100ms,btcusdt@bookTicker,btcusdt@aggTrade to ${out}, for 1500 ms`);
    expect(recorded.stderr).toContain('record: 5 frames, 1 depth snapshots,');
    expect(recorded.code).toBe(0);
    const file = readFileSync(out, 'utf8');
    expect(file.endsWith('}\n')).toBe(true);
    const { header, records } = decodeReplay(file);
    expect(header).toEqual({
      format: 'shadow-exec-replay',
      version: 1,
      venue: 'binance',
      market: 'spot',
      url: `${ws.url}/stream`,
      source: `shadow-exec record 0.1.0: btcusdt@depth@100ms,btcusdt@bookTicker,btcusdt@aggTrade; depth snapshots from ${http.url}`,
    });
    expect(records.map((r) => (r.kind === 'frame' ? r.frame : r.kind === 'rest' ? [r.rest, r.body] : ''))).toEqual([
      frames.d1,
      [`GET ${DEPTH}`, SNAPSHOT],
      frames.trade,
      frames.d2,
      frames.d3,
      frames.d4,
    ]);

    const replay = ['run', '--exchange', 'binance', '--feed', `replay:${out}`, '--spread-bps', '40', '--fill-model', 'probabilistic', '--fill-rate', '1', '--latency-ms', '0', '--edge-threshold', '-10000', '--quiet'];
    const a = await runCliInProcess(replay);
    const b = await runCliInProcess(replay);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const r: Json = JSON.parse(a.stdout);
    expect(r.execution).toMatchObject({ status: 'completed', market_updates: 4 });
    expect(r.orders).toMatchObject({ placed: 8, filled: 6, canceled: 2, open_at_end: 0 });
    expect(r.market_data.books.BTCUSDT).toMatchObject({ state: 'synced', update_id: 104, snapshots: 1, applied: 4, gaps: 0 });
    expect(r.market_data).toMatchObject({ records: 6, frames: 5, rest_records: 1, events_delivered: { bar: 0, mark: 0, quote: 4, trade: 1 } });
  });

  it('closes a Bybit recording cleanly on Ctrl-C and exits 130', async () => {
    const ws = await LoopbackWsServer.start({ venue: 'bybit' });
    closers.push(() => ws.close());
    const out = tempFile('bybit.jsonl');
    const sent = [
      text(bybitOrderbook(0, 'BTCUSDT', 'snapshot', 1, [['95000.0', '1.000']], [['95010.0', '1.000']])),
      text(bybitOrderbook(0, 'BTCUSDT', 'delta', 2, [['95001.0', '1.000']], [])),
    ];
    const recorded = await runCli(['record', '--exchange', 'bybit', '--symbols', 'BTCUSDT', '--streams', 'orderbook.50', '--out', out, '--ws-url', `${ws.url}/v5/public/linear`], {
      timeoutMs: 90_000,
      onStderr: script([
        [
          'record: ws-1 subscribed orderbook.50.BTCUSDT',
          (child) => {
            for (const f of sent) ws.sendRaw(1, f);
            // SIGINT once both frames are on disk (the recorder flushes every 200 ms); a timeout fails on the record check below.
            waitUntil(() => readFileSync(out, 'utf8').split('\n').length === 4, 'two frames flushed')
              .catch(() => undefined)
              .finally(() => child.kill('SIGINT'));
          },
        ],
      ]),
    });
    expect(recorded.code).toBe(130);
    expect(recorded.stderr).toContain('record: interrupt: closing the recording');
    const { header, records } = decodeReplay(readFileSync(out, 'utf8'));
    expect(header).toMatchObject({ venue: 'bybit', market: 'linear', url: `${ws.url}/v5/public/linear` });
    expect(records.map((r) => (r.kind === 'frame' ? r.frame : r.kind === 'rest' ? r.rest : ''))).toEqual(sent);
  });

  it.each([
    [['record', '--symbols', 'BTCUSDT', '--out', 'x.jsonl'], "--exchange '' is not allowed: expected binance, bybit, hyperliquid or ccxt:<id>"],
    [['record', '--exchange', 'bybit', '--out', 'x.jsonl'], '--symbols is required'],
    [['record', '--exchange', 'binance', '--symbols', 'BTCUSDT'], '--out is required'],
    [['record', '--exchange', 'bybit', '--symbols', 'BTCUSDT', '--out', 'x.jsonl', '--rest-url', 'http://127.0.0.1:1'], '--rest-url does not apply to --exchange bybit'],
    [['record', '--exchange', 'binance', '--symbols', 'BTCUSDT', '--out', 'x.jsonl', '--streams', 'depth@100ms,Bad Stream'], "--streams 'depth@100ms,Bad Stream' is not allowed"],
    [['record', '--exchange', 'binance', '--symbols', 'BTCUSDT', '--out', 'no-such-dir/x.jsonl'], "--out 'no-such-dir/x.jsonl': the folder"],
  ])('exits 2 for %j', async (args, expected) => {
    const r = await runCliInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
  });
});
