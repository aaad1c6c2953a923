// Covers WsConnection liveness on a loopback server: stale detection, Bybit ping/pong and pong timeout, Binance server pings answered and counted.
import { afterEach, describe, expect, it } from 'vitest';
import { WsHarness } from '../../helpers/ws-harness.js';

let h: WsHarness;
afterEach(async () => {
  await h.close();
});

describe('WsConnection heartbeat and stale detection', () => {
  it('declares the socket stale after exactly staleAfterMs without a message, and a message postpones it', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    const conn = h.connection({ staleAfterMs: 30_000 });
    conn.subscribe(['btcusdt@depth']);
    conn.start();
    await h.waitFor(() => conn.health().received.control.messages === 1, 'subscription ack');
    h.timers.advance(20_000);
    h.server.publish('btcusdt@depth', 1);
    await h.waitFor(() => h.frames.length === 1, 'a data frame at +20 s');
    h.timers.advance(29_999);
    expect(conn.state).toBe('CONNECTED');
    expect(conn.health().lastMessageAgeMs).toBe(29_999);
    h.server.silent = true;
    h.timers.advance(1);
    expect(conn.state).toBe('RECONNECTING');
    expect(h.eventsOf('stale').map((e) => e.silentMs)).toEqual([30_000]);
    expect(h.eventsOf('state').at(-1)?.reason).toBe('stale: no message for 30000 ms');
    expect(conn.health().staleEvents).toBe(1);
  });

  it('pings Bybit every 20 s and stays connected while spot pongs come back', async () => {
    h = await WsHarness.create({ venue: 'bybit', bybitCategory: 'spot' });
    const conn = h.connection({ pongTimeoutMs: 5_000, staleAfterMs: 0 });
    conn.start();
    await h.waitFor(() => conn.state === 'CONNECTED', 'connected');
    for (let i = 1; i <= 3; i++) {
      h.timers.advance(19_999);
      expect(conn.health().sent.ping.messages).toBe(i - 1);
      h.timers.advance(1);
      await h.waitFor(() => conn.health().received.pong.messages === i, `pong ${i}`);
    }
    h.timers.advance(10_000);
    expect(conn.state).toBe('CONNECTED');
    expect(h.server.client(1).received).toEqual(['{"req_id":"1","op":"ping"}', '{"req_id":"2","op":"ping"}', '{"req_id":"3","op":"ping"}']);
    expect(conn.health().pongTimeouts).toBe(0);
  });

  it('terminates and reconnects when a Bybit pong does not come within pongTimeoutMs', async () => {
    h = await WsHarness.create({ venue: 'bybit', bybitCategory: 'linear' });
    const conn = h.connection({ pongTimeoutMs: 5_000, staleAfterMs: 0 });
    conn.subscribe(['orderbook.50.BTCUSDT']);
    conn.start();
    await h.waitFor(() => conn.health().received.control.messages === 1, 'subscription ack');
    h.server.silent = true;
    h.timers.advance(20_000);
    await h.waitForReceived(1, 2);
    h.timers.advance(4_999);
    expect(conn.state).toBe('CONNECTED');
    h.timers.advance(1);
    expect(conn.state).toBe('RECONNECTING');
    expect(h.eventsOf('pong-timeout').map((e) => e.waitedMs)).toEqual([5_000]);
    expect(h.eventsOf('state').at(-1)?.reason).toBe('pong timeout: no pong within 5000 ms');
    await h.waitFor(() => h.server.client(1).closeCode !== null, 'old socket terminated');
    h.server.silent = false;
    h.timers.advance(h.eventsOf('reconnect-scheduled')[0]?.delayMs ?? 0);
    await h.waitFor(() => conn.state === 'CONNECTED' && h.server.clients[1]?.topics.size === 1, 'reconnected and resubscribed');
    expect(conn.health().pongTimeouts).toBe(1);
  });

  it('answers Binance server ping frames with a pong echoing the payload, and counts both', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    const conn = h.connection();
    conn.start();
    await h.waitFor(() => conn.state === 'CONNECTED' && h.server.clients.length === 1, 'connected');
    h.server.sendPing(1, 'ping-1');
    h.server.sendPing(1, 'p2');
    await h.waitFor(() => h.server.client(1).pongs.length === 2, 'two pongs');
    expect(h.server.client(1).pongs).toEqual(['ping-1', 'p2']);
    const health = conn.health();
    expect(health.received.ping).toEqual({ messages: 2, bytes: 8 });
    expect(health.sent.pong).toEqual({ messages: 2, bytes: 8 });
    expect(health.sent.ping).toEqual({ messages: 0, bytes: 0 });
  });
});
