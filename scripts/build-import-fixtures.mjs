// Writes the small import fixtures of test/fixtures/import/ (tardis.dev CSVs and Binance public-data files) from a seeded random walk, following the documented layouts exactly. Re-runnable: same bytes every time.
//   node scripts/build-import-fixtures.mjs
// tardis layouts: docs.tardis.dev/downloadable-csv-files/data-types (header row, µs timestamps, .gz).
// Binance layouts: github.com/binance/binance-public-data README (spot: no header row, µs timestamps from 2025-01-01;
// USD-M: header row, ms timestamps), zip archives holding one CSV.
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync, deflateRawSync, crc32 } from 'node:zlib';

const dir = new URL('../test/fixtures/import/', import.meta.url);
mkdirSync(dir, { recursive: true });
let seed = 20240301;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

// ---------------------------------------------------------------- tardis, binance-futures BTCUSDT (tick 0.1, lot 0.001)
const T0 = 1709251200000000; // 2024-03-01T00:00:00Z in µs
const tick = (n) => (n / 10).toFixed(1);
const lot = (n) => (n / 1000).toFixed(3);
let mid = 620000; // ticks
const l2 = ['exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount'];
const trades = ['exchange,symbol,timestamp,local_timestamp,id,side,price,amount'];
const deriv = ['exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,predicted_funding_rate,open_interest,last_price,index_price,mark_price'];
const row = (ex, loc, snap, side, p, q) => l2.push(`binance-futures,BTCUSDT,${ex},${loc},${snap},${side},${tick(p)},${lot(q)}`);
// buffered updates before the first snapshot (tardis: skip until the first is_snapshot row)
row(T0 - 300, T0 + 100, false, 'bid', mid - 3, 1500);
for (let i = 0; i < 5; i++) {
  row(T0, T0 + 1000, true, 'bid', mid - 1 - i, 1000 + 250 * i);
}
for (let i = 0; i < 5; i++) {
  row(T0, T0 + 1000, true, 'ask', mid + 1 + i, 900 + 300 * i);
}
let tradeId = 4_000_000_000;
let last = mid;
for (let step = 1; step <= 240; step++) {
  const ex = T0 + step * 250_000;
  const loc = ex + 1_200 + Math.floor(rand() * 800);
  // ±2.0 USD, and every 12th step a sweep of ±35 USD (so resting quotes a few bps away get traded through)
  const move = step % 12 === 0 ? (rand() < 0.5 ? -350 : 350) : Math.floor(rand() * 41) - 20;
  const next = mid + move;
  // a trade in the direction of the move, at the same local time as the book update it caused
  if (move !== 0) {
    const side = move > 0 ? 'buy' : 'sell';
    // the aggressor's last print: the new touch it swept to
    const price = move > 0 ? next + 1 : next - 1;
    trades.push(`binance-futures,BTCUSDT,${ex - 50},${loc},${tradeId++},${side},${tick(price)},${lot(5 + Math.floor(rand() * 400))}`);
    last = price;
  }
  // remove the old five levels per side, add the new ones
  // (a level removed and set again in one group: the later row wins, as the book applies rows in order)
  for (let i = 0; i < 5; i++) {
    row(ex, loc, false, 'bid', mid - 1 - i, 0);
    row(ex, loc, false, 'ask', mid + 1 + i, 0);
  }
  for (let i = 0; i < 5; i++) row(ex, loc, false, 'bid', next - 1 - i, 1000 + Math.floor(rand() * 3000));
  for (let i = 0; i < 5; i++) row(ex, loc, false, 'ask', next + 1 + i, 1000 + Math.floor(rand() * 3000));
  mid = next;
  if (step % 40 === 0) {
    const fundingTs = T0 + 8 * 3600 * 1_000_000;
    deriv.push(`binance-futures,BTCUSDT,${ex},${loc + 3},${fundingTs},0.000${100 + step},,${(81234.5 + step).toFixed(3)},${tick(last)},${tick(mid - 7)},${tick(mid + 0.4)}`);
  }
}
// a trade of unknown side (kept in the replay, not delivered)
trades.push(`binance-futures,BTCUSDT,${T0 + 61_000_000},${T0 + 61_001_000},,unknown,${tick(mid)},0.001`);
writeFileSync(new URL('binance-futures_incremental_book_L2_2024-03-01_BTCUSDT.csv.gz', dir), gzipSync(Buffer.from(`${l2.join('\n')}\n`), { level: 9, mtime: 0 }));
writeFileSync(new URL('binance-futures_trades_2024-03-01_BTCUSDT.csv', dir), `${trades.join('\n')}\n`);
writeFileSync(new URL('binance-futures_derivative_ticker_2024-03-01_BTCUSDT.csv', dir), `${deriv.join('\n')}\n`);

