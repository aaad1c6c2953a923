// Covers BybitStreamParser: every tardis sample and doc example (publicTrade, orderbook snapshot/delta, tickers snapshot + merged deltas, kline), control replies, reset, and garbage that must be classified, never thrown.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { buildSymbolGridLookup } from '../../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../../src/core/model/market-data-event.js';
import type { FrameClass } from '../../../../src/ports/market-frame-parser.js';
import { BybitStreamParser, klineResolutionMs } from '../../../../src/venues/bybit/ws/bybit-stream-parser.js';
import { BYBIT_LINEAR_SPECS, BYBIT_SPOT_SPECS } from '../../../helpers/market-grids.js';

const FIXTURES = new URL('../../../fixtures/venues/', import.meta.url);
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

const linear = (): BybitStreamParser => new BybitStreamParser({ grids: buildSymbolGridLookup(BYBIT_LINEAR_SPECS) });

function parseOne(parser: BybitStreamParser, message: unknown): { cls: FrameClass; events: MarketDataEvent[] } {
  const events: MarketDataEvent[] = [];
  const cls = parser.parse(typeof message === 'string' ? message : JSON.stringify(message), 999, events);
  return { cls, events };
}

describe('BybitStreamParser on the tardis samples (April 2023, in order)', () => {
  const { messages } = fixture('bybit_v5_ws_tardis_derivatives_samples.json') as { messages: unknown[] };

  it('classifies every sample and emits the exact events', () => {
    const parser = linear();
    const events: MarketDataEvent[] = [];
    const classes = messages.map((m) => parser.parse(JSON.stringify(m), 999, events));
    expect(classes).toEqual([
      'market-data', 'market-data', 'market-data', 'market-data', 'market-data', 'market-data', 'market-data',
      'market-data', 'market-data', 'market-data', 'market-data', 'ignored', 'ignored', 'market-data', 'ignored',
    ]);
    expect(events).toEqual([
      { kind: 'trade', symbol: 'BTCUSD', ts: 1680673823566, priceTicks: 57121, qtyLots: 5823, takerSide: 'buy', tradeId: '0cbf2330-952d-5d03-a462-4bf826c867af' },
      { kind: 'trade', symbol: 'BTCUSD', ts: 1680673823566, priceTicks: 57121, qtyLots: 3, takerSide: 'buy', tradeId: '912e56de-9ed6-5f4f-9421-f0ff5a42d84a' },
      { kind: 'trade', symbol: 'BTCUSD', ts: 1680673823566, priceTicks: 57121, qtyLots: 5593, takerSide: 'buy', tradeId: 'cb558b74-cf72-5157-b53b-93944db336ad' },
      { kind: 'trade', symbol: 'LTCUSDT', ts: 1680688979985, priceTicks: 9453, qtyLots: 4, takerSide: 'buy', tradeId: '4c7b6bdc-b4a3-5716-9c7b-bbe01dc7072f' },
      { kind: 'book-snapshot', symbol: 'BTCUSDT', ts: 1680673820717, bids: [[285520, 47]], asks: [[285521, 25433]], updateId: 7003305, seq: 50193540681 },
      { kind: 'book-delta', symbol: 'BTCUSDT', ts: 1680673821137, bids: [[285520, 12]], asks: [], firstUpdateId: 7003306, finalUpdateId: 7003306, prevFinalUpdateId: null, seq: 50193543147 },
      { kind: 'book-snapshot', symbol: 'BTCPERP', ts: 1680673821591, bids: [[285552, 597]], asks: [[285553, 225]], updateId: 20683568, seq: 10916156551 },
      { kind: 'book-delta', symbol: 'BTCPERP', ts: 1680673821651, bids: [[285552, 677]], asks: [[285553, 29]], firstUpdateId: 20683569, finalUpdateId: 20683569, prevFinalUpdateId: null, seq: 10916156553 },
      // tickers.BTCUSD snapshot: quote + mark (index 28566.94 / 0.5 = 57133.88 → 57134).
      { kind: 'quote', symbol: 'BTCUSD', ts: 1680673822577, bidTicks: 57120, askTicks: 57121, bidLots: 340549, askLots: 70817, seq: 20856433578 },
      { kind: 'mark', symbol: 'BTCUSD', ts: 1680673822577, markTicks: 57120, indexTicks: 57134, fundingRate: '0.0001' },
      // Its delta carries bid/ask and fundingRate: both events again, mark/index from the merged state.
      { kind: 'quote', symbol: 'BTCUSD', ts: 1680673822776, bidTicks: 57120, askTicks: 57121, bidLots: 340549, askLots: 70817, seq: 20856433603 },
      { kind: 'mark', symbol: 'BTCUSD', ts: 1680673822776, markTicks: 57120, indexTicks: 57134, fundingRate: '0.0001' },
      // Dated future: fundingRate "" → null; mark 29023.60 / 0.5 = 58047.2 → 58047.
      { kind: 'quote', symbol: 'BTCUSDU23', ts: 1680673822099, bidTicks: 58050, askTicks: 58054, bidLots: 3100, askLots: 3095, seq: 12321470232 },
      { kind: 'mark', symbol: 'BTCUSDU23', ts: 1680673822099, markTicks: 58047, indexTicks: 57134, fundingRate: null },
      // Its delta touches no mark field: quote only.
      { kind: 'quote', symbol: 'BTCUSDU23', ts: 1680673822199, bidTicks: 58050, askTicks: 58054, bidLots: 3100, askLots: 3095, seq: 12321470236 },
      // Linear BTCUSDT: mark 28552.81 → 285528, index 28562.25 → 285622 (half-even).
      { kind: 'quote', symbol: 'BTCUSDT', ts: 1680673821770, bidTicks: 285507, askTicks: 285508, bidLots: 2049, askLots: 15328, seq: 50193544280 },
      { kind: 'mark', symbol: 'BTCUSDT', ts: 1680673821770, markTicks: 285528, indexTicks: 285622, fundingRate: '0.0001' },
      { kind: 'book-delta', symbol: 'BTCUSDT', ts: 1682092584425, bids: [[279946, 0], [279917, 777]], asks: [[279944, 58], [279948, 0]], firstUpdateId: 1188472, finalUpdateId: 1188472, prevFinalUpdateId: null, seq: 11155892580 },
    ]);
  });
});

