// Covers WsConnection reconnects on a loopback server: exact backoff delays, circuit breaker, attempt limit, subscriptions restored and buffered.
import { afterEach, describe, expect, it } from 'vitest';
import { WsHarness } from '../../helpers/ws-harness.js';

let h: WsHarness;
afterEach(async () => {
  await h.close();
});

/** Lets `count` dials fail (server refuses the upgrade), advancing virtual time through each backoff; returns the delays. */
async function failDials(count: number): Promise<number[]> {
  const delays: number[] = [];
  for (let i = 1; i <= count; i++) {
    await h.waitFor(() => h.eventsOf('reconnect-scheduled').length === i, `reconnect ${i} scheduled`);
    const delay = h.eventsOf('reconnect-scheduled')[i - 1]?.delayMs ?? -1;
    delays.push(delay);
    expect(h.timers.pendingDelays()).toEqual([delay]);
    h.timers.advance(delay - 1);
    expect(h.connectionState()).toBe('RECONNECTING');
    h.timers.advance(1);
    expect(h.connectionState()).toBe('CONNECTING');
  }
  return delays;
}

describe('WsConnection reconnect', () => {
  it('waits 1, 2, 4, 8, 16 s then the 30 s cap between failed dials (no jitter)', async () => {
    h = await WsHarness.create({ venue: 'bybit' });
    h.server.rejectHandshakes(503);
    h.connection({ backoff: { jitterRatio: 0 }, circuitBreakerThreshold: 100 }).start();
    expect(await failDials(7)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    await h.waitFor(() => h.eventsOf('reconnect-scheduled').length === 8, 'the 8th dial failed');
    expect(h.server.handshakeAttempts).toBe(8);
    expect(h.eventsOf('reconnect-scheduled').map((e) => e.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('caps at a configured 10 s and applies the seeded ±20 % jitter exactly', async () => {
    h = await WsHarness.create({ venue: 'bybit' });
    h.server.rejectHandshakes(503);
    h.connection({ backoff: { maxDelayMs: 10_000 }, circuitBreakerThreshold: 100 }).start();
    const delays = await failDials(6);
    expect(delays).toEqual(SEEDED_JITTERED);
    const bases = [1000, 2000, 4000, 8000, 10000, 10000];
    delays.forEach((d, i) => {
      const base = bases[i] as number;
      expect(d).toBeGreaterThanOrEqual(base * 0.8);
      expect(d).toBeLessThanOrEqual(Math.min(base * 1.2, 10_000));
    });
  });

  it('opens the circuit after N consecutive failed dials and ends DISCONNECTED with the reason', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    h.server.rejectHandshakes(503);
    const conn = h.connection({ circuitBreakerThreshold: 3 });
    conn.start();
    await failDials(2);
    await h.waitFor(() => conn.state === 'DISCONNECTED', 'circuit open');
    expect(h.server.handshakeAttempts).toBe(3);
    expect(h.eventsOf('circuit-open').map((e) => e.consecutiveFailures)).toEqual([3]);
    const health = conn.health();
    expect([health.circuitBreaker, health.closeReason, health.failedAttempts, health.consecutiveFailures]).toEqual([
      'open',
      'circuit open after 3 consecutive failed connection attempts; last: the WebSocket upgrade got HTTP 503 instead of 101',
      3,
      3,
    ]);
    expect(h.transitions()).toEqual([
      'DISCONNECTED>CONNECTING',
      'CONNECTING>RECONNECTING',
      'RECONNECTING>CONNECTING',
      'CONNECTING>RECONNECTING',
      'RECONNECTING>CONNECTING',
      'CONNECTING>DISCONNECTED',
    ]);
    expect(h.timers.pendingDelays()).toEqual([]);
    h.server.rejectHandshakes(null);
    conn.start();
    await h.waitFor(() => conn.state === 'CONNECTED', 'restart after the circuit opened');
    expect(conn.health().circuitBreaker).toBe('closed');
  });

  it('gives up after maxReconnectAttempts with the reason', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    h.server.rejectHandshakes(503);
    const conn = h.connection({ maxReconnectAttempts: 2 });
    conn.start();
    await failDials(2);
    await h.waitFor(() => conn.state === 'DISCONNECTED', 'attempts exhausted');
    expect(conn.health().closeReason).toMatch(/^reconnect attempts exhausted \(2\) after: the WebSocket upgrade got HTTP 503 instead of 101$/);
    expect(conn.health().circuitBreaker).toBe('closed');
  });

  it('restores every Bybit subscription after a server-side drop', async () => {
    h = await WsHarness.create({ venue: 'bybit' });
    const conn = h.connection();
    conn.subscribe(['orderbook.50.BTCUSDT', 'publicTrade.BTCUSDT']);
    conn.start();
    await h.waitFor(() => h.server.clients[0]?.topics.size === 2, 'first subscriptions');
    expect(h.server.client(1).received).toEqual(['{"req_id":"1","op":"subscribe","args":["orderbook.50.BTCUSDT","publicTrade.BTCUSDT"]}']);
    h.server.drop(1);
    await h.waitFor(() => conn.state === 'RECONNECTING', 'drop noticed');
    h.timers.advance(h.eventsOf('reconnect-scheduled')[0]?.delayMs ?? 0);
    await h.waitFor(() => h.server.clients[1]?.topics.size === 2, 'subscriptions restored');
    expect(h.server.client(2).received).toEqual(['{"req_id":"2","op":"subscribe","args":["orderbook.50.BTCUSDT","publicTrade.BTCUSDT"]}']);
    expect(h.server.publish('orderbook.50.BTCUSDT', 42)).toBe(1);
    await h.waitFor(() => h.frames.length === 1, 'data after reconnect');
    expect(h.deliveredSeqs()).toEqual([42]);
    const health = conn.health();
    expect([health.connects, health.reconnects, health.activeTopics]).toEqual([2, 1, ['orderbook.50.BTCUSDT', 'publicTrade.BTCUSDT']]);
  });

  it('restores Binance streams with one SUBSCRIBE on the new connection', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    const conn = h.connection();
    conn.start();
    conn.subscribe(['btcusdt@depth', 'btcusdt@trade']);
    await h.waitFor(() => h.server.clients[0]?.topics.size === 2, 'first subscriptions');
    h.server.drop(1);
    await h.waitFor(() => conn.state === 'RECONNECTING', 'drop noticed');
    h.timers.advance(h.eventsOf('reconnect-scheduled')[0]?.delayMs ?? 0);
    await h.waitFor(() => h.server.clients[1]?.topics.size === 2, 'subscriptions restored');
    expect(h.server.client(2).path).toBe('/stream');
    expect(h.server.client(2).received).toEqual(['{"method":"SUBSCRIBE","params":["btcusdt@depth","btcusdt@trade"],"id":2}']);
  });

  it('buffers subscribe/unsubscribe while reconnecting and sends the net result once after reconnecting', async () => {
    h = await WsHarness.create({ venue: 'bybit' });
    const conn = h.connection();
    conn.subscribe(['orderbook.50.BTCUSDT']);
    conn.start();
    await h.waitFor(() => h.server.clients[0]?.topics.size === 1, 'first subscription');
    h.server.drop(1);
    await h.waitFor(() => conn.state === 'RECONNECTING', 'drop noticed');
    conn.subscribe(['kline.5.BTCUSDT']);
    conn.subscribe(['kline.5.BTCUSDT', 'orderbook.50.BTCUSDT']);
    conn.subscribe(['tickers.BTCUSDT']);
    conn.unsubscribe(['tickers.BTCUSDT']);
    expect(conn.health().sent.control.messages).toBe(1);
    h.timers.advance(h.eventsOf('reconnect-scheduled')[0]?.delayMs ?? 0);
    await h.waitFor(() => h.server.clients[1]?.topics.size === 2, 'buffered subscription sent');
    expect(h.server.client(2).received).toEqual(['{"req_id":"2","op":"subscribe","args":["orderbook.50.BTCUSDT","kline.5.BTCUSDT"]}']);
    expect(conn.topics()).toEqual(['kline.5.BTCUSDT', 'orderbook.50.BTCUSDT']);
  });
});

/** Backoff delays 1…6 with SeededRng('ws-test').fork('ws-backoff'), cap 10 s, ±20 %. */
const SEEDED_JITTERED = [1010, 2355, 3848, 8841, 8618, 8923];
