// Covers ReplayFeed on hand-made replays: receive-time stamping, book-derived quotes only on a changed top, stream quotes before/after a book, gaps and resyncs, bars at their boundary, untraded/unknown/invalid frames, warm-up, end and stop.
import '../../helpers/lazy-modules-setup.js';
import { describe, expect, it } from 'vitest';
import { buildReplayFeedFromText, type ReplayBuildOptions } from '../../../src/app/compose-replay.js';
import type { MarketDataEvent } from '../../../src/core/model/market-data-event.js';
import type { ReplayRecord } from '../../../src/feeds/replay/replay-format.js';
import { BINANCE_CAPTURE_SPECS, gridSpec } from '../../helpers/market-grids.js';
import {
  BINANCE_SPOT_HEADER,
  BINANCE_USDM_HEADER,
  BYBIT_LINEAR_HEADER,
  binanceAggTrade,
  binanceBookTicker,
  binanceDepth,
  binanceDepthSnapshot,
  binanceUsdmTrade,
  bybitOrderbook,
  frame,
  replayText,
} from '../../helpers/replay-frames.js';

const NKN = BINANCE_CAPTURE_SPECS[0]!;
const T = 1_633_998_512_000;

function feedOf(records: readonly ReplayRecord[], options: ReplayBuildOptions = {}) {
  return buildReplayFeedFromText('test.jsonl', replayText(BINANCE_SPOT_HEADER, records), [NKN], { barResolutions: '', ...options }).feed;
}

function drain(records: readonly ReplayRecord[], options: ReplayBuildOptions = {}): MarketDataEvent[] {
  const feed = feedOf(records, options);
  const out: MarketDataEvent[] = [];
  for (let e = feed.next(); e !== null; e = feed.next()) out.push(e);
  return out;
}

/** "kind@t[:bid/ask]" per event, t relative to T. */
function brief(events: readonly MarketDataEvent[]): string[] {
  return events.map((e) => `${e.kind}@${e.ts - T}${e.kind === 'quote' ? `:${e.bidTicks}x${e.bidLots}/${e.askTicks}x${e.askLots}` : ''}`);
}

const SNAPSHOT = binanceDepthSnapshot(T + 100, 'NKNUSDT', 100, [['0.35210000', '672.00000000'], ['0.35200000', '1144.00000000']], [['0.35260000', '3199.00000000'], ['0.35270000', '10.00000000']]);