describe('BybitStreamParser on the doc examples', () => {
  it('maps the orderbook.50 delta example', () => {
    expect(parseOne(linear(), fixture('bybit_v5_ws_orderbook50_delta_docs.json')).events).toEqual([
      {
        kind: 'book-delta', symbol: 'BTCUSDT', ts: 1687940967466,
        bids: [[302472, 30028], [302454, 224], [302421, 1593], [302403, 1305], [302400, 0]],
        asks: [[302487, 0], [302493, 892], [302495, 1778], [302496, 0], [302519, 2947], [302522, 659], [302525, 4591]],
        firstUpdateId: 177400507, finalUpdateId: 177400507, prevFinalUpdateId: null, seq: 66544703342,
      },
    ]);
  });

  it('maps the publicTrade example', () => {
    expect(parseOne(linear(), fixture('bybit_v5_ws_publicTrade_docs.json')).events).toEqual([
      { kind: 'trade', symbol: 'BTCUSDT', ts: 1672304486868, priceTicks: 165785, qtyLots: 1, takerSide: 'buy', tradeId: '20f43950-d8dd-5b31-9112-a178eb6023af' },
    ]);
  });

  it('maps the kline example to an open 5-minute venue bar without a trade count', () => {
    expect(parseOne(linear(), fixture('bybit_v5_ws_kline_docs.json')).events).toEqual([
      {
        kind: 'bar', symbol: 'BTCUSDT', ts: 1672324988882, resolutionMs: 300000, openTs: 1672324800000,
        openTicks: 166495, highTicks: 166770, lowTicks: 166080, closeTicks: 166770, volumeLots: 2081, tradeCount: 0, source: 'venue', closed: false,
      },
    ]);
  });

  it('maps the linear ticker snapshots and ignores the spot one (no book, no mark)', () => {
    const t = fixture('bybit_v5_ws_tickers_docs_examples.json') as Record<string, unknown>;
    expect(parseOne(linear(), t['linear_perpetual_snapshot']).events).toEqual([
      { kind: 'quote', symbol: 'BTCUSDT', ts: 1760325052630, bidTicks: 666666, askTicks: 666667, bidLots: 23789165, askLots: 23775469, seq: 9532239429 },
      { kind: 'mark', symbol: 'BTCUSDT', ts: 1760325052630, markTicks: 666666, indexTicks: 1154182, fundingRate: '-0.005' },
    ]);
    expect(parseOne(linear(), t['linear_futures_snapshot']).events).toEqual([
      { kind: 'quote', symbol: 'BTC-26DEC25', ts: 1760409119857, bidTicks: 222509, askTicks: 262002, bidLots: 176, askLots: 580, seq: 31337927919 },
      { kind: 'mark', symbol: 'BTC-26DEC25', ts: 1760409119857, markTicks: 242289, indexTicks: 228265, fundingRate: null },
    ]);
    expect(parseOne(linear(), t['option_snapshot']).cls).toBe('unknown-symbol');
    const spot = new BybitStreamParser({ grids: buildSymbolGridLookup(BYBIT_SPOT_SPECS) });
    expect(parseOne(spot, t['spot_snapshot'])).toEqual({ cls: 'ignored', events: [] });
  });

  it('classifies the control replies: pongs and auth as control, subscribe replies as ack, success:false as error', () => {
    const c = fixture('bybit_v5_ws_control_docs_examples.json') as Record<string, unknown>;
    const names = [
      'auth_success_response', 'pong_public_spot', 'pong_public_linear_inverse', 'pong_public_option_spread', 'pong_private',
      'subscribe_response_private', 'subscribe_response_public_spot', 'subscribe_response_public_linear_inverse', 'subscribe_response_public_option_spread',
    ];
    expect(names.map((n) => parseOne(linear(), c[n]).cls)).toEqual(['control', 'control', 'control', 'control', 'control', 'ack', 'ack', 'ack', 'ack']);
    // Constructed failure replies in the documented reply shapes.
    const parser = linear();
    expect(parseOne(parser, { success: false, ret_msg: 'error:handler not found', conn_id: 'x', op: 'subscribe' }).cls).toBe('error');
    expect(parser.lastDetail).toBe('subscribe failed: error:handler not found');
    expect(parseOne(parser, { success: true, conn_id: 'x', data: { failTopics: ['orderbook.1.NOPE'], successTopics: [] }, type: 'COMMAND_RESP' }).cls).toBe('error');
  });
});

