// SeriesFileWriter: the --series-out file streamed through FILE.partial — FILE appears only when complete, an abandoned run leaves FILE as it was, the bytes are formatSeries of all the batches.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatSeries } from '../../src/core/report/series-format.js';
import type { SeriesRecord } from '../../src/core/report/series-record.js';
import { SeriesFileWriter } from '../../src/output/series-file-writer.js';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');
const fill = (ms: number, side: string): SeriesRecord => ({ type: 'fill', ts_ms: T0 + ms, utc: new Date(T0 + ms).toISOString(), symbol: 'BTCUSDT', side, price: '93500.5', qty: '0.001', liquidity: 'MAKER', fee_usd: '0.0935005', order_id: 'O-1', fill_id: 'F-1' }) as SeriesRecord;
const BATCHES = [[fill(0, 'BUY'), fill(100, 'SELL')], [], [fill(250, 'BUY')]];

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shadow-exec-series-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SeriesFileWriter', () => {
  it.each(['jsonl', 'csv'] as const)('writes the batches to FILE.partial and renames it to FILE on close: the bytes of formatSeries of them all (%s)', (format) => {
    const path = join(dir, `s.${format}`);
    const writer = SeriesFileWriter.open(path, format);
    for (const batch of BATCHES) writer.write(batch);
    expect([existsSync(path), writer.written]).toEqual([false, `${path}.partial`]);
    writer.close();
    expect(readFileSync(path, 'utf8')).toBe(formatSeries(BATCHES.flat(), format));
    expect(existsSync(`${path}.partial`)).toBe(false);
  });

  it('abandoned part-way, removes FILE.partial and leaves an existing FILE as it was', () => {
    const path = join(dir, 's.jsonl');
    writeFileSync(path, 'the last complete series\n');
    const writer = SeriesFileWriter.open(path, 'jsonl');
    writer.write(BATCHES[0]!);
    writer.abandon();
    writer.abandon();
    expect(readFileSync(path, 'utf8')).toBe('the last complete series\n');
    expect(existsSync(`${path}.partial`)).toBe(false);
  });

  it('starts afresh over the FILE.partial a killed run left', () => {
    const path = join(dir, 's.jsonl');
    writeFileSync(`${path}.partial`, '{"half":');
    const writer = SeriesFileWriter.open(path, 'jsonl');
    writer.write(BATCHES[2]!);
    writer.close();
    expect(readFileSync(path, 'utf8')).toBe(formatSeries(BATCHES[2]!, 'jsonl'));
  });

  it('fails with E_REPORT_WRITE naming the file when its folder is missing', () => {
    expect(() => SeriesFileWriter.open(join(dir, 'missing', 's.csv'), 'csv')).toThrow(expect.objectContaining({ code: 'E_REPORT_WRITE', message: expect.stringContaining(join(dir, 'missing', 's.csv.partial')) }));
  });
});
