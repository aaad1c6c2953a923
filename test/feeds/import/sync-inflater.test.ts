// Covers openChunkReader's gzip path (SyncInflater): output of several MiB across chunks equals gunzip's, concatenated members are read one after the other, and a damaged or cut stream is E_IMPORT_FORMAT naming the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openChunkReader } from '../../../src/feeds/import/chunk-reader.js';
import { thrown } from '../../helpers/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'sync-inflater-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readAll(path: string): Buffer {
  const reader = openChunkReader(path);
  const parts: Buffer[] = [];
  for (let chunk = reader.next(); chunk !== null; chunk = reader.next()) parts.push(Buffer.from(chunk));
  reader.close();
  return Buffer.concat(parts);
}

describe('SyncInflater (through openChunkReader)', () => {
  // ~6 MiB of text that compresses well: more than one input chunk's output, more than one output buffer per input chunk
  const text = Buffer.from(Array.from({ length: 120_000 }, (_, i) => `binance-futures,BTCUSDT,${1_709_251_200_000_000 + i * 100},${i % 7},false,bid,${i % 977}.5,0.001`).join('\n'));

  it('inflates a .gz to exactly its bytes, and counts compressed bytes as read', () => {
    const path = join(dir, 'a.csv.gz');
    const gz = gzipSync(text);
    writeFileSync(path, gz);
    expect(readAll(path).equals(text)).toBe(true);
    const reader = openChunkReader(path);
    while (reader.next() !== null);
    expect([reader.bytesRead, reader.totalBytes]).toEqual([gz.length, gz.length]);
    reader.close();
  });

  it('reads concatenated gzip members one after the other, as gunzip does', () => {
    const path = join(dir, 'two.gz');
    writeFileSync(path, Buffer.concat([gzipSync('a,b\n'), gzipSync('c,d\n')]));
    expect(readAll(path).toString()).toBe('a,b\nc,d\n');
  });

  it('refuses a damaged or truncated stream with E_IMPORT_FORMAT naming the file', () => {
    const gz = gzipSync(text);
    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, gz.subarray(0, gz.length >> 1));
    expect(thrown(() => readAll(cut))).toMatchObject({ code: 'E_IMPORT_FORMAT', message: `import file '${cut}': not a valid gzip stream (unexpected end of file)` });
    const bad = join(dir, 'bad.gz');
    const damaged = Buffer.from(gz);
    damaged.fill(0xff, 20, 60);
    writeFileSync(bad, damaged);
    expect(thrown(() => readAll(bad)).code).toBe('E_IMPORT_FORMAT');
  });
});
