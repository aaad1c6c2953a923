// Covers BinanceStreamParser: every frame of the real 2021 spot capture, the REST depth snapshots, the spot and USDⓈ-M doc examples, control/error frames, and garbage that must be classified, never thrown.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { buildSymbolGridLookup } from '../../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../../src/core/model/market-data-event.js';
import type { FrameClass } from '../../../../src/ports/market-frame-parser.js';
import { isPartialDepthStream } from '../../../../src/venues/binance/ws/binance-stream-name.js';
import { BinanceStreamParser } from '../../../../src/venues/binance/ws/binance-stream-parser.js';
import { BINANCE_CAPTURE_SPECS, BINANCE_DOC_SPECS, gridSpec } from '../../../helpers/market-grids.js';

const FIXTURES = new URL('../../../fixtures/venues/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** "1633998513.377805" → 1633998513377: receive seconds to ms, truncated on the decimal digits. */
function secondsToMs(text: string): number {
  const [whole = '', frac = ''] = text.split('.');
  return Number(whole) * 1000 + Number(frac.padEnd(3, '0').slice(0, 3));
}

interface CaptureLine {
  readonly receivedAtMs: number;
  readonly frame: string;
}

function captureLines(): CaptureLine[] {
  const lines = read('binance_spot_ws_capture_cryptofeed_2021-10-11.txt').split('\n').slice(1).filter((l) => l !== '');
  return lines.map((line) => {
    const sep = line.indexOf(': ');
    return { receivedAtMs: secondsToMs(line.slice(0, sep)), frame: line.slice(sep + 2) };
  });
}

function parseOne(parser: BinanceStreamParser, frame: string, receivedAtMs = 1): { cls: FrameClass; events: MarketDataEvent[] } {
  const events: MarketDataEvent[] = [];
  const cls = parser.parse(frame, receivedAtMs, events);
  return { cls, events };
}

const captureParser = (): BinanceStreamParser => new BinanceStreamParser({ grids: buildSymbolGridLookup(BINANCE_CAPTURE_SPECS) });
const docParser = (): BinanceStreamParser => new BinanceStreamParser({ grids: buildSymbolGridLookup(BINANCE_DOC_SPECS) });

describe('BinanceStreamParser on the real spot capture', () => {
  const lines = captureLines();

  it('parses every one of the 265 frames into exactly one event', () => {
    const parser = captureParser();
    const events: MarketDataEvent[] = [];
    const kinds: Record<string, number> = {};
    for (const { frame, receivedAtMs } of lines) {
      const before = events.length;
      const cls = parser.parse(frame, receivedAtMs, events);
      if (cls !== 'market-data') throw new Error(`${cls} (${parser.lastDetail}): ${frame}`);
      expect(events.length).toBe(before + 1);
    }
    for (const e of events) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    expect(lines.length).toBe(265);
    expect(kinds).toEqual({ 'book-delta': 177, quote: 84, trade: 2, bar: 2 });
  });

  it('maps a diff depth update to a book delta on the tick/lot grid, ts = event time E', () => {
    const { events } = parseOne(captureParser(), lines[0]?.frame ?? '');
    expect(events).toEqual([
      {
        kind: 'book-delta', symbol: 'NKNUSDT', ts: 1633998512068,
        bids: [[35130, 61950], [34750, 55480], [34640, 62220]], asks: [],
        firstUpdateId: 499869750, finalUpdateId: 499869752, prevFinalUpdateId: null, seq: null,
      },
    ]);
  });

  it('keeps a zero quantity as a level removal', () => {
    const frame = lines.find((l) => l.frame.includes('"U":499869765'))?.frame ?? '';
    expect(parseOne(captureParser(), frame).events).toEqual([
      {
        kind: 'book-delta', symbol: 'NKNUSDT', ts: 1633998513369,
        bids: [[35120, 65670], [35080, 82460]], asks: [[35340, 0]],
        firstUpdateId: 499869765, finalUpdateId: 499869767, prevFinalUpdateId: null, seq: null,
      },
    ]);
    const rune = lines.find((l) => l.frame.includes('"U":15602510'))?.frame ?? '';
    expect(parseOne(captureParser(), rune).events).toEqual([
      {
        kind: 'book-delta', symbol: 'RUNEEUR', ts: 1633998522573,
        bids: [[6248, 914], [6084, 0]], asks: [],
        firstUpdateId: 15602510, finalUpdateId: 15602511, prevFinalUpdateId: null, seq: null,
      },
    ]);
  });

  it('maps a spot bookTicker (no event time) to a quote stamped with the receive time, seq = u', () => {
    const nkn = lines.find((l) => l.frame.includes('"u":499869768,'));
    expect(nkn?.receivedAtMs).toBe(1633998513377);
    expect(parseOne(captureParser(), nkn?.frame ?? '', nkn?.receivedAtMs).events).toEqual([
      { kind: 'quote', symbol: 'NKNUSDT', ts: 1633998513377, bidTicks: 35210, askTicks: 35260, bidLots: 6720, askLots: 31990, seq: 499869768 },
    ]);
    const blz = lines.find((l) => l.frame.includes('"u":281916636'));
    expect(parseOne(captureParser(), blz?.frame ?? '', blz?.receivedAtMs).events).toEqual([
      { kind: 'quote', symbol: 'BLZETH', ts: 1633998525253, bidTicks: 6547, askTicks: 6560, bidLots: 100, askLots: 1528, seq: 281916636 },
    ]);
  });

  it('maps aggTrade to a trade; m=false means the buyer took', () => {
    const frames = lines.filter((l) => l.frame.includes('@aggTrade')).map((l) => l.frame);
    const events = frames.flatMap((f) => parseOne(captureParser(), f).events);
    expect(events).toEqual([
      { kind: 'trade', symbol: 'NKNUSDT', ts: 1633998523963, priceTicks: 35280, qtyLots: 580, takerSide: 'buy', tradeId: '15683430' },
      { kind: 'trade', symbol: 'LRCBTC', ts: 1633998534486, priceTicks: 638, qtyLots: 177, takerSide: 'buy', tradeId: '9213679' },
    ]);
  });

  it('maps kline_1m to an open venue bar of 60000 ms', () => {
    const frames = lines.filter((l) => l.frame.includes('@kline_1m')).map((l) => l.frame);
    const events = frames.flatMap((f) => parseOne(captureParser(), f).events);
    expect(events).toEqual([
      {
        kind: 'bar', symbol: 'NKNUSDT', ts: 1633998523963, resolutionMs: 60000, openTs: 1633998480000,
        openTicks: 35270, highTicks: 35280, lowTicks: 35220, closeTicks: 35280, volumeLots: 258770, tradeCount: 30, source: 'venue', closed: false,
      },
      {
        kind: 'bar', symbol: 'LRCBTC', ts: 1633998534486, resolutionMs: 60000, openTs: 1633998480000,
        openTicks: 638, highTicks: 638, lowTicks: 638, closeTicks: 638, volumeLots: 177, tradeCount: 1, source: 'venue', closed: false,
      },
    ]);
  });

  it('parses the REST depth snapshots the capture synced from', () => {
    const parser = captureParser();
    const rest = read('binance_spot_rest_depth_snapshots_cryptofeed_2021-10-11.txt').split('\n').filter((l) => l !== '');
    const summary = rest.map((line) => {
      const symbol = /symbol=(\w+)/.exec(line)?.[1] ?? '';
      const sep = line.indexOf(': ', line.indexOf(' -> '));
      const events: MarketDataEvent[] = [];
      const cls = parser.parseDepthSnapshotBody(line.slice(sep + 2), symbol, secondsToMs(line.slice(line.indexOf(' -> ') + 4, sep)), events);
      const snap = events[0];
      if (snap?.kind !== 'book-snapshot') throw new Error(`${cls} ${parser.lastDetail}`);
      return [snap.symbol, snap.ts, snap.updateId, snap.bids.length, snap.asks.length, snap.bids[0], snap.asks[0]];
    });
    expect(summary).toEqual([
      ['NKNUSDT', 1633998512320, 499869752, 609, 1000, [35210, 6720], [35250, 39590]],
      ['BLZETH', 1633998514646, 281916627, 174, 1000, [6547, 100], [6555, 6617]],
      ['LRCBTC', 1633998516844, 259345543, 176, 1000, [637, 6500], [638, 24365]],
      ['RUNEEUR', 1633998522743, 15602511, 221, 468, [6251, 693], [6269, 693]],
    ]);
  });
});

describe('BinanceStreamParser on the spot doc examples', () => {
  const docs = JSON.parse(read('binance_spot_ws_docs_examples.json')) as {
    examples: { heading: string; label: string; payload: unknown }[];
    error_messages_table_verbatim: [string, string][];
  };

  it('classifies every example payload', () => {
    const parser = docParser();
    const classes = docs.examples.map((ex) => `${ex.heading} ${ex.label} → ${parser.parse(JSON.stringify(ex.payload), 1, [])}`);
    expect(classes).toEqual([
      'Server Shutdown * `raw` stream: → control',
      'Server Shutdown * `combined` stream: → control',
      'Subscribe to a stream * Request → unknown',
      'Subscribe to a stream * Response → ack',
      'Unsubscribe to a stream * Request → unknown',
      'Unsubscribe to a stream * Response → ack',
      'Listing Subscriptions * Request → unknown',
      'Listing Subscriptions * Response → ack',
      'Setting Properties * Request → unknown',
      'Setting Properties * Response → ack',
      'Retrieving Properties * Request → unknown',
      'Retrieving Properties * Response → ack',
      'Reference Price Streams **Payload:** → ignored',
      'Aggregate Trade Streams **Payload:** → market-data',
      'Trade Streams **Payload:** → market-data',
      'Block Trade Streams **Payload:** → ignored',
      'Kline/Candlestick Streams for UTC **Payload:** → market-data',
      'Kline/Candlestick Streams with timezone offset **Payload:** → market-data',
      'Individual Symbol Mini Ticker Stream **Payload:** → ignored',
      'All Market Mini Tickers Stream **Payload:** → ignored',
      'Individual Symbol Ticker Streams **Payload:** → market-data',
      'Individual Symbol Rolling Window Statistics Streams **Payload:** → ignored',
      'All Market Rolling Window Statistics Streams **Payload:** → ignored',
      'Individual Symbol Book Ticker Streams **Payload:** → market-data',
      'Average Price **Payload:** → ignored',
      'Partial Book Depth Streams **Payload:** → unknown-symbol',
      'Diff. Depth Stream **Payload:** → market-data',
    ]);
  });

  it('classifies every documented error message as an error', () => {
    const parser = docParser();
    // The table writes the request id as %s: any unsigned integer stands in for it.
    const classes = docs.error_messages_table_verbatim.map(([text]) => parser.parse(text.replace('%s', '7'), 1, []));
    expect(classes).toEqual(Array(docs.error_messages_table_verbatim.length).fill('error'));
    parser.parse('{"code": 2, "msg": "Invalid request: too many parameters"}', 1, []);
    expect(parser.lastDetail).toBe('code 2: Invalid request: too many parameters');
  });

  const payload = (heading: string): string => JSON.stringify(docs.examples.find((e) => e.heading === heading)?.payload);

  it('maps the trade, aggTrade, kline, bookTicker and diff depth examples exactly', () => {
    const parser = docParser();
    const events: MarketDataEvent[] = [];
    for (const heading of ['Trade Streams', 'Aggregate Trade Streams', 'Kline/Candlestick Streams for UTC', 'Individual Symbol Book Ticker Streams', 'Diff. Depth Stream']) {
      parser.parse(payload(heading), 1700000000000, events);
    }
    expect(events).toEqual([
      { kind: 'trade', symbol: 'BNBBTC', ts: 1672515782136, priceTicks: 10, qtyLots: 100, takerSide: 'sell', tradeId: '12345' },
      { kind: 'trade', symbol: 'BNBBTC', ts: 1672515782136, priceTicks: 10, qtyLots: 100, takerSide: 'sell', tradeId: '12345' },
      {
        kind: 'bar', symbol: 'BNBBTC', ts: 1672515782136, resolutionMs: 60000, openTs: 1672515780000,
        openTicks: 10, highTicks: 25, lowTicks: 15, closeTicks: 20, volumeLots: 1000, tradeCount: 100, source: 'venue', closed: false,
      },
      { kind: 'quote', symbol: 'BNBUSDT', ts: 1700000000000, bidTicks: 253519, askTicks: 253652, bidLots: 3121, askLots: 4066, seq: 400900217 },
      {
        kind: 'book-delta', symbol: 'BNBBTC', ts: 1672515782136, bids: [[24, 10]], asks: [[26, 100]],
        firstUpdateId: 157, finalUpdateId: 160, prevFinalUpdateId: null, seq: null,
      },
    ]);
  });

  it('maps the 24hrTicker example to a ticker context event: window O..C, prices in ticks, volumes as text', () => {
    expect(parseOne(docParser(), payload('Individual Symbol Ticker Streams')).events).toEqual([
      {
        kind: 'ticker', symbol: 'BNBBTC', ts: 1672515782136, windowOpenTs: 0, windowCloseTs: 86400000,
        lastTicks: 25, openTicks: 10, highTicks: 25, lowTicks: 10, baseVolume: '10000', quoteVolume: '18', tradeCount: 18151,
      },
    ]);
  });

  it('rounds 24hrTicker prices half-even to the tick and refuses a broken window, count or volume as invalid-value', () => {
    const parser = docParser();
    const ticker = payload('Individual Symbol Ticker Streams');
    const off = parseOne(parser, ticker.replace('"c":"0.0025"', '"c":"0.00245"').replace('"h":"0.0025"', '"h":"0.00255"')).events[0];
    expect(off).toMatchObject({ kind: 'ticker', lastTicks: 24, highTicks: 26 });
    const out: MarketDataEvent[] = [];
    const frames = [
      ticker.replace('"C":86400000', '"C":-1'),
      ticker.replace('"n":18151', '"n":-1'),
      ticker.replace('"v":"10000"', '"v":"1e4"'),
      ticker.replace('"q":"18"', '"q":18'),
      ticker.replace('"l":"0.0010"', '"l":"-0.0010"'),
      ticker.replace('"E":1672515782136', '"E":"1672515782136"'),
    ];
    expect(frames.map((f) => parser.parse(f, 1, out))).toEqual(Array(frames.length).fill('invalid-value'));
    expect([out, parser.lastDetail]).toEqual([[], 'BNBBTC 24hrTicker']);
  });

  it('takes the symbol of a spot partial depth from the combined stream name (or the rawStream option)', () => {
    const data = payload('Partial Book Depth Streams');
    const expected = { kind: 'book-snapshot', symbol: 'BNBBTC', ts: 42, bids: [[24, 10]], asks: [[26, 100]], updateId: 160, seq: null };
    expect(parseOne(docParser(), `{"stream":"bnbbtc@depth5@100ms","data":${data}}`, 42).events).toEqual([expected]);
    const raw = new BinanceStreamParser({ grids: buildSymbolGridLookup(BINANCE_DOC_SPECS), rawStream: 'bnbbtc@depth5' });
    expect(parseOne(raw, data, 42).events).toEqual([expected]);
  });
});

describe('BinanceStreamParser on USDⓈ-M doc examples', () => {
  const usdm = JSON.parse(read('binance_usdm_ws_docs_examples.json')) as { examples: Record<string, { stream: string; payload: unknown }> };
  const combined = (name: string): string => {
    const ex = usdm.examples[name];
    return JSON.stringify({ stream: ex?.stream, data: ex?.payload });
  };

  it('uses E (not T) as ts on a futures bookTicker', () => {
    expect(parseOne(docParser(), combined('bookTicker'), 5).events).toEqual([
      { kind: 'quote', symbol: 'BNBUSDT', ts: 1568014460893, bidTicks: 253519, askTicks: 253652, bidLots: 3121, askLots: 4066, seq: 400900217 },
    ]);
  });

  it('carries pu as prevFinalUpdateId on a futures diff depth', () => {
    expect(parseOne(docParser(), combined('diffDepth')).events).toEqual([
      { kind: 'book-delta', symbol: 'BTCUSDT', ts: 123456789, bids: [[24, 10000]], asks: [[26, 100000]], firstUpdateId: 157, finalUpdateId: 160, prevFinalUpdateId: 149, seq: null },
    ]);
  });

  it('treats a futures depthUpdate on a <symbol>@depth<levels> stream as a top-N snapshot with updateId u', () => {
    const { cls, events } = parseOne(docParser(), combined('partialDepth'));
    expect(cls).toBe('market-data');
    expect(events).toEqual([
      {
        kind: 'book-snapshot', symbol: 'BTCUSDT', ts: 1571889248277,
        bids: [[74038900, 2], [74039000, 3906], [74040000, 1428], [74048500, 5239], [74054300, 2562]],
        asks: [[74059600, 3340], [74066300, 4525], [74070800, 2475], [74071500, 4800], [74072000, 175]],
        updateId: 390497878, seq: null,
      },
    ]);
  });

  it('rounds the index price half-even to the tick and keeps the funding rate as text', () => {
    const real = new BinanceStreamParser({ grids: buildSymbolGridLookup([gridSpec('BTCUSDT', 'BTC', 'USDT', '0.1', '0.001')]) });
    expect(parseOne(real, combined('markPrice')).events).toEqual([
      { kind: 'mark', symbol: 'BTCUSDT', ts: 1562305380000, markTicks: 117942, indexTicks: 117846, fundingRate: '0.00038167' },
    ]);
    const frame = combined('markPrice').replace('"0.00038167"', '""').replace(',"i":"11784.62659091"', '');
    expect(parseOne(real, frame).events).toEqual([{ kind: 'mark', symbol: 'BTCUSDT', ts: 1562305380000, markTicks: 117942, indexTicks: null, fundingRate: null }]);
  });

  it('maps a real futures aggTrade; m=true means the seller took', () => {
    expect(parseOne(docParser(), combined('aggTrade_real')).events).toEqual([
      { kind: 'trade', symbol: 'BTCUSDT', ts: 1712861210813, priceTicks: 702062000, qtyLots: 8249, takerSide: 'sell', tradeId: '2125892847' },
    ]);
  });

  it('maps a futures 24hrTicker (no spot x/b/B/a/A) to a ticker context event', () => {
    // Field set of the official connector's IndividualSymbolTickerStreamsResponse (USDⓈ-M <symbol>@ticker).
    const frame = '{"stream":"btcusdt@ticker","data":{"e":"24hrTicker","E":123456789,"s":"BTCUSDT","p":"0.0015","P":"250.00","w":"0.0018","c":"0.0025","Q":"10","o":"0.0010","h":"0.0025","l":"0.0010","v":"10000","q":"18","O":0,"C":86400000,"F":0,"L":18150,"n":18151}}';
    expect(parseOne(docParser(), frame).events).toEqual([
      {
        kind: 'ticker', symbol: 'BTCUSDT', ts: 123456789, windowOpenTs: 0, windowCloseTs: 86400000,
        lastTicks: 25, openTicks: 10, highTicks: 25, lowTicks: 10, baseVolume: '10000', quoteVolume: '18', tradeCount: 18151,
      },
    ]);
  });

  it('accepts an aggTrade of the older futures format without `a`, naming the aggregate by its first trade id f', () => {
    const frame = combined('aggTrade_real').replace('"a":2125892847,', '');
    expect(frame).not.toContain('"a":');
    const parser = docParser();
    expect(parseOne(parser, frame).events).toEqual([
      { kind: 'trade', symbol: 'BTCUSDT', ts: 1712861210813, priceTicks: 702062000, qtyLots: 8249, takerSide: 'sell', tradeId: '4867106680' },
    ]);
    const out: MarketDataEvent[] = [];
    expect(parser.parse(frame.replace('"f":4867106680,', ''), 1, out)).toBe('invalid-value');
    expect(parser.parse(frame.replace('4867106680', '"4867106680"'), 1, out)).toBe('invalid-value');
    expect([out, parser.lastDetail]).toEqual([[], 'BTCUSDT trade']);
  });

  describe('trade frames outside the public book (X ≠ MARKET)', () => {
    // Real USDⓈ-M frame posted at dev.binance.vision/t/insurance-fund-trades-information/18342 (Python repr → JSON);
    // its price is finer than OPUSDT's 0.0001 tick.
    const INSURANCE_FUND = '{"e":"trade","E":1704282915916,"T":1704282915915,"s":"OPUSDT","t":460859189,"p":"3.7041208","q":"3.5","X":"INSURANCE_FUND","m":true}';
    const opParser = (): BinanceStreamParser => new BinanceStreamParser({ grids: buildSymbolGridLookup([gridSpec('OPUSDT', 'OP', 'USDT', '0.0001', '0.1')]) });

    it('reads an insurance-fund trade as an off-book-trade event with the venue strings, off-grid price kept', () => {
      const { cls, events } = parseOne(opParser(), `{"stream":"opusdt@trade","data":${INSURANCE_FUND}}`);
      expect(cls).toBe('market-data');
      expect(events).toEqual([{ kind: 'off-book-trade', symbol: 'OPUSDT', ts: 1704282915916, origin: 'INSURANCE_FUND', tradeId: '460859189', price: '3.7041208', qty: '3.5' }]);
    });

    it('keeps every X other than MARKET as its origin, and reads X = MARKET (or no X) as a book trade', () => {
      const parser = opParser();
      const out: MarketDataEvent[] = [];
      for (const x of ['ADL', 'NA', 'SOMETHING_NEW']) parser.parse(INSURANCE_FUND.replace('"INSURANCE_FUND"', `"${x}"`), 1, out);
      parser.parse(INSURANCE_FUND.replace('"INSURANCE_FUND"', '"MARKET"').replace('"3.7041208"', '"3.7041"'), 1, out);
      parser.parse(INSURANCE_FUND.replace(',"X":"INSURANCE_FUND"', '').replace('"3.7041208"', '"3.7041"'), 1, out);
      expect(out.map((e) => (e.kind === 'off-book-trade' ? `${e.kind}:${e.origin}` : e.kind))).toEqual([
        'off-book-trade:ADL', 'off-book-trade:NA', 'off-book-trade:SOMETHING_NEW', 'trade', 'trade',
      ]);
      expect(out[3]).toEqual({ kind: 'trade', symbol: 'OPUSDT', ts: 1704282915916, priceTicks: 37041, qtyLots: 35, takerSide: 'sell', tradeId: '460859189' });
    });

    it('refuses an off-book trade with a mistyped X, id, price or quantity as invalid-value', () => {
      const parser = opParser();
      const out: MarketDataEvent[] = [];
      const frames = [
        INSURANCE_FUND.replace('"INSURANCE_FUND"', '5'),
        INSURANCE_FUND.replace('"INSURANCE_FUND"', '""'),
        INSURANCE_FUND.replace('460859189', '"460859189"'),
        INSURANCE_FUND.replace('"3.7041208"', '"3.7e0"'),
        INSURANCE_FUND.replace('"3.5"', '3.5'),
      ];
      expect(frames.map((f) => parser.parse(f, 1, out))).toEqual(Array(frames.length).fill('invalid-value'));
      expect([out, parser.lastDetail]).toEqual([[], 'OPUSDT off-book trade']);
      expect(parser.parse(INSURANCE_FUND.replace('"OPUSDT"', '"XYZUSDT"'), 1, out)).toBe('unknown-symbol');
    });
  });

  it('tells partial from diff depth stream names', () => {
    expect(['btcusdt@depth5', 'btcusdt@depth10@100ms', 'btcusdt@depth20@500ms', 'btcusdt@depth', 'btcusdt@depth@100ms', 'btcusdt@bookTicker'].map(isPartialDepthStream))
      .toEqual([true, true, true, false, false, false]);
  });
});

describe('BinanceStreamParser on bad input', () => {
  it.each([
    ['', 'invalid-json'],
    ['{"stream":', 'invalid-json'],
    ['garbage', 'invalid-json'],
    ['5', 'unknown'],
    ['null', 'unknown'],
    ['"text"', 'unknown'],
    ['{}', 'unknown'],
    ['{"e":"somethingNew","E":1}', 'unknown'],
    ['{"e":7}', 'unknown'],
    ['[{"e":"24hrTicker"}]', 'ignored'],
    ['{"stream":"x","data":5}', 'unknown'],
  ] as const)('classifies %j as %s', (frame, expected) => {
    expect(parseOne(captureParser(), frame).cls).toBe(expected);
  });

  it('counts a frame of an unconfigured symbol as unknown-symbol and names it', () => {
    const parser = captureParser();
    const { cls, events } = parseOne(parser, '{"u":1,"s":"ETHUSDT","b":"1.00","B":"1","a":"1.01","A":"1"}');
    expect([cls, parser.lastDetail, events]).toEqual(['unknown-symbol', 'ETHUSDT', []]);
  });

  it('refuses off-grid, malformed, negative and mistyped values as invalid-value without touching the output', () => {
    const parser = captureParser();
    const out: MarketDataEvent[] = [];
    const frames = [
      '{"u":1,"s":"NKNUSDT","b":"0.351301","B":"1","a":"0.3526","A":"1"}',
      '{"u":1,"s":"NKNUSDT","b":"3.5e-1","B":"1","a":"0.3526","A":"1"}',
      '{"u":1,"s":"NKNUSDT","b":"-0.3521","B":"1","a":"0.3526","A":"1"}',
      '{"u":"1","s":"NKNUSDT","b":"0.3521","B":"1","a":"0.3526","A":"1"}',
      '{"e":"depthUpdate","E":1,"s":"NKNUSDT","U":1,"u":2,"b":[["0.3521","1"],"oops"],"a":[]}',
      '{"e":"depthUpdate","E":1,"s":"NKNUSDT","U":1,"u":2,"b":[["0.3521"]],"a":[]}',
      '{"e":"depthUpdate","E":1,"s":"NKNUSDT","U":1,"u":2,"b":null,"a":[]}',
      '{"e":"kline","E":1,"s":"NKNUSDT","k":null}',
      '{"e":"aggTrade","E":1,"s":"NKNUSDT","a":1,"p":"0.3528","q":"58","m":"false"}',
      '{"e":"trade","E":1,"s":5,"t":1,"p":"0.3528","q":"58","m":false}',
      '{"e":"depthUpdate","E":1.5,"s":"NKNUSDT","U":1,"u":2,"b":[],"a":[]}',
    ];
    expect(frames.map((f) => parser.parse(f, 1, out))).toEqual(Array(frames.length).fill('invalid-value'));
    expect(out).toEqual([]);
  });

  it('never throws on seeded random mutations of the capture frames', () => {
    const lines = captureLines();
    const parser = captureParser();
    const junk: unknown[] = [null, 0, -1, 1.5, '', 'x', '1e3', true, [], {}, [['1', '2', '3']], 2 ** 60];
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const classes = new Set<FrameClass>();
    for (let round = 0; round < 3000; round++) {
      const line = lines[next(lines.length)];
      const message = JSON.parse(line?.frame ?? '{}') as { data: Record<string, unknown> };
      const keys = Object.keys(message.data);
      const key = keys[next(keys.length)] ?? 'e';
      message.data[key] = junk[next(junk.length)];
      const out: MarketDataEvent[] = [];
      const cls = parser.parse(JSON.stringify(message), 1, out);
      classes.add(cls);
      expect(out.length).toBe(cls === 'market-data' ? 1 : 0);
    }
    expect(classes.has('invalid-value')).toBe(true);
  });
});

describe('BinanceStreamParser on hostile frames', () => {
  const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;

  it('classifies a reply whose id is a 20,000-deep array as an ack, never throwing', () => {
    const parser = new BinanceStreamParser({ grids: buildSymbolGridLookup(BINANCE_CAPTURE_SPECS) });
    expect(parser.parse(`{"result":null,"id":${deep}}`, 1, [])).toBe('ack');
    expect(parser.lastDetail).toBe('reply to id an array');
    expect(parser.parse(`{"code":2,"msg":"${'m'.repeat(5000)}","id":1}`, 1, [])).toBe('error');
    expect(parser.lastDetail).toBe(`code 2: ${'m'.repeat(120)}…`);
  });
});

describe('BinanceStreamParser memory bounds', () => {
  it('caches the symbol of at most 1024 stream names: a feed of ever-new names keeps nothing more', () => {
    const parser = new BinanceStreamParser({ grids: buildSymbolGridLookup(BINANCE_CAPTURE_SPECS) });
    for (let i = 0; i < 3000; i++) parser.parse(`{"stream":"x${i}usdt@depth5","data":{"lastUpdateId":1,"bids":[],"asks":[]}}`, 1, []);
    expect([parser.lastDetail, (parser as unknown as { streamSymbols: Map<string, string> }).streamSymbols.size]).toEqual(['X2999USDT', 1024]);
  });
});

describe('BinanceStreamParser on negative ids (found by the fuzz run)', () => {
  it.each([
    '{"u":-1,"s":"NKNUSDT","b":"0.35210","B":"1.0","a":"0.35220","A":"1.0"}',
    '{"e":"aggTrade","E":-1,"s":"NKNUSDT","a":1,"p":"0.35210","q":"1.0","f":1,"l":1,"T":1,"m":true,"M":true}',
    '{"e":"depthUpdate","E":1,"s":"NKNUSDT","U":1,"u":-5,"b":[],"a":[]}',
  ])('refuses %s as invalid-value', (frame) => {
    expect(new BinanceStreamParser({ grids: buildSymbolGridLookup(BINANCE_CAPTURE_SPECS) }).parse(frame, 1, [])).toBe('invalid-value');
  });
});