// ETHUSDT: book_snapshot_5 and quotes (tick 0.01, lot 0.001)
const snapHeader = ['exchange', 'symbol', 'timestamp', 'local_timestamp'];
for (let i = 0; i < 5; i++) snapHeader.push(`asks[${i}].price`, `asks[${i}].amount`, `bids[${i}].price`, `bids[${i}].amount`);
const snaps = [snapHeader.join(',')];
const quotes = ['exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount'];
let eth = 345000; // 3450.00
for (let step = 0; step < 40; step++) {
  const ex = T0 + 500_000 + step * 1_500_000;
  const loc = ex + 2_000;
  eth += Math.floor(rand() * 21) - 10;
  const cells = [];
  for (let i = 0; i < 5; i++) {
    // the last snapshot row has only three bid levels (empty cells after them)
    const bidEmpty = step === 39 && i >= 3;
    cells.push(((eth + 1 + i) / 100).toFixed(2), (1 + i / 2).toFixed(3), bidEmpty ? '' : ((eth - 1 - i) / 100).toFixed(2), bidEmpty ? '' : (2 + i / 4).toFixed(3));
  }
  snaps.push(`binance-futures,ETHUSDT,${ex},${loc},${cells.join(',')}`);
  quotes.push(`binance-futures,ETHUSDT,${ex},${loc},${(1).toFixed(3)},${((eth + 1) / 100).toFixed(2)},${((eth - 1) / 100).toFixed(2)},${(2).toFixed(3)}`);
}
quotes.push(`binance-futures,ETHUSDT,${T0 + 70_000_000},${T0 + 70_002_000},,,${((eth - 1) / 100).toFixed(2)},2.000`);
writeFileSync(new URL('binance-futures_book_snapshot_5_2024-03-01_ETHUSDT.csv.gz', dir), gzipSync(Buffer.from(`${snaps.join('\n')}\n`), { level: 9, mtime: 0 }));
writeFileSync(new URL('binance-futures_quotes_2024-03-01_ETHUSDT.csv', dir), `${quotes.join('\n')}\n`);

// ---------------------------------------------------------------- Binance public data
/** A zip archive with one deflated member (APPNOTE 4.3): local header, data, central directory, end record. */
function zip(name, text) {
  const data = Buffer.from(text);
  const packed = deflateRawSync(data, { level: 9 });
  const nameBytes = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
  local.writeUInt16LE(0, 10); local.writeUInt16LE(0x21, 12); local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26); local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8);
  central.writeUInt16LE(8, 10); central.writeUInt16LE(0, 12); central.writeUInt16LE(0x21, 14); central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = 30 + nameBytes.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12); end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, nameBytes, packed, central, nameBytes, end]);
}

// Spot BTCUSDT aggTrades 2025-01-02 (µs timestamps, no header): agg id, price, qty, first id, last id, time, buyer maker, best match
const S0 = 1735776000000000; // 2025-01-02T00:00:00Z µs
const agg = [];
let p = 9650000; // 96500.00 (spot tick 0.01)
for (let i = 0; i < 120; i++) {
  p += Math.floor(rand() * 301) - 150;
  const maker = rand() < 0.5;
  agg.push(`${3_300_000_000 + i},${(p / 100).toFixed(8)},${(0.0001 * (1 + Math.floor(rand() * 90))).toFixed(8)},${4_400_000_000 + 3 * i},${4_400_000_000 + 3 * i + 2},${S0 + i * 500_000 + Math.floor(rand() * 999)},${maker ? 'True' : 'False'},True`);
}
writeFileSync(new URL('BTCUSDT-aggTrades-2025-01-02.zip', dir), zip('BTCUSDT-aggTrades-2025-01-02.csv', `${agg.join('\n')}\n`));
// Spot trades 2024-12-31 (ms timestamps, no header): id, price, qty, quote qty, time, buyer maker, best match
const spotTrades = [];
const M0 = 1735603200000; // 2024-12-31T00:00:00Z ms
for (let i = 0; i < 20; i++) spotTrades.push(`${4_300_000_000 + i},${(93500 + i / 100).toFixed(8)},0.00100000,${((93500 + i / 100) * 0.001).toFixed(8)},${M0 + i * 1000},${i % 2 === 0 ? 'True' : 'False'},True`);
writeFileSync(new URL('BTCUSDT-trades-2024-12-31.csv', dir), `${spotTrades.join('\n')}\n`);

// USD-M BTCUSDT bookTicker (header, ms, rows slightly out of order) and aggTrades (header, ms)
const bt = ['update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time'];
const F0 = 1709251200000; // 2024-03-01T00:00:00Z ms
let fm = 620000; // ticks of 0.1
const btRows = [];
const mids = [];
for (let i = 0; i < 200; i++) {
  fm += Math.floor(rand() * 21) - 10;
  const ev = F0 + i * 300 + (i % 7 === 3 ? -400 : 0); // every 7th row arrives 400 ms early
  mids.push(fm);
  btRows.push(`${9_000_000 + i},${(fm / 10).toFixed(1)},${(1 + rand() * 5).toFixed(3)},${((fm + 1) / 10).toFixed(1)},${(1 + rand() * 5).toFixed(3)},${ev - 2},${ev}`);
}
bt.push(...btRows);
writeFileSync(new URL('BTCUSDT-bookTicker-2024-03-01.zip', dir), zip('BTCUSDT-bookTicker-2024-03-01.csv', `${bt.join('\n')}\n`));
const ua = ['agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker'];
for (let i = 0; i < 100; i++) {
  // at the bookTicker's touch of the same moment, and every 10th trade a sweep 40 USD through it
  const touch = mids[Math.min(199, Math.floor((i * 600 + 7) / 300))];
  fm = i % 10 === 9 ? touch + (rand() < 0.5 ? -400 : 401) : touch + (rand() < 0.5 ? 0 : 1);
  ua.push(`${2_000_000_000 + i},${(fm / 10).toFixed(1)},${(0.001 * (1 + Math.floor(rand() * 200))).toFixed(3)},${5_000_000_000 + 2 * i},${5_000_000_000 + 2 * i + 1},${F0 + i * 600 + 7},${rand() < 0.5 ? 'true' : 'false'}`);
}
writeFileSync(new URL('BTCUSDT-aggTrades-2024-03-01.csv', dir), `${ua.join('\n')}\n`);
