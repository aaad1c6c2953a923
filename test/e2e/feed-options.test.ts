// End-to-end --feed and --duration: replays through the built CLI (byte-stable, venue checked), the synthetic feed cut by virtual time, and their usage errors.
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';

const NKN = ['--exchange', 'binance', '--instruments', 'test/fixtures/replay/binance-spot-nknusdt-exchange-info.json', '--symbols', 'NKNUSDT'];
const CAPTURE = 'replay:test/fixtures/replay/binance-spot-2021-10-11.jsonl';

describe('shadow-exec run --feed replay:FILE', () => {
  it('replays the Binance capture with zero book gaps and the same bytes twice; --duration cuts it on the replay clock', async () => {
    const a = await runCliInProcess(['run', ...NKN, '--feed', CAPTURE, '--spread-bps', '40', '--quiet']);
    const b = await runCliInProcess(['run', ...NKN, '--feed', CAPTURE, '--spread-bps', '40', '--quiet']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout);
    expect(report.execution.feed).toBe('replay:binance-spot-2021-10-11.jsonl');
    expect(report.market_data.books.NKNUSDT.gaps).toBe(0);
    expect(report.market_data.events_delivered).toEqual({ bar: 2, mark: 0, quote: 38, ticker: 0, trade: 1 });
    expect(report.model.market.kind).toBe('replay');
    const cut = JSON.parse((await runCliInProcess(['run', ...NKN, '--feed', CAPTURE, '--spread-bps', '40', '--duration', '5s', '--quiet'])).stdout);
    expect(cut.execution.virtual_duration_ms).toBeLessThanOrEqual(5000);
    expect(cut.execution.market_updates).toBeLessThan(38);
    expect(cut.config.duration_ms).toBe(5000);
  });

  it('refuses a replay recorded on another venue, a missing file and the synthetic-only flags', async () => {
    const wrongVenue = await runCliInProcess(['run', '--exchange', 'bybit', '--feed', CAPTURE]);
    expect(wrongVenue.code).toBe(2);
    expect(wrongVenue.stderr).toContain('the replay was recorded on binance spot, not on bybit');
    const missing = await runCliInProcess(['run', '--feed', 'replay:no-such-file.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-file.jsonl');
    const startPrices = await runCliInProcess(['run', ...NKN, '--feed', CAPTURE, '--start-prices', 'NKNUSDT=0.35']);
    expect(startPrices.code).toBe(2);
    expect(startPrices.stderr).toContain('a replay brings its own prices');
  });
});

describe('shadow-exec run --duration and --feed on the synthetic market', () => {
  it('ends a synthetic run after the given virtual time', async () => {
    const r = await runCliInProcess(['run', '--duration', '10s', '--interval-ms', '100', '--iterations', '5000', '--quiet']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.execution.market_updates).toBe(100);
    expect(report.config.duration_ms).toBe(10_000);
  });

  it.each([
    [['--feed', 'live'], '--feed live needs --exchange binance or bybit'],
    [['--feed', 'csv:x'], "--feed 'csv:x' is not allowed: expected synthetic, replay:FILE (a file recorded in the shadow-exec replay format) or live"],
    [['--duration', '10'], "--duration '10' is not allowed"],
    [['--duration', '0s'], "--duration '0s' is not allowed"],
  ])('exits 2 for %j', async (args, expected) => {
    const r = await runCliInProcess(['run', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
  });
});
