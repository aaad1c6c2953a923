// End-to-end tests (in process) of `run --series/--series-out/--html` and `report html`: the files written, the report unchanged, and every refusal of bad input with exit 2 and a clear message.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shadow-exec-html-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const RUN = ['run', '--iterations', '50', '--seed', '7', '--quiet'];

describe('run --series', () => {
  it('writes JSON Lines and CSV of the same records and leaves stdout\'s report byte-identical', async () => {
    const plain = await runCliInProcess(RUN);
    const jsonl = await runCliInProcess([...RUN, '--series', '1s', '--series-out', join(dir, 's.jsonl')]);
    const csv = await runCliInProcess([...RUN, '--series', '1000ms', '--series-out', join(dir, 's.csv')]);
    expect([plain.code, jsonl.code, csv.code]).toEqual([0, 0, 0]);
    expect(jsonl.stdout).toBe(plain.stdout);
    expect(csv.stdout).toBe(plain.stdout);
    const lines = (await readFile(join(dir, 's.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'sample', utc: '2025-01-01T00:00:00.000Z', mid: '93500', bid: '93406.5', ask: '93593.5', open_orders: 2 });
    const rows = (await readFile(join(dir, 's.csv'), 'utf8')).trimEnd().split('\n');
    expect(rows).toHaveLength(10);
    expect(rows[0]!.startsWith('type,ts_ms,utc,symbol,mid,bid,ask,')).toBe(true);
  });

  it('refuses --series-out without --series, an unknown extension and a bad duration (exit 2, nothing run)', async () => {
    const noSeries = await runCliInProcess([...RUN, '--series-out', join(dir, 's.jsonl')]);
    expect([noSeries.code, noSeries.stderr]).toEqual([2, expect.stringContaining('--series-out needs --series DURATION')]);
    const ext = await runCliInProcess([...RUN, '--series', '1s', '--series-out', join(dir, 's.txt')]);
    expect([ext.code, ext.stderr]).toEqual([2, expect.stringContaining("--series-out '")]);
    const bad = await runCliInProcess([...RUN, '--series', '1 second']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--series');
    expect(bad.stdout).toBe('');
  });

  it('streams --series-out over many slices of the run (FILE.partial, renamed at the end) to the bytes of the series kept whole for --html', async () => {
    // 20 000 updates on two symbols: more than one 16 384-event slice, so the file is written in several batches.
    const long = ['run', '--iterations', '20000', '--seed', '5', '--symbols', 'BTCUSDT,ETHUSDT', '--quiet', '--series', '250ms'];
    for (const ext of ['jsonl', 'csv']) {
      const streamed = await runCliInProcess([...long, '--series-out', join(dir, `streamed.${ext}`)]);
      const kept = await runCliInProcess([...long, '--series-out', join(dir, `kept.${ext}`), '--html', join(dir, `kept-${ext}.html`)]);
      expect([streamed.code, kept.code]).toEqual([0, 0]);
      expect(streamed.stdout).toBe(kept.stdout);
      const bytes = await readFile(join(dir, `streamed.${ext}`), 'utf8');
      expect(bytes).toBe(await readFile(join(dir, `kept.${ext}`), 'utf8'));
      expect(existsSync(join(dir, `streamed.${ext}.partial`))).toBe(false);
    }
    const lines = (await readFile(join(dir, 'streamed.jsonl'), 'utf8')).trimEnd().split('\n');
    // 2 000 s of virtual time at 250 ms, two symbols: 8 000 grid samples + the final one per symbol, plus fills and risk records.
    expect(lines.filter((l) => l.includes('"type":"sample"'))).toHaveLength(2 * 8001);
  });
});

describe('run --html and report html', () => {
  it('writes the same HTML from the run and from its written report and series', async () => {
    const html = join(dir, 'run.html');
    const run = await runCliInProcess([...RUN, '--series', '1s', '--series-out', join(dir, 's.jsonl'), '--html', html, '--out', join(dir, 'r.json')]);
    expect(run.code).toBe(0);
    const again = await runCliInProcess(['report', 'html', join(dir, 'r.json'), '--series', join(dir, 's.jsonl'), '-o', join(dir, 'again.html')]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('(9 series records)');
    const text = await readFile(html, 'utf8');
    expect(await readFile(join(dir, 'again.html'), 'utf8')).toBe(text);
    expect(text).toContain('<div class="symbol" data-symbol-index="0"><h3>BTCUSDT</h3><p class="note">6 samples, 3 fills.</p>');
    expect(text).toContain('uPlot');
  });

  it('writes tables only without --series', async () => {
    await writeFile(join(dir, 'r.json'), (await runCliInProcess(RUN)).stdout);
    const result = await runCliInProcess(['report', 'html', join(dir, 'r.json'), '-o', join(dir, 'r.html')]);
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'r.html'), 'utf8')).toContain('No time series');
  });

  it('exits 2 with a clear message on a malformed REPORT.json or series file, writing nothing', async () => {
    const out = join(dir, 'r.html');
    const cases: [string, string, string][] = [
      ['bad.json', '{"execution": {', 'is not valid JSON: it ends early at line 1, column 16'],
      ['array.json', '[1,2]', 'is not a shadow-exec report: expected a JSON object, got an array'],
      ['other.json', '{"execution": {}, "pnl": {}}', 'is not a shadow-exec report: it has no "orders" object'],
    ];
    for (const [name, text, message] of cases) {
      await writeFile(join(dir, name), text);
      const result = await runCliInProcess(['report', 'html', join(dir, name), '-o', out]);
      expect([result.code, result.stderr], name).toEqual([2, expect.stringContaining(message)]);
    }
    await writeFile(join(dir, 'r.json'), (await runCliInProcess(RUN)).stdout);
    await writeFile(join(dir, 's.jsonl'), '{"type":"sample","ts_ms":1,"utc":"x","symbol":"A","mid":"<b>"}\n');
    const series = await runCliInProcess(['report', 'html', join(dir, 'r.json'), '--series', join(dir, 's.jsonl'), '-o', out]);
    expect([series.code, series.stderr]).toEqual([2, expect.stringContaining(`--series '${join(dir, 's.jsonl')}': line 1: mid must be a decimal string`)]);
    const missing = await runCliInProcess(['report', 'html', join(dir, 'nope.json'), '-o', out]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('cannot be read: ENOENT')]);
    const noOut = await runCliInProcess(['report', 'html', join(dir, 'r.json')]);
    expect([noOut.code, noOut.stderr]).toEqual([2, expect.stringContaining('-o FILE is required')]);
    const same = await runCliInProcess(['report', 'html', join(dir, 'r.json'), '-o', join(dir, 'r.json')]);
    expect([same.code, same.stderr]).toEqual([2, expect.stringContaining('is the same file as REPORT.json')]);
    expect(existsSync(out)).toBe(false);
  });
});
