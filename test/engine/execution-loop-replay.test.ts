// The replay pipeline end to end through the real ExecutionLoop: the Binance 2021 capture (NKNUSDT) and the Bybit linear samples (BTCUSDT), exact counts, byte-stable reports, a dropped diff (gap, no quotes until a resync), hooks for trades/bars/marks.
import '../helpers/lazy-modules-setup.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildReplayFeedFromText } from '../../src/app/compose-replay.js';
import { Decimal, formatUnits } from '../../src/core/money/decimal.js';
import { buildSymbolGridLookup } from '../../src/core/market/symbol-grid.js';
import type { MarketContextEvent, MarketDataEvent, QuoteEvent } from '../../src/core/model/market-data-event.js';
import type { StrategyBar, StrategyBookView, StrategyDefinition } from '../../src/ports/strategy.js';
import { encodeReplay, type ReplayRecord } from '../../src/feeds/replay/replay-format.js';
import { decodeReplay } from '../../src/feeds/replay/replay-decoder.js';
import type { ExchangeClient } from '../../src/ports/exchange-client.js';
import type { MarketDataFeed } from '../../src/ports/market-data-feed.js';
import { BinanceBookSync } from '../../src/venues/binance/binance-book-sync.js';
import { BinanceStreamParser } from '../../src/venues/binance/ws/binance-stream-parser.js';
import { BINANCE_CAPTURE_SPECS, BYBIT_LINEAR_SPECS } from '../helpers/market-grids.js';
import { RecordingExchangeClient } from '../helpers/recording-exchange-client.js';
import { runReplay } from '../helpers/replay-run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BINANCE_TEXT = readFileSync(`${ROOT}test/fixtures/replay/binance-spot-2021-10-11.jsonl`, 'utf8');
const BYBIT_TEXT = readFileSync(`${ROOT}test/fixtures/replay/bybit-linear-samples.jsonl`, 'utf8');
const NKN = BINANCE_CAPTURE_SPECS[0]!;
const BTC_LINEAR = BYBIT_LINEAR_SPECS[0]!;

type MarketData = {
  frames_by_class: Record<string, number>;
  rest_by_class: Record<string, number>;
  events_delivered: Record<string, number>;
  books: Record<string, Record<string, unknown>>;
  bars: Record<string, unknown>;
  loop: { by_symbol: Record<string, Record<string, number>> };
  symbols: Record<string, Record<string, unknown>>;
};
type Report = { market_data: MarketData; execution: { market_updates: number }; orders: { placed: number; filled: number }; runtime: { start_utc: string } };

afterEach(() => vi.restoreAllMocks());

/** Every NKNUSDT quote the feed yields for `text`. */
function nknQuotes(text: string): QuoteEvent[] {
  const { feed } = buildReplayFeedFromText('q', text, [NKN], { barResolutions: '' });
  const quotes: QuoteEvent[] = [];
  for (let e: MarketDataEvent | null = feed.next(); e !== null; e = feed.next()) if (e.kind === 'quote') quotes.push(e);
  return quotes;
}

/** Line numbers (1-based) of the NKNUSDT diff frames. */
function nknDiffLines(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (line.includes('nknusdt@depth@100ms') ? [i + 1] : []));
}

/** A REST depth record holding the true NKNUSDT book after the diff on `line` (the capture's snapshot + its diffs up to it). */
function resyncSnapshotAfter(text: string, line: number): ReplayRecord {
  const { records } = decodeReplay(text.split('\n').slice(0, line).join('\n') + '\n');
  const parser = new BinanceStreamParser({ grids: buildSymbolGridLookup(BINANCE_CAPTURE_SPECS) });
  const sync = new BinanceBookSync('NKNUSDT', { market: 'spot' });
  const events: MarketDataEvent[] = [];
  for (const r of records) {
    if (r.kind === 'frame') parser.parse(r.frame, r.t, events);
    else if (r.kind === 'rest' && r.rest.includes('NKNUSDT')) parser.parseDepthSnapshotBody(r.body, 'NKNUSDT', r.t, events);
  }
  for (const e of events) {
    if (e.symbol !== 'NKNUSDT') continue;
    if (e.kind === 'book-snapshot') sync.onSnapshot(e);
    if (e.kind === 'book-delta') sync.onDelta(e);
  }
  const level = ([p, q]: readonly [number, number]): [string, string] => [formatUnits(p, new Decimal(NKN.tickSize)), formatUnits(q, new Decimal(NKN.lotSize))];
  const body = JSON.stringify({ lastUpdateId: sync.updateId, bids: sync.book.topBids(5000).map(level), asks: sync.book.topAsks(5000).map(level) });
  return { kind: 'rest', t: records[records.length - 1]!.t, rest: 'GET /api/v3/depth?symbol=NKNUSDT&limit=1000', body };
}

