// Covers BinanceBookSync: the real NKNUSDT capture syncs from its REST snapshot with zero gaps and matches bookTicker; spot buffering, stale drops, gaps, stale snapshots, overflow, crossed books; futures pu chain.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { BinanceBookSync } from '../../../src/venues/binance/binance-book-sync.js';
import type { BookSyncOutcome } from '../../../src/core/market/book-sync-outcome.js';
import type { BookDeltaEvent, BookLevel, BookSnapshotEvent } from '../../../src/core/model/market-data-event.js';
import { Decimal, parseDecimal, toUnits } from '../../../src/core/money/decimal.js';
import { codeOf } from '../../helpers/error-code.js';

const FIXTURES = new URL('../../fixtures/venues/', import.meta.url);
const GRID = new Decimal('0.00000001');

/** Minimal local mapping of a Binance decimal string to integer units of 1e-8 (the real parser is elsewhere). */
function units(text: string): number {
  return toUnits(parseDecimal(text, 'binance decimal'), GRID, 'binance decimal');
}

function levels(raw: [string, string][]): BookLevel[] {
  return raw.map(([price, qty]) => [units(price), units(qty)] as const);
}

interface Timed<T> {
  readonly receivedAt: number;
  readonly value: T;
}

interface TickerFrame {
  readonly u: number;
  readonly b: string;
  readonly B: string;
  readonly a: string;
  readonly A: string;
}

/** `<local unix ts>: <frame>` lines of the capture (the first line is the connect URL). */
function captureFrames(): Timed<{ stream: string; data: Record<string, unknown> }>[] {
  const text = readFileSync(new URL('binance_spot_ws_capture_cryptofeed_2021-10-11.txt', FIXTURES), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const at = line.indexOf(': ');
      return { receivedAt: Number(line.slice(0, at)), value: JSON.parse(line.slice(at + 2)) };
    });
}

function nknSnapshot(): Timed<BookSnapshotEvent> {
  const text = readFileSync(new URL('binance_spot_rest_depth_snapshots_cryptofeed_2021-10-11.txt', FIXTURES), 'utf8');
  const line = text.split('\n').find((l) => l.includes('symbol=NKNUSDT&'));
  if (line === undefined) throw new Error('no NKNUSDT snapshot in the fixture');
  const rest = line.slice(line.indexOf(' -> ') + 4);
  const at = rest.indexOf(': ');
  const receivedAt = Number(rest.slice(0, at));
  const body = JSON.parse(rest.slice(at + 2)) as { lastUpdateId: number; bids: [string, string][]; asks: [string, string][] };
  return {
    receivedAt,
    value: {
      kind: 'book-snapshot', symbol: 'NKNUSDT', ts: Math.round(receivedAt * 1000),
      bids: levels(body.bids), asks: levels(body.asks), updateId: body.lastUpdateId, seq: null,
    },
  };
}

function delta(U: number, u: number, bids: BookLevel[] = [], asks: BookLevel[] = [], pu: number | null = null, symbol = 'X'): BookDeltaEvent {
  return { kind: 'book-delta', symbol, ts: u, bids, asks, firstUpdateId: U, finalUpdateId: u, prevFinalUpdateId: pu, seq: null };
}

function snapshot(updateId: number, bids: BookLevel[], asks: BookLevel[], symbol = 'X'): BookSnapshotEvent {
  return { kind: 'book-snapshot', symbol, ts: updateId, bids, asks, updateId, seq: null };
}

const BIDS: BookLevel[] = [[100, 5], [99, 7]];
const ASKS: BookLevel[] = [[101, 2], [102, 4]];

