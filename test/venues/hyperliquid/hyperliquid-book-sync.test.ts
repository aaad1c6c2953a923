// Covers HyperliquidBookSync: whole-book pushes replace the book, older pushes are stale, a crossed push clears it until the next, deltas are a bug.
import { describe, expect, it } from 'vitest';
import type { BookSnapshotEvent } from '../../../src/core/model/market-data-event.js';
import { HyperliquidBookSync } from '../../../src/venues/hyperliquid/hyperliquid-book-sync.js';

const snap = (time: number, bid: number, ask: number): BookSnapshotEvent => ({ kind: 'book-snapshot', symbol: 'BTC', ts: time, bids: [[bid, 1]], asks: [[ask, 1]], updateId: time, seq: null });

describe('HyperliquidBookSync', () => {
  it('replaces the book on every push, drops an older one, recovers from a crossed one with the next push', () => {
    const sync = new HyperliquidBookSync('BTC');
    expect(sync.onSnapshot(snap(10, 100, 101))).toEqual({ kind: 'resynced', updateId: 10, replayed: 0, droppedStale: 0, recovered: false });
    expect(sync.onSnapshot(snap(9, 99, 100))).toEqual({ kind: 'dropped-stale', updateId: 9, bookUpdateId: 10 });
    expect(sync.book.bestBidTicks()).toBe(100);
    expect(sync.onSnapshot(snap(11, 102, 102))).toEqual({ kind: 'crossed', updateId: 11, bidTicks: 102, askTicks: 102 });
    expect(sync.state).toBe('needs-resync');
    expect(sync.onSnapshot(snap(12, 101, 103))).toMatchObject({ kind: 'resynced', recovered: true });
    expect(sync.counters()).toMatchObject({ snapshots: 3, droppedStale: 1, crossed: 1, resyncs: 1 });
    expect(() => sync.onDelta({ kind: 'book-delta', symbol: 'BTC', ts: 1, bids: [], asks: [], firstUpdateId: 1, finalUpdateId: 1, prevFinalUpdateId: null, seq: null })).toThrow(/no book deltas/);
  });
});
