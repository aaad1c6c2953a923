// Covers BybitWsProtocol against the docs' examples: endpoints, requests, ping/pong per category, acks and refusals, sequence keys, args limits.
import { describe, expect, it } from 'vitest';
import { BybitWsProtocol } from '../../../../src/venues/bybit/ws/bybit-ws-protocol.js';
import { bybitControlDocs, bybitKlineDoc, bybitOrderbookDeltaDoc, bybitPublicTradeDoc, bybitTardisMessages } from '../../../helpers/venue-ws-fixtures.js';

const linear = new BybitWsProtocol({ category: 'linear' });
const spot = new BybitWsProtocol({ category: 'spot' });

describe('BybitWsProtocol', () => {
  it('dials the documented public endpoint of each category', () => {
    const urls = bybitControlDocs.public_urls as Record<string, string>;
    for (const category of ['spot', 'linear', 'inverse', 'option'] as const) {
      expect(new BybitWsProtocol({ category }).url).toBe(urls[category]);
    }
    expect(new BybitWsProtocol({ category: 'spot', url: 'ws://127.0.0.1:9/x' }).url).toBe('ws://127.0.0.1:9/x');
  });

  it('encodes subscribe, unsubscribe and ping in the documented shapes', () => {
    const single = (bybitControlDocs.subscribe_request_multi as { payload: Record<string, unknown> }).payload;
    expect(JSON.parse(linear.encodeRequest('subscribe', single.args as string[], 7))).toEqual({ ...single, req_id: '7' });
    expect(JSON.parse(linear.encodeRequest('unsubscribe', ['publicTrade.ETHUSD'], 8))).toEqual({ ...bybitControlDocs.unsubscribe_request, req_id: '8' });
    expect(JSON.parse(linear.encodePing(100001))).toEqual((bybitControlDocs.ping_request as { payload: unknown }).payload);
    expect(linear.clientPingIntervalMs).toBe(20_000);
  });

  it('recognises the spot, linear and option pongs', () => {
    expect(spot.classify(bybitControlDocs.pong_public_spot)).toEqual({ kind: 'pong' });
    expect(linear.classify(bybitControlDocs.pong_public_linear_inverse)).toEqual({ kind: 'pong' });
    expect(linear.classify(bybitControlDocs.pong_public_option_spread)).toEqual({ kind: 'pong' });
    expect(linear.classify(bybitControlDocs.pong_private)).toEqual({ kind: 'pong' });
  });

  it('reads acks with the echoed req_id, an empty req_id as none, and option COMMAND_RESP', () => {
    expect(spot.classify(bybitControlDocs.subscribe_response_public_spot)).toEqual({ kind: 'ack', requestId: '10001' });
    expect(linear.classify(bybitControlDocs.subscribe_response_public_linear_inverse)).toEqual({ kind: 'ack', requestId: null });
    expect(linear.classify(bybitControlDocs.subscribe_response_public_option_spread)).toEqual({ kind: 'ack', requestId: null });
    expect(linear.classify({ success: true, conn_id: 'c', data: { failTopics: ['orderbook.100.X'], successTopics: [] }, type: 'COMMAND_RESP' })).toEqual({
      kind: 'reject',
      requestId: null,
      failedTopics: ['orderbook.100.X'],
      code: 'SUBSCRIBE_REFUSED',
      message: 'failTopics: orderbook.100.X',
    });
  });

  it('reads a refusal and the topic it names', () => {
    const refusal = { success: false, ret_msg: 'error:handler not found,topic:publicTrade.NOTASYMBOL', conn_id: 'c', req_id: '3', op: 'subscribe' };
    expect(linear.classify(refusal)).toEqual({
      kind: 'reject',
      requestId: '3',
      failedTopics: ['publicTrade.NOTASYMBOL'],
      code: 'SUBSCRIBE_REFUSED',
      message: 'error:handler not found,topic:publicTrade.NOTASYMBOL',
    });
    expect(linear.classify({ success: false, ret_msg: 'error:handler not found', op: 'subscribe' })).toMatchObject({ kind: 'reject', requestId: null, failedTopics: null });
  });

  it('calls topic messages data and anything else (auth ack, junk) unknown', () => {
    for (const m of [bybitOrderbookDeltaDoc, bybitPublicTradeDoc, bybitKlineDoc, ...bybitTardisMessages]) expect(linear.classify(m)).toEqual({ kind: 'data' });
    expect(linear.classify(bybitControlDocs.auth_success_response)).toEqual({ kind: 'unknown' });
    expect(linear.classify({ foo: 1 })).toEqual({ kind: 'unknown' });
    expect(linear.classify('text')).toEqual({ kind: 'unknown' });
  });

  it('keys orderbook by type+u+seq, trades by their ids, tickers by cs+ts, klines not at all', () => {
    expect(linear.sequenceKey(bybitOrderbookDeltaDoc)).toBe('orderbook.50.BTCUSDT|delta|177400507|66544703342');
    expect(linear.sequenceKey(bybitPublicTradeDoc)).toBe('publicTrade.BTCUSDT|20f43950-d8dd-5b31-9112-a178eb6023af');
    const keys = bybitTardisMessages.map((m) => linear.sequenceKey(m));
    expect(keys.slice(0, 11)).toEqual([
      'publicTrade.BTCUSD|0cbf2330-952d-5d03-a462-4bf826c867af,912e56de-9ed6-5f4f-9421-f0ff5a42d84a,cb558b74-cf72-5157-b53b-93944db336ad',
      'publicTrade.LTCUSDT|4c7b6bdc-b4a3-5716-9c7b-bbe01dc7072f',
      'orderbook.1.BTCUSDT|snapshot|7003305|50193540681',
      'orderbook.1.BTCUSDT|delta|7003306|50193543147',
      'orderbook.50.BTCPERP|snapshot|20683568|10916156551',
      'orderbook.50.BTCPERP|delta|20683569|10916156553',
      'tickers.BTCUSD|snapshot|20856433578|1680673822577',
      'tickers.BTCUSD|delta|20856433603|1680673822776',
      'tickers.BTCUSDU23|snapshot|12321470232|1680673822099',
      'tickers.BTCUSDU23|delta|12321470236|1680673822199',
      'tickers.BTCUSDT|snapshot|50193544280|1680673821770',
    ]);
    expect(linear.sequenceKey(bybitKlineDoc)).toBeNull();
  });

  it('states the args limits per category: spot 10 per request, option 2000 per connection, 21,000 characters always', () => {
    expect(spot.limits).toEqual({ maxTopicsPerRequest: 10, maxTopicsPerConnection: null, maxTopicCharsPerConnection: 21_000, maxClientMessagesPerSecond: null, pongFramesCountAgainstLimit: false });
    expect(linear.limits.maxTopicsPerRequest).toBeNull();
    expect(new BybitWsProtocol({ category: 'option' }).limits.maxTopicsPerConnection).toBe(2000);
    expect(linear.maxConnectionAgeMs).toBeNull();
  });

  it('accepts dotted topics and refuses anything else', () => {
    expect(linear.validateTopic('orderbook.50.BTCUSDT')).toBeNull();
    expect(linear.validateTopic('tickers.BTC-26DEC25')).toBeNull();
    expect(linear.validateTopic('tickers_lt.BTC3LUSDT')).toBeNull();
    expect(linear.validateTopic('kline.D.BTCUSDT')).toBeNull();
    expect(linear.validateTopic('BTCUSDT')).toBe("'BTCUSDT' is not a Bybit topic (e.g. orderbook.50.BTCUSDT)");
  });
});

