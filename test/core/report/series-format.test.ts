// Covers the --series file formats: JSON Lines with sorted keys and CSV with every column, both read back to the same records; refusals name the line; fuzzed text is read or refused with E_USAGE, never anything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors/shadow-exec-error.js';
import { parseSeries, seriesFormatOf, toCsv, toJsonLines } from '../../../src/core/report/series-format.js';
import { SERIES_COLUMNS, type SeriesRecord } from '../../../src/core/report/series-record.js';
import { thrown } from '../../helpers/thrown.js';

const SAMPLE: SeriesRecord = {
  type: 'sample', ts_ms: 1735689602000, utc: '2025-01-01T00:00:02.000Z', symbol: 'BTCUSDT', mid: '93488.9', bid: '93389.7', ask: null, position: '-0.005',
  inventory_usd: '-467.4445', realized_pnl_usd: '0', unrealized_pnl_usd: '0.412', fees_usd: '0.0934065', total_pnl_usd: '0.3185935', net_edge_bps: '8',
  edge_threshold_bps: '2', open_orders: 1, risk_state: 'ACTIVE',
};
const FILL: SeriesRecord = {
  type: 'fill', ts_ms: 1735689601500, utc: '2025-01-01T00:00:01.500Z', symbol: 'BTCUSDT', side: 'BUY', price: '93406.5', qty: '0.005', liquidity: 'MAKER', fee_usd: '0.0934065', order_id: 'O-1', fill_id: 'F-1',
};
const BLOCKS: SeriesRecord = { type: 'blocks', ts_ms: 1735689601000, utc: '2025-01-01T00:00:01.000Z', reason: 'MAX_INVENTORY', count: 3, since_ms: 1735689600000 };
const RECORDS = [BLOCKS, FILL, SAMPLE];

/** A record without its null fields (CSV cannot tell a null from an absent column). */
const withoutNulls = (r: SeriesRecord): Record<string, unknown> => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null));

describe('seriesFormatOf', () => {
  it('chooses the format by the extension, case-insensitively, and knows no other', () => {
    expect(['a.jsonl', 'a.NDJSON', 'a.json', 'a.CSV', 'a.txt', 'csv'].map(seriesFormatOf)).toEqual(['jsonl', 'jsonl', 'jsonl', 'csv', null, null]);
  });
});

describe('toJsonLines', () => {
  it('writes one object per line with its keys sorted, nulls kept, and a trailing newline', () => {
    const text = toJsonLines([BLOCKS]);
    expect(text).toBe('{"count":3,"reason":"MAX_INVENTORY","since_ms":1735689600000,"ts_ms":1735689601000,"type":"blocks","utc":"2025-01-01T00:00:01.000Z"}\n');
    expect(toJsonLines([SAMPLE])).toContain('"ask":null,"bid":"93389.7"');
  });

  it('reads back to the same records', () => {
    expect(parseSeries(toJsonLines(RECORDS), 'jsonl', 'x')).toEqual(RECORDS);
  });
});

describe('toCsv', () => {
  it('writes a header of every column, then one row per record with empty cells for what it lacks', () => {
    const lines = toCsv([BLOCKS]).split('\n');
    expect(lines[0]).toBe(SERIES_COLUMNS.join(','));
    expect(lines[1]).toBe('blocks,1735689601000,2025-01-01T00:00:01.000Z,,,,,,,,,,,,,,,,,,,,,,MAX_INVENTORY,,,,3,1735689600000');
    expect(lines).toHaveLength(3);
  });

  it('reads back to the same records (nulls as empty cells), integers as numbers', () => {
    expect(parseSeries(toCsv(RECORDS), 'csv', 'x')).toEqual(RECORDS.map(withoutNulls));
  });

  it('quotes a cell holding a comma or a quote, and reads it back', () => {
    const odd: SeriesRecord = { ...BLOCKS, reason: 'A,"B"' };
    expect(toCsv([odd]).split('\n')[1]).toContain('"A,""B"""');
    expect(parseSeries(toCsv([odd]), 'csv', 'x')[0]!.reason).toBe('A,"B"');
  });
});

describe('parseSeries refusals', () => {
  it('names the file and the line of the first record that is not one', () => {
    const text = `${toJsonLines([FILL])}{"type":"fill"`;
    expect(thrown(() => parseSeries(text, 'jsonl', "--series 's.jsonl'"))).toEqual({ name: 'UsageError', code: 'E_USAGE', message: "--series 's.jsonl': line 2: not JSON (not valid JSON: it ends early at column 15)" });
  });

  it('refuses unknown fields, wrong types, non-decimal money and unknown types', () => {
    const bad = (record: object): string => thrown(() => parseSeries(JSON.stringify(record), 'jsonl', 'f')).message;
    expect(bad({ ...FILL, extra: 1 })).toMatch(/^f: line 1: unknown field "extra"/);
    expect(bad({ ...FILL, ts_ms: '1' })).toBe('f: line 1: ts_ms must be a whole number');
    expect(bad({ ...FILL, price: '1e5' })).toBe('f: line 1: price must be a decimal string such as "95000.5"');
    expect(bad({ ...FILL, symbol: '<script>\u0000' })).toBe('f: line 1: symbol must be 1–200 printable ASCII characters');
    expect(bad({ ...FILL, type: 'trade' })).toBe('f: line 1: type must be one of sample, fill, freeze, unfreeze, risk_state, breaker, blocks');
    expect(bad({ ...FILL, symbol: undefined })).toBe('f: line 1: a fill record needs a symbol');
    expect(bad([1])).toBe('f: line 1: expected a JSON object');
  });

  it('refuses a CSV with an unknown column, a short row or an open quote', () => {
    const bad = (text: string): string => thrown(() => parseSeries(text, 'csv', 'f')).message;
    expect(bad('type,ts_ms,utc,colour\n')).toMatch(/^f: line 1: unknown column "colour"/);
    expect(bad('type,ts_ms,utc\nfill,1\n')).toBe('f: line 2: 2 cells, the header has 3');
    expect(bad('type,ts_ms,utc\n"blocks,1,x\n')).toBe('f: line 2: a quoted cell is not closed');
    expect(bad('type,ts_ms,utc\nblocks,1.5,x\n')).toBe('f: line 2: ts_ms must be a whole number');
  });

  it('reads an empty file as no records', () => {
    expect(parseSeries('', 'jsonl', 'f')).toEqual([]);
    expect(parseSeries('', 'csv', 'f')).toEqual([]);
  });
});

describe('parseSeries on fuzzed input', () => {
  const valid = [toJsonLines(RECORDS), toCsv(RECORDS)];
  const mutated = fc.tuple(fc.constantFrom(0, 1), fc.nat(), fc.string({ maxLength: 8 }), fc.nat({ max: 6 })).map(([k, at, insert, cut]) => {
    const base = valid[k]!;
    const i = at % (base.length + 1);
    return { format: k === 0 ? ('jsonl' as const) : ('csv' as const), text: base.slice(0, i) + insert + base.slice(i + cut) };
  });

  it('returns records or throws a UsageError, nothing else, on mutated files and on arbitrary text', () => {
    const check = (text: string, format: 'jsonl' | 'csv'): void => {
      try {
        const records = parseSeries(text, format, 'f');
        for (const r of records) expect(typeof r.ts_ms).toBe('number');
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
      }
    };
    fc.assert(fc.property(mutated, ({ text, format }) => check(text, format)), { numRuns: 2000, seed: 20 });
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('jsonl' as const, 'csv' as const), check), { numRuns: 2000, seed: 21 });
  });
});
