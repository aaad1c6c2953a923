// End-to-end --feed and --duration: replays through the built CLI (byte-stable, venue checked), the synthetic feed cut by virtual time, and their usage errors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

describe('shadow-exec run --feed replay:FILE on a damaged or empty file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'feed-options-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const BYBIT = ['run', '--exchange', 'bybit', '--category', 'linear', '--symbols', 'BTCUSDT', '--quiet'];
  const sample = readFileSync('test/fixtures/replay/bybit-linear-samples.jsonl', 'utf8');
  const lines = sample.split('\n').filter((l) => l !== '');

  it('replays the complete lines of a file whose last line was cut, and warns on stderr and in market_data.warnings', async () => {
    const path = join(dir, 'cut.jsonl');
    const last = lines[lines.length - 1]!;
    writeFileSync(path, `${lines.slice(0, -1).join('\n')}\n${last.slice(0, 40)}`);
    const warning = `replay file '${path}' line ${lines.length}: cut short (the file ends inside this line, no newline; a recorder stopped mid-write?): its 40 bytes are skipped, the ${lines.length - 2} complete records before it are replayed`;
    const r = await runCliInProcess([...BYBIT, '--feed', `replay:${path}`]);
    expect([r.code, r.stderr]).toEqual([0, `warning: ${warning}\n`]);
    const report = JSON.parse(r.stdout);
    expect([report.model.market.records, report.market_data.records, report.market_data.warnings]).toEqual([lines.length - 2, lines.length - 2, [warning]]);
  });

  it('warns that a header-only file holds no market data', async () => {
    const path = join(dir, 'header-only.jsonl');
    writeFileSync(path, `${lines[0]!}\n`);
    const r = await runCliInProcess([...BYBIT, '--feed', `replay:${path}`]);
    const warning = `replay file '${path}' holds no market data: no record after its header (line 1)`;
    expect([r.code, r.stderr]).toEqual([0, `warning: ${warning}\n`]);
    expect(JSON.parse(r.stdout).market_data.warnings).toEqual([warning]);
  });

  it('exits 2 naming the file and line for a receive time past year 9999 or a 20,000-deep header version (no RangeError)', async () => {
    const late = join(dir, 'late.jsonl');
    writeFileSync(late, `${lines[0]!}\n${lines[1]!}\n{"t":9000000000000000,"frame":"{}"}\n`);
    const r = await runCliInProcess([...BYBIT, '--feed', `replay:${late}`]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `error: replay file '${late}' line 3: "t" 9000000000000000 is after 253402300799999 (9999-12-31T23:59:59.999Z): not a receive time in ms\n`]);
    const deep = join(dir, 'deep.jsonl');
    writeFileSync(deep, `{"format":"shadow-exec-replay","version":${'['.repeat(20_000)}${']'.repeat(20_000)},"venue":"bybit","market":"linear"}\n`);
    const d = await runCliInProcess([...BYBIT, '--feed', `replay:${deep}`]);
    expect([d.code, d.stdout, d.stderr]).toEqual([2, '', `error: replay file '${deep}' line 1: arrays or objects nested deeper than 32 levels: not a replay header or record (every value of one is a string or a number)\n`]);
  });

  it('replays records at the last accepted receive time, with --duration, to a complete report', async () => {
    const path = join(dir, 'year-9999.jsonl');
    const shifted = lines.slice(1, 4).map((l) => l.replace(/^\{"t":\d+/, '{"t":253402300799999'));
    writeFileSync(path, `${lines[0]!}\n${shifted.join('\n')}\n`);
    const r = await runCliInProcess([...BYBIT, '--feed', `replay:${path}`, '--duration', '720h']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout).model.market.end_utc).toBe('+010000-01-30T23:59:59.999Z');
  });

  it('has no warnings key for a clean file (reports keep their bytes)', async () => {
    const r = await runCliInProcess([...BYBIT, '--feed', 'replay:test/fixtures/replay/bybit-linear-samples.jsonl']);
    expect([r.code, r.stderr, 'warnings' in JSON.parse(r.stdout).market_data]).toEqual([0, '', false]);
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
    [['--feed', 'live'], '--feed live needs --exchange binance, bybit, hyperliquid or ccxt:<id>'],
    [['--feed', 'csv:x'], "--feed csv:x: no such feed or import source 'csv' (feeds: synthetic, replay:FILE, live, or one of tardis:DIR_OR_GLOB, binance-vision:DIR_OR_GLOB)"],
    [['--feed', 'csv'], "--feed 'csv' is not allowed: expected synthetic, replay:FILE (a file recorded in the shadow-exec replay format), SOURCE:DIR_OR_GLOB (historical data files of an import source, see `shadow-exec import --help`) or live"],
    [['--duration', '10'], "--duration '10' is not allowed"],
    [['--duration', '0s'], "--duration '0s' is not allowed"],
  ])('exits 2 for %j', async (args, expected) => {
    const r = await runCliInProcess(['run', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
  });
});
