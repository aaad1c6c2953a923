// Covers the Binance parser's replay fast path (parseLiteral): on real, generated and hostile frames read still escaped in their record line (alone, or inside the whole read chunk the replay hands over), whatever it accepts gives exactly the events parse() gives the unescaped frame, and it never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSymbolGridLookup } from '../../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../../src/core/model/market-data-event.js';
import { BinanceStreamParser } from '../../../../src/venues/binance/ws/binance-stream-parser.js';
import { BINANCE_CAPTURE_FRAMES, BINANCE_USDM_DOC_EXAMPLES } from '../../../helpers/binance-frame-fixtures.js';
import { BINANCE_CAPTURE_SPECS, BINANCE_DOC_SPECS } from '../../../helpers/market-grids.js';

const SPECS = [...BINANCE_CAPTURE_SPECS, ...BINANCE_DOC_SPECS];
const captureFrames = BINANCE_CAPTURE_FRAMES;
const usdm = BINANCE_USDM_DOC_EXAMPLES;

interface Literal {
  text: string;
  start: number;
  end: number;
}

/** The record line of `frame` as the replay reads it in place: its UTF-8 bytes one character each (latin1), and the literal's bounds. */
function literalOf(frame: string): Literal {
  const text = Buffer.from(JSON.stringify({ t: 1, frame }), 'utf8').toString('latin1');
  return { text, start: text.indexOf(',"frame":"') + ',"frame":"'.length, end: text.length - 2 };
}

/** parseLiteral's answer: the events it appended, or null when it left the frame to parse(). */
function viaLiteral(frame: string | Literal, rawStream?: string): MarketDataEvent[] | null {
  const parser = new BinanceStreamParser(rawStream === undefined ? { grids: buildSymbolGridLookup(SPECS) } : { grids: buildSymbolGridLookup(SPECS), rawStream });
  const { text, start, end } = typeof frame === 'string' ? literalOf(frame) : frame;
  const out: MarketDataEvent[] = [];
  if (!parser.parseLiteral(text, start, end, 777, out)) {
    expect(out).toEqual([]);
    return null;
  }
  expect(parser.lastDetail).toBe('');
  return out;
}

/** parse() of the frame (the exact existing path): its class and events. */
function viaParse(frame: string, rawStream?: string): { cls: string; events: MarketDataEvent[] } {
  const parser = new BinanceStreamParser(rawStream === undefined ? { grids: buildSymbolGridLookup(SPECS) } : { grids: buildSymbolGridLookup(SPECS), rawStream });
  const events: MarketDataEvent[] = [];
  return { cls: parser.parse(frame, 777, events), events };
}

/** Whatever parseLiteral accepts, parse() classes market-data with the same events. */
function agrees(frame: string, rawStream?: string): boolean {
  const fast = viaLiteral(frame, rawStream);
  if (fast === null) return false;
  expect(viaParse(frame, rawStream)).toEqual({ cls: 'market-data', events: fast });
  return true;
}

const combined = (stream: string, data: unknown): string => JSON.stringify({ stream, data });

// Generators of the frames the fast path reads, in Binance's field order, with values on and off the grids.
const id = fc.oneof(fc.nat(), fc.constantFrom(0, 2 ** 53 - 1, 2 ** 53, 10 ** 16 - 1));
const symbol = fc.oneof({ arbitrary: fc.constantFrom('NKNUSDT', 'BNBUSDT', 'BTCUSDT'), weight: 6 }, fc.constantFrom('XYZUSDT', 'nknusdt', ''));
/** Mostly on every grid of SPECS (multiples of 0.1), then off-grid and malformed ones. */
const decimal = fc.oneof(
  { arbitrary: fc.tuple(fc.nat({ max: 99_999 }), fc.nat({ max: 9 })).map(([i, f]) => `${i}.${f}0000000`), weight: 8 },
  fc.tuple(fc.nat({ max: 99_999 }), fc.nat({ max: 99_999_999 })).map(([i, f]) => `${i}.${String(f).padStart(8, '0')}`),
  fc.constantFrom('0', '0.0', '1', '-1.5', '+2.0', '-0', '', '.5', '5.', '1e3', '0.35210000', '1.000000001', '٣', '9'.repeat(30)),
);
const wrap = (stream: string, payload: Record<string, unknown>): fc.Arbitrary<string> =>
  fc.constantFrom(true, false).map((wrapped) => (wrapped ? combined(stream, payload) : JSON.stringify(payload)));
