// The harness the tardis fast-path differential tests share: an import of CSV text read in chunks of given sizes (fast or plain reader), the generated hostile cells, and a generated file's text from its rows.
import fc from 'fast-check';
import { ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';
import type { ChunkReader } from '../../src/feeds/import/chunk-reader.js';
import { ImportFileSource } from '../../src/feeds/import/import-file-source.js';
import { ImportMerge } from '../../src/feeds/import/import-merge.js';
import { TardisCsvReader } from '../../src/feeds/import/tardis-csv-reader.js';

/** The tardis exchange ids the tests import (two venues, so a row of the other one is a mistake the reader names). */
export const TEST_EXCHANGES = [
  { id: 'binance-futures', venue: 'binance', market: 'usdm' },
  { id: 'bybit', venue: 'bybit', market: 'linear' },
];
/** 2024-03-01T00:00:00Z in µs: the first row's local_timestamp. */
export const T0 = 1_709_251_200_000_000;

/** `bytes` in chunks of the given sizes (cycled), each a copy in a buffer of its own, as a reused read buffer would hold it (views past its end must not see the next chunk). */
export function chunksOf(bytes: Buffer, sizes: readonly number[], label: string): ChunkReader {
  let at = 0;
  let k = 0;
  return {
    label,
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

/** The record lines an import writes, in order, or the error it stops with. */
export type ImportOutcome = { lines: string[] } | { error: { code: string; message: string } };

/** Imports `text` (file `label`) read in chunks of `sizes`, by the fast reader or (fast false) the plain split(',') one. */
export function importText(label: string, text: string, sizes: readonly number[], fast = true): ImportOutcome {
  try {
    const merge = ImportMerge.of([new ImportFileSource(chunksOf(Buffer.from(text, 'utf8'), sizes, label), new TardisCsvReader(label, TEST_EXCHANGES, fast), { symbols: null, fromUs: null, toUs: null }, 0)]);
    const lines: string[] = [];
    for (let line = merge.next(); line !== null; line = merge.next()) lines.push(line.json);
    return { lines };
  } catch (error) {
    if (error instanceof ShadowExecError) return { error: { code: error.code, message: error.message } };
    throw error;
  }
}

/** Mostly `good`, rarely one of `bad`. */
export const often = (good: fc.Arbitrary<string>, bad: readonly string[]): fc.Arbitrary<string> => fc.oneof({ weight: 25, arbitrary: good }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
/** A plain decimal, rarely a hostile one (exponents, signs, leading zeros, 64+ digits, quotes, a stray \r). */
export const hostileDecimal = fc.oneof(
  { weight: 20, arbitrary: fc.tuple(fc.nat({ max: 99_999 }), fc.stringMatching(/^[0-9]{1,4}$/)).map(([w, f]) => `${w}.${f}`) },
  { weight: 1, arbitrary: fc.constantFrom('1e-8', '1.5E+3', '+.5', '-0', '.5', '007', '0', '1'.repeat(64), '1'.repeat(65), '', '-1', '5.', '"1"', '1\r2', 'x') },
);
/** A hostile time, rarely (null: the row's own time). */
export const hostileTime = fc.oneof({ weight: 25, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('', '0123', '12a', '1e6', '-5', '99999999999999999', '9007199254740993', '123', '0', '1234') });

/** The columns every tardis row starts with, generated: exchange and symbol (rarely wrong), a local-time step (may go back) and hostile times. */
export const rowHead = {
  exchange: often(fc.constant('binance-futures'), ['bybit', 'okex', '']),
  symbol: often(fc.constantFrom('BTCUSDT', 'BTCUSDT', 'ETHUSDT'), ['', 'BTC USDT', 'é', '"BTCUSDT"']),
  step: fc.integer({ min: -20, max: 500 }),
  timestamp: hostileTime,
  local: hostileTime,
  shape: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'missing', 'extra', 'blank'),
};
type RowHead = { [K in keyof typeof rowHead]: typeof rowHead[K] extends fc.Arbitrary<infer V> ? V : never };

/** A generated file: a header (of `headers`), rows, line ends, and the chunk sizes it is read in. */
export function fileOf<R>(headers: fc.Arbitrary<string>, row: fc.Arbitrary<R>, maxRows: number) {
  return fc.record({
    header: headers,
    rows: fc.array(row, { maxLength: maxRows }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
    sizes: fc.oneof(fc.constant([1 << 16]), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 })),
  });
}

/** The text of a generated file: each row's cells by header name (`cellsOf` gives the layout's own ones), a column dropped, one added or a blank line before it as its shape says. */
export function fileText<R extends RowHead>(plan: { header: string; rows: readonly R[]; crlf: boolean; finalNewline: boolean }, cellsOf: (row: R) => Record<string, string>): string {
  const names = plan.header.split(',');
  const lines: string[] = [plan.header];
  let local = T0;
  for (const r of plan.rows) {
    local += r.step;
    const cells: Record<string, string> = { exchange: r.exchange, symbol: r.symbol, timestamp: r.timestamp ?? String(local - 30), local_timestamp: r.local ?? String(local), ...cellsOf(r) };
    let f = names.map((n) => cells[n]!);
    if (r.shape === 'missing') f = f.slice(1);
    if (r.shape === 'extra') f = [...f, ''];
    if (r.shape === 'blank') lines.push('');
    lines.push(f.join(','));
  }
  const eol = plan.crlf ? '\r\n' : '\n';
  return `${lines.join(eol)}${plan.finalNewline ? eol : ''}`;
}
