// Covers BinanceWsProtocol against the docs' examples: requests, ack/error/serverShutdown/data classes, sequence keys, limits.
import { describe, expect, it } from 'vitest';
import { BINANCE_SPOT_STREAM_URL, BinanceWsProtocol } from '../../../../src/venues/binance/ws/binance-ws-protocol.js';
import { codeOf } from '../../../helpers/error-code.js';
import { binanceDocErrorMessages, binanceDocExample } from '../../../helpers/venue-ws-fixtures.js';

const p = new BinanceWsProtocol();
const wrap = (stream: string, data: unknown): unknown => ({ stream, data });

describe('BinanceWsProtocol', () => {
  it('dials the combined-stream endpoint unless a url is given', () => {
    expect(p.url).toBe('wss://stream.binance.com:9443/stream');
    expect(p.url).toBe(BINANCE_SPOT_STREAM_URL);
    expect(new BinanceWsProtocol({ url: 'ws://127.0.0.1:9/stream' }).url).toBe('ws://127.0.0.1:9/stream');
    expect(codeOf(() => new BinanceWsProtocol({ url: 'https://api.binance.com' }))).toBe('E_CONFIG');
    expect(codeOf(() => new BinanceWsProtocol({ url: 'not a url' }))).toBe('E_CONFIG');
  });

  it('encodes SUBSCRIBE and UNSUBSCRIBE exactly as the docs do', () => {
    expect(JSON.parse(p.encodeRequest('subscribe', ['btcusdt@aggTrade', 'btcusdt@depth'], 1))).toEqual(binanceDocExample('Subscribe to a stream', 'Request'));
    expect(JSON.parse(p.encodeRequest('unsubscribe', ['btcusdt@depth'], 312))).toEqual(binanceDocExample('Unsubscribe to a stream', 'Request'));
    expect(p.encodePing()).toBeNull();
    expect(p.requestKey(312)).toBe('312');
  });

  it('classifies the documented acks, serverShutdown in both forms and stream payloads', () => {
    expect(p.classify(binanceDocExample('Subscribe to a stream', 'Response'))).toEqual({ kind: 'ack', requestId: '1' });
    expect(p.classify(binanceDocExample('Unsubscribe to a stream', 'Response'))).toEqual({ kind: 'ack', requestId: '312' });
    expect(p.classify(binanceDocExample('Server Shutdown', 'raw'))).toEqual({ kind: 'server-shutdown' });
    expect(p.classify(binanceDocExample('Server Shutdown', 'combined'))).toEqual({ kind: 'server-shutdown' });
    for (const heading of ['Diff. Depth Stream', 'Trade Streams', 'Aggregate Trade Streams', 'Individual Symbol Book Ticker Streams', 'Partial Book Depth Streams']) {
      expect(p.classify(wrap('x@y', binanceDocExample(heading))), heading).toEqual({ kind: 'data' });
      expect(p.classify(binanceDocExample(heading)), `${heading} raw`).toEqual({ kind: 'data' });
    }
  });

  it('classifies error frames, nested as sent on the wire and bare as in the docs table, as rejects of their request', () => {
    expect(p.classify({ error: { code: 2, msg: 'Invalid request: invalid stream' }, id: 4 })).toEqual({
      kind: 'reject',
      requestId: '4',
      failedTopics: null,
      code: '2',
      message: 'Invalid request: invalid stream',
    });
    const bare = JSON.parse(binanceDocErrorMessages[8] ?? '') as unknown;
    expect(p.classify(bare)).toEqual({ kind: 'reject', requestId: null, failedTopics: null, code: '3', message: 'Invalid JSON: expected value at line %s column %s' });
  });

  it('calls other JSON unknown', () => {
    expect(p.classify({ hello: 1 })).toEqual({ kind: 'unknown' });
    expect(p.classify([1, 2])).toEqual({ kind: 'unknown' });
    expect(p.classify(null)).toEqual({ kind: 'unknown' });
    expect(p.classify({ stream: 'x@y' })).toEqual({ kind: 'unknown' });
  });

  it('keys depth and bookTicker by u, trades by t, aggTrades by a, partial depth by lastUpdateId, and nothing else', () => {
    expect(p.sequenceKey(wrap('bnbbtc@depth', binanceDocExample('Diff. Depth Stream')))).toBe('bnbbtc@depth|depthUpdate|160');
    expect(p.sequenceKey(wrap('bnbusdt@bookTicker', binanceDocExample('Individual Symbol Book Ticker Streams')))).toBe('bnbusdt@bookTicker|book|400900217');
    expect(p.sequenceKey(wrap('bnbbtc@trade', binanceDocExample('Trade Streams')))).toBe('bnbbtc@trade|trade|12345');
    expect(p.sequenceKey(wrap('bnbbtc@aggTrade', binanceDocExample('Aggregate Trade Streams')))).toBe('bnbbtc@aggTrade|aggTrade|12345');
    expect(p.sequenceKey(wrap('bnbbtc@depth5', binanceDocExample('Partial Book Depth Streams')))).toBe('bnbbtc@depth5|book|160');
    expect(p.sequenceKey(wrap('bnbbtc@kline_1m', binanceDocExample('Kline/Candlestick Streams for UTC')))).toBeNull();
    expect(p.sequenceKey(wrap('bnbbtc@ticker', binanceDocExample('Individual Symbol Ticker Streams')))).toBeNull();
  });

  it('states the documented limits: 5 messages/s with pongs counted, 1024 streams, 24 h per connection, no client ping', () => {
    expect(p.limits).toEqual({
      maxTopicsPerRequest: null,
      maxTopicsPerConnection: 1024,
      maxTopicCharsPerConnection: null,
      maxClientMessagesPerSecond: 5,
      pongFramesCountAgainstLimit: true,
    });
    expect(p.maxConnectionAgeMs).toBe(86_400_000);
    expect(p.clientPingIntervalMs).toBeNull();
  });

  it('accepts stream names with a lowercase symbol and camelCase types, and nothing else', () => {
    for (const name of ['btcusdt@depth@100ms', 'btcusdt@aggTrade', 'bnbusdt@bookTicker', '!miniTicker@arr', '!ticker_1h@arr', 'bnbbtc@kline_1m@+08:00', 'bnbbtc@depth5']) {
      expect(p.validateTopic(name), name).toBeNull();
    }
    expect(p.validateTopic('BTCUSDT@depth')).toBe("'BTCUSDT@depth' is not a Binance stream name (lowercase symbol, e.g. btcusdt@depth)");
    expect(p.validateTopic('btcusdt')).not.toBeNull();
    expect(p.validateTopic('btc usdt@trade')).not.toBeNull();
  });
});

describe('BinanceWsProtocol#sequenceKey on hostile frames', () => {
  it('does not throw when the symbol field is a 20,000-deep array', () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const message: unknown = JSON.parse(`{"e":"depthUpdate","s":${deep},"u":1}`);
    expect(new BinanceWsProtocol().sequenceKey(message)).toBe('?|depthUpdate|1');
  });
});