describe('BybitStreamParser ticker merging', () => {
  const snapshot = { topic: 'tickers.BTCUSDT', type: 'snapshot', cs: 1, ts: 1000, data: { symbol: 'BTCUSDT', bid1Price: '100.0', bid1Size: '1.000', ask1Price: '100.1', ask1Size: '2.000', markPrice: '100.05', indexPrice: '100.04', fundingRate: '0.0001' } };
  const delta = (data: Record<string, unknown>, cs = 2): unknown => ({ topic: 'tickers.BTCUSDT', type: 'delta', cs, ts: 1000 + cs, data: { symbol: 'BTCUSDT', ...data } });

  it('ignores a delta that arrives before any snapshot of its symbol, and again after reset()', () => {
    const parser = linear();
    expect(parseOne(parser, delta({ bid1Price: '100.0' })).cls).toBe('ignored');
    parseOne(parser, snapshot);
    expect(parseOne(parser, delta({ bid1Price: '99.9' })).cls).toBe('market-data');
    parser.reset();
    expect(parseOne(parser, delta({ bid1Price: '99.8' }))).toEqual({ cls: 'ignored', events: [] });
  });

  it('fills fields a delta does not carry from the merged state', () => {
    const parser = linear();
    parseOne(parser, snapshot);
    expect(parseOne(parser, delta({ ask1Size: '3.500' })).events).toEqual([
      { kind: 'quote', symbol: 'BTCUSDT', ts: 1002, bidTicks: 1000, askTicks: 1001, bidLots: 1000, askLots: 3500, seq: 2 },
    ]);
    expect(parseOne(parser, delta({ markPrice: '100.07' }, 3)).events).toEqual([
      { kind: 'mark', symbol: 'BTCUSDT', ts: 1003, markTicks: 1001, indexTicks: 1000, fundingRate: '0.0001' },
    ]);
    expect(parseOne(parser, delta({ openInterest: '5' }, 4))).toEqual({ cls: 'ignored', events: [] });
  });

  it('leaves the merged state untouched by a delta it refuses', () => {
    const parser = linear();
    parseOne(parser, snapshot);
    expect(parseOne(parser, delta({ bid1Price: '99.95', bid1Size: '7.000' })).cls).toBe('invalid-value');
    expect(parseOne(parser, delta({ bid1Size: 7 })).cls).toBe('invalid-value');
    expect(parseOne(parser, delta({ ask1Price: '100.2' }, 5)).events).toEqual([
      { kind: 'quote', symbol: 'BTCUSDT', ts: 1005, bidTicks: 1000, askTicks: 1002, bidLots: 1000, askLots: 2000, seq: 5 },
    ]);
  });

  it('emits no quote while the merged book side is empty ("")', () => {
    const parser = linear();
    parseOne(parser, snapshot);
    expect(parseOne(parser, delta({ bid1Price: '', bid1Size: '' })).cls).toBe('ignored');
  });
});

