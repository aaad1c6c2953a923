// End-to-end `shadow-exec import` in process: tardis.dev and Binance public-data fixtures (header rows, µs and ms timestamps, .gz and .zip) import to the committed replays, bad rows exit 2 naming file and line, filters, and the real Binance capture converted to normalized records replays to the same book and fills as its raw frames.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSymbolGridLookup } from '../../src/core/market/symbol-grid.js';
import { encodeReplay, NORMALIZED_REPLAY_VERSION, REPLAY_FORMAT, type ReplayRecord } from '../../src/feeds/replay/replay-format.js';
import { decodeReplay } from '../../src/feeds/replay/replay-decoder.js';
import { recordT, type NormalizedRecord } from '../../src/feeds/replay/normalized-record.js';
import { FrameNormalizer } from '../../src/feeds/replay/frame-normalizer.js';
import { replayVenueKit } from '../../src/app/compose-replay.js';
import '../helpers/lazy-modules-setup.js';
import { CLI_MAIN, ROOT, runCliInProcess } from '../helpers/cli.js';
import { BINANCE_CAPTURE_SPECS } from '../helpers/market-grids.js';

const FIX = join(ROOT, 'test/fixtures/import');
const TARDIS = [
  'binance-futures_trades_2024-03-01_BTCUSDT.csv',
  'binance-futures_incremental_book_L2_2024-03-01_BTCUSDT.csv.gz',
  'binance-futures_derivative_ticker_2024-03-01_BTCUSDT.csv',
  'binance-futures_book_snapshot_5_2024-03-01_ETHUSDT.csv.gz',
  'binance-futures_quotes_2024-03-01_ETHUSDT.csv',
];
const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importIn(cwd: string, args: readonly string[]) {
  return runCliInProcess(['import', ...args], { cwd });
}

