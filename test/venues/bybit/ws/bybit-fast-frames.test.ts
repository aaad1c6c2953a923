// Covers the Bybit parser's fast path: it reads orderbook pushes in compact form without JSON.parse, and gives the same class, events and detail as the JSON.parse path on doc, recorded and mutated frames.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSymbolGridLookup, CachedSymbolGrids } from '../../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../../src/core/model/market-data-event.js';
import { decodeReplay } from '../../../../src/feeds/replay/replay-decoder.js';
import { BybitFastFrames } from '../../../../src/venues/bybit/ws/bybit-fast-frames.js';
import { BybitStreamParser } from '../../../../src/venues/bybit/ws/bybit-stream-parser.js';
import { BYBIT_LINEAR_SPECS } from '../../../helpers/market-grids.js';

const fixture = (path: string): string => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const DOC_DELTA = JSON.stringify(JSON.parse(fixture('venues/bybit_v5_ws_orderbook50_delta_docs.json')));
const tardis = (JSON.parse(fixture('venues/bybit_v5_ws_tardis_derivatives_samples.json')) as { messages: unknown[] }).messages.map((m) => JSON.stringify(m));
const recorded = decodeReplay(fixture('replay/bybit-linear-samples.jsonl')).records.flatMap((r) => (r.kind === 'frame' ? [r.frame] : []));

interface Parsed {
  cls: string;
  detail: string;
  events: MarketDataEvent[];
}

function parse(parser: BybitStreamParser, frame: string): Parsed {
  const events: MarketDataEvent[] = [];
  const cls = parser.parse(frame, 777, events);
  return { cls, detail: parser.lastDetail, events };
}

/** The frame through the parser as is, and with one leading space: JSON.parse reads that the same, the fast path never takes it. */
function bothPaths(frame: string): { fast: Parsed; slow: Parsed } {
  const grids = buildSymbolGridLookup(BYBIT_LINEAR_SPECS);
  return { fast: parse(new BybitStreamParser({ grids }), frame), slow: parse(new BybitStreamParser({ grids }), ` ${frame}`) };
}

function fastTakes(frame: string): boolean {
  return new BybitFastFrames(new CachedSymbolGrids(buildSymbolGridLookup(BYBIT_LINEAR_SPECS))).tryParse(frame, []);
}

describe('BybitFastFrames', () => {
  it('reads the docs orderbook.50 delta exactly', () => {
    expect(fastTakes(DOC_DELTA)).toBe(true);
    const { fast, slow } = bothPaths(DOC_DELTA);
    expect(fast).toEqual(slow);
    expect(fast.events).toEqual([
      {
        kind: 'book-delta', symbol: 'BTCUSDT', ts: 1687940967466,
        bids: [[302472, 30028], [302454, 224], [302421, 1593], [302403, 1305], [302400, 0]],
        asks: [[302487, 0], [302493, 892], [302495, 1778], [302496, 0], [302519, 2947], [302522, 659], [302525, 4591]],
        firstUpdateId: 177400507, finalUpdateId: 177400507, prevFinalUpdateId: null, seq: 66544703342,
      },
    ]);
  });

  it('takes the orderbook pushes of the tardis samples and of the recorded replay, and agrees with JSON.parse on every frame', () => {
    const frames = [...tardis, ...recorded];
    const books = frames.filter((f) => f.startsWith('{"topic":"orderbook.'));
    expect(books.length).toBeGreaterThanOrEqual(4);
    expect(books.every((f) => fastTakes(f))).toBe(true);
    expect(frames.filter((f) => fastTakes(f))).toEqual(books);
    const fastParser = new BybitStreamParser({ grids: buildSymbolGridLookup(BYBIT_LINEAR_SPECS) });
    const slowParser = new BybitStreamParser({ grids: buildSymbolGridLookup(BYBIT_LINEAR_SPECS) });
    for (const frame of frames) expect(parse(fastParser, frame)).toEqual(parse(slowParser, ` ${frame}`));
  });

  const mutations: [string, string][] = [
    ['u = 1 on a delta (snapshot after a service restart)', DOC_DELTA.replace('"u":177400507', '"u":1')],
    ['a snapshot type', DOC_DELTA.replace('"type":"delta"', '"type":"snapshot"')],
    ['an unknown type', DOC_DELTA.replace('"type":"delta"', '"type":"partial"')],
    ['no seq', DOC_DELTA.replace(',"seq":66544703342', '')],
    ['no cts', DOC_DELTA.replace(',"cts":1687940967464', '')],
    ['an RPI book topic', DOC_DELTA.replace('orderbook.50.BTCUSDT', 'orderbook.rpi.BTCUSDT')],
    ['an escaped price', DOC_DELTA.replace('"30247.20"', '"3024\\u0037.20"')],
    ['an escaped symbol', DOC_DELTA.replace('"s":"BTCUSDT"', '"s":"BTC\\u0055SDT"')],
    ['an unknown symbol', DOC_DELTA.replace('"s":"BTCUSDT"', '"s":"XYZUSDT"')],
    ['a price off the tick grid', DOC_DELTA.replace('"30247.20"', '"30247.25"')],
    ['a negative size', DOC_DELTA.replace('"30.028"', '"-30.028"')],
    ['a level with a third element', DOC_DELTA.replace('["30245.40","0.224"]', '["30245.40","0.224","1"]')],
    ['a level price as a number', DOC_DELTA.replace('"30245.40"', '30245.4')],
    ['empty level arrays', DOC_DELTA.replace(/"b":\[.*?\]\],"a":\[.*?\]\]/, '"b":[],"a":[]')],
    ['a leading zero in ts', DOC_DELTA.replace('"ts":1687940967466', '"ts":01687940967466')],
    ['ts as a string', DOC_DELTA.replace('"ts":1687940967466', '"ts":"1687940967466"')],
    ['seq beyond 2^53', DOC_DELTA.replace('"seq":66544703342', '"seq":9007199254740993')],
    ['an extra field in data', DOC_DELTA.replace('"seq":66544703342', '"seq":66544703342,"x":1')],
    ['whitespace', DOC_DELTA.replace('"data":{', '"data": {')],
    ['trailing garbage', `${DOC_DELTA}]`],
    ['a truncated frame', DOC_DELTA.slice(0, 120)],
  ];

  it.each(mutations)('agrees with JSON.parse on a push with %s', (_what, frame) => {
    const { fast, slow } = bothPaths(frame);
    expect(fast).toEqual(slow);
  });

  it('refuses every mutation above that JSON.parse would not read to the same event', () => {
    expect(mutations.filter(([, frame]) => fastTakes(frame)).map(([what]) => what)).toEqual([
      'u = 1 on a delta (snapshot after a service restart)', 'a snapshot type', 'no seq', 'no cts', 'empty level arrays',
    ]);
    expect(bothPaths(mutations[0]![1]).fast.events[0]!.kind).toBe('book-snapshot');
  });
});