describe('BybitStreamParser orderbook and kline rules', () => {
  it('emits a delta with u=1 as a snapshot (service restart: overwrite the local book)', () => {
    const restart = { topic: 'orderbook.50.BTCUSDT', type: 'delta', ts: 5, data: { s: 'BTCUSDT', b: [['100.0', '1']], a: [], u: 1, seq: 9 } };
    expect(parseOne(linear(), restart).events).toEqual([{ kind: 'book-snapshot', symbol: 'BTCUSDT', ts: 5, bids: [[1000, 1000]], asks: [], updateId: 1, seq: 9 }]);
  });

  it('gives seq null when the push has none (options)', () => {
    const noSeq = { topic: 'orderbook.1.BTCUSDT', type: 'snapshot', ts: 5, data: { s: 'BTCUSDT', b: [], a: [], u: 3 } };
    expect(parseOne(linear(), noSeq).events).toEqual([{ kind: 'book-snapshot', symbol: 'BTCUSDT', ts: 5, bids: [], asks: [], updateId: 3, seq: null }]);
  });

  it('derives bar lengths from the interval, a calendar month for M', () => {
    expect(['1', '15', '60', '720', 'D', 'W'].map((i) => klineResolutionMs(i, 0))).toEqual([60000, 900000, 3600000, 43200000, 86400000, 604800000]);
    expect(klineResolutionMs('M', Date.UTC(2024, 1, 1))).toBe(29 * 86400000);
    expect(klineResolutionMs('M', Date.UTC(2023, 11, 1))).toBe(31 * 86400000);
    expect(klineResolutionMs('2', 0)).toBeNaN();
    expect(klineResolutionMs(5, 0)).toBeNaN();
  });
});

