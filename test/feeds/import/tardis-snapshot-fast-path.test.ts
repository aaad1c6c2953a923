// Covers the tardis book_snapshot_N byte fast path (tardis-snapshot-rows.ts): for generated book_snapshot_3 CSVs with hostile rows, read in chunks of any size, the import writes exactly the lines of the plain path (TardisCsvReader with fast = false: split(','), record objects, normalizedLine) or stops with the same error (code, file, line, message).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShadowExecError } from '../../../src/core/errors/shadow-exec-error.js';
import type { ChunkReader } from '../../../src/feeds/import/chunk-reader.js';
import { ImportFileSource } from '../../../src/feeds/import/import-file-source.js';
import { ImportMerge } from '../../../src/feeds/import/import-merge.js';
import { TardisCsvReader } from '../../../src/feeds/import/tardis-csv-reader.js';
import { snapshotColumns } from '../../../src/feeds/import/tardis-snapshot-rows.js';

const EXCHANGES = [
  { id: 'binance-futures', venue: 'binance', market: 'usdm' },
  { id: 'bybit', venue: 'bybit', market: 'linear' },
];
const LABEL = 'book_snapshot_3.csv';
const DEPTH = 3;
const HEADER = snapshotColumns(DEPTH);

/** `bytes` in chunks of the given sizes (cycled), each in a buffer of its own. */
function chunksOf(bytes: Buffer, sizes: readonly number[]): ChunkReader {
  let at = 0;
  let k = 0;
  return {
    label: LABEL,
    get bytesRead() {
      return at;
    },
    totalBytes: bytes.length,
    next() {
      if (at >= bytes.length) return null;
      const n = Math.min(sizes[k++ % sizes.length]!, bytes.length - at);
      const chunk = Buffer.from(bytes.subarray(at, at + n));
      at += n;
      return chunk;
    },
    close() {},
  };
}

type Outcome = { lines: string[] } | { error: { code: string; message: string } };

function importText(text: string, sizes: readonly number[], fast: boolean): Outcome {
  try {
    const merge = ImportMerge.of([new ImportFileSource(chunksOf(Buffer.from(text, 'utf8'), sizes), new TardisCsvReader(LABEL, EXCHANGES, fast), { symbols: null, fromUs: null, toUs: null }, 0)]);
    const lines: string[] = [];
    for (let line = merge.next(); line !== null; line = merge.next()) lines.push(line.json);
    return { lines };
  } catch (error) {
    if (error instanceof ShadowExecError) return { error: { code: error.code, message: error.message } };
    throw error;
  }
}

const T0 = 1_709_251_200_000_000;
const often = (good: fc.Arbitrary<string>, bad: readonly string[]): fc.Arbitrary<string> => fc.oneof({ weight: 25, arbitrary: good }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
const decimal = fc.oneof(
  { weight: 20, arbitrary: fc.tuple(fc.nat({ max: 99_999 }), fc.stringMatching(/^[0-9]{1,4}$/)).map(([w, f]) => `${w}.${f}`) },
  { weight: 1, arbitrary: fc.constantFrom('1e-8', '1.5E+3', '+.5', '-0', '.5', '007', '0', '1'.repeat(64), '1'.repeat(65), '', '-1', '5.', '"1"', '1\r2', 'x') },
);
/** A hostile time, rarely (null: the row's own time). */
const badTime = fc.oneof({ weight: 25, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('', '0123', '12a', '1e6', '-5', '99999999999999999', '9007199254740993', '123', '0', '1234') });
/** One side's cells (price, amount per level, best first): `n` levels of decimals, then empty pairs — or, rarely, a half-empty pair or cells after the first empty pair. */
const side = fc
  .tuple(fc.integer({ min: 0, max: DEPTH }), fc.array(fc.tuple(decimal, decimal), { minLength: DEPTH, maxLength: DEPTH }), fc.oneof({ weight: 20, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constantFrom('half', 'after') }))
  .map(([n, levels, odd]) => {
    const cells = levels.map(([p, a], i) => (i < n ? [p, a] : ['', '']));
    if (odd === 'half' && n < DEPTH) cells[n] = [cells[n]![0] === '' ? '1.0' : cells[n]![0]!, ''];
    if (odd === 'after' && n + 1 < DEPTH) cells[n + 1] = ['9.5', 'x'];
    return cells;
  });
const snapshotRow = fc.record({
  exchange: often(fc.constant('binance-futures'), ['bybit', 'okex', '']),
  symbol: often(fc.constantFrom('BTCUSDT', 'BTCUSDT', 'ETHUSDT'), ['', 'BTC USDT', 'é', '"BTCUSDT"']),
  step: fc.integer({ min: -20, max: 500 }),
  timestamp: badTime,
  local: badTime,
  asks: side,
  bids: side,
  shape: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'missing', 'extra', 'blank'),
});