describe('BybitWsProtocol on hostile frames', () => {
  const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;

  it('keys an orderbook push whose type and seq are 20,000-deep arrays without throwing', () => {
    const message = JSON.parse(`{"topic":"orderbook.50.BTCUSDT","type":${deep},"ts":${deep},"data":{"s":"BTCUSDT","u":5,"seq":${deep},"b":[],"a":[]}}`);
    expect(linear.sequenceKey(message)).toBe('orderbook.50.BTCUSDT|an array|5|an array');
    const ticker = JSON.parse(`{"topic":"tickers.BTCUSDT","type":"delta","cs":9,"ts":${deep},"data":{}}`);
    expect(linear.sequenceKey(ticker)).toBe('tickers.BTCUSDT|delta|9|an array');
  });

  it('classifies a COMMAND_RESP whose failTopics hold a 20,000-deep array, and a refusal with a long ret_msg, cut', () => {
    const resp = JSON.parse(`{"success":false,"type":"COMMAND_RESP","data":{"failTopics":["kline.1.X",${deep}],"successTopics":[]}}`);
    expect(linear.classify(resp)).toEqual({ kind: 'reject', requestId: null, failedTopics: ['kline.1.X'], code: 'SUBSCRIBE_REFUSED', message: 'failTopics: kline.1.X' });
    const refusal = { success: false, op: 'subscribe', ret_msg: `topic:a.B ${'z'.repeat(10_000)}` };
    const cls = linear.classify(refusal);
    expect(cls.kind === 'reject' ? [cls.failedTopics, cls.message.length] : null).toEqual([['a.B'], 121]);
  });
});
