// Bybit orderbook frames with a level off the 0.1 tick: parsed (fast-path shape included), kept at the exact price by BybitBookSync, counted, updated and removed like any level.
import { describe, expect, it } from 'vitest';
import { buildSymbolGridLookup } from '../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../src/core/model/market-data-event.js';
import { BybitBookSync } from '../../../src/venues/bybit/bybit-book-sync.js';
import { BybitStreamParser } from '../../../src/venues/bybit/ws/bybit-stream-parser.js';
import { BYBIT_LINEAR_SPECS } from '../../helpers/market-grids.js';

// Compact, in the field order Bybit sends (the fast path's shape): an off-grid level makes it fall back to the full parse.
const SNAPSHOT = '{"topic":"orderbook.50.BTCUSDT","type":"snapshot","ts":1000,"data":{"s":"BTCUSDT","b":[["100.0","1.000"],["99.95","2.000"],["99.9","3.000"]],"a":[["100.1","1.000"],["100.25","4.000"]],"u":10,"seq":7},"cts":999}';
const DELTA = (u: number, b: string, a: string): string => `{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":${1000 + u},"data":{"s":"BTCUSDT","b":${b},"a":${a},"u":${u},"seq":${7 + u}},"cts":${999 + u}}`;

function parse(parser: BybitStreamParser, frame: string): MarketDataEvent {
  const out: MarketDataEvent[] = [];
  expect(parser.parse(frame, 1, out)).toBe('market-data');
  expect(out).toHaveLength(1);
  return out[0]!;
}

describe('Bybit books with levels off the tick grid', () => {
  it('parses a snapshot with off-grid levels as valid, the levels at their exact price', () => {
    const event = parse(new BybitStreamParser({ grids: buildSymbolGridLookup(BYBIT_LINEAR_SPECS) }), SNAPSHOT);
    if (event.kind !== 'book-snapshot') throw new Error(event.kind);
    expect([event.bids, event.asks]).toEqual([[[1000, 1000], [999, 3000]], [[1001, 1000]]]);
    expect(event.offGrid?.map((l) => [l.side, l.price.text, l.qtyLots])).toEqual([['bid', '99.95', 2000], ['ask', '100.25', 4000]]);
  });

  it('keeps, updates and removes them in the synced book; counts every one received', () => {
    const parser = new BybitStreamParser({ grids: buildSymbolGridLookup(BYBIT_LINEAR_SPECS) });
    const sync = new BybitBookSync('BTCUSDT');
    const apply = (frame: string): string => {
      const event = parse(parser, frame);
      if (event.kind === 'book-snapshot') return sync.onSnapshot(event).kind;
      if (event.kind === 'book-delta') return sync.onDelta(event).kind;
      throw new Error(event.kind);
    };
    expect(apply(SNAPSHOT)).toBe('resynced');
    const book = sync.book;
    expect([book.bidDepth, book.askDepth, book.offGridDepth, book.offGridLevelsReceived]).toEqual([3, 2, 2, 2]);
    // A new off-grid best ask 100.05 (between 100.0 and 100.1): the touch reads it rounded up, 100.1, with its own size.
    expect(apply(DELTA(11, '[]', '[["100.05","0.500"]]'))).toBe('applied');
    expect([book.bestBidTicks(), book.bestBidLots(), book.bestAskTicks(), book.bestAskLots()]).toEqual([1000, 1000, 1001, 500]);
    // Resize 99.95, remove 100.05 and 100.25: back to the on-grid touch.
    expect(apply(DELTA(12, '[["99.95","5.000"]]', '[["100.05","0"],["100.25","0"]]'))).toBe('applied');
    expect(book.offGridBids().map((l) => [l.price.text, l.qtyLots])).toEqual([['99.95', 5000]]);
    expect([book.askDepth, book.bestAskTicks(), book.bestAskLots(), book.offGridDepth, book.offGridLevelsReceived, book.removedAbsent]).toEqual([1, 1001, 1000, 1, 6, 0]);
  });

  it('still resyncs on a crossed book whose crossing level is off the grid', () => {
    const parser = new BybitStreamParser({ grids: buildSymbolGridLookup(BYBIT_LINEAR_SPECS) });
    const sync = new BybitBookSync('BTCUSDT');
    const snap = parse(parser, SNAPSHOT);
    if (snap.kind !== 'book-snapshot') throw new Error(snap.kind);
    sync.onSnapshot(snap);
    const delta = parse(parser, DELTA(11, '[["100.15","1.000"]]', '[]')); // a bid above the 100.1 ask
    if (delta.kind !== 'book-delta') throw new Error(delta.kind);
    expect(sync.onDelta(delta)).toEqual({ kind: 'crossed', updateId: 11, bidTicks: 1001, askTicks: 1001 });
    expect([sync.state, sync.book.offGridDepth]).toEqual(['needs-resync', 0]);
  });
});