const file = fc.record({
  header: fc.constantFrom(HEADER, HEADER, HEADER, HEADER.replace('asks[0].price,asks[0].amount,bids[0].price,bids[0].amount', 'bids[0].price,bids[0].amount,asks[0].price,asks[0].amount')),
  rows: fc.array(snapshotRow, { maxLength: 80 }),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  sizes: fc.oneof(fc.constant([1 << 16]), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 })),
});

describe('tardis book_snapshot byte fast path', () => {
  it('writes exactly the lines of the plain path, or stops with the same error, for generated files with hostile rows, in chunks of any size', () => {
    let completed = 0;
    fc.assert(
      fc.property(file, (plan) => {
        const names = plan.header.split(',');
        const lines: string[] = [plan.header];
        let local = T0;
        for (const r of plan.rows) {
          local += r.step;
          const cells: Record<string, string> = { exchange: r.exchange, symbol: r.symbol, timestamp: r.timestamp ?? String(local - 30), local_timestamp: r.local ?? String(local), };
          for (let i = 0; i < DEPTH; i++) {
            cells[`asks[${i}].price`] = r.asks[i]![0]!;
            cells[`asks[${i}].amount`] = r.asks[i]![1]!;
            cells[`bids[${i}].price`] = r.bids[i]![0]!;
            cells[`bids[${i}].amount`] = r.bids[i]![1]!;
          }
          let f = names.map((n) => cells[n]!);
          if (r.shape === 'missing') f = f.slice(1);
          if (r.shape === 'extra') f = [...f, ''];
          if (r.shape === 'blank') lines.push('');
          lines.push(f.join(','));
        }
        const eol = plan.crlf ? '\r\n' : '\n';
        const text = `${lines.join(eol)}${plan.finalNewline ? eol : ''}`;
        const plain = importText(text, plan.sizes, false);
        expect(importText(text, plan.sizes, true)).toEqual(plain);
        if ('lines' in plain) completed++;
      }),
      { numRuns: 500 },
    );
    expect(completed).toBeGreaterThan(20);
  });

  it('writes the rows of a well-formed file with the plain path\'s bytes, sides of 0 to N levels', () => {
    const rows = [HEADER];
    for (let i = 0; i < 200; i++) {
      const cells: string[] = [];
      for (let l = 0; l < DEPTH; l++) cells.push(...(l < i % 4 ? [`${62001 + l}.${i % 10}`, `0.${l + 1}`] : ['', '']), ...(l < (i + 1) % 4 ? [`${61999 - l}.5`, `1.${l}`] : ['', '']));
      rows.push(`binance-futures,BTCUSDT,${T0 + i * 7},${T0 + i * 7 + 3},${cells.join(',')}`);
    }
    const text = `${rows.join('\n')}\n`;
    const plain = importText(text, [1 << 20], false);
    expect('lines' in plain && plain.lines.length).toBe(200);
    expect(importText(text, [1 << 20], true)).toEqual(plain);
    expect(importText(text, [5, 77], true)).toEqual(plain);
  });
});
