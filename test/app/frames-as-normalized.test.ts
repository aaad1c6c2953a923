// Covers openFramesAsNormalized / FrameNormalizer: raw-frame replays (Binance bookTicker and diff depth with REST snapshots, Bybit deltas, the real captures) converted to normalized records replay to the same orders, fills, positions, PnL and books as their frames.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../helpers/lazy-modules-setup.js';
import { openFramesAsNormalized, type FramesAsNormalizedOptions } from '../../src/app/frames-as-normalized.js';
import { encodeReplay } from '../../src/feeds/replay/replay-format.js';
import { recordT, type NormalizedRecord } from '../../src/feeds/replay/normalized-record.js';
import { writeBookTickerFile, writeBybitDeltaFile, writeDiffDepthFile } from '../../bench/replay-inputs.js';
import { ROOT, runCliInProcess } from '../helpers/cli.js';
import { thrown } from '../helpers/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-frames-normalized-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NKN = { instruments: join(ROOT, 'test/fixtures/replay/binance-spot-nknusdt-exchange-info.json'), symbols: ['NKNUSDT'] };

/** Converts `raw` and writes the normalized file; returns its path and the records. */
function convert(raw: string, options: FramesAsNormalizedOptions): { path: string; records: NormalizedRecord[]; counts: ReturnType<typeof openFramesAsNormalized>['counts'] } {
  const stream = openFramesAsNormalized(raw, options);
  const records: NormalizedRecord[] = [];
  for (let r = stream.next(); r !== null; r = stream.next()) records.push(r);
  stream.close();
  const path = `${raw}.normalized.jsonl`;
  writeFileSync(path, encodeReplay(stream.header, records.map((record) => ({ kind: 'normalized', t: recordT(record), record }))));
  return { path, records, counts: stream.counts };
}

/** Runs both files with `args` and checks the trading sections and the books agree. */
async function sameRun(raw: string, converted: string, args: readonly string[]): Promise<{ raw: any; converted: any }> {
  const run = (file: string) => runCliInProcess(['run', ...args, '--feed', `replay:${file}`, '--fill-model', 'trade-through', '--quiet'], { cwd: ROOT });
  const [a, b] = [await run(raw), await run(converted)];
  expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
  const [ra, rb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
  for (const section of ['orders', 'fills', 'positions', 'pnl', 'fees', 'risk']) expect([section, rb[section]]).toEqual([section, ra[section]]);
  expect({ ...rb.execution, feed: null }).toEqual({ ...ra.execution, feed: null });
  expect(rb.market_data.loop).toEqual(ra.market_data.loop);
  // A sync loss becomes an empty book_snapshot: the book is empty on both sides, "synced" (to nothing) in the normalized one.
  const books = (r: any) => Object.fromEntries(Object.entries(r.market_data.books as Record<string, any>).map(([s, b]) => [s, [b.bid_levels, b.ask_levels]]));
  expect(books(rb)).toEqual(books(ra));
  return { raw: ra, converted: rb };
}

describe('a frame replay read as normalized records', () => {
  it('Binance bookTicker + aggTrade: one quote record per bookTicker frame, one trade per aggTrade; the same run', async () => {
    const raw = join(dir, 'book-ticker.jsonl');
    const sample = writeBookTickerFile(raw, 4_000);
    const { path, counts } = convert(raw, NKN);
    expect(counts.inputs).toBe(4_000);
    expect(counts.written.quote + counts.written.trade).toBe(4_000);
    expect(counts.written.quote).toBeGreaterThan(3_000);
    const { raw: report } = await sameRun(raw, path, sample.args);
    expect(report.orders.placed).toBeGreaterThan(0);
  });

  it('Binance diff depth + aggTrade with REST snapshots: a book_snapshot per (re)sync, a book_update per applied delta; the same books, quotes and fills', async () => {
    const raw = join(dir, 'diff-depth.jsonl');
    const sample = writeDiffDepthFile(raw, 4_000);
    const { path, records, counts } = convert(raw, NKN);
    expect(counts.written.book_snapshot).toBeGreaterThanOrEqual(1);
    expect(records.find((r) => r.type === 'book_snapshot' || r.type === 'book_update')!.type).toBe('book_snapshot');
    expect(counts.written.book_update).toBeGreaterThan(1_000);
    const { raw: report } = await sameRun(raw, path, sample.args);
    expect([report.orders.placed > 0, report.market_data.books.NKNUSDT.bid_levels > 0]).toEqual([true, true]);
  });

  it('Bybit orderbook deltas + trades: the same run', async () => {
    const raw = join(dir, 'bybit.jsonl');
    const sample = writeBybitDeltaFile(raw, 3_000);
    const { path } = convert(raw, { symbols: ['BTCUSDT'] });
    await sameRun(raw, path, sample.args);
    const fixture = join(dir, 'bybit-linear.jsonl');
    copyFileSync(join(ROOT, 'test/fixtures/replay/bybit-linear-samples.jsonl'), fixture);
    const converted = convert(fixture, {});
    expect(converted.counts.written.book_snapshot).toBeGreaterThan(0);
    await sameRun(fixture, converted.path, ['--exchange', 'bybit', '--category', 'linear', '--symbols', 'BTCUSDT']);
  });

  it('the real Binance capture: klines, 24 h tickers and the other symbols are counted and dropped; the NKNUSDT run is the same', async () => {
    const raw = join(ROOT, 'test/fixtures/replay/binance-spot-2021-10-11.jsonl');
    const copy = join(dir, 'capture.jsonl');
    copyFileSync(raw, copy);
    const { path, counts } = convert(copy, NKN);
    expect(counts.dropped['bar']).toBeGreaterThan(0);
    expect(counts.written.trade).toBeGreaterThan(0);
    const args = ['--exchange', 'binance', '--instruments', NKN.instruments, '--symbols', 'NKNUSDT', '--spread-bps', '14', '--edge-threshold', '-100', '--start', '2021-10-12T00:28:32.063Z'];
    const run = (file: string) => runCliInProcess(['run', ...args, '--feed', `replay:${file}`, '--fill-model', 'trade-through', '--quiet'], { cwd: ROOT });
    const [a, b] = [await run(copy), await run(path)];
    const [ra, rb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    for (const section of ['orders', 'fills', 'positions', 'pnl', 'fees', 'risk']) expect([section, rb[section]]).toEqual([section, ra[section]]);
    expect(ra.fills.count).toBe(1);
  });

  it('refuses a normalized file, an unknown symbol and a bad --instruments file, naming them', () => {
    const normalized = join(ROOT, 'test/fixtures/replay/tardis-binance-futures-2024-03-01.jsonl');
    expect(thrown(() => openFramesAsNormalized(normalized)).message).toBe(`replay file '${normalized}' already holds normalized records (version 2): nothing to normalize`);
    const raw = join(ROOT, 'test/fixtures/replay/binance-spot-2021-10-11.jsonl');
    expect(thrown(() => openFramesAsNormalized(raw, { ...NKN, symbols: ['NOPEUSDT'] })).message).toMatch(/^--symbols 'NOPEUSDT' is not a symbol of /);
    const bad = join(dir, 'bad-instruments.json');
    writeFileSync(bad, '{');
    expect(thrown(() => openFramesAsNormalized(raw, { instruments: bad })).message).toMatch(new RegExp(`^--instruments '${bad.replace(/[.]/g, '\\.')}' is `));
  });
});