const bookTicker = fc
  .record({ u: id, s: symbol, b: decimal, B: decimal, a: decimal, A: decimal, E: id, futures: fc.boolean() })
  .chain(({ u, s, b, B, a, A, E, futures }) => wrap(`${s.toLowerCase()}@bookTicker`, futures ? { e: 'bookTicker', u, E, T: E, s, b, B, a, A } : { u, s, b, B, a, A }));
const level = fc.tuple(decimal, decimal);
const depth = fc
  .record({ E: id, s: symbol, U: id, u: id, pu: id, b: fc.array(level, { maxLength: 4 }), a: fc.array(level, { maxLength: 4 }), futures: fc.boolean(), stream: fc.constantFrom('@depth', '@depth@100ms', '@depth5', '@depth20@100ms') })
  .chain(({ E, s, U, u, pu, b, a, futures, stream }) =>
    wrap(`${s.toLowerCase()}${stream}`, futures ? { e: 'depthUpdate', E, T: E, s, U, u, pu, b, a } : { e: 'depthUpdate', E, s, U, u, b, a }));
const aggTrade = fc
  .record({ E: id, s: symbol, a: id, p: decimal, q: decimal, m: fc.boolean(), spot: fc.boolean() })
  .chain(({ E, s, a, p, q, m, spot }) => wrap(`${s.toLowerCase()}@aggTrade`, spot ? { e: 'aggTrade', E, s, a, p, q, f: a, l: a, T: E, m, M: true } : { e: 'aggTrade', E, a, s, p, q, f: a, l: a, T: E, m }));
const known = fc.oneof(bookTicker, depth, aggTrade);

/** A frame with one character replaced, removed or inserted (escapes, quotes, braces, control and non-ASCII characters). */
const mutated = fc
  .tuple(known, fc.nat(), fc.constantFrom('remove', 'replace', 'insert'), fc.constantFrom('"', '\\', '\\"', '\\u0030', '{', '}', '[', ']', ',', ':', ' ', '0', '9', '.', '-', 'e', 'é', '\u0001', '\u2028', '𝄞'))
  .map(([frame, at, how, piece]) => {
    const i = at % (frame.length + 1);
    if (how === 'remove') return frame.slice(0, i) + frame.slice(i + 1);
    if (how === 'replace') return frame.slice(0, i) + piece + frame.slice(i + 1);
    return frame.slice(0, i) + piece + frame.slice(i);
  });

