// Covers HyperliquidStreamParser: every docs message and the real DYDX book (20 levels a side), trades and bbo from the docs' types, control frames, and garbage that is classified, never thrown.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSymbolGridLookup } from '../../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../../src/core/model/market-data-event.js';
import { HYPERLIQUID_BUNDLED_META_JSON } from '../../../../src/venues/hyperliquid/hyperliquid-bundled-meta.js';
import { parseHyperliquidMeta } from '../../../../src/venues/hyperliquid/hyperliquid-instruments.js';
import { HyperliquidStreamParser } from '../../../../src/venues/hyperliquid/ws/hyperliquid-stream-parser.js';

const { messages } = JSON.parse(readFileSync(new URL('../fixtures/hyperliquid_ws_docs_examples.json', import.meta.url), 'utf8')) as { messages: { frame: unknown }[] };
const specs = parseHyperliquidMeta(JSON.parse(HYPERLIQUID_BUNDLED_META_JSON), 'bundled').map((c) => c.spec);
const parser = (): HyperliquidStreamParser => new HyperliquidStreamParser({ grids: buildSymbolGridLookup(specs) });

function parseOne(p: HyperliquidStreamParser, frame: unknown): { cls: string; events: MarketDataEvent[] } {
  const events: MarketDataEvent[] = [];
  const cls = p.parse(typeof frame === 'string' ? frame : JSON.stringify(frame), 999, events);
  return { cls, events };
}

describe('HyperliquidStreamParser on the fixture messages', () => {
  it('classifies each message in order', () => {
    const p = parser();
    expect(messages.map((m) => parseOne(p, m.frame).cls)).toEqual(['ack', 'control', 'market-data', 'market-data', 'market-data', 'market-data', 'ignored', 'ignored']);
  });

  it('turns the docs l2Book sample into a snapshot on the ETH grid (tick 0.01, lot 0.0001), time as ts and updateId', () => {
    const { events } = parseOne(parser(), messages[2]?.frame);
    expect(events).toEqual([{ kind: 'book-snapshot', symbol: 'ETH', ts: 1713825891591, bids: [[300710, 27954]], asks: [[304010, 39499]], updateId: 1713825891591, seq: null }]);
  });

  it('reads the real DYDX book whole: 20 levels a side, best first', () => {
    const { events } = parseOne(parser(), messages[3]?.frame);
    const book = events[0];
    if (book?.kind !== 'book-snapshot') throw new Error('expected a snapshot');
    expect(book.ts).toBe(1689630203930);
    expect(book.bids).toHaveLength(20);
    expect(book.asks).toHaveLength(20);
    // DYDX szDecimals 1: tick 0.00001, lot 0.1. "2.111" × "134.4".
    expect(book.bids[0]).toEqual([211100, 1344]);
    for (let i = 1; i < 20; i++) {
      expect(book.bids[i]![0]).toBeLessThan(book.bids[i - 1]![0]);
      expect(book.asks[i]![0]).toBeGreaterThan(book.asks[i - 1]![0]);
    }
  });

  it('emits one trade per WsTrade: side B is a buyer taking, A a seller; tid is the id, each trade its own time', () => {
    const { events } = parseOne(parser(), messages[4]?.frame);
    expect(events).toEqual([
      { kind: 'trade', symbol: 'SOL', ts: 1713825891600, priceTicks: 1712500, qtyLots: 350, takerSide: 'buy', tradeId: '101' },
      { kind: 'trade', symbol: 'SOL', ts: 1713825891600, priceTicks: 1712400, qtyLots: 12, takerSide: 'sell', tradeId: '102' },
    ]);
  });

  it('turns a two-sided bbo into a quote and ignores one with an empty side', () => {
    const p = parser();
    expect(parseOne(p, messages[5]?.frame).events.map((e) => ({ ...e }))).toEqual([
      { kind: 'quote', symbol: 'BTC', ts: 1713825891700, bidTicks: 649900, askTicks: 649910, bidLots: 120000, askLots: 50000, seq: null },
    ]);
    expect(parseOne(p, messages[6]?.frame)).toEqual({ cls: 'ignored', events: [] });
    expect(p.lastDetail).toBe('BTC bbo with an empty side');
  });
});

