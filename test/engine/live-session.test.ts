// Covers LiveSession on loopback sockets: events handled as they arrive and order latency waited out on the system clock, the end on --duration with open orders cancelled, a stop request, and the stop when the feed's circuit breaker opens.
import { afterEach, describe, expect, it } from 'vitest';
import { LiveSession, type LiveSessionResult } from '../../src/engine/live-session.js';
import { SystemClock } from '../../src/engine/system-clock.js';
import { SystemTimers } from '../../src/feeds/ws/system-timers.js';
import { docsBtc } from '../helpers/bybit-instruments.js';
import { composeLiveRun } from '../helpers/live-run.js';
import { LoopbackWsServer } from '../helpers/loopback-ws-server.js';
import { waitUntil } from '../helpers/wait-until.js';
import { bybitOrderbook } from '../helpers/replay-frames.js';
import type { LiveBuildPorts } from '../../src/app/compose-live.js';
import type { LiveFeed } from '../../src/feeds/live/live-feed.js';

type Json = any;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const book = (type: 'snapshot' | 'delta', u: number, bid: string, ask: string | null): string => {
  const record = bybitOrderbook(0, 'BTCUSDT', type, u, [[bid, '1.000']], ask === null ? [] : [[ask, '1.000']]);
  return record.kind === 'frame' ? record.frame : '';
};

interface Rig {
  readonly ws: LoopbackWsServer;
  readonly session: LiveSession;
  readonly feed: LiveFeed;
  readonly log: string[];
  readonly stop: { requested: boolean };
  readonly result: Promise<LiveSessionResult>;
}

/**
 * A wall clock that stands still until release(), then runs on from where it stood: a run's duration counts only from
 * release, so a loaded machine that is slow to connect and deliver the first frame cannot eat the duration (no wall budget).
 */
function heldWall(): { read: () => number; release: () => void } {
  const heldAt = Date.now();
  let releasedAt: number | null = null;
  return {
    read: () => (releasedAt === null ? heldAt : heldAt + (Date.now() - releasedAt)),
    release: () => {
      releasedAt ??= Date.now();
    },
  };
}

/** Starts a session on a Bybit loopback server; `prepare` runs on the server before the first dial. */
async function session(
  durationMs: number | null,
  ports: LiveBuildPorts = {},
  latencyMs = 0,
  prepare: (ws: LoopbackWsServer) => void = () => undefined,
  wall: () => number = Date.now,
): Promise<Rig> {
  const ws = await LoopbackWsServer.start({ venue: 'bybit' });
  closers.push(() => ws.close());
  prepare(ws);
  const clock = new SystemClock(wall);
  const { run, live } = composeLiveRun(
    { venue: 'bybit', market: 'linear', wsUrl: `${ws.url}/v5/public/linear`, restUrl: null, connections: 1, barResolutions: '' },
    [docsBtc('linear').spec],
    { clock, ...ports },
    latencyMs,
  );
  const log: string[] = [];
  const stop = { requested: false };
  const s = new LiveSession(run, live.feed, { clock, timers: new SystemTimers(), durationMs, stopRequested: () => stop.requested, log: (line) => log.push(line) });
  const result = s.execute();
  closers.push(async () => {
    stop.requested = true;
    s.wake();
    await result.catch(() => undefined);
  });
  return { ws, session: s, feed: live.feed as LiveFeed, log, stop, result };
}

describe('LiveSession', () => {
  it('handles frames as they arrive, waits out order latency on the wall clock and ends on the duration with every order cancelled', async () => {
    const wall = heldWall();
    const s = await session(600, {}, 50, undefined, wall.read);
    await waitUntil(() => s.log.includes('ws-1 subscribed orderbook.50.BTCUSDT,publicTrade.BTCUSDT,tickers.BTCUSDT'), 'subscribed');
    s.ws.sendRaw(1, book('snapshot', 1, '95000.0', '95010.0'));
    await waitUntil(() => (s.feed.health() as Json).frames === 1, 'the snapshot read');
    // The 50 ms order latency and the 600 ms end are both due on the clock from here: the place comes first however slow the machine.
    wall.release();
    const result = await s.result;
    const r: Json = result.report;
    expect(result.endReason).toBe('duration');
    expect(result.status).toBe('completed');
    expect(r.execution.market_updates).toBe(1);
    expect(r.orders).toMatchObject({ placed: 2, filled: 0, canceled: 2, cancels_sent: 2, open_at_end: 0 });
    expect(r.execution.virtual_duration_ms).toBeGreaterThanOrEqual(600);
    expect(r.runtime).toMatchObject({ clock: 'system', byte_stable: false });
    expect(r.market_data.live).toMatchObject({ end_reason: 'duration', failure: null });
  });

  it('stops at once on a stop request, reporting "interrupted"', async () => {
    const s = await session(null);
    await waitUntil(() => s.log.some((l) => l.startsWith('ws-1 subscribed')), 'subscribed');
    s.ws.sendRaw(1, book('snapshot', 1, '95000.0', '95010.0'));
    s.ws.sendRaw(1, book('delta', 2, '95001.0', null));
    await waitUntil(() => (s.feed.health() as Json).frames === 2, 'both frames read');
    s.stop.requested = true;
    s.session.wake();
    const result = await s.result;
    expect(result.endReason).toBe('interrupted');
    expect(result.status).toBe('interrupted');
    expect((result.report as Json).orders).toMatchObject({ placed: 4, filled: 2, canceled: 2, open_at_end: 0 });
    expect((result.report as Json).market_data.live.end_reason).toBe('interrupted');
  });

  it('fails (status "failed", failure says what the feed saw) when the duration passes without one market update', async () => {
    const wall = heldWall();
    const s = await session(300, {}, 0, (ws) => (ws.silent = true), wall.read);
    // The 300 ms count from the open connection on: a slow machine cannot turn this into "no connection opened".
    await waitUntil(() => s.ws.clients.length === 1 && s.ws.client(1).received.length === 1, 'connected and subscribe sent');
    wall.release();
    const result = await s.result;
    expect(result.endReason).toBe('duration');
    expect(result.status).toBe('failed');
    expect(result.failure).toBe('no market data in 300 ms; connected, but no data frame arrived');
    const r: Json = result.report;
    expect(r.execution).toMatchObject({ status: 'failed', market_updates: 0 });
    expect(r.market_data.live).toMatchObject({ end_reason: 'duration', failure: 'no market data in 300 ms; connected, but no data frame arrived' });
  });

  it('ends when the feed circuit breaker opens, reports status "failed" and the HTTP status that refused the upgrade', async () => {
    const tuning = { circuitBreakerThreshold: 3, backoff: { initialDelayMs: 1, maxDelayMs: 4, jitterRatio: 0 } };
    const s = await session(null, { ws: tuning }, 0, (ws) => ws.rejectHandshakes(503));
    const result = await s.result;
    expect(result.endReason).toBe('feed-failed');
    expect(result.status).toBe('failed');
    const why = 'circuit open after 3 consecutive failed connection attempts; last: the WebSocket upgrade got HTTP 503 instead of 101';
    expect(result.failure).toBe(why);
    const r: Json = result.report;
    expect(r.execution.market_updates).toBe(0);
    expect(r.execution.status).toBe('failed');
    expect(r.market_data.live).toMatchObject({ end_reason: 'feed-failed', failure: why });
    expect(r.market_data.live.websocket).toMatchObject({ connected: 0, circuits_open: 1, failed_attempts: 3 });
    expect(s.log).toContain('ws-1 circuit breaker open after 3 consecutive failed connection attempts');
  });
});
