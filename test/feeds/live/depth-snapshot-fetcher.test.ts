// Covers DepthSnapshotFetcher on virtual timers and a scripted GET: the request URL and line, one fetch in flight per symbol, retry backoff after failures, reset once synced, timeouts, and stop.
import { describe, expect, it } from 'vitest';
import { DepthSnapshotFetcher, fetchHttpGet, MAX_REST_BODY_BYTES, retryAfterMs, snapshotDelayMs, type HttpGet } from '../../../src/feeds/live/depth-snapshot-fetcher.js';
import { LoopbackHttpServer } from '../../helpers/loopback-http-server.js';
import { VirtualTimers } from '../../helpers/virtual-timers.js';

interface Call {
  readonly url: string;
  readonly signal: AbortSignal;
  resolve(answer: { status: number; body: string; retryAfter?: string | null; location?: string | null }): void;
  reject(error: Error): void;
}

function rig() {
  const timers = new VirtualTimers(1000);
  const calls: Call[] = [];
  const get: HttpGet = (url, signal) =>
    new Promise((resolve, reject) => {
      calls.push({ url, signal, resolve, reject });
      signal.addEventListener('abort', () => reject(new Error('aborted')));
    });
  const snapshots: [string, string, string, number][] = [];
  const failures: [string, string][] = [];
  const fetcher = new DepthSnapshotFetcher({
    restUrl: 'http://127.0.0.1:9',
    requestLine: (symbol) => `GET /api/v3/depth?symbol=${symbol}&limit=1000`,
    timers,
    clock: timers,
    get,
    timeoutMs: 500,
    onSnapshot: (symbol, request, body, t) => {
      snapshots.push([symbol, request, body, t]);
      return body.startsWith('{"lastUpdateId"') ? null : 'not a snapshot';
    },
    onFailure: (symbol, message) => failures.push([symbol, message]),
  });
  return { timers, calls, fetcher, snapshots, failures };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('DepthSnapshotFetcher', () => {
  it('backs off 0, 0.5, 1, 2 … s up to 30 s between fetches of a symbol that stays unsynced', () => {
    expect([1, 2, 3, 4, 5, 8, 20].map(snapshotDelayMs)).toEqual([0, 500, 1000, 2000, 4000, 30_000, 30_000]);
  });

  it('fetches at once, ignores requests while one is in flight, and hands the body over at its receive time', async () => {
    const r = rig();
    r.fetcher.request('BTCUSDT');
    r.fetcher.request('BTCUSDT');
    expect(r.calls.map((c) => c.url)).toEqual(['http://127.0.0.1:9/api/v3/depth?symbol=BTCUSDT&limit=1000']);
    r.timers.advance(40);
    r.calls[0]!.resolve({ status: 200, body: '{"lastUpdateId":1}' });
    await settle();
    expect(r.snapshots).toEqual([['BTCUSDT', 'GET /api/v3/depth?symbol=BTCUSDT&limit=1000', '{"lastUpdateId":1}', 1040]]);
    expect(r.fetcher.stats()).toMatchObject({ requested: 1, fetched: 1, failed: 0 });
  });

  it('retries a failed fetch after the backoff and fetches at once again after the symbol synced', async () => {
    const r = rig();
    r.fetcher.request('ETHUSDT');
    r.calls[0]!.resolve({ status: 503, body: 'busy' });
    await settle();
    expect(r.failures).toEqual([['ETHUSDT', 'HTTP 503: busy']]);
    expect(r.calls).toHaveLength(1);
    r.timers.advance(499);
    expect(r.calls).toHaveLength(1);
    r.timers.advance(1);
    expect(r.calls).toHaveLength(2);
    r.calls[1]!.resolve({ status: 200, body: '{"lastUpdateId":1}' });
    await settle();
    r.fetcher.request('ETHUSDT');
    expect(r.calls).toHaveLength(2);
    r.timers.advance(1000);
    expect(r.calls).toHaveLength(3);
    r.calls[2]!.resolve({ status: 200, body: '{"lastUpdateId":2}' });
    await settle();
    r.fetcher.synced('ETHUSDT');
    r.fetcher.request('ETHUSDT');
    expect(r.calls).toHaveLength(4);
    expect(r.fetcher.stats()).toMatchObject({ requested: 4, fetched: 2, failed: 1, by_symbol: { ETHUSDT: { last_error: 'HTTP 503: busy' } } });
  });

  it('aborts a fetch that takes longer than the timeout, and stop() aborts and cancels everything', async () => {
    const r = rig();
    r.fetcher.request('BTCUSDT');
    r.timers.advance(500);
    await settle();
    expect(r.calls[0]!.signal.aborted).toBe(true);
    expect(r.failures).toEqual([['BTCUSDT', 'timed out']]);
    expect(r.timers.pendingDelays()).toEqual([500]);
    r.fetcher.stop();
    expect(r.timers.pendingDelays()).toEqual([]);
    r.fetcher.request('BTCUSDT');
    expect(r.calls).toHaveLength(1);
  });
});

describe('fetchHttpGet against a hostile loopback server', () => {
  const DEPTH = '/api/v3/depth?symbol=BTCUSDT&limit=1000';
  const big = 'x'.repeat(MAX_REST_BODY_BYTES + 1);

  async function withServer(run: (server: LoopbackHttpServer) => Promise<void>): Promise<void> {
    const server = await LoopbackHttpServer.start();
    try {
      await run(server);
    } finally {
      await server.close();
    }
  }

  it('does not follow a redirect: the 302 comes back with its Location, the target is never asked', () =>
    withServer(async (server) => {
      server.route(DEPTH, { status: 302, body: '', headers: { location: '/elsewhere' } });
      server.route('/elsewhere', { status: 200, body: '{"lastUpdateId":1,"bids":[],"asks":[]}' });
      const answer = await fetchHttpGet(`${server.url}${DEPTH}`, new AbortController().signal);
      expect([answer.status, answer.location, server.requests]).toEqual([302, '/elsewhere', [DEPTH]]);
    }));

  it('refuses a body declared over 4 MiB, and one streamed without a length past 4 MiB', () =>
    withServer(async (server) => {
      server.route(DEPTH, { status: 200, body: big });
      await expect(fetchHttpGet(`${server.url}${DEPTH}`, new AbortController().signal)).rejects.toThrow(`body of ${MAX_REST_BODY_BYTES + 1} bytes is over the ${MAX_REST_BODY_BYTES}-byte cap: not read`);
      server.route(DEPTH, { status: 200, body: big, chunkChars: 65_536 });
      await expect(fetchHttpGet(`${server.url}${DEPTH}`, new AbortController().signal)).rejects.toThrow(`body over the ${MAX_REST_BODY_BYTES}-byte cap: not read`);
    }));

  it('reads a body of exactly 4 MiB, streamed', () =>
    withServer(async (server) => {
      server.route(DEPTH, { status: 200, body: big.slice(1), chunkChars: 65_536 });
      const answer = await fetchHttpGet(`${server.url}${DEPTH}`, new AbortController().signal);
      expect([answer.status, answer.body.length]).toEqual([200, MAX_REST_BODY_BYTES]);
    }));

  it('counts a redirect as a failed fetch naming where it pointed', async () => {
    const r = rig();
    r.fetcher.request('BTCUSDT');
    r.calls[0]!.resolve({ status: 301, body: "", location: "https://evil.example/x" });
    await settle();
    expect(r.failures).toEqual([['BTCUSDT', "HTTP 301 redirect to 'https://evil.example/x' not followed: give --rest-url the address that serves /api/v3/depth"]]);
    expect(r.fetcher.stats()).toMatchObject({ requested: 1, fetched: 0, failed: 1 });
  });
});

describe('DepthSnapshotFetcher and rate limits', () => {
  it('reads Retry-After as whole seconds, 2 min when absent or unreadable, at most 3 days', () => {
    expect(['7', ' 60 ', null, undefined, '', 'soon', '1.5', '-3', 'Wed, 21 Oct 2015 07:28:00 GMT', '999999999'].map(retryAfterMs))
      .toEqual([7000, 60_000, 120_000, 120_000, 120_000, 120_000, 120_000, 120_000, 120_000, 259_200_000]);
  });

  it('after a 429 fetches no symbol before Retry-After has passed, whatever the backoff says', async () => {
    const r = rig();
    r.fetcher.request('BTCUSDT');
    r.calls[0]!.resolve({ status: 429, body: '{"code":-1003,"msg":"Too many requests"}', retryAfter: '7' });
    await settle();
    expect(r.failures).toEqual([['BTCUSDT', 'HTTP 429: {"code":-1003,"msg":"Too many requests"}; no fetch for 7 s (Retry-After 7)']]);
    r.fetcher.request('ETHUSDT');
    expect([r.calls.length, r.timers.pendingDelays()]).toEqual([1, [7000, 7000]]);
    r.timers.advance(6999);
    expect(r.calls.length).toBe(1);
    r.timers.advance(1);
    expect(r.calls.map((c) => c.url.split('=')[1])).toEqual(['BTCUSDT&limit', 'BTCUSDT&limit', 'ETHUSDT&limit']);
    expect(r.fetcher.stats()).toMatchObject({ failed: 1, rate_limited: 1 });
  });

  it('after a 418 without Retry-After waits 2 minutes (the shortest ban)', async () => {
    const r = rig();
    r.fetcher.request('BTCUSDT');
    r.calls[0]!.resolve({ status: 418, body: '{"code":-1003,"msg":"Way too many requests; IP banned until 1."}' });
    await settle();
    expect(r.timers.pendingDelays()).toEqual([120_000]);
    r.timers.advance(119_999);
    expect(r.calls.length).toBe(1);
    r.timers.advance(1);
    expect(r.calls.length).toBe(2);
  });

  it('counts a malformed HTTP 200 body as a failed fetch and retries it after the backoff', async () => {
    const r = rig();
    r.fetcher.request('BTCUSDT');
    r.calls[0]!.resolve({ status: 200, body: '<html>maintenance</html>' });
    await settle();
    expect(r.failures).toEqual([['BTCUSDT', 'HTTP 200 body is not a depth snapshot: not a snapshot']]);
    expect(r.fetcher.stats()).toMatchObject({ requested: 1, fetched: 0, failed: 1 });
    expect(r.timers.pendingDelays()).toEqual([500]);
  });
});
