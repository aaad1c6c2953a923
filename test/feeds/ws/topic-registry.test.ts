// Covers TopicRegistry: order kept, duplicates ignored, local refusals (syntax, 1024-stream and 21,000-character limits), venue refusals.
import { describe, expect, it } from 'vitest';
import { TopicRegistry } from '../../../src/feeds/ws/topic-registry.js';
import { BinanceWsProtocol } from '../../../src/venues/binance/ws/binance-ws-protocol.js';
import { BybitWsProtocol } from '../../../src/venues/bybit/ws/bybit-ws-protocol.js';

describe('TopicRegistry', () => {
  it('keeps subscription order, ignores repeats and refuses malformed Binance stream names', () => {
    const r = new TopicRegistry(new BinanceWsProtocol());
    const result = r.add(['btcusdt@depth', 'ethusdt@trade', 'btcusdt@depth', 'BTCUSDT@trade'], 5);
    expect(result.added).toEqual(['btcusdt@depth', 'ethusdt@trade']);
    expect(result.refused.map((f) => [f.topic, f.code, f.atMs])).toEqual([['BTCUSDT@trade', 'INVALID_TOPIC', 5]]);
    expect(r.topics()).toEqual(['btcusdt@depth', 'ethusdt@trade']);
  });

  it('refuses the 1025th Binance stream on one connection', () => {
    const r = new TopicRegistry(new BinanceWsProtocol());
    const topics = Array.from({ length: 1025 }, (_, i) => `s${i}usdt@trade`);
    const result = r.add(topics, 0);
    expect(result.added.length).toBe(1024);
    expect(result.refused.map((f) => [f.topic, f.code])).toEqual([['s1024usdt@trade', 'TOPIC_LIMIT']]);
  });

  it('refuses a Bybit topic that would push the connection past 21,000 characters of args', () => {
    const r = new TopicRegistry(new BybitWsProtocol({ category: 'linear' }));
    const topic = (i: number): string => `orderbook.50.${String(i).padStart(987, 'X')}`; // 1000 characters
    const result = r.add(Array.from({ length: 22 }, (_, i) => topic(i)), 0);
    expect(result.added.length).toBe(21);
    expect(result.refused.map((f) => f.code)).toEqual(['TOPIC_CHARS_LIMIT']);
    r.remove([topic(0)]);
    expect(r.add([topic(21)], 1).added).toEqual([topic(21)]);
  });

  it('moves a venue-refused topic to the failures until it is subscribed again', () => {
    const r = new TopicRegistry(new BinanceWsProtocol());
    r.add(['a@trade', 'b@trade'], 0);
    expect(r.refuse({ topic: 'b@trade', code: '2', message: 'Invalid request', atMs: 7 })).toBe(true);
    expect(r.refuse({ topic: 'b@trade', code: '2', message: 'Invalid request', atMs: 8 })).toBe(false);
    expect(r.topics()).toEqual(['a@trade']);
    expect(r.sortedFailures()).toEqual([{ topic: 'b@trade', code: '2', message: 'Invalid request', atMs: 7 }]);
    r.add(['b@trade'], 9);
    expect(r.sortedFailures()).toEqual([]);
    expect(r.sortedTopics()).toEqual(['a@trade', 'b@trade']);
  });
});
