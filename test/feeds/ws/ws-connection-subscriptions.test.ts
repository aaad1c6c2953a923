// Covers WsConnection subscriptions on a loopback server: refusals reported while others deliver, venue send limits, unsubscribe, garbage skipped.
import { afterEach, describe, expect, it } from 'vitest';
import { WsHarness } from '../../helpers/ws-harness.js';

let h: WsHarness;
afterEach(async () => {
  await h.close();
});

describe('WsConnection subscriptions', () => {
  it('reports a topic Bybit refuses and keeps delivering the others, also after a reconnect', async () => {
    h = await WsHarness.create({ venue: 'bybit' });
    h.server.refuse('orderbook.50.NOPEUSDT');
    const conn = h.connection();
    conn.subscribe(['orderbook.50.BTCUSDT', 'orderbook.50.NOPEUSDT', 'orderbook.50.ETHUSDT']);
    conn.start();
    await h.waitFor(() => h.eventsOf('subscription-failed').length === 1, 'refusal');
    const failure = h.eventsOf('subscription-failed')[0];
    expect([failure?.topic, failure?.code, failure?.message]).toEqual([
      'orderbook.50.NOPEUSDT',
      'SUBSCRIBE_REFUSED',
      'error:handler not found,topic:orderbook.50.NOPEUSDT',
    ]);
    expect(h.eventsOf('subscribed').map((e) => e.topics)).toEqual([['orderbook.50.BTCUSDT', 'orderbook.50.ETHUSDT']]);
    h.server.publish('orderbook.50.BTCUSDT', 1);
    h.server.publish('orderbook.50.ETHUSDT', 2);
    await h.waitFor(() => h.frames.length === 2, 'the other topics deliver');
    expect(h.frames.map((f) => (f.message as { topic: string }).topic)).toEqual(['orderbook.50.BTCUSDT', 'orderbook.50.ETHUSDT']);
    const health = conn.health();
    expect([health.subscriptionFailures, health.activeTopics, health.failedTopics.map((f) => f.topic), health.state]).toEqual([
      1,
      ['orderbook.50.BTCUSDT', 'orderbook.50.ETHUSDT'],
      ['orderbook.50.NOPEUSDT'],
      'CONNECTED',
    ]);
    h.server.drop(1);
    await h.waitFor(() => conn.state === 'RECONNECTING', 'drop noticed');
    h.timers.advance(h.eventsOf('reconnect-scheduled')[0]?.delayMs ?? 0);
    await h.waitFor(() => h.server.clients[1]?.topics.size === 2, 'resubscribed');
    expect(h.server.client(2).received).toEqual(['{"req_id":"2","op":"subscribe","args":["orderbook.50.BTCUSDT","orderbook.50.ETHUSDT"]}']);
  });

  it('reports the streams of a Binance request answered by an error frame and keeps the others', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    h.server.refuse('nopeusdt@depth');
    const conn = h.connection();
    conn.start();
    conn.subscribe(['btcusdt@depth']);
    await h.waitFor(() => h.server.clients[0]?.topics.size === 1, 'first stream');
    conn.subscribe(['nopeusdt@depth']);
    await h.waitFor(() => h.eventsOf('subscription-failed').length === 1, 'refusal');
    expect(h.eventsOf('subscription-failed').map((e) => [e.topic, e.code, e.message])).toEqual([['nopeusdt@depth', '2', 'Invalid request: invalid stream']]);
    h.server.publish('btcusdt@depth', 7);
    await h.waitFor(() => h.frames.length === 1, 'the other stream delivers');
    expect(h.deliveredSeqs()).toEqual([7]);
    expect(conn.topics()).toEqual(['btcusdt@depth']);
  });

  it('sends at most 4 Binance control messages per second (1 of the 5 kept for pongs) and merges what waited', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    const conn = h.connection();
    conn.start();
    await h.waitFor(() => conn.state === 'CONNECTED', 'connected');
    for (const s of ['a', 'b', 'c', 'd', 'e', 'f']) conn.subscribe([`${s}usdt@trade`]);
    expect(conn.health().sent.control.messages).toBe(4);
    h.timers.advance(999);
    expect(conn.health().sent.control.messages).toBe(4);
    h.timers.advance(1);
    expect(conn.health().sent.control.messages).toBe(5);
    await h.waitForReceived(1, 5);
    expect(h.server.client(1).received.map((t) => (JSON.parse(t) as { params: string[] }).params)).toEqual([
      ['ausdt@trade'],
      ['busdt@trade'],
      ['cusdt@trade'],
      ['dusdt@trade'],
      ['eusdt@trade', 'fusdt@trade'],
    ]);
  });

  it('counts a pong frame against the Binance budget', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    const conn = h.connection();
    conn.start();
    await h.waitFor(() => conn.state === 'CONNECTED' && h.server.clients.length === 1, 'connected');
    h.server.sendPing(1, '');
    await h.waitFor(() => conn.health().sent.pong.messages === 1, 'pong');
    for (const s of ['a', 'b', 'c', 'd']) conn.subscribe([`${s}usdt@trade`]);
    expect(conn.health().sent.control.messages).toBe(3);
  });

  it('splits a Bybit spot subscription into requests of at most 10 topics', async () => {
    h = await WsHarness.create({ venue: 'bybit', bybitCategory: 'spot' });
    const conn = h.connection();
    const topics = Array.from({ length: 23 }, (_, i) => `publicTrade.S${i}USDT`);
    conn.subscribe(topics);
    conn.start();
    await h.waitFor(() => h.eventsOf('subscribed').length === 3, 'three acks');
    const args = h.server.client(1).received.map((t) => (JSON.parse(t) as { args: string[] }).args);
    expect(args.map((a) => a.length)).toEqual([10, 10, 3]);
    expect(args.flat()).toEqual(topics);
    expect(h.server.client(1).topics.size).toBe(23);
  });

  it('sends UNSUBSCRIBE for a live stream and reports local refusals without sending anything', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    const conn = h.connection();
    conn.subscribe(['btcusdt@depth', 'btcusdt@trade', 'BTCUSDT@trade']);
    conn.start();
    await h.waitFor(() => h.server.clients[0]?.topics.size === 2, 'subscribed');
    conn.unsubscribe(['btcusdt@trade']);
    await h.waitFor(() => h.server.client(1).topics.size === 1, 'unsubscribed');
    expect(h.server.client(1).received).toEqual([
      '{"method":"SUBSCRIBE","params":["btcusdt@depth","btcusdt@trade"],"id":1}',
      '{"method":"UNSUBSCRIBE","params":["btcusdt@trade"],"id":2}',
    ]);
    expect(h.eventsOf('subscription-failed').map((e) => [e.topic, e.code])).toEqual([['BTCUSDT@trade', 'INVALID_TOPIC']]);
  });

  it('counts and skips invalid JSON, binary and unknown messages, and keeps delivering data', async () => {
    h = await WsHarness.create({ venue: 'binance' });
    const conn = h.connection();
    conn.subscribe(['btcusdt@depth']);
    conn.start();
    await h.waitFor(() => h.server.clients[0]?.topics.size === 1, 'subscribed');
    h.server.sendRaw(1, 'not json {');
    h.server.sendRaw(1, '{"hello":"world"}');
    h.server.client(1).socket.send(Buffer.from([1, 2, 3]), { binary: true });
    h.server.sendRaw(1, '');
    h.server.publish('btcusdt@depth', 9);
    await h.waitFor(() => h.frames.length === 1, 'data after garbage');
    const health = conn.health();
    expect([health.parseErrors, health.received.invalid, health.received.unknown, health.received.data.messages, health.state]).toEqual([
      3,
      { messages: 3, bytes: 13 },
      { messages: 1, bytes: 17 },
      1,
      'CONNECTED',
    ]);
    expect(h.eventsOf('frame-skipped').map((e) => [e.kind, e.sample])).toEqual([
      ['invalid', 'not json {'],
      ['unknown', '{"hello":"world"}'],
      ['invalid', '<binary 3 bytes>'],
      ['invalid', ''],
    ]);
  });
});
