// Covers compose-replay: USDT-only trading, spec picking, venue mismatch, format errors with line numbers, clock start, the model, bar resolutions, REST routing per market, raw-stream URLs, the market_data section.
import '../helpers/lazy-modules-setup.js';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildReplayFeed,
  buildReplayFeedFromText,
  replayInstrumentSpecs,
  replayVenueKit,
  replayVenueMismatch,
  replayVenueTable,
} from '../../src/app/compose-replay.js';
import { buildSymbolGridLookup } from '../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../src/core/model/market-data-event.js';
import { SymbolTable } from '../../src/core/model/symbol-table.js';
import { MarketEventTally } from '../../src/engine/market-event-tally.js';
import { BINANCE_CAPTURE_SPECS, BINANCE_DOC_SPECS, gridSpec } from '../helpers/market-grids.js';
import { BINANCE_SPOT_HEADER, BYBIT_LINEAR_HEADER, binanceBookTicker, binanceDepthSnapshot, frame, replayText } from '../helpers/replay-frames.js';
import { thrown } from '../helpers/thrown.js';

const NKN = BINANCE_CAPTURE_SPECS[0]!;
const T = 1_633_998_512_000;
const TEXT = replayText(BINANCE_SPOT_HEADER, [binanceBookTicker(T, 'NKNUSDT', 1, ['0.35210000', '1.0'], ['0.35260000', '2.0']), binanceBookTicker(T + 5, 'NKNUSDT', 2, ['0.35210000', '1.0'], ['0.35250000', '2.0'])]);
const dir = mkdtempSync(join(tmpdir(), 'compose-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildReplayFeed', () => {
  it('refuses to trade an instrument not quoted in USDT, and lets the run observe it instead', () => {
    const blz = BINANCE_CAPTURE_SPECS[1]!;
    expect(thrown(() => buildReplayFeedFromText('t', TEXT, [blz]))).toEqual({
      name: 'UsageError',
      code: 'E_USAGE',
      message: "replay symbol 'BLZETH' is quoted in ETH: a run trades USDT- or USDC-quoted instruments only (money is counted in USD); observe it instead",
    });
    expect(buildReplayFeedFromText('t', TEXT, [NKN], { observe: [blz] }).symbols).toEqual(['NKNUSDT']);
  });

  it('names the line of a malformed record with E_REPLAY_FORMAT, from text and (with the path) from a file', () => {
    const bad = TEXT.replace(/\n$/, '') + '\n{"t":1633998512009,"frame":5}\n';
    const what = 'line 4: a record is {"t","frame"} or {"t","rest","body"} with string values; got keys t,frame';
    expect(thrown(() => buildReplayFeedFromText('t', bad, [NKN]))).toEqual({ name: 'ShadowExecError', code: 'E_REPLAY_FORMAT', message: `replay ${what}` });
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, bad);
    expect(thrown(() => buildReplayFeed(path, [NKN]))).toEqual({ name: 'ShadowExecError', code: 'E_REPLAY_FORMAT', message: `replay file '${path}' ${what}` });
  });

  it('reads a replay file and labels the feed with its base name and SHA-256, not the path', () => {
    const path = join(dir, 'ok.jsonl');
    writeFileSync(path, TEXT);
    const replay = buildReplayFeed(path, [NKN]);
    const sha256 = createHash('sha256').update(TEXT).digest('hex');
    expect([replay.feed.kind, replay.startMs, replay.header.venue, replay.header.market]).toEqual(['replay:ok.jsonl', T, 'binance', 'spot']);
    expect(replay.identity).toEqual({ file: 'ok.jsonl', sha256 });
    expect(replay.model).toMatchObject({ file: 'ok.jsonl', sha256 });
    // The same text in memory is the same recording.
    expect(buildReplayFeedFromText('ok.jsonl', TEXT, [NKN]).identity).toEqual({ file: 'ok.jsonl', sha256 });
  });

  it('starts the clock at the first record, at clockStartMs when given, and at 2025-01-01 for a file without records', () => {
    expect(buildReplayFeedFromText('t', TEXT, [NKN]).startMs).toBe(T);
    expect(buildReplayFeedFromText('t', TEXT, [NKN], { clockStartMs: T + 3 }).startMs).toBe(T + 3);
    expect(buildReplayFeedFromText('t', replayText(BINANCE_SPOT_HEADER, []), [NKN]).startMs).toBe(1_735_689_600_000);
  });

  it('describes the replay for the report model', () => {
    const { model } = buildReplayFeedFromText('capture.jsonl', TEXT, [NKN], { barResolutions: '1s,1m', durationMs: 60_000, observe: BINANCE_CAPTURE_SPECS });
    expect(model).toMatchObject({
      kind: 'replay',
      file: 'capture.jsonl',
      venue: 'binance',
      market: 'spot',
      url: null,
      source: null,
      records: 2,
      first_record_utc: '2021-10-12T00:28:32.000Z',
      last_record_utc: '2021-10-12T00:28:32.005Z',
      start_utc: '2021-10-12T00:28:32.000Z',
      end_utc: '2021-10-12T00:29:32.000Z',
      traded_symbols: ['NKNUSDT'],
      observed_symbols: ['BLZETH', 'LRCBTC', 'RUNEEUR'],
      bars: { resolutions: ['1s', '1m'], empty_intervals: 'skip' },
    });
  });

  it('refuses a bad bar resolution list with E_CONFIG', () => {
    expect(thrown(() => buildReplayFeedFromText('t', TEXT, [NKN], { barResolutions: '1m,60s' })).code).toBe('E_CONFIG');
  });

  it("adds what the loop received under 'loop' in the market_data section", () => {
    const replay = buildReplayFeedFromText('t', TEXT, [NKN]);
    while (replay.feed.next() !== null);
    const tally = new MarketEventTally(new SymbolTable(['NKNUSDT']));
    tally.quote(0);
    const section = replay.healthReport(tally) as Record<string, unknown>;
    expect(section['loop']).toEqual({ quotes: 1, trades: 0, bars: 0, marks: 0, tickers: 0, by_symbol: { NKNUSDT: { quotes: 1, trades: 0, bars: 0, marks: 0, tickers: 0 } } });
    expect(section['events_delivered']).toEqual({ quote: 2, trade: 0, bar: 0, mark: 0, ticker: 0 });
  });
});

