// End-to-end `shadow-exec convert` in process: the committed normalized replays go to binary and back byte for byte, the golden runs on their binary conversions give the golden reports but for the file's SHA-256, a recording of frames is normalized through its venue, and bad inputs exit 2 writing nothing.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCliInProcess } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-convert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURES = join(ROOT, 'test/fixtures/replay');
const GOLDEN_CASES = JSON.parse(readFileSync(join(ROOT, 'golden/cases.json'), 'utf8')) as { name: string; args: string[] }[];
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('shadow-exec convert', () => {
  it.each([
    ['tardis-binance-futures-2024-03-01', 'replay-tardis-binance-futures', 569, 43_022],
    ['binance-vision-usdm-2024-03-01', 'replay-binance-vision-usdm', 300, 6_274],
  ])('converts %s to binary and back byte for byte; its golden run on the binary gives the golden report but for the SHA-256', async (name, golden, records, bytes) => {
    const jsonl = join(FIXTURES, `${name}.jsonl`);
    const bin = join(dir, `${name}.bin`);
    const toBinary = await runCliInProcess(['convert', jsonl, '--out', bin]);
    expect([toBinary.code, toBinary.stdout, toBinary.stderr]).toEqual([0, '', `convert: ${records} records → ${bin} (binary, ${bytes} bytes)\n`]);
    const back = join(dir, `${name}.back.jsonl`);
    expect((await runCliInProcess(['convert', bin, '--out', back])).code).toBe(0);
    expect(readFileSync(back, 'utf8')).toBe(readFileSync(jsonl, 'utf8'));
    const again = join(dir, `${name}.again.bin`);
    expect((await runCliInProcess(['convert', back, '--out', again])).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(bin))).toBe(true);

    // The binary under the JSONL's name (the kind is read from the bytes): only the SHA-256 differs from the golden report.
    const sameName = join(dir, `${name}.jsonl`);
    copyFileSync(bin, sameName);
    const args = GOLDEN_CASES.find((c) => c.name === golden)!.args.map((a) => (a.startsWith('replay:') ? `replay:${sameName}` : a));
    const run = await runCliInProcess([...args, '--quiet']);
    expect(run.code).toBe(0);
    const expected = readFileSync(join(ROOT, 'golden', `${golden}.json`), 'utf8').replaceAll(sha256(jsonl), sha256(sameName));
    expect(run.stdout).toBe(expected);
  });

  it('lets import write binary directly: `import tardis … --out X.bin` gives the bytes convert writes from the JSONL import', async () => {
    const files = ['binance-futures_trades_2024-03-01_BTCUSDT.csv', 'binance-futures_incremental_book_L2_2024-03-01_BTCUSDT.csv.gz', 'binance-futures_derivative_ticker_2024-03-01_BTCUSDT.csv', 'binance-futures_book_snapshot_5_2024-03-01_ETHUSDT.csv.gz', 'binance-futures_quotes_2024-03-01_ETHUSDT.csv'];
    const out = join(dir, 'imported.bin');
    const imported = await runCliInProcess(['import', 'tardis', ...files, '--out', out], { cwd: join(ROOT, 'test/fixtures/import') });
    expect([imported.code, imported.stderr]).toEqual([0, expect.stringContaining(`→ 569 records`)]);
    const converted = join(dir, 'converted.bin');
    expect((await runCliInProcess(['convert', join(FIXTURES, 'tardis-binance-futures-2024-03-01.jsonl'), '--out', converted])).code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(converted))).toBe(true);
  });

  it('writes JSONL or binary as --to says, whatever the name', async () => {
    const jsonl = join(FIXTURES, 'binance-vision-usdm-2024-03-01.jsonl');
    const out = join(dir, 'forced.replay');
    expect((await runCliInProcess(['convert', jsonl, '--out', out, '--to', 'binary'])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('SXRB\x01');
    const text = join(dir, 'forced.bin');
    expect((await runCliInProcess(['convert', out, '--out', text, '--to', 'JSONL'])).code).toBe(0);
    expect(readFileSync(text, 'utf8')).toBe(readFileSync(jsonl, 'utf8'));
    const bad = await runCliInProcess(['convert', jsonl, '--out', out, '--to', 'csv']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--to 'csv' is not allowed: expected binary or jsonl")]);
  });

  it('exits 2 on a malformed input naming its line, or on a raw-frame replay, and writes nothing', async () => {
    const lines = readFileSync(join(FIXTURES, 'tardis-binance-futures-2024-03-01.jsonl'), 'utf8').split('\n');
    lines[3] = lines[3]!.replace('"side":"sell"', '"side":"up"');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, lines.join('\n'));
    const out = join(dir, 'never.bin');
    const malformed = await runCliInProcess(['convert', bad, '--out', out]);
    expect([malformed.code, malformed.stderr]).toEqual([2, expect.stringContaining(`replay file '${bad}' line 4: "side" must be "buy", "sell" or "unknown"`)]);
    const symbols = await runCliInProcess(['convert', join(FIXTURES, 'tardis-binance-futures-2024-03-01.jsonl'), '--out', out, '--symbols', 'BTCUSDT']);
    expect([symbols.code, symbols.stderr]).toEqual([2, 'error: --instruments and --symbols apply to a recording of frames only: this input already holds normalized records\n']);
    const twice = await runCliInProcess(['convert', join(FIXTURES, 'binance-spot-2021-10-11.jsonl'), '--out', out, '--symbols', 'NKNUSDT,NKNUSDT']);
    expect([twice.code, twice.stderr]).toEqual([2, "error: --symbols 'NKNUSDT,NKNUSDT' is not allowed: expected a comma-separated list of distinct symbols, e.g. BTCUSDT,ETHUSDT\n"]);
    expect([existsSync(out), existsSync(`${out}.partial`)]).toEqual([false, false]);
  });

  it('normalizes a recording of frames through its venue: the Binance capture to binary replays to the same orders and fills as its frames, what has no record counted', async () => {
    const raw = join(FIXTURES, 'binance-spot-2021-10-11.jsonl');
    const instruments = join(ROOT, 'test/fixtures/replay/binance-spot-nknusdt-exchange-info.json');
    const bin = join(dir, 'capture.bin');
    const converted = await runCliInProcess(['convert', raw, '--out', bin, '--instruments', instruments]);
    expect([converted.code, converted.stderr]).toEqual([
      0,
      'convert: 269 frame and REST records → book_snapshot 1, book_update 150, quote 74, trade 1; dropped (no normalized record): bar 1; not market data: unknown-symbol 42\n' +
        `convert: 226 records → ${bin} (binary, 14965 bytes)\n`,
    ]);
    const run = (file: string) => runCliInProcess(['run', '--exchange', 'binance', '--instruments', instruments, '--symbols', 'NKNUSDT', '--feed', `replay:${file}`, '--spread-bps', '14', '--edge-threshold', '-100', '--fill-model', 'trade-through', '--quiet']);
    const [a, b] = [JSON.parse((await run(raw)).stdout), JSON.parse((await run(bin)).stdout)];
    for (const section of ['orders', 'fills', 'positions', 'pnl', 'fees', 'risk']) expect([section, b[section]]).toEqual([section, a[section]]);
    expect([b.model.market.venue, b.model.market.market, b.model.market.records]).toEqual(['binance', 'spot', 226]);
  });

  it('warns when a recording of frames gives no record (its symbols are not in the bundled catalog)', async () => {
    const out = join(dir, 'empty.jsonl');
    const result = await runCliInProcess(['convert', join(FIXTURES, 'binance-spot-2021-10-11.jsonl'), '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('convert: 269 frame and REST records → no record; not market data: unknown-symbol 269\n');
    expect(result.stderr).toContain(`warning: convert wrote no record: no frame of '${join(FIXTURES, 'binance-spot-2021-10-11.jsonl')}' is of a symbol of the instruments used (the venue's bundled catalog); a recording of other symbols needs --instruments FILE, as \`run\` does\n`);
    expect(readFileSync(out, 'utf8').split('\n').length).toBe(2);
  });
});
