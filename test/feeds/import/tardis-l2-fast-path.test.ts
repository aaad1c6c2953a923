// Covers the incremental_book_L2 byte fast path (TardisCsvReader with L2Group, read through ByteLines and ImportFileSource in chunks of any size): for generated CSVs with hostile rows it writes exactly the lines of the plain split(',') reference (test/helpers/reference-tardis-l2.ts), or stops with the same error (code, file, line, message).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceTardisL2, type ReferenceResult } from '../../helpers/reference-tardis-l2.js';
import { importText, T0, TEST_EXCHANGES } from '../../helpers/tardis-import-harness.js';

const LABEL = 'l2.csv';
const STANDARD = 'exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount';

/** What the import writes for `text` (its record lines in order) or the error it stops with. */
const fastImport = (text: string, sizes: readonly number[]): ReferenceResult => importText(LABEL, text, sizes);

/** A cell that is usually well formed and, when `hostile` is on, sometimes one of the hostile values. */
const cell = (good: fc.Arbitrary<string>, bad: readonly string[], hostile: boolean): fc.Arbitrary<string> => (hostile ? fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: fc.constantFrom(...bad) }) : good);
const decimal = fc.oneof(
  { weight: 20, arbitrary: fc.tuple(fc.nat({ max: 99_999 }), fc.stringMatching(/^[0-9]{1,4}$/)).map(([w, f]) => `${w}.${f}`) },
  { weight: 4, arbitrary: fc.nat({ max: 100 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('1e-8', '1.5E+3', '+.5', '-0', '.5', '007', '0.000', '00.10', '2e3', '1e999', '1'.repeat(64), '1'.repeat(65), `0.${'0'.repeat(70)}1`) },
);
const hostileDecimal = ['', '-1', '5.', '"1.0"', 'abc', '1,0', '1e', '0x10', ' 1', 'NaN', '١', '1\r', '1\r2', '1\r\n'];
const timeHostile = ['', '0123', '12a', '1e6', '-5', '99999999999999999', '9007199254740993', '"1"', '123'];

interface RowPlan {
  exchange: string;
  symbol: string;
  /** Receive time step from the last row (0: same group), exchange time lag. */
  step: number;
  lag: number;
  snapshot: string;
  side: string;
  price: string;
  amount: string;
  timestamp: string | null;
  local: string | null;
  shape: 'ok' | 'missing' | 'extra' | 'blank-before';
}

const HOSTILE = {
  exchange: ['bybit', 'okex', '"binance-futures"', ''],
  symbol: ['', '"BTCUSDT"', 'BTC USDT', 'é', 'x'.repeat(65)],
  snapshot: ['TRUE', '', '1', 'fals'],
  side: ['buy', '', 'BID', 'bids'],
  price: hostileDecimal,
  amount: hostileDecimal,
  timestamp: timeHostile,
  local: [...timeHostile, '5', '0', '1234'],
} as const;

const rowOf = (hostile: boolean): fc.Arbitrary<RowPlan> =>
  fc.record({
    exchange: cell(fc.constant('binance-futures'), HOSTILE.exchange, hostile),
    symbol: cell(fc.constantFrom('BTCUSDT', 'BTCUSDT', 'BTCUSDT', 'ETHUSDT'), HOSTILE.symbol, hostile),
    step: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 2_000 }) }, { weight: 1, arbitrary: fc.integer({ min: -50, max: -1 }) }),
    // Mostly one lag: rows of a group then start with the same bytes (the fast lane); sometimes another.
    lag: fc.oneof({ weight: 6, arbitrary: fc.constant(40) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }).map((n) => n * 40) }),
    snapshot: cell(fc.constantFrom('false', 'false', 'false', 'true'), HOSTILE.snapshot, hostile),
    side: cell(fc.constantFrom('bid', 'ask'), HOSTILE.side, hostile),
    price: cell(decimal, HOSTILE.price, hostile),
    amount: cell(decimal, HOSTILE.amount, hostile),
    timestamp: hostile ? fc.oneof({ weight: 40, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE.timestamp) }) : fc.constant(null),
    local: hostile ? fc.oneof({ weight: 40, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE.local) }) : fc.constant(null),
    shape: hostile ? fc.constantFrom<RowPlan['shape']>(...Array<RowPlan['shape']>(40).fill('ok'), 'missing', 'extra', 'blank-before') : fc.constant<RowPlan['shape']>('ok'),
  });
const row = rowOf(true);

/** A well-formed row with exactly one hostile cell or shape. */
const oneBad: fc.Arbitrary<RowPlan> = fc
  .tuple(rowOf(false), fc.constantFrom(...(Object.keys(HOSTILE) as (keyof typeof HOSTILE)[]), 'shape' as const), fc.nat())
  .map(([r, field, k]) => {
    if (field === 'shape') return { ...r, shape: (['missing', 'extra', 'blank-before'] as const)[k % 3]! };
    const values = HOSTILE[field];
    return { ...r, [field]: values[k % values.length]! };
  });