describe('BinanceBookSync', () => {
  describe('the real NKNUSDT capture (spot, 2021-10-11)', () => {
    it('syncs from the REST snapshot 499869752 with zero gaps, never crossed, matching every bookTicker at the same update id', () => {
      const frames = captureFrames();
      const deltas: Timed<BookDeltaEvent>[] = [];
      const tickers = new Map<number, TickerFrame>();
      for (const { receivedAt, value } of frames) {
        if (value.stream === 'nknusdt@bookTicker') {
          const t = value.data as unknown as TickerFrame;
          tickers.set(t.u, t);
        }
        if (value.stream !== 'nknusdt@depth@100ms') continue;
        const d = value.data as { E: number; s: string; U: number; u: number; b: [string, string][]; a: [string, string][] };
        deltas.push({
          receivedAt,
          value: {
            kind: 'book-delta', symbol: d.s, ts: d.E, bids: levels(d.b), asks: levels(d.a),
            firstUpdateId: d.U, finalUpdateId: d.u, prevFinalUpdateId: null, seq: null,
          },
        });
      }
      expect(deltas).toHaveLength(150);
      const snap = nknSnapshot();
      // Replay in receive order: the snapshot arrived after the first diff.
      const firstAfterSnapshot = deltas.findIndex((d) => d.receivedAt > snap.receivedAt);
      expect(firstAfterSnapshot).toBe(1);

      const sync = new BinanceBookSync('NKNUSDT', { market: 'spot' });
      const outcomes: BookSyncOutcome[] = [];
      let crossedSeen = 0;
      let tickerChecks = 0;
      const feed = (outcome: BookSyncOutcome, u: number | null): void => {
        outcomes.push(outcome);
        if (sync.book.isCrossed()) crossedSeen++;
        const ticker = u === null ? undefined : tickers.get(u);
        if (ticker !== undefined && outcome.kind === 'applied') {
          tickerChecks++;
          expect([sync.book.bestBidTicks(), sync.book.bestBidLots(), sync.book.bestAskTicks(), sync.book.bestAskLots()]).toEqual([
            units(ticker.b), units(ticker.B), units(ticker.a), units(ticker.A),
          ]);
        }
      };
      deltas.slice(0, firstAfterSnapshot).forEach((d) => feed(sync.onDelta(d.value), d.value.finalUpdateId));
      feed(sync.onSnapshot(snap.value), null);
      deltas.slice(firstAfterSnapshot).forEach((d) => feed(sync.onDelta(d.value), d.value.finalUpdateId));

      expect(outcomes[0]).toEqual({ kind: 'buffered', pending: 1 });
      expect(outcomes[1]).toEqual({ kind: 'resynced', updateId: 499869752, replayed: 0, droppedStale: 1, recovered: false });
      expect(outcomes[2]).toEqual({ kind: 'applied', updateId: 499869754 });
      expect(outcomes.slice(2).every((o) => o.kind === 'applied')).toBe(true);
      expect(sync.counters()).toEqual({
        applied: 149, buffered: 1, droppedStale: 1, droppedUnsynced: 0, droppedOverflow: 0,
        gaps: 0, staleSnapshots: 0, crossed: 0, snapshots: 1, resyncs: 0, updateIdJumps: 0,
      });
      expect(crossedSeen).toBe(0);
      expect(tickerChecks).toBe(19);
      expect(sync.state).toBe('synced');
      expect(sync.updateId).toBe(499870179);
      // the last NKNUSDT bookTicker (u 499870151) shows 0.35270000 × 9602 / 0.35310000 × 152; later diffs leave the top alone
      expect(sync.book.topBids(3)).toEqual([[35_270_000, 960_200_000_000], [35_260_000, 282_900_000_000], [35_250_000, 185_000_000_000]]);
      expect(sync.book.topAsks(3)).toEqual([[35_310_000, 15_200_000_000], [35_320_000, 94_900_000_000], [35_330_000, 271_300_000_000]]);
    });
  });

  describe('spot, hand-built sequences', () => {
    it('buffers deltas before the snapshot, drops those with u ≤ lastUpdateId and replays the rest', () => {
      const sync = new BinanceBookSync('X', { market: 'spot' });
      expect(sync.onDelta(delta(5, 9, [[100, 1]]))).toEqual({ kind: 'buffered', pending: 1 });
      expect(sync.onDelta(delta(10, 12, [[100, 9]]))).toEqual({ kind: 'buffered', pending: 2 });
      expect(sync.onDelta(delta(13, 13, [], [[101, 3]]))).toEqual({ kind: 'buffered', pending: 3 });
      expect(sync.needsSnapshot()).toBe(true);
      expect(sync.onSnapshot(snapshot(10, BIDS, ASKS))).toEqual({ kind: 'resynced', updateId: 13, replayed: 2, droppedStale: 1, recovered: false });
      expect(sync.book.topBids(5)).toEqual([[100, 9], [99, 7]]);
      expect(sync.book.topAsks(5)).toEqual([[101, 3], [102, 4]]);
      expect(sync.pending).toBe(0);
    });

    it('drops a delta whose u is not newer than the book and leaves the book unchanged', () => {
      const sync = new BinanceBookSync('X', { market: 'spot' });
      sync.onSnapshot(snapshot(10, BIDS, ASKS));
      expect(sync.onDelta(delta(11, 12, [[100, 1]]))).toEqual({ kind: 'applied', updateId: 12 });
      expect(sync.onDelta(delta(11, 12, [[100, 50]]))).toEqual({ kind: 'dropped-stale', updateId: 12, bookUpdateId: 12 });
      expect(sync.onDelta(delta(3, 8, [[100, 60]]))).toEqual({ kind: 'dropped-stale', updateId: 8, bookUpdateId: 12 });
      expect(sync.book.bidLotsAt(100)).toBe(1);
      expect(sync.counters().droppedStale).toBe(2);
    });

    it('applies a delta overlapping the book id (U ≤ L+1 ≤ u), per the documented update procedure', () => {
      const sync = new BinanceBookSync('X', { market: 'spot' });
      sync.onSnapshot(snapshot(10, BIDS, ASKS));
      sync.onDelta(delta(11, 12));
      expect(sync.onDelta(delta(12, 15, [[98, 1]]))).toEqual({ kind: 'applied', updateId: 15 });
    });

    it('reports a gap when U skips past the book id + 1, clears the book and resyncs from a new snapshot', () => {
      const sync = new BinanceBookSync('X', { market: 'spot' });
      sync.onSnapshot(snapshot(10, BIDS, ASKS));
      sync.onDelta(delta(11, 12, [[100, 1]]));
      expect(sync.onDelta(delta(14, 15, [[99, 3]]))).toEqual({ kind: 'gap', reason: 'missed-updates', expected: 13, received: 14 });
      expect(sync.state).toBe('needs-resync');
      expect(sync.updateId).toBeNull();
      expect([sync.book.bidDepth, sync.book.askDepth]).toEqual([0, 0]);
      expect(sync.onDelta(delta(16, 16, [], [[101, 8]]))).toEqual({ kind: 'buffered', pending: 2 });
      expect(sync.onSnapshot(snapshot(14, [[100, 2], [99, 1]], ASKS))).toEqual({
        kind: 'resynced', updateId: 16, replayed: 2, droppedStale: 0, recovered: true,
      });
      expect(sync.book.topBids(5)).toEqual([[100, 2], [99, 3]]);
      expect(sync.book.topAsks(1)).toEqual([[101, 8]]);
      const c = sync.counters();
      expect([c.gaps, c.resyncs, c.snapshots, c.applied]).toEqual([1, 1, 2, 3]);
    });

    it('reports a snapshot older than the buffered stream as snapshot-too-old and keeps the buffer for the next one', () => {
      const sync = new BinanceBookSync('X', { market: 'spot' });
      sync.onDelta(delta(20, 22, [[100, 1]]));
      expect(sync.onSnapshot(snapshot(18, BIDS, ASKS))).toEqual({ kind: 'gap', reason: 'snapshot-too-old', expected: 19, received: 20 });
      expect(sync.pending).toBe(1);
      expect(sync.onSnapshot(snapshot(19, BIDS, ASKS))).toEqual({ kind: 'resynced', updateId: 22, replayed: 1, droppedStale: 0, recovered: true });
      expect(sync.counters().staleSnapshots).toBe(1);
      expect(sync.counters().gaps).toBe(0);
    });

    it('reports snapshot-too-old when the first live delta after the snapshot starts past lastUpdateId + 1', () => {
      const sync = new BinanceBookSync('X', { market: 'spot' });
      sync.onSnapshot(snapshot(10, BIDS, ASKS));
      expect(sync.onDelta(delta(12, 13))).toEqual({ kind: 'gap', reason: 'snapshot-too-old', expected: 11, received: 12 });
      expect(sync.state).toBe('needs-resync');
      expect(sync.pending).toBe(1);
    });

    it('ignores a snapshot that is not newer than the synced book, and applies a newer one', () => {
      const sync = new BinanceBookSync('X', { market: 'spot' });
      sync.onSnapshot(snapshot(10, BIDS, ASKS));
      sync.onDelta(delta(11, 20));
      expect(sync.onSnapshot(snapshot(20, [[1, 1]], [[2, 1]]))).toEqual({ kind: 'dropped-stale', updateId: 20, bookUpdateId: 20 });
      expect(sync.book.bestBidTicks()).toBe(100);
      expect(sync.onSnapshot(snapshot(30, [[1, 1]], [[2, 1]]))).toEqual({ kind: 'resynced', updateId: 30, replayed: 0, droppedStale: 0, recovered: false });
      expect(sync.onDelta(delta(31, 31))).toEqual({ kind: 'applied', updateId: 31 });
    });

    it('evicts the oldest buffered delta when the buffer is full and counts it', () => {
      const sync = new BinanceBookSync('X', { market: 'spot', maxBuffered: 2 });
      sync.onDelta(delta(1, 1));
      sync.onDelta(delta(2, 2));
      expect(sync.onDelta(delta(3, 3))).toEqual({ kind: 'buffered', pending: 2 });
      expect(sync.counters().droppedOverflow).toBe(1);
      expect(sync.onSnapshot(snapshot(1, BIDS, ASKS))).toEqual({ kind: 'resynced', updateId: 3, replayed: 2, droppedStale: 0, recovered: false });
    });

    it('reports a crossed book after a delta, clears it, and recovers from the next snapshot', () => {
      const sync = new BinanceBookSync('X', { market: 'spot' });
      sync.onSnapshot(snapshot(10, BIDS, ASKS));
      expect(sync.onDelta(delta(11, 11, [[101, 1]]))).toEqual({ kind: 'crossed', updateId: 11, bidTicks: 101, askTicks: 101 });
      expect(sync.state).toBe('needs-resync');
      expect(sync.book.isCrossed()).toBe(false);
      expect(sync.book.bidDepth).toBe(0);
      expect(sync.onSnapshot(snapshot(11, [[100, 5]], [[102, 4]]))).toMatchObject({ kind: 'resynced', recovered: true, droppedStale: 1 });
      expect(sync.counters().crossed).toBe(1);
      expect(sync.counters().resyncs).toBe(1);
    });

    it('reports a crossed snapshot instead of serving it', () => {
      const sync = new BinanceBookSync('X', { market: 'spot' });
      expect(sync.onSnapshot(snapshot(10, [[105, 1]], ASKS))).toEqual({ kind: 'crossed', updateId: 10, bidTicks: 105, askTicks: 101 });
      expect(sync.needsSnapshot()).toBe(true);
    });

    it('refuses an event for another symbol with E_INVARIANT', () => {
      const sync = new BinanceBookSync('X', { market: 'spot' });
      expect(codeOf(() => sync.onDelta(delta(1, 1, [], [], null, 'Y')))).toBe('E_INVARIANT');
      expect(codeOf(() => sync.onSnapshot(snapshot(1, [], [], 'Y')))).toBe('E_INVARIANT');
    });
  });

  describe('USD-M futures', () => {
    it('drops u < lastUpdateId, applies a first delta with U ≤ lastUpdateId ≤ u, then follows the pu chain whatever U is', () => {
      const sync = new BinanceBookSync('X', { market: 'usdm' });
      sync.onDelta(delta(90, 99, [[100, 1]], [], 89));
      sync.onDelta(delta(95, 100, [[100, 2]], [], 99)); // u == lastUpdateId: kept and applied first
      sync.onDelta(delta(101, 105, [[99, 3]], [], 100));
      expect(sync.onSnapshot(snapshot(100, BIDS, ASKS))).toEqual({ kind: 'resynced', updateId: 105, replayed: 2, droppedStale: 1, recovered: false });
      expect(sync.onDelta(delta(120, 130, [], [[101, 6]], 105))).toEqual({ kind: 'applied', updateId: 130 });
      expect(sync.book.topBids(5)).toEqual([[100, 2], [99, 3]]);
      expect(sync.book.topAsks(1)).toEqual([[101, 6]]);
    });

    it('reports a gap when pu differs from the previous u', () => {
      const sync = new BinanceBookSync('X', { market: 'usdm' });
      sync.onSnapshot(snapshot(100, BIDS, ASKS));
      sync.onDelta(delta(100, 105, [], [], 99));
      expect(sync.onDelta(delta(106, 110, [], [], 104))).toEqual({ kind: 'gap', reason: 'missed-updates', expected: 105, received: 104 });
      expect(sync.counters().gaps).toBe(1);
      expect(sync.pending).toBe(1);
    });

    it('drops a re-delivered delta (u ≤ book id) instead of reporting a gap', () => {
      const sync = new BinanceBookSync('X', { market: 'usdm' });
      sync.onSnapshot(snapshot(100, BIDS, ASKS));
      sync.onDelta(delta(100, 105, [], [], 99));
      expect(sync.onDelta(delta(100, 105, [], [], 99))).toEqual({ kind: 'dropped-stale', updateId: 105, bookUpdateId: 105 });
      expect(sync.state).toBe('synced');
    });

    it('reports snapshot-too-old when the first delta starts after lastUpdateId', () => {
      const sync = new BinanceBookSync('X', { market: 'usdm' });
      sync.onDelta(delta(101, 105, [], [], 100));
      expect(sync.onSnapshot(snapshot(100, BIDS, ASKS))).toEqual({ kind: 'gap', reason: 'snapshot-too-old', expected: 100, received: 101 });
    });

    it('refuses a futures delta without pu with E_INVARIANT', () => {
      const sync = new BinanceBookSync('X', { market: 'usdm' });
      expect(codeOf(() => sync.onDelta(delta(1, 2)))).toBe('E_INVARIANT');
    });
  });
});