describe('shadow-exec import tardis', () => {
  it('merges the five tardis CSVs (plain and .gz) into the committed normalized replay, trades before the book update at the same µs', async () => {
    const out = join(dir, 'tardis.jsonl');
    const result = await importIn(FIX, ['tardis', ...TARDIS, '--out', out]);
    expect([result.code, result.stdout]).toEqual([0, '']);
    expect(result.stderr).toBe(
      `import tardis: 5 file(s), 5143 rows → 569 records (book_snapshot 40, book_update 242, trade 240, quote 41, derivative 6) of BTCUSDT,ETHUSDT on binance usdm, 2024-03-01T00:00:00.000Z .. 2024-03-01T00:01:10.002Z; wrote ${out}\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'test/fixtures/replay/tardis-binance-futures-2024-03-01.jsonl'), 'utf8'));
    const { header, records } = decodeReplay(readFileSync(out, 'utf8'));
    expect([header.venue, header.market, header.version, header.data]).toEqual(['binance', 'usdm', 2, 'normalized']);
    const normalized = records.map((r) => (r as Extract<ReplayRecord, { kind: 'normalized' }>).record);
    // the first rows: a buffered update before the snapshot, then the snapshot group of 10 rows as one record
    expect(normalized.slice(0, 2).map((r) => [r.type, r.type === 'book_update' ? [r.is_snapshot, r.bids.length, r.asks.length] : null])).toEqual([
      ['book_update', [false, 1, 0]],
      ['book_update', [true, 5, 5]],
    ]);
    const firstTrade = normalized.findIndex((r) => r.type === 'trade');
    expect(normalized[firstTrade + 1]).toMatchObject({ type: 'book_update', local_us: normalized[firstTrade]!.local_us });
    // µs kept, exchange and local time apart
    expect(normalized[firstTrade]).toMatchObject({ exchange_us: 1_709_251_200_249_950, local_us: 1_709_251_200_251_762, id: '4000000000', side: 'sell' });
    const last = [...normalized].reverse().find((r) => r.type === 'book_snapshot')!;
    expect(last.type === 'book_snapshot' && [last.bids.length, last.asks.length]).toEqual([3, 5]);
    expect(normalized.find((r) => r.type === 'derivative')).toMatchObject({ funding_rate: '0.000140', predicted_funding_rate: null, funding_time_us: 1_709_280_000_000_000 });
  });

  it('keeps --symbols and the --from/--to receive-time window only', async () => {
    const out = join(dir, 'eth.jsonl');
    const result = await importIn(FIX, ['tardis', ...TARDIS, '--symbols', 'ETHUSDT', '--from', '2024-03-01T00:00:10Z', '--to', '2024-03-01T00:00:20Z', '--out', out]);
    expect(result.code).toBe(0);
    const records = decodeReplay(readFileSync(out, 'utf8')).records.map((r) => (r as Extract<ReplayRecord, { kind: 'normalized' }>).record);
    expect(new Set(records.map((r) => r.symbol))).toEqual(new Set(['ETHUSDT']));
    expect(records.length).toBe(12);
    expect(records.every((r) => r.local_us >= 1_709_251_210_000_000 && r.local_us < 1_709_251_220_000_000)).toBe(true);
  });

  it('exits 2 on a malformed row naming its file and line, and leaves --out as it was', async () => {
    const bad = join(dir, 'bad_trades.csv.gz');
    const rows = readFileSync(join(FIX, TARDIS[0]!), 'utf8').split('\n');
    rows[2] = rows[2]!.replace(',sell,', ',sideways,');
    writeFileSync(bad, gzipSync(rows.join('\n')));
    const out = join(dir, 'kept.jsonl');
    writeFileSync(out, 'before\n');
    const result = await importIn(dir, ['tardis', bad, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^error: import file '${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' line 3: side must be buy, sell or unknown, got "sideways": "binance-futures,BTCUSDT,`));
    expect(readFileSync(out, 'utf8')).toBe('before\n');
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('refuses an exchange no venue module lists, and files of two markets in one replay', async () => {
    const okex = join(dir, 'okex.csv');
    writeFileSync(okex, 'exchange,symbol,timestamp,local_timestamp,id,side,price,amount\nokex,BTC-USDT,1,2,7,buy,1,1\n');
    const one = await importIn(dir, ['tardis', okex, '--out', join(dir, 'x.jsonl')]);
    expect([one.code, one.stderr.split('\n')[0]]).toEqual([2, `error: import file '${okex}' line 2: tardis exchange 'okex' is not one this program can replay (known: bybit-spot, bybit, binance, binance-futures): "okex,BTC-USDT,1,2,7,buy,1,1"`]);
    const spot = join(dir, 'spot.csv');
    writeFileSync(spot, 'exchange,symbol,timestamp,local_timestamp,id,side,price,amount\nbinance,BTCUSDT,1,2,7,buy,1,1\n');
    const two = await importIn(FIX, ['tardis', TARDIS[0]!, spot, '--out', join(dir, 'x.jsonl')]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain(`are of different venues or markets: one replay holds one venue and market; import them apart`);
  });

  it('stops on Ctrl-C (an interrupt from the CLI context): exit 130, says what happened, removes the partial file, leaves OUT as it was', async () => {
    const csv = join(dir, 'many-trades.csv');
    const rows = ['exchange,symbol,timestamp,local_timestamp,id,side,price,amount'];
    for (let i = 0; i < 40_000; i++) rows.push(`binance-futures,BTCUSDT,${1_709_251_200_000_000 + i},${1_709_251_200_000_000 + i},${i},buy,62000.5,0.001`);
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const out = join(dir, 'interrupted.jsonl');
    writeFileSync(out, 'kept\n');
    const { runCli } = (await import(CLI_MAIN)) as { runCli: (args: readonly string[], io: object) => Promise<number> };
    let stderr = '';
    const sink = (append: (text: string) => void) => new Writable({ write: (chunk: Buffer, _e, done) => (append(String(chunk)), done()) });
    let disposed = false;
    const code = await runCli(['import', 'tardis', csv, '--out', out], {
      stdout: sink(() => undefined),
      stderr: sink((t) => (stderr += t)),
      env: { NO_COLOR: '1' },
      // Ctrl-C as soon as the import watches for it: it stops after its first batch of records
      onInterrupt: (notice: () => void) => (notice(), { requested: () => true, exitCode: () => 130, dispose: () => (disposed = true) }),
    });
    expect([code, disposed, existsSync(`${out}.partial`), readFileSync(out, 'utf8')]).toEqual([130, true, false, 'kept\n']);
    expect(stderr).toMatch(new RegExp(`^import tardis: interrupted after \\d+ rows \\(16384 records\\); removed the partial file ${out.replace(/[.]/g, '\\.')}\\.partial, ${out.replace(/[.]/g, '\\.')} was not written\n$`));
  });
});

describe('shadow-exec import binance-vision', () => {
  it('imports a USD-M bookTicker .zip (header, ms, rows out of order) and an aggTrades CSV into the committed replay, sorted by time then update id', async () => {
    const out = join(dir, 'bv.jsonl');
    const result = await importIn(FIX, ['binance-vision', 'BTCUSDT-bookTicker-2024-03-01.zip', 'BTCUSDT-aggTrades-2024-03-01.csv', '--out', out]);
    expect([result.code, result.stderr]).toEqual([0, `import binance-vision: 2 file(s), 302 rows → 300 records (trade 100, quote 200) of BTCUSDT on binance usdm, 2024-03-01T00:00:00.000Z .. 2024-03-01T00:00:59.407Z; wrote ${out}\n`]);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'test/fixtures/replay/binance-vision-usdm-2024-03-01.jsonl'), 'utf8'));
    const ts = decodeReplay(readFileSync(out, 'utf8')).records.map((r) => r.t);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
  });

  it('reads spot µs timestamps from 2025-01-01 and ms before, without header rows; the market from the columns', async () => {
    const out = join(dir, 'spot.jsonl');
    const result = await importIn(FIX, ['binance-vision', 'BTCUSDT-aggTrades-2025-01-02.zip', 'BTCUSDT-trades-2024-12-31.csv', '--out', out]);
    expect(result.code).toBe(0);
    const { header, records } = decodeReplay(readFileSync(out, 'utf8'));
    expect([header.venue, header.market]).toEqual(['binance', 'spot']);
    const normalized = records.map((r) => (r as Extract<ReplayRecord, { kind: 'normalized' }>).record);
    expect(normalized[0]).toMatchObject({ local_us: 1_735_603_200_000_000, side: 'sell', id: '4300000000', price: '93500.00000000' });
    const us = normalized.find((r) => r.local_us >= 1_735_776_000_000_000)!;
    expect(us.local_us % 1000).not.toBe(0);
    expect(us.local_us).toBeLessThan(1_735_776_001_000_000);
  });

  it('refuses a file not named as Binance names them, and a spot file given --market usdm', async () => {
    const renamed = join(dir, 'trades.csv');
    copyFileSync(join(FIX, 'BTCUSDT-trades-2024-12-31.csv'), renamed);
    const one = await importIn(dir, ['binance-vision', renamed, '--out', join(dir, 'x.jsonl')]);
    expect([one.code, one.stderr]).toEqual([2, `error: import file '${renamed}': not named as Binance public data names its files (<SYMBOL>-aggTrades|trades|bookTicker-<YYYY-MM[-DD]>.csv or .zip)\n`]);
    const two = await importIn(FIX, ['binance-vision', 'BTCUSDT-trades-2024-12-31.csv', '--market', 'usdm', '--out', join(dir, 'x.jsonl')]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("import file 'BTCUSDT-trades-2024-12-31.csv' line 1: 7 columns: a USD-M trades row has 6");
  });
});

