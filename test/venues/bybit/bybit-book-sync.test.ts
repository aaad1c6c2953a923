// Covers BybitBookSync on recorded and documented V5 orderbook frames (snapshot then delta, exact levels) and on hand-built sequences: stale u, u=1 restart, u jumps, crossed books, deltas without a snapshot.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { BybitBookSync } from '../../../src/venues/bybit/bybit-book-sync.js';
import type { BookDeltaEvent, BookLevel, BookSnapshotEvent } from '../../../src/core/model/market-data-event.js';
import { Decimal, parseDecimal, toUnits } from '../../../src/core/money/decimal.js';
import { codeOf } from '../../helpers/error-code.js';

const FIXTURES = new URL('../../fixtures/venues/', import.meta.url);
const TICK = new Decimal('0.1'); // BTCUSDT / BTCPERP price step in these frames
const LOT = new Decimal('0.001'); // and size step

interface OrderbookFrame {
  readonly topic: string;
  readonly type: 'snapshot' | 'delta';
  readonly ts: number;
  readonly data: { s: string; b: [string, string][]; a: [string, string][]; u: number; seq: number };
}

function levels(raw: [string, string][]): BookLevel[] {
  return raw.map(([price, size]) => [toUnits(parseDecimal(price, 'price'), TICK, 'price'), toUnits(parseDecimal(size, 'size'), LOT, 'size')] as const);
}

/** Minimal local mapping of an orderbook frame (the real parser is elsewhere): u → updateId / final and first update id, seq → seq. */
function toEvent(frame: OrderbookFrame): BookSnapshotEvent | BookDeltaEvent {
  const { s, b, a, u, seq } = frame.data;
  if (frame.type === 'snapshot') return { kind: 'book-snapshot', symbol: s, ts: frame.ts, bids: levels(b), asks: levels(a), updateId: u, seq };
  return { kind: 'book-delta', symbol: s, ts: frame.ts, bids: levels(b), asks: levels(a), firstUpdateId: u, finalUpdateId: u, prevFinalUpdateId: null, seq };
}

function tardisFrames(topic: string): OrderbookFrame[] {
  const file = JSON.parse(readFileSync(new URL('bybit_v5_ws_tardis_derivatives_samples.json', FIXTURES), 'utf8')) as { messages: { topic: string }[] };
  return file.messages.filter((m) => m.topic === topic) as unknown as OrderbookFrame[];
}

function feed(sync: BybitBookSync, frame: OrderbookFrame) {
  const event = toEvent(frame);
  return event.kind === 'book-snapshot' ? sync.onSnapshot(event) : sync.onDelta(event);
}

function snapshot(u: number, bids: BookLevel[], asks: BookLevel[], symbol = 'X'): BookSnapshotEvent {
  return { kind: 'book-snapshot', symbol, ts: u, bids, asks, updateId: u, seq: u * 10 };
}

function delta(u: number, bids: BookLevel[] = [], asks: BookLevel[] = [], symbol = 'X'): BookDeltaEvent {
  return { kind: 'book-delta', symbol, ts: u, bids, asks, firstUpdateId: u, finalUpdateId: u, prevFinalUpdateId: null, seq: u * 10 };
}

const BIDS: BookLevel[] = [[100, 5], [99, 7]];
const ASKS: BookLevel[] = [[101, 2], [102, 4]];

