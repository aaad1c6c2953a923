// Covers the Binance parser's fast path: it reads every bookTicker and diff depth frame of the capture without JSON.parse, and gives the same class, events and detail as the JSON.parse path on real, doc and mutated frames.
import { describe, expect, it } from 'vitest';
import { buildSymbolGridLookup, CachedSymbolGrids } from '../../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../../src/core/model/market-data-event.js';
import { BinanceFastFrames } from '../../../../src/venues/binance/ws/binance-fast-frames.js';
import { BinanceStreamParser } from '../../../../src/venues/binance/ws/binance-stream-parser.js';
import { BINANCE_CAPTURE_FRAMES, BINANCE_USDM_DOC_EXAMPLES } from '../../../helpers/binance-frame-fixtures.js';
import { BINANCE_CAPTURE_SPECS, BINANCE_DOC_SPECS } from '../../../helpers/market-grids.js';

const SPECS = [...BINANCE_CAPTURE_SPECS, ...BINANCE_DOC_SPECS];
const captureFrames = BINANCE_CAPTURE_FRAMES;
const usdm = BINANCE_USDM_DOC_EXAMPLES;
const combined = (name: string): string => JSON.stringify({ stream: usdm[name]!.stream, data: usdm[name]!.payload });
const USDM_BOOK_TICKER = combined('bookTicker');
const USDM_DIFF = combined('diffDepth');
const NKN_TICKER = captureFrames.find((f) => f.includes('"nknusdt@bookTicker"'))!;
const NKN_DEPTH = captureFrames.find((f) => f.includes('"nknusdt@depth@100ms"'))!;
const SPOT_RAW_TICKER = '{"u":400900217,"s":"BNBUSDT","b":"25.35190000","B":"31.21000000","a":"25.36520000","A":"40.66000000"}';

interface Parsed {
  cls: string;
  detail: string;
  events: MarketDataEvent[];
}

function parse(parser: BinanceStreamParser, frame: string): Parsed {
  const events: MarketDataEvent[] = [];
  const cls = parser.parse(frame, 777, events);
  return { cls, detail: parser.lastDetail, events };
}

/** The frame through the parser as is, and with one leading space: JSON.parse reads that the same, the fast path never takes it. */
function bothPaths(frame: string, rawStream?: string): { fast: Parsed; slow: Parsed } {
  const grids = buildSymbolGridLookup(SPECS);
  const options = rawStream === undefined ? { grids } : { grids, rawStream };
  return { fast: parse(new BinanceStreamParser(options), frame), slow: parse(new BinanceStreamParser(options), ` ${frame}`) };
}

function fastTakes(frame: string, rawStream?: string): boolean {
  return new BinanceFastFrames(new CachedSymbolGrids(buildSymbolGridLookup(SPECS)), rawStream).tryParse(frame, 777, []);
}