describe('BinanceLiteralFrames (BinanceStreamParser.parseLiteral)', () => {
  it('takes every bookTicker, diff depth and aggTrade frame of the 2021 capture, with the events parse() gives', () => {
    const taken = captureFrames.filter((f) => agrees(f));
    expect(taken).toEqual(captureFrames.filter((f) => /@bookTicker"|@depth@100ms"|@aggTrade"/.test(f)));
    expect(taken.length).toBe(captureFrames.length - 2); // the two klines take the other path
  });

  it('reads the USDⓈ-M doc examples (bookTicker with E, diff depth with pu, aggTrade) raw and combined, as parse() does', () => {
    for (const name of ['bookTicker', 'diffDepth', 'aggTrade_real']) {
      const example = usdm[name]!;
      expect(agrees(combined(example.stream, example.payload))).toBe(true);
      expect(agrees(JSON.stringify(example.payload))).toBe(true);
    }
  });

  it('leaves partial depth to parse() (by the combined stream name or the raw stream), and agrees on a raw diff stream', () => {
    const diff = JSON.stringify(usdm['diffDepth']!.payload);
    expect(viaLiteral(combined('btcusdt@depth5@100ms', usdm['diffDepth']!.payload))).toBeNull();
    expect(viaLiteral(diff, 'btcusdt@depth5@100ms')).toBeNull();
    expect(agrees(diff, 'btcusdt@depth@100ms')).toBe(true);
  });

  it('gives exactly the events of parse() on generated frames, and takes the compact on-grid ones', () => {
    let taken = 0;
    fc.assert(
      fc.property(known, (frame) => {
        if (agrees(frame)) taken++;
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('never throws and never reads a hostile frame differently from parse(): mutations and arbitrary text', () => {
    const arbitrary = fc.string({ unit: 'binary', maxLength: 80 }).map((s) => `{"stream":"x@bookTicker","data":${s}}`);
    fc.assert(
      fc.property(fc.oneof(mutated, arbitrary, fc.string({ unit: 'binary', maxLength: 60 })), (frame) => {
        agrees(frame);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses literals that are not the escaped form of their frame (a bare quote, a lone backslash, a literal cut short)', () => {
    const { text, start, end } = literalOf(combined('nknusdt@bookTicker', { u: 1, s: 'NKNUSDT', b: '0.1', B: '1', a: '0.2', A: '1' }));
    expect(viaLiteral({ text, start, end })).not.toBeNull();
    expect(viaLiteral({ text: text.replaceAll('\\"', '"'), start, end: end - (text.length - text.replaceAll('\\"', '"').length) })).toBeNull();
    expect(viaLiteral({ text: text.replace('\\"b\\"', '\\"b\\\\"'), start, end: end + 1 })).toBeNull();
    expect(viaLiteral({ text, start, end: end - 1 })).toBeNull();
    expect(viaLiteral({ text, start: start + 1, end })).toBeNull();
  });

  it('answers in time linear in the literal on long hostile input (deep brackets, long digit runs, many levels)', () => {
    const levels = Array.from({ length: 20_000 }, () => ['0.1', '1']);
    expect(agrees(JSON.stringify({ e: 'depthUpdate', E: 1, s: 'NKNUSDT', U: 1, u: 2, b: levels, a: [] }))).toBe(true);
    expect(viaLiteral(`{"u":${'9'.repeat(200_000)},"s":"NKNUSDT","b":"1","B":"1","a":"1","A":"1"}`)).toBeNull();
    expect(viaLiteral(`{"e":"depthUpdate","E":1,"s":"NKNUSDT","U":1,"u":2,"b":${'['.repeat(200_000)}`)).toBeNull();
    expect(viaLiteral(`{"stream":"${'a'.repeat(200_000)}","data":{"u":1}}`)).toBeNull();
  });

  it('answers the same for a literal alone and inside a whole chunk of lines (as the replay reads it), whatever the lines around hold', () => {
    const lineOf = (frame: string): string => Buffer.from(JSON.stringify({ t: 1, frame }), 'utf8').toString('latin1');
    const around = fc.array(fc.oneof(known, mutated, fc.constantFrom('[[[[', '9999', '\\', '"}', '{"stream":"')).map(lineOf), { maxLength: 3 });
    fc.assert(
      fc.property(fc.oneof(known, mutated), around, around, (frame, before, after) => {
        const own = literalOf(frame);
        const head = before.map((line) => `${line}\n`).join('');
        const text = `${head}${own.text}\n${after.join('\n')}`;
        expect(viaLiteral({ text, start: head.length + own.start, end: head.length + own.end })).toEqual(viaLiteral(own));
      }),
      { numRuns: 1500 },
    );
  });

  it('answers in time linear in the chunk when literals end without a backslash before long lines without one', () => {
    // Depth lines whose levels end unclosed, each followed by a long line without a backslash: a search for the next one
    // may cross that line once, never once per literal.
    const unclosed = literalOf(JSON.stringify({ e: 'depthUpdate', E: 1, s: 'NKNUSDT', U: 1, u: 2, b: [['0.1', '1']], a: [] }));
    const cut = unclosed.text.slice(0, unclosed.text.indexOf('0.1') + 3);
    const plain = `{"t":1,"frame":"${'1'.repeat(100_000)}"}`;
    const lines = Array.from({ length: 2_000 }, () => cut);
    const text = `${lines.join('\n')}\n${plain}\n`;
    let at = 0;
    for (let k = 0; k < lines.length; k++) {
      expect(viaLiteral({ text, start: at + unclosed.start, end: at + cut.length })).toBeNull();
      at += cut.length + 1;
    }
  });
});
