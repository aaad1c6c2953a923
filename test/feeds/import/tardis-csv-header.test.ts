// Covers readTardisHeader (tardis-csv-header.ts): the layout told by the header's columns whatever their order, the column indexes, the book_snapshot depth, the fast paths only for tardis' own column order, and the header errors.
import { describe, expect, it } from 'vitest';
import { ShadowExecError } from '../../../src/core/errors/shadow-exec-error.js';
import { readTardisHeader } from '../../../src/feeds/import/tardis-csv-header.js';
import { TardisSnapshotRows } from '../../../src/feeds/import/tardis-snapshot-rows.js';
import { TardisTradeRows } from '../../../src/feeds/import/tardis-trade-rows.js';

const L2 = 'exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount';

describe('readTardisHeader', () => {
  it('reads incremental_book_L2 in tardis order as the standard order, with each column index', () => {
    const h = readTardisHeader(L2, 1, 'l2.csv', true);
    expect(h).toMatchObject({ kind: 'incremental_book_L2', layout: 'tardis incremental_book_L2', width: 8, depth: 0, iSymbol: 1, iTimestamp: 2, iLocal: 3, iSnapshot: 4, iSide: 5, iPrice: 6, iAmount: 7, iId: -1, standardOrder: true, rowPath: null });
  });

  it('reads the same columns in another order by name, without the fast path', () => {
    const h = readTardisHeader('exchange,symbol,local_timestamp,timestamp,side,is_snapshot,amount,price', 1, 'l2.csv', true);
    expect(h).toMatchObject({ kind: 'incremental_book_L2', iLocal: 2, iTimestamp: 3, iSide: 4, iSnapshot: 5, iAmount: 6, iPrice: 7, standardOrder: false });
    expect(readTardisHeader(L2, 1, 'l2.csv', false).standardOrder).toBe(false);
  });

  it('tells book_snapshot_N by its deepest complete level and gives its columns best first', () => {
    const levels = [0, 1, 2].map((i) => `asks[${i}].price,asks[${i}].amount,bids[${i}].price,bids[${i}].amount`).join(',');
    const h = readTardisHeader(`exchange,symbol,timestamp,local_timestamp,${levels}`, 1, 's.csv', true);
    expect(h).toMatchObject({ kind: 'book_snapshot', layout: 'tardis book_snapshot_3', depth: 3, width: 16 });
    expect(h.askColumns).toEqual([[4, 5], [8, 9], [12, 13]]);
    expect(h.bidColumns).toEqual([[6, 7], [10, 11], [14, 15]]);
    expect(h.rowPath).toBeInstanceOf(TardisSnapshotRows);
  });

  it('gives trades in tardis order their byte fast path, and tells quotes and derivative_ticker', () => {
    expect(readTardisHeader('exchange,symbol,timestamp,local_timestamp,id,side,price,amount', 1, 't.csv', true).rowPath).toBeInstanceOf(TardisTradeRows);
    expect(readTardisHeader('exchange,symbol,timestamp,local_timestamp,id,side,price,amount', 1, 't.csv', false).rowPath).toBeNull();
    expect(readTardisHeader('exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount', 1, 'q.csv', true).kind).toBe('quotes');
    expect(readTardisHeader('exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,mark_price', 1, 'd.csv', true).kind).toBe('derivative_ticker');
  });

  it.each([
    ['exchange,symbol,timestamp,side,price,amount', "no 'local_timestamp' column"],
    ['symbol,exchange,timestamp,local_timestamp,is_snapshot,side,price,amount', "'exchange' must be the first column"],
    ['exchange,symbol,timestamp,local_timestamp,open,high,low,close', 'a tardis.dev CSV of no supported type'],
  ])('refuses %j naming the file, the line and %j', (line, expected) => {
    let thrown: unknown;
    try {
      readTardisHeader(line, 1, 'x.csv', true);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ShadowExecError);
    expect((thrown as ShadowExecError).code).toBe('E_IMPORT_FORMAT');
    expect((thrown as ShadowExecError).message).toContain("'x.csv' line 1");
    expect((thrown as ShadowExecError).message).toContain(expected);
  });
});
