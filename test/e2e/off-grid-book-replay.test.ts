// End-to-end: replays whose depth snapshot holds levels off the instrument's tick grid run normally — the levels are kept and counted in market_data, our own orders stay on the grid (no PRICE_FILTER rejects) and an off-grid touch is quoted from passively.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCliInProcess } from '../helpers/cli.js';

const CAPTURE = 'replay:test/fixtures/replay/binance-spot-2021-10-11.jsonl';
const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-off-grid-'));

/** The NKNUSDT exchangeInfo of the capture with its tick raised to 0.0001 (minPrice with it), as after a tick-size change. */
function coarseInstruments(): string {
  const info = JSON.parse(readFileSync(`${ROOT}test/fixtures/replay/binance-spot-nknusdt-exchange-info.json`, 'utf8')) as { symbols: { filters: Record<string, string>[] }[] };
  const price = info.symbols[0]!.filters.find((f) => f['filterType'] === 'PRICE_FILTER')!;
  price['tickSize'] = '0.00010000';
  price['minPrice'] = '0.00010000';
  const path = join(dir, 'nknusdt-tick-0.0001.json');
  writeFileSync(path, JSON.stringify(info));
  return path;
}

const run = async (instruments: string, feed: string, extra: string[] = []): Promise<any> => {
  const r = await runCliInProcess(['run', '--exchange', 'binance', '--instruments', instruments, '--symbols', 'NKNUSDT', '--feed', feed, '--spread-bps', '14', '--edge-threshold', '-100', '--quiet', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('replays with book levels off the tick grid', () => {
  it('keeps the real NKNUSDT snapshot’s 34 five-decimal bids on a 0.0001 tick and counts them; the run places its orders without a reject', async () => {
    const report = await run(coarseInstruments(), CAPTURE);
    const book = report.market_data.books.NKNUSDT;
    expect(book).toMatchObject({ state: 'synced', snapshots: 1, applied: 149, gaps: 0, crossed: 0, bid_levels: 614, ask_levels: 994, off_grid_levels: 34, off_grid_levels_held: 34 });
    expect(report.market_data.rest_by_class).toEqual({ 'market-data': 1, 'unknown-symbol': 3 });
    expect(report.market_data.frames_by_class['invalid-value']).toBe(0);
    expect(report.orders.placed).toBeGreaterThan(0);
    expect(report.orders.rejects_by_code).toEqual({});
    // The same run on the tick the capture was recorded at: nothing off the grid.
    const fine = await run('test/fixtures/replay/binance-spot-nknusdt-exchange-info.json', CAPTURE);
    expect(fine.market_data.books.NKNUSDT).toMatchObject({ bid_levels: 614, ask_levels: 994, off_grid_levels: 0, off_grid_levels_held: 0 });
  });

  it('quotes an off-grid touch from the passive side: bid 0.35215 is read as 0.3521, ask 0.35255 as 0.3526, every order on the grid', async () => {
    const header = readFileSync(`${ROOT}test/fixtures/replay/binance-spot-2021-10-11.jsonl`, 'utf8').split('\n')[0]!;
    const t0 = 1633998512000;
    const snapshot = { lastUpdateId: 10, bids: [['0.35215000', '5000.00000000'], ['0.35200000', '8000.00000000']], asks: [['0.35255000', '4000.00000000'], ['0.35270000', '9000.00000000']] };
    const lines = [header, JSON.stringify({ t: t0, rest: 'GET /api/v3/depth?symbol=NKNUSDT&limit=1000', body: JSON.stringify(snapshot) })];
    // Diffs that only resize the deep on-grid levels: the off-grid touch stays, quotes keep coming from it.
    for (let i = 1; i <= 40; i++) {
      const data = { e: 'depthUpdate', E: t0 + i * 250, s: 'NKNUSDT', U: 10 + i, u: 10 + i, b: [['0.35200000', `${8000 + i}.00000000`]], a: [['0.35270000', `${9000 + i}.00000000`]] };
      lines.push(JSON.stringify({ t: t0 + i * 250, frame: JSON.stringify({ stream: 'nknusdt@depth@100ms', data }) }));
    }
    const replay = join(dir, 'off-grid-touch.jsonl');
    writeFileSync(replay, `${lines.join('\n')}\n`);
    const journal = join(dir, 'off-grid-touch.journal.jsonl');
    const report = await run(coarseInstruments(), `replay:${replay}`, ['--fill-model', 'trade-through', '--mode', 'dryrun', '--journal', journal]);
    expect(report.market_data.books.NKNUSDT).toMatchObject({ state: 'synced', applied: 40, off_grid_levels: 2, off_grid_levels_held: 2 });
    expect(report.market_data.symbols.NKNUSDT.quotes_from_book).toBe(1); // the rounded touch never changes
    expect(report.orders.placed).toBeGreaterThan(0);
    expect(report.orders.rejects_by_code).toEqual({}); // PRICE_FILTER (-1013) would refuse an order off the 0.0001 tick
    // The mark is the mid of the rounded touch, ⌊(3521 + 3526) / 2⌋ ticks; the quotes 7 bps either side of it, bid rounded
    // down and ask up onto the 0.0001 grid (0.352053 → 0.352, 0.352547 → 0.3526), as the orders sent show.
    expect(report.positions.by_symbol.NKNUSDT.mark_price).toBe('0.3523');
    const creates = readFileSync(journal, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l)).filter((l) => l.kind === 'create');
    expect(creates.map((c) => `${/side=(\w+)/.exec(c.query)?.[1]} ${/price=([\d.]+)/.exec(c.query)?.[1]}`)).toEqual(['BUY 0.352', 'SELL 0.3526']);
  });
});