describe('replay through the execution loop', () => {
  it('replays the Binance capture trading NKNUSDT: every frame parses, the book syncs with no gap, exact event counts', async () => {
    const run = await runReplay('binance-spot-2021-10-11.jsonl', BINANCE_TEXT, [NKN], { observe: BINANCE_CAPTURE_SPECS });
    const md = (run.report as unknown as Report).market_data;
    expect(md.frames_by_class['market-data']).toBe(265);
    expect(Object.values(md.frames_by_class).reduce((a, b) => a + b, 0)).toBe(265);
    expect(md.rest_by_class).toEqual({ 'market-data': 4 });
    expect(md.books['NKNUSDT']).toMatchObject({ state: 'synced', snapshots: 1, applied: 149, gaps: 0, stale_snapshots: 0, crossed: 0, resyncs: 0, sync_losses: 0 });
    for (const symbol of ['BLZETH', 'LRCBTC', 'RUNEEUR']) expect(md.books[symbol]).toMatchObject({ state: 'synced', gaps: 0, crossed: 0 });
    expect(md.events_delivered).toEqual({ quote: 38, trade: 1, bar: 2, mark: 0, ticker: 0 });
    expect(md.symbols['NKNUSDT']).toMatchObject({ quotes_from_book: 38, quotes_from_stream: 0, stream_quotes_superseded: 74 });
    expect(md.bars).toMatchObject({ delivered_from_trades: 1, delivered_from_venue: 1, trades_in: 1 });
    expect(md.loop.by_symbol).toEqual({ NKNUSDT: { quotes: 38, trades: 1, bars: 2, marks: 0, tickers: 0 } });
    expect(run.loop.counters.marketUpdates).toBe(38);
    const report = run.report as unknown as Report;
    expect([report.runtime.start_utc, report.orders.placed, report.orders.filled]).toEqual(['2021-10-12T00:28:32.063Z', 42, 12]);
  });

  it('gives a byte-identical canonical report on every run of the Binance capture', async () => {
    const a = await runReplay('binance-spot-2021-10-11.jsonl', BINANCE_TEXT, [NKN], { observe: BINANCE_CAPTURE_SPECS });
    const b = await runReplay('binance-spot-2021-10-11.jsonl', BINANCE_TEXT, [NKN], { observe: BINANCE_CAPTURE_SPECS });
    expect(b.text).toBe(a.text);
    expect(a.text).toContain('"market_data": {');
  });

  it('replays the Bybit linear samples trading BTCUSDT: snapshot then delta through the Bybit book sync, byte-stable', async () => {
    const a = await runReplay('bybit-linear-samples.jsonl', BYBIT_TEXT, [BTC_LINEAR], { observe: BYBIT_LINEAR_SPECS });
    const b = await runReplay('bybit-linear-samples.jsonl', BYBIT_TEXT, [BTC_LINEAR], { observe: BYBIT_LINEAR_SPECS });
    expect(b.text).toBe(a.text);
    const md = (a.report as unknown as Report).market_data;
    expect(md.frames_by_class['market-data']).toBe(6);
    expect(md.books['BTCUSDT']).toMatchObject({ state: 'synced', update_id: 7003306, snapshots: 1, applied: 1, gaps: 0, crossed: 0 });
    expect(md.books['BTCPERP']).toMatchObject({ state: 'synced', update_id: 20683569, applied: 1 });
    expect(md.events_delivered).toEqual({ quote: 2, trade: 0, bar: 0, mark: 1, ticker: 0 });
    expect(md.symbols['BTCUSDT']).toMatchObject({ quotes_from_book: 2, stream_quotes_superseded: 1 });
    expect(md.symbols['LTCUSDT']).toMatchObject({ traded: false, skipped_untraded: 1 });
    expect(md.loop.by_symbol).toEqual({ BTCUSDT: { quotes: 2, trades: 0, bars: 0, marks: 1, tickers: 0 } });
  });

  it('counts a dropped diff as a gap, quotes nothing until a later snapshot resyncs the book, then quotes as the intact capture', async () => {
    const lines = BINANCE_TEXT.split('\n');
    const diffs = nknDiffLines(BINANCE_TEXT);
    const dropLine = diffs[20]!;
    const resyncAfter = diffs[60]!;
    const dropT = decodeReplay(`${lines[0]}\n${lines[dropLine - 1]}\n`).records[0]!.t;
    const resync = resyncSnapshotAfter(BINANCE_TEXT, resyncAfter);
    const edited = lines.flatMap((line, i) => (i + 1 === dropLine ? [] : i + 1 === resyncAfter ? [line, JSON.stringify({ t: resync.t, rest: resync.kind === 'rest' ? resync.rest : '', body: resync.kind === 'rest' ? resync.body : '' })] : [line])).join('\n');

    const intact = nknQuotes(BINANCE_TEXT);
    const broken = nknQuotes(edited);
    const during = broken.filter((q) => q.ts > dropT && q.ts < resync.t);
    expect(during).toEqual([]);
    // From the resync on, the book is the true one again: the same quotes as the intact capture (the first one is always published).
    expect(broken.filter((q) => q.ts > resync.t)).toEqual(intact.filter((q) => q.ts > resync.t));
    expect(broken.filter((q) => q.ts < dropT)).toEqual(intact.filter((q) => q.ts < dropT));
    expect([intact.length, broken.length]).toEqual([38, 23]);

    const run = await runReplay('edited.jsonl', edited, [NKN]);
    const md = (run.report as unknown as Report).market_data;
    expect(md.books['NKNUSDT']).toMatchObject({ state: 'synced', snapshots: 2, gaps: 1, resyncs: 1, sync_losses: 1 });
    expect(md.loop.by_symbol['NKNUSDT']).toMatchObject({ quotes: 23 });
    expect(md.rest_by_class).toEqual({ 'market-data': 2, 'unknown-symbol': 3 });
    expect(encodeReplay(decodeReplay(edited).header, decodeReplay(edited).records)).toBe(edited);
  });

  it('passes trades, bars and marks to the venue hook and bars to the strategy, in event order', async () => {
    const seen: string[] = [];
    const bars: StrategyBar[] = [];
    const wrapStrategy = (inner: StrategyDefinition): StrategyDefinition => ({
      ...inner,
      create: (ctx) => Object.assign(inner.create(ctx), { onBar: (_symbol: number, bar: StrategyBar) => void bars.push(bar) }),
    });
    class HookedClient extends RecordingExchangeClient {
      override onMarketEvent(e: MarketContextEvent): void {
        seen.push(`${e.kind}@${e.ts}${e.kind === 'bar' ? `/${e.source}` : ''}`);
      }
    }
    const wrapVenue = (venue: ExchangeClient): ExchangeClient => new HookedClient(venue, () => ({ now: () => 0 }));
    await runReplay('binance-spot-2021-10-11.jsonl', BINANCE_TEXT, [NKN], { wrapVenue, wrapStrategy });
    expect(seen).toEqual(['trade@1633998523957', 'bar@1633998523957/venue', 'bar@1633998540000/buffer']);
    expect(bars.map((bar) => [bar.source, bar.openTs, bar.closeTicks, bar.volumeLots, bar.tradeCount])).toEqual([
      ['venue', 1633998480000, 35280, 258770, 30],
      ['buffer', 1633998480000, 35280, 580, 1],
    ]);
  });

  it('shows the strategy the synced book in depth on onBook: the exact top levels of each side, best first, as the book holds them', async () => {
    const seen: { ts: number; bids: unknown; asks: unknown; visited: (number | null)[]; deep: number | null }[] = [];
    const wrapStrategy = (inner: StrategyDefinition): StrategyDefinition => ({
      ...inner,
      create: (ctx) =>
        Object.assign(inner.create(ctx), {
          onBook: (symbol: number, book: StrategyBookView) => {
            if (seen.length >= 2) return;
            const depths: number[] = [];
            const visited = book.forEachLevel(symbol, 'BUY', 3, (_p, _q, depth) => void depths.push(depth));
            expect(depths).toEqual([0, 1, 2]);
            seen.push({ ts: ctx.now(), bids: book.levels(symbol, 'BUY', 3), asks: book.levels(symbol, 'SELL', 3), visited: [visited, book.forEachLevel(symbol, 'SELL', 0, () => undefined)], deep: book.forEachLevel(symbol, 'SELL', 100_000, () => undefined) });
          },
        }),
    });
    await runReplay('binance-spot-2021-10-11.jsonl', BINANCE_TEXT, [NKN], { wrapStrategy });
    // The first onBook follows the REST snapshot (line 3 of the capture: bids 0.3521×672, 0.352×1144, 0.3519×3260; asks
    // 0.3525×3959, 0.3526×3199, 0.3527×4201 of 1000 ask levels; tick 0.0001, lot 0.1); the next, a diff that cut 0.3525 to 1123.
    expect(seen[0]).toEqual({
      ts: 1633998512320,
      bids: [{ priceTicks: 35210, qtyLots: 6720 }, { priceTicks: 35200, qtyLots: 11440 }, { priceTicks: 35190, qtyLots: 32600 }],
      asks: [{ priceTicks: 35250, qtyLots: 39590 }, { priceTicks: 35260, qtyLots: 31990 }, { priceTicks: 35270, qtyLots: 42010 }],
      visited: [3, 0],
      deep: 1000,
    });
    expect((seen[1]!.asks as unknown[])[0]).toEqual({ priceTicks: 35250, qtyLots: 11230 });
  });

  it('delivers 24hrTicker frames as ticker context events: counted, passed to the venue hook, no change to orders or fills', async () => {
    const { header, records } = decodeReplay(BINANCE_TEXT);
    const at = [40, 120, 200];
    const ticker = (t: number): ReplayRecord => ({
      kind: 'frame', t,
      frame: JSON.stringify({ stream: 'nknusdt@ticker', data: { e: '24hrTicker', E: t + 3, s: 'NKNUSDT', p: '0.0100', P: '2.9', w: '0.3500', x: '0.3430', c: '0.3528', Q: '58', b: '0.3527', B: '10', a: '0.3528', A: '12', o: '0.3428', h: '0.3600', l: '0.3400', v: '1000000', q: '350000.5', O: t - 86_400_000, C: t, F: 1, L: 5000, n: 5000 } }),
    });
    const withTickers = records.flatMap((r, i) => (at.includes(i) ? [r, ticker(r.t)] : [r]));
    const text = encodeReplay(header, withTickers);
    const seen: string[] = [];
    class HookedClient extends RecordingExchangeClient {
      override onMarketEvent(e: MarketContextEvent): void {
        if (e.kind === 'ticker') seen.push(`${e.ts}:${e.lastTicks}/${e.tradeCount}`);
      }
    }
    const wrapVenue = (venue: ExchangeClient): ExchangeClient => new HookedClient(venue, () => ({ now: () => 0 }));
    const run = await runReplay('binance-spot-2021-10-11.jsonl', text, [NKN], { wrapVenue });
    const intact = await runReplay('binance-spot-2021-10-11.jsonl', BINANCE_TEXT, [NKN]);
    expect(seen).toEqual(at.map((i) => `${records[i]!.t}:35280/5000`));
    const md = (run.report as unknown as Report).market_data;
    expect(md.events_delivered).toEqual({ quote: 38, trade: 1, bar: 2, mark: 0, ticker: 3 });
    expect(md.loop.by_symbol).toEqual({ NKNUSDT: { quotes: 38, trades: 1, bars: 2, marks: 0, tickers: 3 } });
    expect(md.frames_by_class).toMatchObject({ 'market-data': 229, ignored: 0 });
    const strip = (r: Record<string, unknown>) => ({ orders: r['orders'], fills: r['fills'], pnl: r['pnl'], positions: r['positions'] });
    expect(strip(run.report as Record<string, unknown>)).toEqual(strip(intact.report as Record<string, unknown>));
  });

  it('refuses a book event from a feed: feeds turn books into quotes', async () => {
    const delta: MarketDataEvent = { kind: 'book-delta', symbol: 'NKNUSDT', ts: 1633998512063, bids: [], asks: [], firstUpdateId: 1, finalUpdateId: 1, prevFinalUpdateId: null, seq: null };
    const wrapFeed = (feed: MarketDataFeed): MarketDataFeed => ({ kind: feed.kind, expectedUpdates: null, next: () => delta, stop: () => feed.stop() });
    await expect(runReplay('binance-spot-2021-10-11.jsonl', BINANCE_TEXT, [NKN], { wrapFeed })).rejects.toMatchObject({
      code: 'E_INVARIANT',
      message: 'invariant violated: the feed delivered a book-delta event for NKNUSDT: book events must become quotes in the feed',
    });
  });
});
