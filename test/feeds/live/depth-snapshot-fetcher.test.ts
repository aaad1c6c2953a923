// Covers DepthSnapshotFetcher on virtual timers and a scripted GET: the request URL and line, one fetch in flight per symbol, retry backoff after failures, reset once synced, timeouts, and stop.
import { describe, expect, it } from 'vitest';
import { DepthSnapshotFetcher, snapshotDelayMs, type HttpGet } from '../../../src/feeds/live/depth-snapshot-fetcher.js';
import { VirtualTimers } from '../../helpers/virtual-timers.js';

interface Call {
  readonly url: string;
  readonly signal: AbortSignal;
  resolve(answer: { status: number; body: string }): void;
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
    onSnapshot: (symbol, request, body, t) => snapshots.push([symbol, request, body, t]),
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
    r.calls[1]!.resolve({ status: 200, body: '{}' });
    await settle();
    r.fetcher.request('ETHUSDT');
    expect(r.calls).toHaveLength(2);
    r.timers.advance(1000);
    expect(r.calls).toHaveLength(3);
    r.calls[2]!.resolve({ status: 200, body: '{}' });
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
