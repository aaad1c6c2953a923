// Covers runImport's stop on an AbortSignal (Ctrl-C): it stops between batches, removes OUT.partial, leaves OUT as it was, and rejects with ImportAborted saying so; progress reports rows and bytes.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportAborted, runImport, YIELD_RECORDS, type ImportProgressUpdate } from '../../../src/feeds/import/import-run.js';
import { TardisCsvReader } from '../../../src/feeds/import/tardis-csv-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'import-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tardis trades CSV of `rows` rows: one record per row. */
function tradesCsv(rows: number): string {
  const path = join(dir, `trades-${rows}.csv`);
  const lines = ['exchange,symbol,timestamp,local_timestamp,id,side,price,amount'];
  for (let i = 0; i < rows; i++) lines.push(`ex,BTCUSDT,${1_709_251_200_000_000 + i},${1_709_251_200_000_100 + i},${i},buy,62000.5,0.001`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const request = (file: string, out: string) => ({
  files: [file],
  out,
  filter: { symbols: null, fromUs: null, toUs: null },
  readerFor: () => (label: string) => new TardisCsvReader(label, [{ id: 'ex', venue: 'v', market: 'm' }]),
  source: 'test',
});

describe('runImport', () => {
  it('stops after the batch in which the signal fired: no OUT, no OUT.partial, ImportAborted with rows and records', async () => {
    const file = tradesCsv(YIELD_RECORDS * 3);
    const out = join(dir, 'aborted.jsonl');
    writeFileSync(out, 'the old replay\n');
    const abort = new AbortController();
    const seen: ImportProgressUpdate[] = [];
    const error = await runImport({ ...request(file, out), signal: abort.signal, onProgress: (p) => (seen.push(p), abort.abort()) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportAborted);
    expect(error).toMatchObject({ records: YIELD_RECORDS, partial: `${out}.partial`, message: `import stopped after ${(error as ImportAborted).rows} rows (${YIELD_RECORDS} records): the partial file '${out}.partial' was removed` });
    expect([existsSync(`${out}.partial`), readFileSync(out, 'utf8')]).toEqual([false, 'the old replay\n']);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.rows).toBeGreaterThan(YIELD_RECORDS);
    expect(seen[0]!.bytesRead).toBeGreaterThan(0);
  });

  it('completes when not stopped, reporting progress up to every byte of the file', async () => {
    const file = tradesCsv(YIELD_RECORDS + 10);
    const out = join(dir, 'whole.jsonl');
    const seen: ImportProgressUpdate[] = [];
    const summary = await runImport({ ...request(file, out), onProgress: (p) => seen.push(p) });
    expect([summary.records, summary.rows, existsSync(`${out}.partial`)]).toEqual([YIELD_RECORDS + 10, YIELD_RECORDS + 11, false]);
    expect(readFileSync(out, 'utf8').split('\n')).toHaveLength(YIELD_RECORDS + 12);
    expect(seen.at(-1)).toEqual({ rows: YIELD_RECORDS + 11, bytesRead: seen.at(-1)!.totalBytes, totalBytes: readFileSync(file).length });
  });
});
