// Covers StreamLiveFeed with an in-memory stream: records become the events a normalized replay gives at floor(local_us / 1000), the session is woken, a stream failure fails the feed, an empty run names the last error, and stop() closes the stream.
import { describe, expect, it } from 'vitest';
import { buildSymbolGridLookup } from '../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../src/core/model/market-data-event.js';
import { StreamLiveFeed } from '../../../src/feeds/live/stream-live-feed.js';
import type { NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import { normalizedReplayKit } from '../../../src/feeds/replay/normalized-replay-kit.js';
import { SystemTimers } from '../../../src/feeds/ws/system-timers.js';
import type { NormalizedStream } from '../../../src/venues/venue-module.js';
import { gridSpec } from '../../helpers/market-grids.js';
import { waitUntil } from '../../helpers/wait-until.js';

const SPEC = gridSpec('BTC/USDT', 'BTC', 'USDT', '0.01', '0.001');
const snapshot = (us: number): NormalizedRecord => ({ type: 'book_snapshot', symbol: 'BTC/USDT', exchange_us: us, local_us: us, bids: [['100', '1']], asks: [['100.1', '2']] });
const trade = (us: number): NormalizedRecord => ({ type: 'trade', symbol: 'BTC/USDT', exchange_us: us, local_us: us, id: 't1', side: 'sell', price: '100', size: '0.5' });

/** A stream handing out `push`ed batches; `fail` ends it with a reason, close() ends it empty. */
function memoryStream(): { stream: NormalizedStream; push: (records: NormalizedRecord[]) => void; fail: (why: string) => void; closed: () => boolean } {
  const batches: NormalizedRecord[][] = [];
  let waiter: (() => void) | null = null;
  let failed: string | null = null;
  let closed = false;
  const stream: NormalizedStream = {
    async next() {
      while (batches.length === 0 && failed === null && !closed) await new Promise<void>((resolve) => (waiter = resolve));
      return batches.shift() ?? [];
    },
    async close() {
      closed = true;
      waiter?.();
    },
    health: () => ({ memory: true }),
    failure: () => failed,
    lastError: () => failed ?? 'HTTP 503',
  };
  return {
    stream,
    push: (records) => {
      batches.push(records);
      waiter?.();
    },
    fail: (why) => {
      failed = why;
      waiter?.();
    },
    closed: () => closed,
  };
}

function feedOver(stream: NormalizedStream): { feed: StreamLiveFeed; wakes: () => number; logs: string[] } {
  let wakes = 0;
  const logs: string[] = [];
  const feed = new StreamLiveFeed({
    venue: 'lib:x',
    market: 'spot',
    url: 'ws://127.0.0.1:1/x',
    kinds: ['book', 'trades'],
    open: async (log) => {
      log('opened');
      return stream;
    },
    kit: normalizedReplayKit(buildSymbolGridLookup([SPEC])),
    tradedSymbols: ['BTC/USDT'],
    barResolutionsMs: [],
    clock: { now: () => 0 },
    timers: new SystemTimers(),
  });
  feed.setObserver({ wake: () => void wakes++, log: (line) => void logs.push(line) });
  return { feed, wakes: () => wakes, logs };
}

function drain(feed: StreamLiveFeed): MarketDataEvent[] {
  const out: MarketDataEvent[] = [];
  for (let e = feed.next(); e !== null; e = feed.next()) out.push(e);
  return out;
}

describe('StreamLiveFeed', () => {
  it('delivers a book record as the top of book and a trade as a trade, at the records\' receive ms, and wakes the session', async () => {
    const memory = memoryStream();
    const { feed, wakes, logs } = feedOver(memory.stream);
    await feed.open();
    feed.start();
    expect(logs).toEqual(['opened']);
    memory.push([snapshot(1_000_500), trade(1_002_999)]);
    await waitUntil(() => feed.waiting === 2, 'two events');
    expect(wakes()).toBe(1);
    expect(drain(feed)).toEqual([
      { kind: 'quote', symbol: 'BTC/USDT', ts: 1000, bidTicks: 10000, askTicks: 10010, bidLots: 1000, askLots: 2000, seq: 0 },
      { kind: 'trade', symbol: 'BTC/USDT', ts: 1002, priceTicks: 10000, qtyLots: 500, takerSide: 'sell', tradeId: 't1' },
    ]);
    expect(feed.parked).toBe(true);
    const health = feed.health() as { records: number; live: Record<string, unknown> };
    expect(health.records).toBe(2);
    expect(health.live).toEqual({ venue: 'lib:x', market: 'spot', url: 'ws://127.0.0.1:1/x', streams: ['book', 'trades'], end_reason: null, failure: null, library: { memory: true } });
    feed.stop();
    await feed.closed();
    expect(memory.closed()).toBe(true);
    expect(feed.next()).toBeNull();
  });

  it('fails with the stream\'s reason and wakes the session', async () => {
    const memory = memoryStream();
    const { feed, wakes } = feedOver(memory.stream);
    await feed.open();
    feed.start();
    memory.fail('NetworkError: gone');
    await waitUntil(() => feed.failure !== null, 'the failure');
    expect(feed.failure).toBe('NetworkError: gone');
    expect(wakes()).toBe(1);
    feed.stop();
  });

  it('names the last stream error when a run ends without data', async () => {
    const memory = memoryStream();
    const { feed } = feedOver(memory.stream);
    await feed.open();
    feed.start();
    expect(feed.noteNoData(3000)).toBe('no market data in 3000 ms; the streams delivered no record (last error: HTTP 503)');
    feed.noteEnd('duration');
    expect((feed.health() as { live: { end_reason: string } }).live.end_reason).toBe('duration');
    feed.stop();
    await feed.closed();
  });
});
