// Covers the tardis trades byte fast path (tardis-trade-rows.ts): for generated trades CSVs with hostile rows, read in chunks of any size, the import writes exactly the lines of the plain path (TardisCsvReader with fast = false: split(','), record objects, normalizedLine) or stops with the same error (code, file, line, message).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRADES_COLUMNS } from '../../../src/feeds/import/tardis-trade-rows.js';
import { fileOf, fileText, hostileDecimal, importText, often, rowHead, T0 } from '../../helpers/tardis-import-harness.js';

const LABEL = 'trades.csv';
const tradeRow = fc.record({
  ...rowHead,
  id: fc.oneof(
    { weight: 10, arbitrary: fc.nat({ max: 1e9 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('', 'a-b_c', 'x'.repeat(128), 'x'.repeat(129), 'q"uote', 'back\\slash', 'tab\there', 'é', '~ !') },
  ),
  side: often(fc.constantFrom('buy', 'sell', 'unknown'), ['', 'BUY', 'bid', 'sel', 'unknow']),
  price: hostileDecimal,
  amount: hostileDecimal,
});
const file = fileOf(fc.constantFrom(TRADES_COLUMNS, TRADES_COLUMNS, TRADES_COLUMNS, 'exchange,symbol,local_timestamp,timestamp,side,id,amount,price'), tradeRow, 100);

describe('tardis trades byte fast path', () => {
  it('writes exactly the lines of the plain path, or stops with the same error, for generated files with hostile rows, in chunks of any size', () => {
    let completed = 0;
    fc.assert(
      fc.property(file, (plan) => {
        const text = fileText(plan, (r) => ({ id: r.id, side: r.side, price: r.price, amount: r.amount }));
        const plain = importText(LABEL, text, plan.sizes, false);
        expect(importText(LABEL, text, plan.sizes, true)).toEqual(plain);
        if ('lines' in plain) completed++;
      }),
      { numRuns: 500 },
    );
    expect(completed).toBeGreaterThan(20);
  });

  it('writes the rows of a well-formed file with the plain path\'s bytes, ids that need JSON escaping included', () => {
    const rows = [TRADES_COLUMNS];
    // Ids JSON must escape (quote, backslash, control character) or that are not ASCII go by the plain path.
    const ids = (i: number): string => [`tx-${i}`, String(1000 + i), 'q"uote', 'back\\slash', 'tab\there', 'é', 'x'.repeat(128), '~ !'][i % 8]!;
    for (let i = 0; i < 200; i++) rows.push(`bybit,BTCUSDT,${T0 + i * 7},${T0 + i * 7 + 3},${ids(i)},${['buy', 'sell', 'unknown'][i % 3]},${62000 + i}.5,0.${i}`);
    const text = `${rows.join('\n')}\n`;
    const plain = importText(LABEL, text, [1 << 20], false);
    expect('lines' in plain && plain.lines.length).toBe(200);
    expect(importText(LABEL, text, [1 << 20], true)).toEqual(plain);
    expect(importText(LABEL, text, [5, 77], true)).toEqual(plain);
  });
});