const file = fc.record({
  header: fc.constantFrom(STANDARD, STANDARD, STANDARD, 'exchange,symbol,local_timestamp,timestamp,is_snapshot,side,amount,price'),
  rows: fc.array(row, { maxLength: 120 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  // Tiny chunks (lines carried over) and whole-file chunks (the fast lane, readRun, reads most rows).
  sizes: fc.oneof(fc.constant([1 << 16]), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 })),
});

/** The CSV text of a plan. */
function csv(plan: { header: string; rows: readonly RowPlan[]; crlf: boolean; bom: boolean; finalNewline: boolean }): string {
  const eol = plan.crlf ? '\r\n' : '\n';
  const names = plan.header.split(',');
  const lines: string[] = [plan.header];
  let local = T0;
  for (const r of plan.rows) {
    local += r.step;
    const cells: Record<string, string> = {
      exchange: r.exchange,
      symbol: r.symbol,
      timestamp: r.timestamp ?? String(local - r.lag),
      local_timestamp: r.local ?? String(local),
      is_snapshot: r.snapshot,
      side: r.side,
      price: r.price,
      amount: r.amount,
    };
    let f = names.map((n) => cells[n]!);
    if (r.shape === 'missing') f = f.slice(0, -1);
    if (r.shape === 'extra') f = [...f, '1'];
    if (r.shape === 'blank-before') lines.push('');
    lines.push(f.join(','));
  }
  return `${plan.bom ? '\uFEFF' : ''}${lines.join(eol)}${plan.finalNewline ? eol : ''}`;
}

describe('incremental_book_L2 byte fast path', () => {
  it('writes exactly the lines of the split(",") reference, or stops with the same error, for generated files with hostile rows, in chunks of any size', () => {
    let completed = 0;
    let failed = 0;
    fc.assert(
      fc.property(file, (plan) => {
        const text = csv(plan);
        const expected = referenceTardisL2(text, LABEL, TEST_EXCHANGES);
        expect(fastImport(text, plan.sizes)).toEqual(expected);
        if ('lines' in expected) completed++;
        else failed++;
      }),
      { numRuns: 500 },
    );
    // Both outcomes are exercised.
    expect(completed).toBeGreaterThan(20);
    expect(failed).toBeGreaterThan(20);
  });

  it('stops where the reference stops, with its error, when one row with one hostile cell follows well-formed groups (the fast lane reads up to it)', () => {
    fc.assert(
      fc.property(file, fc.array(rowOf(false), { minLength: 1, maxLength: 150 }), oneBad, fc.nat(), (plan, good, bad, k) => {
        const rows = [...good];
        rows.splice(k % (rows.length + 1), 0, bad);
        const text = csv({ ...plan, rows });
        expect(fastImport(text, plan.sizes)).toEqual(referenceTardisL2(text, LABEL, TEST_EXCHANGES));
      }),
      { numRuns: 500 },
    );
  });

  it('reads the bench-like file (groups of 6 rows, times without leading zeros) as the reference does, in 1 MiB-like and tiny chunks', () => {
    const lines = [STANDARD];
    for (let g = 0; g < 300; g++) for (let k = 0; k < 6; k++) lines.push(`binance-futures,BTCUSDT,${T0 + g * 100 - 40},${T0 + g * 100},${g === 0},${k < 3 ? 'bid' : 'ask'},${62000 + k}.${g % 10},${k}.00${g % 7}`);
    const text = `${lines.join('\n')}\n`;
    const expected = referenceTardisL2(text, LABEL, TEST_EXCHANGES);
    expect('lines' in expected && expected.lines.length).toBe(300);
    expect(fastImport(text, [1 << 20])).toEqual(expected);
    expect(fastImport(text, [7, 13, 64])).toEqual(expected);
  });

  it('names the line of a bad amount after 50 rows of one group, as the reference does', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `binance-futures,BTCUSDT,${T0},${T0 + 1},false,bid,${100 + i}.5,1`);
    const text = [STANDARD, ...rows, `binance-futures,BTCUSDT,${T0},${T0 + 1},false,bid,1e-3,x`].join('\n');
    const got = fastImport(text, [100]);
    expect(got).toEqual(referenceTardisL2(text, LABEL, TEST_EXCHANGES));
    expect(got).toEqual({ error: { code: 'E_IMPORT_FORMAT', message: expect.stringContaining(`import file '${LABEL}' line 52: amount must be a non-negative decimal`) as unknown as string } });
  });
});
