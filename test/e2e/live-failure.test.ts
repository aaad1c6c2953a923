// End-to-end (in process) live runs and recordings whose feed never delivers: stderr names the cause (refused port, HTTP status of the upgrade, TLS), exit 1 with an E_FEED_* code and retry advice, report status "failed".
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';
import { LoopbackWsServer } from '../helpers/loopback-ws-server.js';

type Json = any;

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A 127.0.0.1 port nothing listens on: bound by a server that is then closed. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

async function bybitServer(): Promise<LoopbackWsServer> {
  const ws = await LoopbackWsServer.start({ venue: 'bybit' });
  closers.push(() => ws.close());
  return ws;
}

const ADVICE = 'safe to retry once the venue is reachable: check the URL (--ws-url), DNS, proxy and firewall';
const liveRun = (wsUrl: string): string[] => ['run', '--exchange', 'bybit', '--feed', 'live', '--ws-url', wsUrl, '--duration', '800ms'];

describe('shadow-exec run --feed live: a feed that never delivers', () => {
  it('names a refused port, exits 1 with E_FEED_NO_DATA and retry advice, and reports status "failed"', async () => {
    const port = await refusedPort();
    const result = await runCliInProcess(liveRun(`ws://127.0.0.1:${port}`));
    expect(result.code).toBe(1);
    const cause = `connection refused by 127.0.0.1:${port} (ECONNREFUSED)`;
    expect(result.stderr).toContain(`live: ws-1 lost: ${cause}\n`);
    expect(result.stderr).not.toContain('code 1006');
    const failure = `no market data in 800 ms; last connection error: ${cause}`;
    expect(result.stderr).toContain(`error: the live feed failed: ${failure}; the report covers the run up to then\n(code E_FEED_NO_DATA; ${ADVICE})\n`);
    expect(result.stderr.match(/^error:/gm)).toHaveLength(1);
    const r: Json = JSON.parse(result.stdout);
    expect(r.execution).toMatchObject({ status: 'failed', interrupted: false, market_updates: 0 });
    expect(r.market_data.live).toMatchObject({ end_reason: 'duration', failure });
  });

  it('names the HTTP status that answered the WebSocket upgrade (500)', async () => {
    const ws = await bybitServer();
    ws.rejectHandshakes(500);
    const result = await runCliInProcess(liveRun(`${ws.url}/v5/public/linear`));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('live: ws-1 lost: the WebSocket upgrade got HTTP 500 instead of 101\n');
    expect(result.stderr).toContain('error: the live feed failed: no market data in 800 ms; last connection error: the WebSocket upgrade got HTTP 500 instead of 101;');
    expect(JSON.parse(result.stdout).execution.status).toBe('failed');
  });

  it('names a TLS failure (wss:// to a server that speaks plain HTTP)', async () => {
    const ws = await bybitServer();
    const result = await runCliInProcess(liveRun(`${ws.url.replace('ws://', 'wss://')}/v5/public/linear`));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/live: ws-1 lost: TLS handshake failed: [^\n]+ \(E[A-Z_]+\)\n/);
    expect(result.stderr).toContain('(code E_FEED_NO_DATA;');
  });

  it('connected but silent: says no data frame arrived', async () => {
    const ws = await bybitServer();
    ws.silent = true;
    const result = await runCliInProcess(liveRun(`${ws.url}/v5/public/linear`));
    expect(result.code).toBe(1);
    // "connected, but …" once the dial made it within the 800 ms (the unit test holds the clock to assert it exactly).
    expect(result.stderr).toMatch(/error: the live feed failed: no market data in 800 ms; (connected, but no data frame arrived|no connection opened); the report covers the run up to then\n\(code E_FEED_NO_DATA;/);
  });
});

describe('shadow-exec record: a feed that never delivers', () => {
  it('names a refused port and exits 1 with E_FEED_NO_DATA; the file holds its header line only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-live-failure-'));
    closers.push(() => rmSync(dir, { recursive: true, force: true }));
    const out = join(dir, 'rec.jsonl');
    const port = await refusedPort();
    const result = await runCliInProcess(['record', '--exchange', 'bybit', '--symbols', 'BTCUSDT', '--ws-url', `ws://127.0.0.1:${port}`, '--duration', '800ms', '--out', out]);
    expect(result.code).toBe(1);
    const cause = `connection refused by 127.0.0.1:${port} (ECONNREFUSED)`;
    expect(result.stderr).toContain(`record: ws-1 lost: ${cause}\n`);
    expect(result.stderr).toContain(
      `error: the live feed failed: no data frame in 800 ms; last connection error: ${cause}; ${out} holds the header line only\n(code E_FEED_NO_DATA; ${ADVICE})\n`,
    );
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });
});
