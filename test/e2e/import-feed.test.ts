// End-to-end `run --feed tardis:GLOB` and `run --feed binance-vision:GLOB`: the golden import inputs read directly give byte for byte the report sections of `import` then `--feed replay:`, the file's name and hash aside; bad patterns and sources are usage errors.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCliInProcess } from '../helpers/cli.js';

const FIX = join(ROOT, 'test/fixtures/import');
const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-import-feed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Report = Record<string, Record<string, unknown>>;

async function report(args: readonly string[], out: string): Promise<Report> {
  const result = await runCliInProcess([...args, '--quiet', '--out', out]);
  expect([result.code, result.stderr]).toEqual([0, '']);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

/** Every section as its JSON text, the file's identity (name, hash, feed kind) taken out. */
function sections(r: Report): Record<string, string> {
  const copy = structuredClone(r);
  for (const key of ['feed', 'replay_file']) delete copy['config']![key];
  delete copy['execution']!['feed'];
  const market = (copy['model']!['market'] as Record<string, unknown>);
  delete market['file'];
  delete market['sha256'];
  return Object.fromEntries(Object.entries(copy).map(([k, v]) => [k, JSON.stringify(v)]));
}

const cases = [
  { source: 'tardis', glob: 'binance-futures_*', symbols: 'BTCUSDT,ETHUSDT' },
  { source: 'binance-vision', glob: 'BTCUSDT-*-2024-03-01.*', symbols: 'BTCUSDT' },
];

describe('run --feed SOURCE:DIR_OR_GLOB', () => {
  it.each(cases)('$source:$glob gives the report sections of import then --feed replay:', async ({ source, glob, symbols }) => {
    const match = new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
    const files = readdirSync(FIX).filter((f) => match.test(f)).sort().map((f) => join(FIX, f));
    const imported = join(dir, `${source}.jsonl`);
    const done = await runCliInProcess(['import', source, ...files, '--out', imported]);
    expect(done.code).toBe(0);
    const run = ['run', '--exchange', 'binance', '--market', 'usdm', '--symbols', symbols, '--spread-bps', '10'];
    const viaFile = await report([...run, '--feed', `replay:${imported}`], join(dir, `${source}-file.json`));
    const direct = await report([...run, '--feed', `${source}:${join(FIX, glob)}`], join(dir, `${source}-direct.json`));
    expect(sections(direct)).toEqual(sections(viaFile));
    expect((direct['fills'] as { count: number }).count).toBeGreaterThan(0);
    expect([direct['config']!['feed'], (direct['model']!['market'] as { file: string }).file]).toEqual(['import', `${source}:${join(FIX, glob)}`]);
  });

  it('reads every file of a directory, and refuses an unknown source or a pattern naming no file', async () => {
    const run = ['run', '--exchange', 'binance', '--market', 'usdm', '--symbols', 'BTCUSDT', '--quiet'];
    const unknown = await runCliInProcess([...run, '--feed', `nosuch:${FIX}`]);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining("no such feed or import source 'nosuch'")]);
    const none = await runCliInProcess([...run, '--feed', `tardis:${join(FIX, 'nothing-*.csv')}`]);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('names no file')]);
    // the directory holds Binance files too: the tardis reader names the first one it cannot read
    const mixed = await runCliInProcess([...run, '--feed', `tardis:${FIX}`]);
    expect([mixed.code, mixed.stderr]).toEqual([2, expect.stringContaining("BTCUSDT-aggTrades-2024-03-01.csv' line 1: not a tardis.dev CSV header")]);
  });
});