describe('HyperliquidStreamParser on bad frames', () => {
  it('names what is wrong and appends nothing', () => {
    const p = parser();
    const cases: [unknown, string, string][] = [
      ['{', 'invalid-json', 'not JSON'],
      [[1], 'unknown', 'not a JSON object'],
      [{ channel: 'nope', data: 1 }, 'unknown', 'channel nope'],
      [{ channel: 'error', data: 'Invalid subscription {"type":"l2Book"}' }, 'error', 'error: Invalid subscription {"type":"l2Book"}'],
      [{ channel: 'l2Book', data: { coin: 'XYZ', time: 1, levels: [[], []] } }, 'unknown-symbol', 'XYZ'],
      [{ channel: 'l2Book', data: { coin: 'BTC', time: -1, levels: [[], []] } }, 'invalid-value', 'BTC l2Book time/levels'],
      [{ channel: 'l2Book', data: { coin: 'BTC', time: 1, levels: [[{ px: '1.5e3', sz: '1', n: 1 }], []] } }, 'invalid-value', 'BTC l2Book levels'],
      [{ channel: 'trades', data: [{ coin: 'BTC', side: 'X', px: '1', sz: '1', time: 1, tid: 1 }] }, 'invalid-value', 'BTC trade'],
      [{ channel: 'trades', data: [] }, 'invalid-value', 'trades data'],
      [{ channel: 'bbo', data: { coin: 'BTC', time: 1, bbo: [{ px: 'x', sz: '1', n: 1 }, { px: '2', sz: '1', n: 1 }] } }, 'invalid-value', 'BTC bbo value'],
    ];
    for (const [frame, cls, detail] of cases) {
      expect(parseOne(p, frame)).toEqual({ cls, events: [] });
      expect(p.lastDetail).toBe(detail);
    }
  });

  it('rolls back a trades batch when one element is bad', () => {
    const events: MarketDataEvent[] = [];
    const good = { coin: 'BTC', side: 'B', px: '65000', sz: '0.001', time: 5, tid: 7 };
    expect(parser().parse(JSON.stringify({ channel: 'trades', data: [good, { ...good, sz: '0.000001' }] }), 0, events)).toBe('invalid-value');
    expect(events).toEqual([]);
  });

  it('never throws on mutated frames (fast-check)', () => {
    const p = parser();
    const frames = messages.map((m) => JSON.stringify(m.frame));
    fc.assert(
      fc.property(fc.constantFrom(...frames), fc.nat(), fc.string({ maxLength: 4 }), (frame, at, insert) => {
        const cut = at % (frame.length + 1);
        const mutated = frame.slice(0, cut) + insert + frame.slice(cut + 1);
        const out: MarketDataEvent[] = [];
        const cls = p.parse(mutated, 0, out);
        if (cls !== 'market-data') expect(out).toEqual([]);
      }),
      { numRuns: 3000, seed: 17 },
    );
    expect(() => p.parse(JSON.stringify({ channel: 'l2Book', data: { coin: 'BTC', time: 1, levels: [Array(1000).fill({ px: '1', sz: '1', n: 1 }), []] } }), 0, [])).not.toThrow();
  });
});

describe('HyperliquidStreamParser off-grid levels', () => {
  it('keeps a level between two ticks at its exact price instead of refusing the push', () => {
    const { cls, events } = parseOne(parser(), { channel: 'l2Book', data: { coin: 'BTC', time: 1, levels: [[{ px: '65000.05', sz: '1', n: 1 }, { px: '65000', sz: '1', n: 1 }], []] } });
    expect(cls).toBe('market-data');
    const book = events[0];
    if (book?.kind !== 'book-snapshot') throw new Error('expected a snapshot');
    expect(book.bids).toEqual([[650000, 100000]]);
    expect(book.offGrid).toHaveLength(1);
  });
});
