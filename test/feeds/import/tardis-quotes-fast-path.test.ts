// Covers the tardis quotes / book_ticker byte fast path (tardis-quote-rows.ts): for generated quotes CSVs with hostile rows, read in chunks of any size, the import writes exactly the lines of the plain path (TardisCsvReader with fast = false: split(','), record objects, normalizedLine) or stops with the same error (code, file, line, message).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShadowExecError } from '../../../src/core/errors/shadow-exec-error.js';
import type { ChunkReader } from '../../../src/feeds/import/chunk-reader.js';
import { ImportFileSource } from '../../../src/feeds/import/import-file-source.js';
import { ImportMerge } from '../../../src/feeds/import/import-merge.js';
import { TardisCsvReader } from '../../../src/feeds/import/tardis-csv-reader.js';
import { QUOTES_COLUMNS } from '../../../src/feeds/import/tardis-quote-rows.js';

const EXCHANGES = [
  { id: 'binance-futures', venue: 'binance', market: 'usdm' },
  { id: 'bybit', venue: 'bybit', market: 'linear' },
];
const LABEL = 'quotes.csv';

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
/** A quote cell: mostly a decimal, sometimes empty (that side of the book is empty), rarely hostile. */
const quoteCell = fc.oneof({ weight: 8, arbitrary: decimal }, { weight: 1, arbitrary: fc.constant('') });
const quoteRow = fc.record({
  exchange: often(fc.constant('binance-futures'), ['bybit', 'okex', '']),
  symbol: often(fc.constantFrom('BTCUSDT', 'BTCUSDT', 'ETHUSDT'), ['', 'BTC USDT', 'é', '"BTCUSDT"']),
  step: fc.integer({ min: -20, max: 500 }),
  timestamp: badTime,
  local: badTime,
  ask_amount: quoteCell,
  ask_price: quoteCell,
  bid_price: quoteCell,
  bid_amount: quoteCell,
  shape: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'missing', 'extra', 'blank'),
});

const file = fc.record({
  header: fc.constantFrom(QUOTES_COLUMNS, QUOTES_COLUMNS, QUOTES_COLUMNS, 'exchange,symbol,timestamp,local_timestamp,bid_price,bid_amount,ask_price,ask_amount'),
  rows: fc.array(quoteRow, { maxLength: 100 }),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  sizes: fc.oneof(fc.constant([1 << 16]), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 })),
});

describe('tardis quotes byte fast path', () => {
  it('writes exactly the lines of the plain path, or stops with the same error, for generated files with hostile rows, in chunks of any size', () => {
    let completed = 0;
    fc.assert(
      fc.property(file, (plan) => {
        const names = plan.header.split(',');
        const lines: string[] = [plan.header];
        let local = T0;
        for (const r of plan.rows) {
          local += r.step;
          const cells: Record<string, string> = { exchange: r.exchange, symbol: r.symbol, timestamp: r.timestamp ?? String(local - 30), local_timestamp: r.local ?? String(local), ask_amount: r.ask_amount, ask_price: r.ask_price, bid_price: r.bid_price, bid_amount: r.bid_amount };
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

  it('writes the rows of a well-formed file with the plain path\'s bytes, empty sides as null', () => {
    const rows = [QUOTES_COLUMNS];
    const cellOf = (i: number, k: number): string => ((i + k) % 9 === 0 ? '' : `${62000 + i + k}.${i % 10}`);
    for (let i = 0; i < 200; i++) rows.push(`binance-futures,BTCUSDT,${T0 + i * 7},${T0 + i * 7 + 3},${cellOf(i, 0)},${cellOf(i, 1)},${cellOf(i, 2)},${cellOf(i, 3)}`);
    const text = `${rows.join('\n')}\n`;
    const plain = importText(text, [1 << 20], false);
    expect('lines' in plain && plain.lines.length).toBe(200);
    expect(importText(text, [1 << 20], true)).toEqual(plain);
    expect(importText(text, [5, 77], true)).toEqual(plain);
  });
});
