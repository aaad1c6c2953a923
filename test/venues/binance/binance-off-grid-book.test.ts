// The real NKNUSDT REST snapshot read on a 0.0001 grid (tick ×10, as after a tick-size change): its 34 deep bids at 5 decimals are kept at their exact price and counted; the snapshot stays valid and the capture's diffs sync on top of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSymbolGridLookup } from '../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../src/core/model/market-data-event.js';
import { Decimal } from '../../../src/core/money/decimal.js';
import { BinanceBookSync } from '../../../src/venues/binance/binance-book-sync.js';
import { BinanceStreamParser } from '../../../src/venues/binance/ws/binance-stream-parser.js';
import { gridSpec } from '../../helpers/market-grids.js';

const FIXTURES = new URL('../../fixtures/venues/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const NKN_TICK_0001 = gridSpec('NKNUSDT', 'NKN', 'USDT', '0.0001', '0.1');

function snapshotBody(): { body: string; levels: { bids: [string, string][]; asks: [string, string][] } } {
  const line = read('binance_spot_rest_depth_snapshots_cryptofeed_2021-10-11.txt').split('\n').find((l) => l.includes('symbol=NKNUSDT&'))!;
  const body = line.slice(line.indexOf(': ', line.indexOf(' -> ')) + 2);
  return { body, levels: JSON.parse(body) as { bids: [string, string][]; asks: [string, string][] } };
}

describe('an off-grid REST depth snapshot (real NKNUSDT, 2021-10-11, on a 0.0001 tick)', () => {
  it('parses as market data: 575 bids on the grid, 34 off it at their exact prices, all 1000 asks on it', () => {
    const parser = new BinanceStreamParser({ grids: buildSymbolGridLookup([NKN_TICK_0001]) });
    const events: MarketDataEvent[] = [];
    expect(parser.parseDepthSnapshotBody(snapshotBody().body, 'NKNUSDT', 1633998512320, events)).toBe('market-data');
    const snap = events[0]!;
    if (snap.kind !== 'book-snapshot') throw new Error(snap.kind);
    expect([snap.bids.length, snap.asks.length, snap.offGrid?.length]).toEqual([575, 1000, 34]);
    expect(snap.offGrid!.every((l) => l.side === 'bid')).toBe(true);
    expect(snap.offGrid!.slice(0, 2).map((l) => [l.price.text, l.price.floorUnits, l.qtyLots])).toEqual([
      ['0.25974', 2597, 510],
      ['0.25789', 2578, 400],
    ]);
  });

  it('syncs the book with every level at its exact price, counts the 34, and keeps the touch on the grid', () => {
    const parser = new BinanceStreamParser({ grids: buildSymbolGridLookup([NKN_TICK_0001]) });
    const events: MarketDataEvent[] = [];
    parser.parseDepthSnapshotBody(snapshotBody().body, 'NKNUSDT', 1633998512320, events);
    const sync = new BinanceBookSync('NKNUSDT', { market: 'spot' });
    const snap = events[0]!;
    if (snap.kind !== 'book-snapshot') throw new Error(snap.kind);
    expect(sync.onSnapshot(snap)).toEqual({ kind: 'resynced', updateId: 499869752, replayed: 0, droppedStale: 0, recovered: false });
    const book = sync.book;
    expect([book.bidDepth, book.askDepth, book.offGridDepth, book.offGridLevelsReceived]).toEqual([609, 1000, 34, 34]);
    // Every bid of the snapshot is in the book at its exact price: on-grid ones as ticks of 0.0001, the rest exactly.
    const tick = new Decimal('0.0001');
    const lot = new Decimal('0.1');
    const inBook = [
      ...book.topBids(1000).map(([p, q]) => [new Decimal(p).times(tick).toFixed(), new Decimal(q).times(lot).toFixed()]),
      ...book.offGridBids().map((l) => [l.price.text, new Decimal(l.qtyLots).times(lot).toFixed()]),
    ].sort((a, b) => new Decimal(b[0]!).comparedTo(a[0]!));
    const expected = snapshotBody().levels.bids.map(([p, q]) => [new Decimal(p).toFixed(), new Decimal(q).toFixed()]);
    expect(inBook).toEqual(expected);
    expect(book.offGridBids().at(-1)).toEqual({ price: { text: '0.00212', exact: book.offGridBids().at(-1)!.price.exact, floorUnits: 21 }, qtyLots: 1179245 });
    // The touch is on the grid (0.3521 / 0.3525), and the deepest bid is the off-grid 0.00212: 0.0022 is inside the book, 0.0021 beyond it.
    expect([book.bestBidTicks(), book.bestAskTicks()]).toEqual([3521, 3525]);
    expect([book.levelLots('bid', 22), book.levelLots('bid', 21)]).toEqual([0, null]);
  });

  it('applies the capture’s 149 diffs on top (none off the grid) with no gap or crossing', () => {
    const parser = new BinanceStreamParser({ grids: buildSymbolGridLookup([NKN_TICK_0001]) });
    const sync = new BinanceBookSync('NKNUSDT', { market: 'spot' });
    const snapEvents: MarketDataEvent[] = [];
    parser.parseDepthSnapshotBody(snapshotBody().body, 'NKNUSDT', 1633998512320, snapEvents);
    const snap = snapEvents[0]!;
    if (snap.kind !== 'book-snapshot') throw new Error(snap.kind);
    const lines = read('binance_spot_ws_capture_cryptofeed_2021-10-11.txt').split('\n').slice(1).filter((l) => l.includes('"nknusdt@depth@100ms"'));
    const outcomes: string[] = [];
    lines.forEach((line, i) => {
      const events: MarketDataEvent[] = [];
      expect(parser.parse(line.slice(line.indexOf(': ') + 2), 1, events)).toBe('market-data');
      const delta = events[0]!;
      if (delta.kind !== 'book-delta') throw new Error(delta.kind);
      outcomes.push(sync.onDelta(delta).kind);
      if (i === 0) outcomes.push(sync.onSnapshot(snap).kind); // the snapshot arrived after the first diff
    });
    expect(outcomes.filter((k) => k === 'applied')).toHaveLength(149);
    expect(sync.counters()).toMatchObject({ applied: 149, gaps: 0, crossed: 0, snapshots: 1 });
    expect([sync.book.bidDepth, sync.book.askDepth, sync.book.offGridDepth, sync.book.offGridLevelsReceived]).toEqual([614, 994, 34, 34]);
  });
});
