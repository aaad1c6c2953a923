// Covers HyperliquidWsProtocol: topics, the subscribe request of the docs, the ping heartbeat, frame classes and sequence keys.
import { describe, expect, it } from 'vitest';
import { HYPERLIQUID_MAINNET_WS_URL, HyperliquidWsProtocol, hyperliquidTopic } from '../../../../src/venues/hyperliquid/ws/hyperliquid-ws-protocol.js';

describe('HyperliquidWsProtocol', () => {
  const protocol = new HyperliquidWsProtocol();

  it('dials the documented mainnet URL and limits as the docs say', () => {
    expect(protocol.url).toBe(HYPERLIQUID_MAINNET_WS_URL);
    expect(protocol.limits).toEqual({ maxTopicsPerRequest: 1, maxTopicsPerConnection: 1000, maxTopicCharsPerConnection: null, maxClientMessagesPerSecond: 33, pongFramesCountAgainstLimit: false });
    expect(protocol.clientPingIntervalMs).toBe(50_000);
  });

  it('writes the docs subscribe request and the ping', () => {
    expect(protocol.encodeRequest('subscribe', [hyperliquidTopic('trades', 'SOL')], 1)).toBe('{"method":"subscribe","subscription":{"type":"trades","coin":"SOL"}}');
    expect(protocol.encodeRequest('unsubscribe', ['l2Book:BTC'], 2)).toBe('{"method":"unsubscribe","subscription":{"type":"l2Book","coin":"BTC"}}');
    expect(protocol.encodePing(3)).toBe('{"method":"ping"}');
    expect(() => protocol.encodeRequest('subscribe', ['l2Book:BTC', 'bbo:BTC'], 4)).toThrow(RangeError);
  });

  it('validates topics', () => {
    expect(protocol.validateTopic('bbo:ETH')).toBeNull();
    expect(protocol.validateTopic('orderbook.50.BTCUSDT')).toBe("'orderbook.50.BTCUSDT' is not a Hyperliquid topic (<l2Book|trades|bbo>:<coin>, e.g. l2Book:BTC)");
  });

  it('classifies pong, ack, error and data frames', () => {
    expect(protocol.classify({ channel: 'pong' })).toEqual({ kind: 'pong' });
    expect(protocol.classify({ channel: 'subscriptionResponse', data: { method: 'subscribe', subscription: { type: 'trades', coin: 'SOL' } } })).toEqual({ kind: 'ack', requestId: null });
    expect(protocol.classify({ channel: 'error', data: 'Invalid subscription' })).toEqual({ kind: 'reject', requestId: null, failedTopics: null, code: 'SUBSCRIBE_REFUSED', message: 'Invalid subscription' });
    expect(protocol.classify({ channel: 'l2Book', data: {} })).toEqual({ kind: 'data' });
    expect(protocol.classify('x')).toEqual({ kind: 'unknown' });
  });

  it('keys book and bbo pushes by coin and block time, trade batches by their first and last (time, tid)', () => {
    expect(protocol.sequenceKey({ channel: 'l2Book', data: { coin: 'BTC', time: 5, levels: [[], []] } })).toBe('l2Book:BTC:5');
    expect(protocol.sequenceKey({ channel: 'trades', data: [{ coin: 'SOL', time: 1, tid: 2 }, { coin: 'SOL', time: 3, tid: 4 }] })).toBe('trades:SOL:1:2:3:4');
    expect(protocol.sequenceKey({ channel: 'pong' })).toBeNull();
  });
});