describe('BybitStreamParser on bad input', () => {
  it.each([
    ['', 'invalid-json'],
    ['{"topic":', 'invalid-json'],
    ['[]', 'unknown'],
    ['7', 'unknown'],
    ['{}', 'unknown'],
    ['{"topic":"publicTrade.BTCUSDT","ts":"1","data":[]}', 'invalid-value'],
    ['{"topic":"somethingNew.BTCUSDT","ts":1,"data":{}}', 'unknown'],
    ['{"topic":"liquidation.BTCUSDT","ts":1,"data":{}}', 'ignored'],
    ['{"topic":"orderbook.rpi.BTCUSDT","ts":1,"data":{}}', 'ignored'],
    ['{"topic":"orderbook.50.ETHUSDT","type":"snapshot","ts":1,"data":{"s":"ETHUSDT","b":[],"a":[],"u":1}}', 'unknown-symbol'],
    ['{"topic":"orderbook.50.BTCUSDT","type":"partial","ts":1,"data":{"s":"BTCUSDT","b":[],"a":[],"u":2}}', 'invalid-value'],
    // A level off the 0.1 tick is kept at its exact price (test/venues/bybit/bybit-off-grid-book.test.ts), a malformed one is not.
    ['{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"s":"BTCUSDT","b":[["1.05","1"]],"a":[],"u":2}}', 'market-data'],
    ['{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"s":"BTCUSDT","b":[["1.05x","1"]],"a":[],"u":2}}', 'invalid-value'],
    ['{"topic":"kline.5.BTCUSDT","type":"snapshot","ts":1,"data":[{"start":0,"interval":"7","open":"1","close":"1","high":"1","low":"1","volume":"1","confirm":true}]}', 'invalid-value'],
    ['{"topic":"tickers.BTCUSDT","type":"snapshot","ts":1,"data":null}', 'invalid-value'],
  ] as const)('classifies %j as %s', (frame, expected) => {
    expect(parseOne(linear(), frame).cls).toBe(expected);
  });

  it('drops a whole publicTrade batch when one fill is bad', () => {
    const parser = linear();
    const out: MarketDataEvent[] = [];
    const batch = { topic: 'publicTrade.BTCUSDT', type: 'snapshot', ts: 1, data: [
      { T: 1, s: 'BTCUSDT', S: 'Buy', v: '0.001', p: '100.0', i: 'a' },
      { T: 1, s: 'BTCUSDT', S: 'Hold', v: '0.001', p: '100.0', i: 'b' },
    ] };
    expect(parser.parse(JSON.stringify(batch), 1, out)).toBe('invalid-value');
    expect(out).toEqual([]);
  });

  it('never throws on seeded random mutations of the samples', () => {
    const { messages } = fixture('bybit_v5_ws_tardis_derivatives_samples.json') as { messages: Record<string, unknown>[] };
    const junk: unknown[] = [null, 0, -1, 1.5, '', 'x', '1e3', true, [], {}, [[]], 2 ** 60, 'snapshot', 'delta'];
    let seed = 777;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const parser = linear();
    for (let round = 0; round < 3000; round++) {
      const message = structuredClone(messages[next(messages.length)] ?? {});
      const data = message['data'];
      const target = (Array.isArray(data) ? data[0] : data) as Record<string, unknown> | undefined;
      const pick = next(3);
      if (pick === 0 || target === undefined) message[Object.keys(message)[next(Object.keys(message).length)] ?? 'ts'] = junk[next(junk.length)];
      else target[Object.keys(target)[next(Object.keys(target).length)] ?? 's'] = junk[next(junk.length)];
      const out: MarketDataEvent[] = [];
      const cls = parser.parse(JSON.stringify(message), 1, out);
      if (cls !== 'market-data') expect(out).toEqual([]);
    }
  });
});

describe('BybitStreamParser on hostile frames', () => {
  const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;

  it.each([
    [`{"success":false,"op":${deep},"ret_msg":"x"}`, 'error', 'an array failed: x'],
    [`{"success":false,"op":"subscribe","ret_msg":${deep}}`, 'error', 'subscribe failed: an array'],
    [`{"type":"COMMAND_RESP","data":{"failTopics":[${deep},"kline.1.X"]}}`, 'error', 'failed topics an array,kline.1.X'],
  ] as const)('classifies a reply with a 20,000-deep array in one field, never throwing (%#)', (frame, cls, detail) => {
    const parser = linear();
    expect(parseOne(parser, frame).cls).toBe(cls);
    expect(parser.lastDetail).toBe(detail);
  });
});

describe('BybitStreamParser memory bounds', () => {
  it('caches the symbol of at most 1024 topics: a feed of ever-new kline topics keeps nothing more', () => {
    const parser = linear();
    for (let i = 0; i < 3000; i++) parseOne(parser, `{"topic":"kline.1.X${i}","type":"snapshot","ts":1,"data":[]}`);
    expect([parser.lastDetail, (parser as unknown as { topicSymbols: Map<string, string> }).topicSymbols.size]).toEqual(['X2999', 1024]);
  });
});

describe('BybitStreamParser on negative ids (found by the fuzz run)', () => {
  it.each([
    '{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":-1,"data":{"s":"BTCUSDT","b":[],"a":[],"u":2}}',
    '{"topic":"orderbook.50.BTCUSDT","type":"snapshot","ts":1,"data":{"s":"BTCUSDT","b":[],"a":[],"u":2,"seq":-3}}',
    '{"topic":"tickers.BTCUSDT","type":"snapshot","cs":-1,"ts":1,"data":{"symbol":"BTCUSDT","bid1Price":"1.0","bid1Size":"1","ask1Price":"1.1","ask1Size":"1"}}',
  ])('refuses %s as invalid-value', (frame) => {
    expect(parseOne(linear(), frame).cls).toBe('invalid-value');
  });
});