/** The NKNUSDT part of the real Binance capture as normalized records, through the product's FrameNormalizer (Binance's own parser and sync). */
function normalizeCapture(text: string): string {
  const decoded = decodeReplay(text);
  const [nkn] = BINANCE_CAPTURE_SPECS;
  const normalizer = new FrameNormalizer(replayVenueKit(decoded.header, buildSymbolGridLookup([nkn!])), [nkn!]);
  const out: NormalizedRecord[] = [];
  for (const r of decoded.records) normalizer.push(r, out);
  return encodeReplay({ format: REPLAY_FORMAT, version: NORMALIZED_REPLAY_VERSION, venue: 'binance', market: 'spot', data: 'normalized' }, out.map((record) => ({ kind: 'normalized', t: recordT(record), record })));
}

describe('the real Binance capture as normalized records', () => {
  it('replays to the same book, quotes, orders, fills, positions and PnL as its raw frames (market data and file identity aside; venue klines have no normalized record)', async () => {
    const raw = join(ROOT, 'test/fixtures/replay/binance-spot-2021-10-11.jsonl');
    const converted = join(dir, 'capture-normalized.jsonl');
    writeFileSync(converted, normalizeCapture(readFileSync(raw, 'utf8')));
    const args = (feed: string) => ['run', '--exchange', 'binance', '--instruments', 'test/fixtures/replay/binance-spot-nknusdt-exchange-info.json', '--symbols', 'NKNUSDT', '--feed', `replay:${feed}`, '--spread-bps', '14', '--edge-threshold', '-100', '--fill-model', 'trade-through', '--start', '2021-10-12T00:28:32.063Z'];
    const a = await runCliInProcess(args(raw));
    const b = await runCliInProcess(args(converted));
    expect([a.code, b.code]).toEqual([0, 0]);
    const ra = JSON.parse(a.stdout);
    const rb = JSON.parse(b.stdout);
    for (const section of ['orders', 'fills', 'positions', 'pnl', 'fees', 'risk', 'runtime']) expect([section, rb[section]]).toEqual([section, ra[section]]);
    expect(ra.fills.count).toBe(1);
    // Venue klines have no normalized record (bars are built from trades): the raw replay's one NKNUSDT kline_1m bar
    // is the only event the loop saw on one side only.
    expect({ ...rb.execution, feed: null, events_processed: rb.execution.events_processed + 1 }).toEqual({ ...ra.execution, feed: null });
    expect([ra.market_data.bars.delivered_from_venue, rb.market_data.bars.delivered_from_venue]).toEqual([1, 0]);
    expect({ ...rb.market_data.loop, bars: 0, by_symbol: null }).toEqual({ ...ra.market_data.loop, bars: 0, by_symbol: null });
    // the same NKNUSDT book at the end (level counts), publishing the same quotes
    const book = (r: any) => [r.market_data.books.NKNUSDT.bid_levels, r.market_data.books.NKNUSDT.ask_levels, r.market_data.loop.quotes];
    expect(book(rb)).toEqual(book(ra));
  });
});
