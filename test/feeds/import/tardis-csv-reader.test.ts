// Covers TardisCsvReader: each tardis.dev CSV layout (told by its header row) → normalized records; incremental_book_L2 rows grouped by symbol, local_timestamp and is_snapshot; bad rows named by line.
import { describe, expect, it } from 'vitest';
import { byteLine } from '../../../src/feeds/import/byte-lines.js';
import type { ImportedLine } from '../../../src/feeds/import/imported-line.js';
import type { NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import { TardisCsvReader } from '../../../src/feeds/import/tardis-csv-reader.js';
import { thrown } from '../../helpers/thrown.js';

const EXCHANGES = [{ id: 'ex-futures', venue: 'v', market: 'm' }];

function read(lines: readonly string[]): { records: { record: NormalizedRecord; rank: number; order: number }[]; reader: TardisCsvReader } {
  const reader = new TardisCsvReader('f.csv', EXCHANGES);
  const out: ImportedLine[] = [];
  lines.forEach((line, i) => reader.push(byteLine(line, i + 1), out));
  reader.end(out);
  return { records: out.map((l) => ({ record: recordOf(l), rank: l.rank, order: l.order })), reader };
}

/** The record a line holds, without its `t` (checked to be local_us in ms). */
function recordOf(line: ImportedLine): NormalizedRecord {
  const { t, ...record } = JSON.parse(line.json) as NormalizedRecord & { t: number };
  expect(t).toBe(Math.floor(record.local_us / 1000));
  return record;
}

describe('TardisCsvReader', () => {
  it('groups incremental_book_L2 rows by symbol, local_timestamp and is_snapshot, and maps the exchange to its venue and market', () => {
    const { records, reader } = read([
      'exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount',
      'ex-futures,BTCUSDT,10,20,true,bid,100.0,1',
      'ex-futures,BTCUSDT,10,20,true,ask,101.0,2',
      'ex-futures,BTCUSDT,11,20,false,ask,101.0,0',
      'ex-futures,ETHUSDT,11,20,false,bid,5,1e-3',
      'ex-futures,ETHUSDT,12,30,false,bid,5,0',
    ]);
    expect(reader.layout).toBe('tardis incremental_book_L2');
    expect(reader.target).toEqual({ venue: 'v', market: 'm' });
    expect(records.map((r) => r.record)).toEqual([
      { type: 'book_update', symbol: 'BTCUSDT', exchange_us: 10, local_us: 20, is_snapshot: true, bids: [['100.0', '1']], asks: [['101.0', '2']] },
      { type: 'book_update', symbol: 'BTCUSDT', exchange_us: 11, local_us: 20, is_snapshot: false, bids: [], asks: [['101.0', '0']] },
      { type: 'book_update', symbol: 'ETHUSDT', exchange_us: 11, local_us: 20, is_snapshot: false, bids: [['5', '0.001']], asks: [] },
      { type: 'book_update', symbol: 'ETHUSDT', exchange_us: 12, local_us: 30, is_snapshot: false, bids: [['5', '0']], asks: [] },
    ]);
  });

  it('reads book_snapshot_N levels up to the first empty pair, trades with rank 0, quotes and derivative_ticker with empty cells as null', () => {
    const snap = read(['exchange,symbol,timestamp,local_timestamp,asks[0].price,asks[0].amount,bids[0].price,bids[0].amount,asks[1].price,asks[1].amount,bids[1].price,bids[1].amount', 'ex-futures,X,1,2,11,1,10,2,12,3,,']);
    expect(snap.reader.layout).toBe('tardis book_snapshot_2');
    expect(snap.records[0]!.record).toEqual({ type: 'book_snapshot', symbol: 'X', exchange_us: 1, local_us: 2, bids: [['10', '2']], asks: [['11', '1'], ['12', '3']] });
    const trades = read(['exchange,symbol,timestamp,local_timestamp,id,side,price,amount', 'ex-futures,X,1,2,,unknown,10,2']);
    expect(trades.records[0]).toEqual({ record: { type: 'trade', symbol: 'X', exchange_us: 1, local_us: 2, id: '', side: 'unknown', price: '10', size: '2' }, rank: 0, order: 0 });
    const quotes = read(['exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount', 'ex-futures,X,1,2,,,10,2']);
    expect(quotes.records[0]!.record).toEqual({ type: 'quote', symbol: 'X', exchange_us: 1, local_us: 2, bid_price: '10', bid_size: '2', ask_price: null, ask_size: null });
    const deriv = read(['exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,predicted_funding_rate,open_interest,last_price,index_price,mark_price', 'ex-futures,X,1,2,,-0.0001,,5,1,2,3']);
    expect(deriv.records[0]!.record).toEqual({ type: 'derivative', symbol: 'X', exchange_us: 1, local_us: 2, mark_price: '3', index_price: '2', last_price: '1', funding_rate: '-0.0001', predicted_funding_rate: null, funding_time_us: null, open_interest: '5' });
  });

  it('names the line of a bad row: column count, time, side, decimal, unknown layout', () => {
    const head = 'exchange,symbol,timestamp,local_timestamp,id,side,price,amount';
    expect(thrown(() => read([head, 'ex-futures,X,1,2,7,buy,1'])).message).toBe('import file \'f.csv\' line 2: 7 columns, the header has 8: "ex-futures,X,1,2,7,buy,1"');
    expect(thrown(() => read([head, 'ex-futures,X,1.5,2,7,buy,1,1'])).message).toBe('import file \'f.csv\' line 2: timestamp must be whole µs since the epoch, got "1.5": "ex-futures,X,1.5,2,7,buy,1,1"');
    expect(thrown(() => read([head, 'ex-futures,X,1,2,7,buy,-1,1'])).message).toBe('import file \'f.csv\' line 2: price must be a non-negative decimal, got "-1": "ex-futures,X,1,2,7,buy,-1,1"');
    expect(thrown(() => read(['a,b,c'])).message).toBe('import file \'f.csv\' line 1: not a tardis.dev CSV header: no \'exchange\' column (expected exchange,symbol,timestamp,local_timestamp,…): "a,b,c"');
    expect(thrown(() => read(['exchange,symbol,timestamp,local_timestamp,foo'])).code).toBe('E_IMPORT_FORMAT');
  });
});
