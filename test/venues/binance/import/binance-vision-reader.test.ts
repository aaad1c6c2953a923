// Covers BinanceVisionReader and its file-name rules: spot rows without header (µs from 2025-01-01, ms before), USD-M rows with header, buyer-maker → taker sell, bookTicker ordered by update id.
import { describe, expect, it } from 'vitest';
import { byteLine } from '../../../../src/feeds/import/byte-lines.js';
import type { ImportedLine } from '../../../../src/feeds/import/imported-line.js';
import type { NormalizedRecord } from '../../../../src/feeds/replay/normalized-record.js';
import { BinanceVisionReader, binanceVisionFile, binanceVisionMarketOfPath } from '../../../../src/venues/binance/import/binance-vision-reader.js';
import { thrown } from '../../../helpers/thrown.js';

function read(kind: 'aggTrades' | 'trades' | 'bookTicker', market: 'spot' | 'usdm' | null, lines: readonly string[]) {
  const reader = new BinanceVisionReader('f.csv', 'BTCUSDT', kind, market, 'venue-x');
  const lines_: ImportedLine[] = [];
  lines.forEach((line, i) => reader.push(byteLine(line, i + 1), lines_));
  return { out: lines_.map((l) => ({ record: recordOf(l), rank: l.rank, order: l.order })), reader };
}

/** The record a line holds, without its `t`. */
function recordOf(line: ImportedLine): NormalizedRecord {
  const { t: _t, ...record } = JSON.parse(line.json) as NormalizedRecord & { t: number };
  return record;
}

describe('BinanceVisionReader', () => {
  it('reads spot aggTrades in µs (2025 on) and ms (before), a buyer-maker trade as a taker sell, the market from the columns', () => {
    const { out, reader } = read('aggTrades', null, ['1,96500.01000000,0.00010000,5,6,1735776000123456,True,True', '2,96500.02000000,0.1,7,7,1735603200000,False,True']);
    expect(reader.target).toEqual({ venue: 'venue-x', market: 'spot' });
    expect(out.map((k) => [k.record.local_us, k.record.type === 'trade' && k.record.side, k.order, k.rank])).toEqual([
      [1_735_776_000_123_456, 'sell', 1, 0],
      [1_735_603_200_000_000, 'buy', 2, 0],
    ]);
  });

  it('skips a USD-M header row and reads bookTicker rows as quotes ordered by update id at the event time (ms)', () => {
    const { out, reader } = read('bookTicker', null, ['update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time', '9,62000.0,1.5,62000.1,2,1709251199998,1709251200000']);
    expect(reader.target).toEqual({ venue: 'venue-x', market: 'usdm' });
    expect(out).toEqual([{ record: { type: 'quote', symbol: 'BTCUSDT', exchange_us: 1_709_251_200_000_000, local_us: 1_709_251_200_000_000, bid_price: '62000.0', bid_size: '1.5', ask_price: '62000.1', ask_size: '2' }, rank: 1, order: 9 }]);
  });

  it('refuses a header row in a spot file, a wrong column count and a bad maker flag, naming the line', () => {
    expect(thrown(() => read('trades', 'spot', ['id,price,qty,quote_qty,time,is_buyer_maker'])).message).toBe('import file \'f.csv\' line 1: a header row in a spot file (spot files have none): "id,price,qty,quote_qty,time,is_buyer_maker"');
    expect(thrown(() => read('trades', 'usdm', ['1,2,3,4,5,yes'])).message).toBe('import file \'f.csv\' line 1: is_buyer_maker must be true or false, got "yes": "1,2,3,4,5,yes"');
    expect(thrown(() => read('aggTrades', 'usdm', ['1,2,3,4,5,6,true,true'])).message).toBe('import file \'f.csv\' line 1: 8 columns: a USD-M aggTrades row has 7: "1,2,3,4,5,6,true,true"');
  });

  it('takes symbol and type from Binance file names and the market from their folders', () => {
    expect(binanceVisionFile('data/futures/um/daily/bookTicker/BTCUSDT/BTCUSDT-bookTicker-2024-03-01.zip')).toEqual({ symbol: 'BTCUSDT', kind: 'bookTicker' });
    expect(binanceVisionFile('ETHUSDT-aggTrades-2024-03.csv')).toEqual({ symbol: 'ETHUSDT', kind: 'aggTrades' });
    expect(thrown(() => binanceVisionFile('x.csv')).code).toBe('E_USAGE');
    expect([binanceVisionMarketOfPath('data/spot/daily/x.zip'), binanceVisionMarketOfPath('data/futures/um/monthly/x.zip'), binanceVisionMarketOfPath('x.zip')]).toEqual(['spot', 'usdm', null]);
  });
});
