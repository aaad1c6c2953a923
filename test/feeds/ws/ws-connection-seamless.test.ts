// Covers WsConnection seamless replacement on a loopback server: serverShutdown and the 24 h age limit lose and duplicate no frame.
import { afterEach, describe, expect, it } from 'vitest';
import { WsHarness } from '../../helpers/ws-harness.js';

let h: WsHarness;
afterEach(async () => {
  await h.close();
});

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('WsConnection seamless replacement', () => {
  it('answers Binance serverShutdown with a new socket, switches once it is subscribed, and loses no frame', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    const conn = h.connection({ staleAfterMs: 0 });
    conn.subscribe(['btcusdt@depth']);
    conn.start();
    await h.waitFor(() => h.server.clients[0]?.topics.size === 1, 'subscribed');
    h.server.burst('btcusdt@depth', 1, 3);
    await h.waitFor(() => h.frames.length === 3, 'frames 1-3');

    h.server.holdAcks = true;
    h.server.sendServerShutdown(1);
    await h.waitFor(() => h.server.clients[1]?.topics.size === 1, 'replacement subscribed (ack held)');
    expect(h.server.client(2).received).toEqual(['{"method":"SUBSCRIBE","params":["btcusdt@depth"],"id":2}']);
    expect(h.server.burst('btcusdt@depth', 4, 3)).toBe(6);
    expect(h.server.publish('btcusdt@depth', 7, 1)).toBe(1);
    await h.waitFor(() => h.frames.length === 7 && conn.health().duplicatesDropped === 3, 'overlap frames');

    h.server.releaseAcks();
    await h.waitFor(() => h.server.client(1).closeCode === 1000, 'old socket closed by the client');
    expect(h.server.burst('btcusdt@depth', 8, 3)).toBe(3);
    await h.waitFor(() => h.frames.length === 10, 'frames after the switch');

    expect(h.deliveredSeqs()).toEqual(range(1, 10));
    expect(h.eventsOf('seamless-reconnect').map((e) => `${e.phase}: ${e.reason}`)).toEqual(['started: server shutdown', 'completed: replacement ready']);
    expect(h.transitions()).toEqual(['DISCONNECTED>CONNECTING', 'CONNECTING>CONNECTED']);
    const health = conn.health();
    expect([health.seamlessReconnects, health.reconnects, health.connects, health.serverShutdowns, health.duplicatesDropped]).toEqual([1, 0, 2, 1, 3]);
  });

  it('lets an open replacement take over at once when the old socket drops before it is ready', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    const conn = h.connection({ staleAfterMs: 0 });
    conn.subscribe(['btcusdt@depth']);
    conn.start();
    await h.waitFor(() => h.server.clients[0]?.topics.size === 1, 'subscribed');
    h.server.holdAcks = true;
    h.server.sendServerShutdown(1);
    await h.waitFor(() => h.server.clients[1]?.topics.size === 1, 'replacement subscribed');
    h.server.drop(1);
    await h.waitFor(() => h.eventsOf('seamless-reconnect').length === 2, 'takeover');
    expect(h.eventsOf('seamless-reconnect').at(-1)?.reason).toMatch(/^old socket lost: socket closed \(code 1006/);
    h.server.publish('btcusdt@depth', 5);
    await h.waitFor(() => h.frames.length === 1, 'data on the replacement');
    expect(conn.state).toBe('CONNECTED');
    expect(h.eventsOf('reconnect-scheduled')).toEqual([]);
  });

  it('replaces a Binance socket 10 minutes before its 24 h limit', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    const conn = h.connection({ staleAfterMs: 0 });
    conn.subscribe(['btcusdt@trade']);
    conn.start();
    await h.waitFor(() => h.server.clients[0]?.topics.size === 1, 'subscribed');
    h.timers.advance(86_400_000 - 600_000 - 1);
    expect(h.eventsOf('seamless-reconnect')).toEqual([]);
    h.timers.advance(1);
    expect(h.eventsOf('seamless-reconnect').map((e) => e.reason)).toEqual(['connection age limit']);
    await h.waitFor(() => h.server.clients[0]?.closeCode === 1000, 'old socket closed');
    expect(h.server.client(2).topics).toEqual(new Set(['btcusdt@trade']));
    const health = conn.health();
    expect([health.seamlessReconnects, health.uptimeMs, health.totalUptimeMs, health.state]).toEqual([1, 0, 85_800_000, 'CONNECTED']);
  });
});
