// Covers WsConnection basics on a loopback server: frame delivery, the health snapshot, stop() from each state, consumer errors.
import { afterEach, describe, expect, it } from 'vitest';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import { WsConnection } from '../../../src/feeds/ws/ws-connection.js';
import type { WsConnectionEvent } from '../../../src/feeds/ws/ws-connection-events.js';
import type { WsVenueProtocol } from '../../../src/ports/ws-venue-protocol.js';
import { MAX_WS_MESSAGE_BYTES } from '../../../src/feeds/ws/ws-socket-factory.js';
import { codeOf } from '../../helpers/error-code.js';
import { WsHarness } from '../../helpers/ws-harness.js';

let harness: WsHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function create(venue: 'binance' | 'bybit'): Promise<WsHarness> {
  harness = await WsHarness.create({ venue });
  return harness;
}

const SUBSCRIBE = '{"method":"SUBSCRIBE","params":["btcusdt@depth"],"id":1}';

describe('WsConnection', () => {
  it('delivers data frames with their raw text, parsed message, receive time and sequence key', async () => {
    const h = await create('binance');
    const conn = h.connection({ id: 'bn-1' });
    conn.subscribe(['btcusdt@depth']);
    conn.start();
    await h.waitFor(() => h.server.clients[0]?.topics.size === 1, 'subscribed');
    h.timers.advance(250);
    h.server.publish('btcusdt@depth', 160);
    await h.waitFor(() => h.frames.length === 1, 'one frame');
    const frame = h.frames[0];
    expect(frame?.connectionId).toBe('bn-1');
    expect(frame?.receivedAtMs).toBe(h.timers.now());
    expect(frame?.sequenceKey).toBe('btcusdt@depth|depthUpdate|160');
    expect(JSON.parse(frame?.text ?? '')).toEqual(frame?.message);
    expect((frame?.message as { data: { e: string } }).data.e).toBe('depthUpdate');
  });

  it('reports health as a plain value: uptime, traffic by type, transitions, topics', async () => {
    const h = await create('binance');
    const conn = h.connection();
    conn.subscribe(['btcusdt@depth']);
    conn.start();
    await h.waitFor(() => conn.health().received.control.messages === 1, 'ack');
    h.server.burst('btcusdt@depth', 1, 2);
    await h.waitFor(() => h.frames.length === 2, 'two frames');
    h.timers.advance(5_000);
    const dataBytes = h.frames.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
    expect(conn.health()).toEqual({
      connectionId: 'ws-1',
      venue: 'binance',
      state: 'CONNECTED',
      closeReason: null,
      uptimeMs: 5_000,
      totalUptimeMs: 5_000,
      connects: 1,
      reconnects: 0,
      seamlessReconnects: 0,
      failedAttempts: 0,
      consecutiveFailures: 0,
      circuitBreaker: 'closed',
      received: {
        control: { messages: 1, bytes: '{"result":null,"id":1}'.length },
        data: { messages: 2, bytes: dataBytes },
        invalid: { messages: 0, bytes: 0 },
        ping: { messages: 0, bytes: 0 },
        pong: { messages: 0, bytes: 0 },
        unknown: { messages: 0, bytes: 0 },
      },
      sent: { control: { messages: 1, bytes: SUBSCRIBE.length }, ping: { messages: 0, bytes: 0 }, pong: { messages: 0, bytes: 0 } },
      transitions: { 'CONNECTING>CONNECTED': 1, 'DISCONNECTED>CONNECTING': 1 },
      parseErrors: 0,
      duplicatesDropped: 0,
      lastMessageAgeMs: 5_000,
      staleEvents: 0,
      pongTimeouts: 0,
      serverShutdowns: 0,
      consumerErrors: 0,
      subscriptionFailures: 0,
      failedTopics: [],
      activeTopics: ['btcusdt@depth'],
    });
  });

  it('stops with a normal close (even with a reason too long for a close frame), ends DISCONNECTED and leaves no timer behind', async () => {
    const h = await create('bybit');
    const conn = h.connection();
    conn.start();
    conn.start();
    await h.waitFor(() => conn.state === 'CONNECTED' && h.server.clients.length === 1, 'connected');
    h.timers.advance(3_000);
    await conn.stop('x'.repeat(200));
    expect(conn.state).toBe('DISCONNECTED');
    expect(h.transitions().slice(-2)).toEqual(['CONNECTED>CLOSING', 'CLOSING>DISCONNECTED']);
    await h.waitFor(() => h.server.client(1).closeCode !== null, 'server saw the close');
    expect(h.server.client(1).closeCode).toBe(1000);
    expect(h.timers.pendingDelays()).toEqual([]);
    const health = conn.health();
    expect([health.closeReason, health.uptimeMs, health.totalUptimeMs]).toEqual(['x'.repeat(200), 0, 3_000]);
    expect(h.server.clients.length).toBe(1);
  });

  it('stops while the first dial is still in progress', async () => {
    const h = await create('binance');
    const conn = h.connection();
    conn.start();
    await conn.stop();
    expect(h.transitions()).toEqual(['DISCONNECTED>CONNECTING', 'CONNECTING>CLOSING', 'CLOSING>DISCONNECTED']);
    expect(h.timers.pendingDelays()).toEqual([]);
    expect(conn.health().connects).toBe(0);
  });

  it('stops while waiting to reconnect without dialling again', async () => {
    const h = await create('bybit');
    const conn = h.connection();
    conn.start();
    await h.waitFor(() => conn.state === 'CONNECTED' && h.server.clients.length === 1, 'connected');
    h.server.drop(1);
    await h.waitFor(() => conn.state === 'RECONNECTING', 'drop noticed');
    await conn.stop('ctrl-c');
    h.timers.advance(60_000);
    expect([conn.state, conn.health().closeReason, h.timers.pendingDelays()]).toEqual(['DISCONNECTED', 'ctrl-c', []]);
    expect(h.server.handshakeAttempts).toBe(1);
  });

  it('refuses a message over 4 MiB: ws closes the socket with 1009 and the connection dials again', async () => {
    const h = await create('binance');
    const conn = h.connection({ backoff: { jitterRatio: 0 } });
    conn.subscribe(['btcusdt@depth']);
    conn.start();
    await h.waitFor(() => h.server.clients[0]?.topics.size === 1, 'subscribed');
    h.server.sendRaw(1, `{"stream":"btcusdt@depth","data":"${'x'.repeat(MAX_WS_MESSAGE_BYTES)}"}`);
    await h.waitFor(() => h.eventsOf('reconnect-scheduled').length === 1, 'a reconnect after the oversized message');
    expect([h.frames.length, h.eventsOf('socket-error').map((e) => e.message), h.server.clients[0]?.closeCode]).toEqual([0, ['Max payload size exceeded (WS_ERR_UNSUPPORTED_MESSAGE_LENGTH)'], 1009]);
    h.timers.advance(h.eventsOf('reconnect-scheduled')[0]!.delayMs);
    await h.waitFor(() => h.server.clients[1]?.topics.size === 1, 'resubscribed on a new socket');
    h.server.publish('btcusdt@depth', 3, 2);
    await h.waitFor(() => h.frames.length === 1, 'data again');
    await conn.stop();
  });

  it('counts and skips a frame that makes classify throw, and keeps delivering', async () => {
    const h = await create('binance');
    const base = h.protocol;
    const protocol: WsVenueProtocol = Object.assign(Object.create(base) as WsVenueProtocol, {
      classify: (message: unknown) => {
        if (typeof message === 'object' && message !== null && 'hostile' in message) throw new RangeError('Maximum call stack size exceeded');
        return base.classify(message);
      },
    });
    const conn = h.connection({}, protocol);
    conn.subscribe(['btcusdt@depth']);
    conn.start();
    await h.waitFor(() => h.server.clients[0]?.topics.size === 1, 'subscribed');
    h.server.sendRaw(1, '{"hostile":1}');
    h.server.publish('btcusdt@depth', 7);
    await h.waitFor(() => h.frames.length === 1, 'the frame after the hostile one');
    expect([conn.state, conn.health().received.invalid.messages, h.frames[0]?.sequenceKey]).toEqual(['CONNECTED', 1, 'btcusdt@depth|depthUpdate|7']);
    expect(h.eventsOf('frame-skipped').map((e) => [e.kind, e.sample])).toEqual([['invalid', '{"hostile":1}']]);
    await conn.stop();
  });

  it('counts a consumer exception, reports it and keeps delivering', async () => {
    const h = await create('binance');
    const events: WsConnectionEvent[] = [];
    let calls = 0;
    const conn = new WsConnection({
      protocol: h.protocol,
      timers: h.timers,
      rng: new SeededRng('c'),
      listener: (e) => events.push(e),
      onData: () => {
        calls++;
        if (calls === 1) throw new Error('parser bug');
      },
    });
    conn.subscribe(['btcusdt@depth']);
    conn.start();
    await h.waitFor(() => h.server.clients[0]?.topics.size === 1, 'subscribed');
    h.server.burst('btcusdt@depth', 1, 2);
    await h.waitFor(() => calls === 2, 'two deliveries');
    expect(conn.health().consumerErrors).toBe(1);
    expect(events.filter((e) => e.type === 'consumer-error').map((e) => (e.type === 'consumer-error' ? String(e.error) : ''))).toEqual(['Error: parser bug']);
    await conn.stop();
  });

  it('refuses invalid settings at construction', () => {
    const base = { protocol: null as never, timers: null as never, rng: new SeededRng('x'), onData: () => undefined };
    expect(codeOf(() => new WsConnection({ ...base, circuitBreakerThreshold: 0 }))).toBe('E_CONFIG');
    expect(codeOf(() => new WsConnection({ ...base, backoff: { maxDelayMs: 60_000 } }))).toBe('E_CONFIG');
    expect(codeOf(() => new WsConnection({ ...base, maxReconnectAttempts: 1.5 }))).toBe('E_CONFIG');
    expect(codeOf(() => new WsConnection({ ...base, staleAfterMs: -1 }))).toBe('E_CONFIG');
  });
});