describe('BybitBookSync', () => {
  describe('recorded frames (tardis-node samples, Apr 2023)', () => {
    it('builds orderbook.1.BTCUSDT from its snapshot, applies the next delta, and drops a later-session delta with a smaller u as stale', () => {
      const frames = tardisFrames('orderbook.1.BTCUSDT');
      expect(frames.map((f) => [f.type, f.data.u])).toEqual([['snapshot', 7003305], ['delta', 7003306], ['delta', 1188472]]);
      const sync = new BybitBookSync('BTCUSDT');
      expect(feed(sync, frames[0] as OrderbookFrame)).toEqual({ kind: 'resynced', updateId: 7003305, replayed: 0, droppedStale: 0, recovered: false });
      expect([sync.book.topBids(5), sync.book.topAsks(5)]).toEqual([[[285_520, 47]], [[285_521, 25_433]]]);
      expect(feed(sync, frames[1] as OrderbookFrame)).toEqual({ kind: 'applied', updateId: 7003306 });
      expect([sync.book.topBids(5), sync.book.topAsks(5)]).toEqual([[[285_520, 12]], [[285_521, 25_433]]]);
      expect(sync.seq).toBe(50193543147);
      expect(feed(sync, frames[2] as OrderbookFrame)).toEqual({ kind: 'dropped-stale', updateId: 1188472, bookUpdateId: 7003306 });
      expect([sync.book.topBids(5), sync.book.topAsks(5)]).toEqual([[[285_520, 12]], [[285_521, 25_433]]]);
    });

    it('builds orderbook.50.BTCPERP from its snapshot and applies the delta to exact levels', () => {
      const sync = new BybitBookSync('BTCPERP');
      const outcomes = tardisFrames('orderbook.50.BTCPERP').map((f) => feed(sync, f));
      expect(outcomes).toEqual([
        { kind: 'resynced', updateId: 20683568, replayed: 0, droppedStale: 0, recovered: false },
        { kind: 'applied', updateId: 20683569 },
      ]);
      expect([sync.book.topBids(5), sync.book.topAsks(5)]).toEqual([[[285_552, 677]], [[285_553, 29]]]);
      expect(sync.seq).toBe(10916156553);
      expect(sync.counters()).toMatchObject({ snapshots: 1, applied: 1, droppedStale: 0, updateIdJumps: 0, crossed: 0 });
    });
  });

  describe('the documented orderbook.50.BTCUSDT delta', () => {
    const docDelta = JSON.parse(readFileSync(new URL('bybit_v5_ws_orderbook50_delta_docs.json', FIXTURES), 'utf8')) as OrderbookFrame;

    it('is dropped and counted when no snapshot came first', () => {
      const sync = new BybitBookSync('BTCUSDT');
      expect(feed(sync, docDelta)).toEqual({ kind: 'dropped-unsynced', updateId: 177400507 });
      expect(sync.counters().droppedUnsynced).toBe(1);
      expect(sync.needsSnapshot()).toBe(true);
    });

    it('updates, inserts and deletes levels of a preceding snapshot exactly', () => {
      const sync = new BybitBookSync('BTCUSDT');
      sync.onSnapshot({
        kind: 'book-snapshot', symbol: 'BTCUSDT', ts: 1687940967446, updateId: 177400506, seq: 66544703300,
        bids: levels([['30247.20', '1.000'], ['30240.00', '0.500'], ['30239.00', '2.000']]),
        asks: levels([['30248.70', '0.300'], ['30249.60', '0.400'], ['30250.00', '1.000']]),
      });
      expect(feed(sync, docDelta)).toEqual({ kind: 'applied', updateId: 177400507 });
      expect(sync.book.topBids(10)).toEqual(levels([['30247.20', '30.028'], ['30245.40', '0.224'], ['30242.10', '1.593'], ['30240.30', '1.305'], ['30239.00', '2.000']]));
      expect(sync.book.topAsks(10)).toEqual(
        levels([['30249.30', '0.892'], ['30249.50', '1.778'], ['30250.00', '1.000'], ['30251.90', '2.947'], ['30252.20', '0.659'], ['30252.50', '4.591']]),
      );
      expect(sync.seq).toBe(66544703342);
      expect(sync.book.removedAbsent).toBe(0);
    });
  });

  describe('hand-built sequences', () => {
    it('drops a delta whose u is not newer than the book', () => {
      const sync = new BybitBookSync('X');
      sync.onSnapshot(snapshot(10, BIDS, ASKS));
      expect(sync.onDelta(delta(10, [[100, 1]]))).toEqual({ kind: 'dropped-stale', updateId: 10, bookUpdateId: 10 });
      expect(sync.book.bidLotsAt(100)).toBe(5);
    });

    it('overwrites the book on a u=1 snapshot (service restart) and continues from it', () => {
      const sync = new BybitBookSync('X');
      sync.onSnapshot(snapshot(500, BIDS, ASKS));
      sync.onDelta(delta(501, [[98, 1]]));
      expect(sync.onSnapshot(snapshot(1, [[90, 1]], [[91, 1]]))).toEqual({ kind: 'resynced', updateId: 1, replayed: 0, droppedStale: 0, recovered: false });
      expect(sync.onDelta(delta(2, [[89, 4]]))).toEqual({ kind: 'applied', updateId: 2 });
      expect(sync.book.topBids(5)).toEqual([[90, 1], [89, 4]]);
    });

    it('replaces the book on a re-pushed snapshot with the same u (level-1 keep-alive)', () => {
      const sync = new BybitBookSync('X');
      sync.onSnapshot(snapshot(7, [[100, 1]], [[101, 1]]));
      expect(sync.onSnapshot(snapshot(7, [[100, 1]], [[101, 1]]))).toMatchObject({ kind: 'resynced', updateId: 7 });
      expect(sync.counters().snapshots).toBe(2);
    });

    it('with gapOnUpdateIdJump false, applies a delta that skips update ids and counts the jump', () => {
      const sync = new BybitBookSync('X', { gapOnUpdateIdJump: false });
      sync.onSnapshot(snapshot(10, BIDS, ASKS));
      expect(sync.onDelta(delta(15, [[98, 2]]))).toEqual({ kind: 'applied', updateId: 15 });
      expect(sync.counters().updateIdJumps).toBe(1);
      expect(sync.counters().gaps).toBe(0);
    });

    it('treats a skipped id (u above the book\'s + 1) as a gap until a new snapshot arrives, by default', () => {
      const sync = new BybitBookSync('X');
      sync.onSnapshot(snapshot(10, BIDS, ASKS));
      expect(sync.onDelta(delta(12))).toEqual({ kind: 'gap', reason: 'missed-updates', expected: 11, received: 12 });
      expect([sync.state, sync.updateId, sync.book.bidDepth]).toEqual(['needs-resync', null, 0]);
      expect(sync.onDelta(delta(13))).toEqual({ kind: 'dropped-unsynced', updateId: 13 });
      expect(sync.onSnapshot(snapshot(20, BIDS, ASKS))).toEqual({ kind: 'resynced', updateId: 20, replayed: 0, droppedStale: 0, recovered: true });
      expect(sync.onDelta(delta(21))).toEqual({ kind: 'applied', updateId: 21 });
      expect(sync.counters()).toMatchObject({
        snapshots: 2, applied: 1, buffered: 0, gaps: 1, staleSnapshots: 0, crossed: 0, resyncs: 1,
        droppedStale: 0, droppedUnsynced: 1, droppedOverflow: 0, updateIdJumps: 0,
      });
    });

    it('reads a delta with u = 1 as the service restart\'s snapshot data: it replaces the book (non-zero levels) and deltas go on from it', () => {
      const sync = new BybitBookSync('X');
      sync.onSnapshot(snapshot(500, BIDS, ASKS));
      expect(sync.onDelta(delta(1, [[90, 1], [89, 0]], [[91, 2]]))).toEqual({ kind: 'resynced', updateId: 1, replayed: 0, droppedStale: 0, recovered: false });
      expect([sync.book.topBids(5), sync.book.topAsks(5)]).toEqual([[[90, 1]], [[91, 2]]]);
      expect(sync.onDelta(delta(2, [[89, 4]]))).toEqual({ kind: 'applied', updateId: 2 });
      expect(sync.counters()).toMatchObject({ snapshots: 2, applied: 1, droppedStale: 0, gaps: 0 });
    });

    it('reports a crossed book after a delta, clears it and waits for a snapshot', () => {
      const sync = new BybitBookSync('X');
      sync.onSnapshot(snapshot(10, BIDS, ASKS));
      expect(sync.onDelta(delta(11, [], [[99, 1]]))).toEqual({ kind: 'crossed', updateId: 11, bidTicks: 100, askTicks: 99 });
      expect([sync.state, sync.book.isCrossed(), sync.book.askDepth]).toEqual(['needs-resync', false, 0]);
      expect(sync.onDelta(delta(12))).toEqual({ kind: 'dropped-unsynced', updateId: 12 });
      expect(sync.onSnapshot(snapshot(12, BIDS, ASKS))).toMatchObject({ kind: 'resynced', recovered: true });
      expect(sync.counters()).toMatchObject({ crossed: 1, resyncs: 1 });
    });

    it('refuses an event for another symbol with E_INVARIANT', () => {
      const sync = new BybitBookSync('X');
      expect(codeOf(() => sync.onSnapshot(snapshot(1, [], [], 'Y')))).toBe('E_INVARIANT');
      expect(codeOf(() => sync.onDelta(delta(1, [], [], 'Y')))).toBe('E_INVARIANT');
    });
  });
});