describe('ReplayFeed', () => {
  it("delivers each event at its record's receive time, not the venue's event time", () => {
    const events = drain([binanceAggTrade(T + 10, 'NKNUSDT', 7, '0.35280000', '58.00000000', true), binanceBookTicker(T + 20, 'NKNUSDT', 1, ['0.35210000', '1.0'], ['0.35260000', '2.0'])]);
    expect(events).toEqual([
      { kind: 'trade', symbol: 'NKNUSDT', ts: T + 10, priceTicks: 35280, qtyLots: 580, takerSide: 'sell', tradeId: '7' },
      { kind: 'quote', symbol: 'NKNUSDT', ts: T + 20, bidTicks: 35210, askTicks: 35260, bidLots: 10, askLots: 20, seq: 1 },
    ]);
  });

  it('publishes a book quote after the snapshot and then only when the best bid or ask price or size changes', () => {
    const events = drain([
      SNAPSHOT,
      binanceDepth(T + 200, 'NKNUSDT', 101, 101, [['0.35200000', '5.00000000']]), // second level: top unchanged
      binanceDepth(T + 300, 'NKNUSDT', 102, 103, [['0.35210000', '700.00000000']]), // best bid size
      binanceDepth(T + 400, 'NKNUSDT', 104, 104, [], [['0.35250000', '1.00000000']]), // new best ask
      binanceDepth(T + 500, 'NKNUSDT', 105, 105, [['0.35210000', '0']]), // best bid removed: next level is best
    ]);
    expect(brief(events)).toEqual([
      'quote@100:35210x6720/35260x31990',
      'quote@300:35210x7000/35260x31990',
      'quote@400:35210x7000/35250x10',
      'quote@500:35200x50/35250x10',
    ]);
    expect(events.map((e) => (e.kind === 'quote' ? e.seq : null))).toEqual([100, 103, 104, 105]);
  });

  it("delivers a symbol's stream quotes until its first book event, then only quotes from its book", () => {
    const feed = feedOf([
      binanceBookTicker(T + 10, 'NKNUSDT', 90, ['0.35000000', '1.0'], ['0.36000000', '1.0']),
      binanceDepth(T + 20, 'NKNUSDT', 99, 101, [['0.35210000', '672.00000000']]), // buffered until the snapshot
      binanceBookTicker(T + 30, 'NKNUSDT', 101, ['0.35100000', '1.0'], ['0.36000000', '1.0']),
      SNAPSHOT,
    ]);
    const events: MarketDataEvent[] = [];
    for (let e = feed.next(); e !== null; e = feed.next()) events.push(e);
    expect(brief(events)).toEqual(['quote@10:35000x10/36000x10', 'quote@100:35210x6720/35260x31990']);
    const health = feed.health() as { symbols: Record<string, unknown> };
    expect(health.symbols['NKNUSDT']).toEqual({ traded: true, quotes_from_book: 1, quotes_from_stream: 1, stream_quotes_superseded: 1, skipped_untraded: 0 });
  });

  it('stops quoting a symbol after a gap until a later snapshot in the file resyncs its book', () => {
    const feed = feedOf([
      SNAPSHOT,
      binanceDepth(T + 200, 'NKNUSDT', 101, 102, [['0.35210000', '1.00000000']]),
      // 103 is missing
      binanceDepth(T + 300, 'NKNUSDT', 104, 104, [['0.35210000', '2.00000000']]),
      binanceDepth(T + 400, 'NKNUSDT', 105, 105, [['0.35210000', '3.00000000']]),
      binanceDepthSnapshot(T + 500, 'NKNUSDT', 104, [['0.35210000', '9.00000000']], [['0.35260000', '9.00000000']]),
      binanceDepth(T + 600, 'NKNUSDT', 106, 106, [], [['0.35260000', '4.00000000']]),
    ]);
    const events: MarketDataEvent[] = [];
    for (let e = feed.next(); e !== null; e = feed.next()) events.push(e);
    // The resync snapshot (104) replays the buffered delta 105 before its quote.
    expect(brief(events)).toEqual(['quote@100:35210x6720/35260x31990', 'quote@200:35210x10/35260x31990', 'quote@500:35210x30/35260x90', 'quote@600:35210x30/35260x40']);
    const books = (feed.health() as { books: Record<string, Record<string, unknown>> }).books;
    expect(books['NKNUSDT']).toMatchObject({ state: 'synced', update_id: 106, snapshots: 2, gaps: 1, resyncs: 1, sync_losses: 1, applied: 3, updates_without_quote: 2 });
  });

  it('shows its synced book as a BookView at the event being handed out, and nothing while the book is out of sync', () => {
    const feed = feedOf([
      SNAPSHOT,
      binanceDepth(T + 200, 'NKNUSDT', 101, 101, [['0.35200000', '5.00000000']]),
      binanceDepth(T + 300, 'NKNUSDT', 103, 103, [['0.35210000', '1.00000000']]), // gap: 102 missing
    ]);
    expect(feed.book.levelLots('NKNUSDT', 'BUY', 35210)).toBeNull(); // nothing read yet
    expect(feed.next()).toMatchObject({ kind: 'quote', ts: T + 100 });
    expect(feed.book.levelLots('NKNUSDT', 'BUY', 35210)).toBe(6720);
    expect(feed.book.levelLots('NKNUSDT', 'BUY', 35200)).toBe(11440);
    expect(feed.book.levelLots('NKNUSDT', 'BUY', 35190)).toBeNull(); // beyond the snapshot's depth
    expect(feed.book.levelLots('NKNUSDT', 'SELL', 35230)).toBe(0); // inside the spread
    expect(feed.book.levelLots('NKNUSDT', 'SELL', 35270)).toBe(100);
    expect(feed.book.levelLots('XYZUSDT', 'BUY', 1)).toBeNull();
    expect(feed.next()).toBeNull(); // the second delta changes no top; the third is a gap
    expect(feed.book.levelLots('NKNUSDT', 'BUY', 35210)).toBeNull();
  });

  it('builds bars from trades and delivers each at its end boundary, before the record that passes it', () => {
    const events = drain(
      [
        binanceAggTrade(T + 100, 'NKNUSDT', 1, '0.35280000', '58.00000000'),
        binanceAggTrade(T + 600, 'NKNUSDT', 2, '0.35300000', '1.00000000', true),
        binanceAggTrade(T + 900, 'NKNUSDT', 3, '0.35270000', '2.50000000'),
        binanceBookTicker(T + 2_300, 'NKNUSDT', 1, ['0.35210000', '1.0'], ['0.35260000', '2.0']),
      ],
      { barResolutions: '1s' },
    );
    expect(brief(events)).toEqual(['trade@100', 'trade@600', 'trade@900', 'bar@1000', 'quote@2300:35210x10/35260x20']);
    expect(events[3]).toEqual({
      kind: 'bar', symbol: 'NKNUSDT', ts: T + 1_000, resolutionMs: 1_000, openTs: T,
      openTicks: 35280, highTicks: 35300, lowTicks: 35270, closeTicks: 35270, volumeLots: 615, tradeCount: 3, source: 'buffer', closed: true,
    });
  });

  it('counts unknown-symbol, unknown and invalid frames with their lines and a sample of each bad frame, and keeps replaying', () => {
    const feed = feedOf([
      frame(T + 1, 'not json'),
      frame(T + 2, '{"hello":1}'),
      binanceBookTicker(T + 3, 'XYZUSDT', 1, ['1.0', '1.0'], ['2.0', '1.0']),
      binanceBookTicker(T + 4, 'NKNUSDT', 1, ['0.352100001', '1.0'], ['0.35260000', '2.0']),
      binanceAggTrade(T + 5, 'NKNUSDT', 9, '0.35280000', '0.00000000'),
      { kind: 'rest', t: T + 6, rest: 'GET /api/v3/trades?symbol=NKNUSDT', body: '[]' },
      binanceBookTicker(T + 7, 'NKNUSDT', 2, ['0.35210000', '1.0'], ['0.35260000', '2.0']),
    ]);
    const events: MarketDataEvent[] = [];
    for (let e = feed.next(); e !== null; e = feed.next()) events.push(e);
    expect(brief(events)).toEqual(['quote@7:35210x10/35260x20']);
    const health = feed.health() as Record<string, unknown>;
    expect(health['frames_by_class']).toEqual({ ack: 0, control: 0, error: 0, ignored: 0, 'invalid-json': 1, 'invalid-value': 1, 'market-data': 2, unknown: 1, 'unknown-symbol': 1 });
    expect(health['unknown_symbols']).toEqual({ XYZUSDT: 1 });
    expect(health['rest_by_class']).toEqual({ unsupported: 1 });
    expect(health['parse_errors']).toBe(2);
    expect(health['problems']).toEqual([
      { line: 2, what: 'invalid-json', detail: 'not JSON', sample: 'not json' },
      { line: 3, what: 'unknown', detail: 'payload without event type', sample: '{"hello":1}' },
      { line: 5, what: 'invalid-value', detail: 'NKNUSDT bookTicker', sample: '{"stream":"nknusdt@bookTicker","data":{"u":1,"s":"NKNUSDT","b":"0.352100001","B":"1.0","a":"0.35260000","A":"2.0"}}' },
      { line: 6, what: 'zero-size trade', detail: 'NKNUSDT 9' },
      { line: 7, what: 'rest unsupported', detail: 'GET /api/v3/trades?symbol=NKNUSDT: not a request the replay uses' },
    ]);
  });

  it('keeps the books of observed symbols without delivering their events', () => {
    const text = replayText(BINANCE_SPOT_HEADER, [
      binanceDepthSnapshot(T + 1, 'BLZETH', 10, [['0.00000100', '5']], [['0.00000200', '5']]),
      binanceDepth(T + 2, 'BLZETH', 11, 11, [['0.00000150', '1']]),
      binanceBookTicker(T + 3, 'BLZETH', 11, ['0.00000150', '1'], ['0.00000200', '5']),
    ]);
    const { feed } = buildReplayFeedFromText('t', text, [NKN], { observe: BINANCE_CAPTURE_SPECS, barResolutions: '' });
    expect(feed.next()).toBeNull();
    const health = feed.health() as { symbols: Record<string, unknown>; books: Record<string, Record<string, unknown>> };
    expect(health.symbols['BLZETH']).toEqual({ traded: false, quotes_from_book: 0, quotes_from_stream: 0, stream_quotes_superseded: 0, skipped_untraded: 3 });
    expect(health.books['BLZETH']).toMatchObject({ state: 'synced', update_id: 11, applied: 1, bid_levels: 2, ask_levels: 1 });
  });

  it('warms books up before the clock start, delivers nothing before it, and stops reading at start + duration', () => {
    const records = [
      SNAPSHOT,
      binanceDepth(T + 200, 'NKNUSDT', 101, 101, [['0.35210000', '1.00000000']]),
      binanceDepth(T + 300, 'NKNUSDT', 102, 102, [['0.35210000', '2.00000000']]),
      binanceDepth(T + 400, 'NKNUSDT', 103, 103, [['0.35210000', '3.00000000']]),
    ];
    const feed = feedOf(records, { clockStartMs: T + 250, durationMs: 150 });
    const events: MarketDataEvent[] = [];
    for (let e = feed.next(); e !== null; e = feed.next()) events.push(e);
    expect(brief(events)).toEqual(['quote@300:35210x20/35260x31990']);
    expect(feed.health()).toMatchObject({ records: 3, warmup_events: 2 });
  });

  it('returns null from every next() after stop()', () => {
    const feed = feedOf([SNAPSHOT, binanceDepth(T + 200, 'NKNUSDT', 101, 101, [['0.35210000', '1.00000000']])]);
    expect(feed.kind).toBe('replay:test.jsonl');
    expect(feed.expectedUpdates).toBeNull();
    expect(feed.next()).not.toBeNull();
    feed.stop();
    expect(feed.next()).toBeNull();
    expect(feed.next()).toBeNull();
  });

  it('counts trades outside the public book by origin and never delivers them (no fill model, no bar, no trade count)', () => {
    const btc = gridSpec('BTCUSDT', 'BTC', 'USDT', '0.1', '0.001');
    const text = replayText(BINANCE_USDM_HEADER, [
      binanceUsdmTrade(T + 100, 'BTCUSDT', 1, '70206.20', '0.010', 'MARKET'),
      binanceUsdmTrade(T + 200, 'BTCUSDT', 2, '70190.1234567', '1.500', 'INSURANCE_FUND', true),
      binanceUsdmTrade(T + 300, 'BTCUSDT', 3, '70195.55', '0.200', 'ADL'),
      binanceUsdmTrade(T + 400, 'BTCUSDT', 4, '70188.00', '0.300', 'INSURANCE_FUND'),
      binanceUsdmTrade(T + 500, 'BTCUSDT', 5, '70206.30', '0.020', 'MARKET', true),
    ]);
    const { feed } = buildReplayFeedFromText('t', text, [btc], { barResolutions: '1s' });
    const events: MarketDataEvent[] = [];
    for (let e = feed.next(); e !== null; e = feed.next()) events.push(e);
    expect(events.map((e) => (e.kind === 'trade' ? `trade:${e.tradeId}@${e.ts - T}` : e.kind))).toEqual(['trade:1@100', 'trade:5@500']);
    const health = feed.health() as Record<string, Record<string, unknown>>;
    expect(health['off_book_trades']).toEqual({ ADL: 1, INSURANCE_FUND: 2 });
    expect(health['events_delivered']).toEqual({ quote: 0, trade: 2, bar: 0, mark: 0, ticker: 0 });
    expect(health['frames_by_class']).toMatchObject({ 'market-data': 5, 'invalid-value': 0 });
    expect(health['bars']).toMatchObject({ trades_in: 2 });
  });

  it('takes a Bybit delta that skips an update id for a gap: no quote until the next snapshot, one resync, counters exact', () => {
    const btc = gridSpec('BTCUSDT', 'BTC', 'USDT', '0.1', '0.001');
    const text = replayText(BYBIT_LINEAR_HEADER, [
      bybitOrderbook(T + 100, 'BTCUSDT', 'snapshot', 10, [['95000.0', '1.000']], [['95010.0', '1.000']]),
      bybitOrderbook(T + 200, 'BTCUSDT', 'delta', 11, [['95001.0', '1.000']], []),
      bybitOrderbook(T + 300, 'BTCUSDT', 'delta', 13, [['95002.0', '1.000']], []),
      bybitOrderbook(T + 400, 'BTCUSDT', 'delta', 14, [['95003.0', '1.000']], []),
      bybitOrderbook(T + 500, 'BTCUSDT', 'snapshot', 20, [['95004.0', '1.000']], [['95010.0', '1.000']]),
      bybitOrderbook(T + 600, 'BTCUSDT', 'delta', 21, [['95005.0', '1.000']], []),
    ]);
    const { feed } = buildReplayFeedFromText('t', text, [btc], { barResolutions: '' });
    const events: MarketDataEvent[] = [];
    for (let e = feed.next(); e !== null; e = feed.next()) events.push(e);
    expect(brief(events)).toEqual(['quote@100:950000x1000/950100x1000', 'quote@200:950010x1000/950100x1000', 'quote@500:950040x1000/950100x1000', 'quote@600:950050x1000/950100x1000']);
    const health = feed.health() as { books: Record<string, Record<string, unknown>> };
    expect(health.books['BTCUSDT']).toMatchObject({
      state: 'synced', update_id: 21, snapshots: 2, applied: 2, gaps: 1, crossed: 0, resyncs: 1, sync_losses: 1,
      dropped_unsynced: 1, dropped_stale: 0, update_id_jumps: 0, updates_without_quote: 2,
    });
  });

  it('trades only the symbols it is given', () => {
    const other = gridSpec('BTCUSDT', 'BTC', 'USDT', '0.01', '0.00001');
    const text = replayText(BINANCE_SPOT_HEADER, [binanceBookTicker(T + 1, 'NKNUSDT', 1, ['0.35210000', '1.0'], ['0.35260000', '2.0'])]);
    const { feed } = buildReplayFeedFromText('t', text, [other], { barResolutions: '' });
    expect(feed.next()).toBeNull();
    expect((feed.health() as Record<string, unknown>)['unknown_symbols']).toEqual({ NKNUSDT: 1 });
  });
});

describe('ReplayFeed on hostile frames', () => {
  it('counts a reply frame with a 20,000-deep array in its id and replays on', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const feed = feedOf([frame(T + 1, `{"result":null,"id":${deep}}`), binanceBookTicker(T + 2, 'NKNUSDT', 1, ['0.35210000', '1.0'], ['0.35260000', '2.0'])]);
    const events: MarketDataEvent[] = [];
    for (let e = feed.next(); e !== null; e = feed.next()) events.push(e);
    expect(brief(events)).toEqual(['quote@2:35210x10/35260x20']);
    expect((feed.health() as Record<string, Record<string, number>>)['frames_by_class']).toMatchObject({ ack: 1, 'market-data': 1 });
  });
});
