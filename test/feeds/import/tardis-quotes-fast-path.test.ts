// Covers the tardis quotes / book_ticker byte fast path (tardis-quote-rows.ts): for generated quotes CSVs with hostile rows, read in chunks of any size, the import writes exactly the lines of the plain path (TardisCsvReader with fast = false: split(','), record objects, normalizedLine) or stops with the same error (code, file, line, message).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUOTES_COLUMNS } from '../../../src/feeds/import/tardis-quote-rows.js';
import { fileOf, fileText, hostileDecimal, importText, rowHead, T0 } from '../../helpers/tardis-import-harness.js';

const LABEL = 'quotes.csv';
/** A quote cell: mostly a decimal, sometimes empty (that side of the book is empty), rarely hostile. */
const quoteCell = fc.oneof({ weight: 8, arbitrary: hostileDecimal }, { weight: 1, arbitrary: fc.constant('') });
const quoteRow = fc.record({ ...rowHead, ask_amount: quoteCell, ask_price: quoteCell, bid_price: quoteCell, bid_amount: quoteCell });
const file = fileOf(fc.constantFrom(QUOTES_COLUMNS, QUOTES_COLUMNS, QUOTES_COLUMNS, 'exchange,symbol,timestamp,local_timestamp,bid_price,bid_amount,ask_price,ask_amount'), quoteRow, 100);

describe('tardis quotes byte fast path', () => {
  it('writes exactly the lines of the plain path, or stops with the same error, for generated files with hostile rows, in chunks of any size', () => {
    let completed = 0;
    fc.assert(
      fc.property(file, (plan) => {
        const text = fileText(plan, (r) => ({ ask_amount: r.ask_amount, ask_price: r.ask_price, bid_price: r.bid_price, bid_amount: r.bid_amount }));
        const plain = importText(LABEL, text, plan.sizes, false);
        expect(importText(LABEL, text, plan.sizes, true)).toEqual(plain);
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
    const plain = importText(LABEL, text, [1 << 20], false);
    expect('lines' in plain && plain.lines.length).toBe(200);
    expect(importText(LABEL, text, [1 << 20], true)).toEqual(plain);
    expect(importText(LABEL, text, [5, 77], true)).toEqual(plain);
  });
});