describe('replayInstrumentSpecs', () => {
  it('picks the specs of the given symbols in their order and names the available ones for an unknown symbol', () => {
    expect(replayInstrumentSpecs(BINANCE_CAPTURE_SPECS, ['RUNEEUR', 'NKNUSDT']).map((s) => s.symbol)).toEqual(['RUNEEUR', 'NKNUSDT']);
    expect(thrown(() => replayInstrumentSpecs(BINANCE_CAPTURE_SPECS, ['BTCUSDT'])).message).toBe(
      "replay symbol 'BTCUSDT' has no instrument spec: expected one of NKNUSDT, BLZETH, LRCBTC, RUNEEUR",
    );
  });
});

describe('replayVenueMismatch', () => {
  it('accepts the recorded venue and market and explains any other', () => {
    expect(replayVenueMismatch(BYBIT_LINEAR_HEADER, 'bybit', 'linear')).toBeNull();
    expect(replayVenueMismatch(BINANCE_SPOT_HEADER, 'binance', null)).toBeNull();
    expect(replayVenueMismatch(BYBIT_LINEAR_HEADER, 'bybit', 'spot')).toBe('the replay was recorded on bybit linear, not spot');
    expect(replayVenueMismatch(BINANCE_SPOT_HEADER, 'bybit', 'linear')).toBe('the replay was recorded on binance spot, not on bybit');
  });
});

describe('replayVenueKit', () => {
  const grids = buildSymbolGridLookup([...BINANCE_DOC_SPECS, NKN]);

  it('routes Binance depth REST records by market: /api/v3/depth on spot, /fapi/v1/depth on USD-M', () => {
    const spot = replayVenueKit(BINANCE_SPOT_HEADER, grids);
    const usdm = replayVenueKit({ ...BINANCE_SPOT_HEADER, market: 'usdm' }, grids);
    const body = '{"lastUpdateId":7,"E":1700000000001,"T":1700000000000,"bids":[["0.35210","1.0"]],"asks":[["0.35260","2.0"]]}';
    const out: MarketDataEvent[] = [];
    expect(spot.parseRest('GET /api/v3/depth?symbol=NKNUSDT&limit=1000', body, 5, out)).toBe('market-data');
    expect(spot.parseRest('GET /fapi/v1/depth?symbol=NKNUSDT&limit=1000', body, 5, out)).toBe('unsupported');
    expect(spot.parseRest('GET /api/v3/depth?limit=1000', body, 5, out)).toBe('unsupported');
    expect(usdm.parseRest('GET /fapi/v1/depth?symbol=NKNUSDT&limit=1000', body, 5, out)).toBe('market-data');
    expect(out.map((e) => [e.kind, e.symbol])).toEqual([['book-snapshot', 'NKNUSDT'], ['book-snapshot', 'NKNUSDT']]);
    expect(replayVenueKit(BYBIT_LINEAR_HEADER, grids).parseRest('GET /v5/market/orderbook?symbol=BTCUSDT', '{}', 5, out)).toBe('unsupported');
  });

  it('reads unwrapped partial depth of a raw /ws/<stream> recording with the symbol of the URL', () => {
    const header = { ...BINANCE_SPOT_HEADER, url: 'wss://stream.binance.com:9443/ws/nknusdt@depth5@100ms' };
    const text = replayText(header, [frame(T, '{"lastUpdateId":160,"bids":[["0.35210000","1.0"]],"asks":[["0.35260000","2.0"]]}')]);
    const { feed } = buildReplayFeedFromText('raw', text, [NKN], { barResolutions: '' });
    expect(feed.next()).toEqual({ kind: 'quote', symbol: 'NKNUSDT', ts: T, bidTicks: 35210, askTicks: 35260, bidLots: 10, askLots: 20, seq: 160 });
  });

  it('keeps a Binance REST snapshot of a symbol the grids do not know as unknown-symbol', () => {
    const text = replayText(BINANCE_SPOT_HEADER, [binanceDepthSnapshot(T, 'BTCUSDT', 1, [['1.00', '1']], [['2.00', '1']])]);
    const { feed } = buildReplayFeedFromText('t', text, [gridSpec('NKNUSDT', 'NKN', 'USDT', '0.00001', '0.1')], { barResolutions: '' });
    expect(feed.next()).toBeNull();
    expect((feed.health() as Record<string, unknown>)['rest_by_class']).toEqual({ 'unknown-symbol': 1 });
  });
});

describe('replayVenueTable', () => {
  it('lists the loaded venues with a replay kit by name, each with the markets its header may name', () => {
    expect([...replayVenueTable()]).toEqual([
      ['binance', ['spot', 'usdm']],
      ['bybit', ['spot', 'linear']],
      ['hyperliquid', ['default']],
    ]);
  });
});