describe('BinanceFastFrames', () => {
  it('takes every bookTicker and diff depth frame of the 2021 capture, and nothing else in it', () => {
    const taken = captureFrames.filter((f) => fastTakes(f));
    const expected = captureFrames.filter((f) => /@bookTicker"|@depth@100ms"/.test(f));
    expect(taken.length).toBe(expected.length);
    expect(taken.length).toBe(74 + 9 + 1 + 150 + 10 + 15 + 2);
    expect(taken).toEqual(expected);
  });

  it('gives the same class, events and detail as JSON.parse on every frame of the capture', () => {
    const fastParser = new BinanceStreamParser({ grids: buildSymbolGridLookup(SPECS) });
    const slowParser = new BinanceStreamParser({ grids: buildSymbolGridLookup(SPECS) });
    for (const frame of captureFrames) {
      expect(parse(fastParser, frame)).toEqual(parse(slowParser, ` ${frame}`));
    }
  });

  it('reads a spot bookTicker exactly: ticks and lots on the grid, receive time, u as the sequence', () => {
    const { fast } = bothPaths(NKN_TICKER);
    expect(fast).toEqual({
      cls: 'market-data', detail: '',
      events: [{ kind: 'quote', symbol: 'NKNUSDT', ts: 777, bidTicks: 35210, askTicks: 35260, bidLots: 6720, askLots: 31990, seq: 499869768 }],
    });
  });

  it('reads the USDⓈ-M doc examples (bookTicker with E, diff depth with pu) exactly, raw and combined', () => {
    expect(fastTakes(USDM_BOOK_TICKER)).toBe(true);
    expect(fastTakes(JSON.stringify(usdm['bookTicker']!.payload))).toBe(true);
    expect(fastTakes(USDM_DIFF)).toBe(true);
    expect(bothPaths(USDM_BOOK_TICKER).fast.events).toEqual([
      { kind: 'quote', symbol: 'BNBUSDT', ts: 1568014460893, bidTicks: 253519, askTicks: 253652, bidLots: 3121, askLots: 4066, seq: 400900217 },
    ]);
    const { fast, slow } = bothPaths(USDM_DIFF);
    expect(fast).toEqual(slow);
    expect(fast.events[0]).toMatchObject({ kind: 'book-delta', firstUpdateId: 157, finalUpdateId: 160, prevFinalUpdateId: 149 });
  });

  it('leaves partial depth to the JSON.parse path (combined stream name or raw stream option), which reads it as a snapshot', () => {
    const partial = combined('partialDepth');
    expect(fastTakes(partial)).toBe(false);
    expect(fastTakes(JSON.stringify(usdm['diffDepth']!.payload), 'btcusdt@depth5@100ms')).toBe(false);
    expect(fastTakes(JSON.stringify(usdm['diffDepth']!.payload), 'btcusdt@depth@100ms')).toBe(true);
    const raw = bothPaths(JSON.stringify(usdm['diffDepth']!.payload), 'btcusdt@depth5');
    expect(raw.fast).toEqual(raw.slow);
    expect(raw.fast.events[0]!.kind).toBe('book-snapshot');
  });

  const mutations: [string, string][] = [
    ['an escaped digit in a price', NKN_TICKER.replace('"b":"0.35210000"', '"b":"0.3521\\u0030000"')],
    ['an escaped quote in the stream name', NKN_TICKER.replace('nknusdt@bookTicker', 'nknusdt\\"@bookTicker')],
    ['a leading zero in u', NKN_TICKER.replace('"u":499869768', '"u":0499869768')],
    ['a negative u', NKN_TICKER.replace('"u":499869768', '"u":-499869768')],
    ['u beyond 2^53', NKN_TICKER.replace('"u":499869768', '"u":9007199254740993')],
    ['u with a fraction', NKN_TICKER.replace('"u":499869768', '"u":499869768.5')],
    ['u with an exponent', NKN_TICKER.replace('"u":499869768', '"u":4998e5')],
    ['whitespace between fields', NKN_TICKER.replace(',"s":', ', "s":')],
    ['keys in another order', SPOT_RAW_TICKER.replace('"b":"25.35190000","B":"31.21000000"', '"B":"31.21000000","b":"25.35190000"')],
    ['an extra field', SPOT_RAW_TICKER.replace('}', ',"x":1}')],
    ['an unknown symbol', SPOT_RAW_TICKER.replace('BNBUSDT', 'XYZUSDT')],
    ['a lower-case symbol', SPOT_RAW_TICKER.replace('BNBUSDT', 'bnbusdt')],
    ['a price off the tick grid', SPOT_RAW_TICKER.replace('25.35190000', '25.351901')],
    ['a negative size', SPOT_RAW_TICKER.replace('"B":"31.21000000"', '"B":"-31.21"')],
    ['an empty price', SPOT_RAW_TICKER.replace('"25.35190000"', '""')],
    ['a number instead of a string', SPOT_RAW_TICKER.replace('"25.35190000"', '25.3519')],
    ['the wrapper without its closing brace', NKN_TICKER.slice(0, -1)],
    ['a raw payload with a stray closing brace', `${SPOT_RAW_TICKER}}`],
    ['trailing garbage', `${NKN_DEPTH}x`],
    ['a level with a third element', NKN_DEPTH.replace('["0.35130000","6195.00000000"]', '["0.35130000","6195.00000000","x"]')],
    ['a level quantity as a number', NKN_DEPTH.replace('"6195.00000000"]', '6195]')],
    ['an escaped level quantity', NKN_DEPTH.replace('"6195.00000000"', '"61\\u00395.00000000"')],
    ['an empty bid array', NKN_DEPTH.replace(/"b":\[[^\]]*\]\]/, '"b":[]')],
    ['a futures diff without T', USDM_DIFF.replace('"T":123456788,', '')],
    ['a depthUpdate with U after u', NKN_DEPTH.replace(/"U":(\d+),"u":(\d+)/, '"u":$2,"U":$1')],
    ['a control character in a string', SPOT_RAW_TICKER.replace('BNBUSDT', 'BNB\u0001USDT')],
    ['an event the fast path does not read', '{"e":"trade","E":1,"s":"BNBUSDT","t":1,"p":"1","q":"1","m":true}'],
    ['not JSON at all', '{"u":1,"s":"BNBUSDT","b":"1'],
  ];

  it.each(mutations)('agrees with JSON.parse on a frame with %s', (_what, frame) => {
    const { fast, slow } = bothPaths(frame);
    expect(fast).toEqual(slow);
  });

  it('refuses every mutation above that JSON.parse would not read to the same event', () => {
    const taken = mutations.filter(([, frame]) => fastTakes(frame)).map(([what]) => what);
    expect(taken).toEqual(['an empty bid array']);
  });
});
