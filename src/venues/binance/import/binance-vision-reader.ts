// BinanceVisionReader: one Binance public-data file (data.binance.vision; CSV or its .zip) → normalized replay records: spot aggTrades/trades, USD-M aggTrades/trades/bookTicker.
//
// Layouts (github.com/binance/binance-public-data, README "Trades" / "AggTrades" / "BookTicker", and the files themselves):
// - spot aggTrades, no header row: Aggregate tradeId, Price, Quantity, First tradeId, Last tradeId, Timestamp,
//   Was the buyer the maker, Was the trade the best price match (True/False).
// - spot trades, no header row: trade Id, price, qty, quoteQty, time, isBuyerMaker, isBestMatch.
//   Spot timestamps are µs "for data from 2025-01-01" and ms before (README, "Spot data from 2025-01-01 onwards is
//   in microseconds"): read by magnitude — a value ≥ 10^14 is µs (ms values stay below it until the year 5138).
// - USD-M aggTrades, header agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker.
// - USD-M trades, header id,price,qty,quote_qty,time,is_buyer_maker.
// - USD-M bookTicker, header update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time.
//   USD-M times are ms. Older USD-M files have no header row: a first row whose first cell is not a number is a header.
// The file name says symbol and type (<SYMBOL>-<aggTrades|trades|bookTicker>-<date>.csv|zip, as Binance names them);
// the market is the --market option, else the path (…/spot/…, …/futures/um/…), else the column count (spot rows have
// one column more: isBestMatch). Binance files carry no receive time: local_us = exchange_us (the trade time, the
// bookTicker event time). A buyer-maker trade was a sell by the taker. Rows are sorted by time, then update or trade
// id (USD-M bookTicker rows can be out of order; import-file-source.ts reorders within its window).
import { UsageError } from '../../../core/errors/shadow-exec-error.js';
import { plainDecimal } from '../../../feeds/import/csv-decimal.js';
import { importRowError } from '../../../feeds/import/import-error.js';
import type { ByteLine } from '../../../feeds/import/byte-lines.js';
import type { ImportReader, ImportTarget } from '../../../feeds/import/import-reader.js';
import { ImportedLine } from '../../../feeds/import/imported-line.js';
import { normalizedLine } from '../../../feeds/import/normalized-line.js';

export type BinanceVisionKind = 'aggTrades' | 'trades' | 'bookTicker';
export type BinanceVisionMarket = 'spot' | 'usdm';

const FILE_NAME = /^([A-Z0-9]{2,30})-(aggTrades|trades|bookTicker)-\d{4}-\d{2}(?:-\d{2})?\.(?:csv|zip)$/;
const INTEGER = /^[0-9]{1,19}$/;
/** Timestamps at or above this are µs (spot files from 2025-01-01), below it ms. */
const MICROS_FROM = 1e14;

/** Columns per row, by market and kind. */
const WIDTH: Readonly<Record<BinanceVisionMarket, Readonly<Record<BinanceVisionKind, number>>>> = {
  spot: { aggTrades: 8, trades: 7, bookTicker: 7 },
  usdm: { aggTrades: 7, trades: 6, bookTicker: 7 },
};

/** Symbol and type of a Binance public-data file from its base name; UsageError when it is not named as Binance names them. */
export function binanceVisionFile(path: string): { symbol: string; kind: BinanceVisionKind } {
  const name = path.split(/[\\/]/).pop() ?? path;
  const m = FILE_NAME.exec(name);
  if (m === null) throw new UsageError(`import file '${path}': not named as Binance public data names its files (<SYMBOL>-aggTrades|trades|bookTicker-<YYYY-MM[-DD]>.csv or .zip)`);
  return { symbol: m[1]!, kind: m[2] as BinanceVisionKind };
}

/** The market of `path` from its folders (data/spot/…, data/futures/um/…); null when they do not say. */
export function binanceVisionMarketOfPath(path: string): BinanceVisionMarket | null {
  if (/(^|[\\/])spot[\\/]/.test(path)) return 'spot';
  if (/(^|[\\/])futures[\\/]um[\\/]/.test(path)) return 'usdm';
  return null;
}

export class BinanceVisionReader implements ImportReader {
  readonly layout: string;
  target: ImportTarget | null = null;
  private market: BinanceVisionMarket | null;
  private first = true;

  constructor(
    private readonly label: string,
    private readonly symbol: string,
    private readonly kind: BinanceVisionKind,
    market: BinanceVisionMarket | null,
    private readonly venue: string,
  ) {
    this.market = market;
    this.layout = `binance-vision ${kind}`;
    if (kind === 'bookTicker' && market === 'spot') throw new UsageError(`import file '${label}': bookTicker files are USD-M (futures/um) data, not spot`);
  }

  push(row: ByteLine, out: ImportedLine[]): void {
    if (row.end === row.start) return;
    const line = row.text();
    const lineNo = row.lineNo;
    const f = line.split(',');
    if (this.first) {
      this.first = false;
      if (!INTEGER.test(f[0]!)) {
        if (this.market === 'spot') throw importRowError(this.label, lineNo, 'a header row in a spot file (spot files have none)', line);
        this.market = 'usdm';
        this.check(f.length, lineNo, line);
        return;
      }
      this.market ??= this.kind === 'bookTicker' ? 'usdm' : f.length === WIDTH.spot[this.kind] ? 'spot' : 'usdm';
    }
    this.check(f.length, lineNo, line);
    const symbol = this.symbol;
    if (this.kind === 'bookTicker') {
      const updateId = this.integer(f[0]!, 'update_id', lineNo, line);
      const us = this.time(f[6]!, 'event_time', lineNo, line);
      const record = { type: 'quote', symbol, exchange_us: us, local_us: us, bid_price: this.decimal(f[1]!, 'best_bid_price', lineNo, line), bid_size: this.decimal(f[2]!, 'best_bid_qty', lineNo, line), ask_price: this.decimal(f[3]!, 'best_ask_price', lineNo, line), ask_size: this.decimal(f[4]!, 'best_ask_qty', lineNo, line) } as const;
      out.push(new ImportedLine(normalizedLine(record), 'quote', symbol, us, 1, updateId));
      return;
    }
    // aggTrades: id, price, qty, first, last, time, buyer maker[, best match]; trades: id, price, qty, quote qty, time, buyer maker[, best match]
    const id = this.integer(f[0]!, 'trade id', lineNo, line);
    const timeAt = this.kind === 'aggTrades' ? 5 : 4;
    const us = this.time(f[timeAt]!, 'time', lineNo, line);
    const maker = f[timeAt + 1]!.toLowerCase();
    if (maker !== 'true' && maker !== 'false') throw importRowError(this.label, lineNo, `is_buyer_maker must be true or false, got ${JSON.stringify(f[timeAt + 1])}`, line);
    const record = { type: 'trade', symbol, exchange_us: us, local_us: us, id: f[0]!, side: maker === 'true' ? 'sell' : 'buy', price: this.decimal(f[1]!, 'price', lineNo, line), size: this.decimal(f[2]!, 'quantity', lineNo, line) } as const;
    out.push(new ImportedLine(normalizedLine(record), 'trade', symbol, us, 0, id));
  }

  end(): void {}

  private check(width: number, lineNo: number, line: string): void {
    const market = this.market!;
    if (this.target === null) this.target = { venue: this.venue, market };
    const want = WIDTH[market][this.kind];
    if (width !== want) throw importRowError(this.label, lineNo, `${width} columns: a ${market === 'spot' ? 'spot' : 'USD-M'} ${this.kind} row has ${want}`, line);
  }

  private integer(text: string, name: string, lineNo: number, line: string): number {
    const n = Number(text);
    if (!INTEGER.test(text) || !Number.isSafeInteger(n)) throw importRowError(this.label, lineNo, `${name} must be a whole number, got ${JSON.stringify(text.slice(0, 40))}`, line);
    return n;
  }

  /** A row time in µs: spot ≥ 10^14 is already µs, anything else ms. */
  private time(text: string, name: string, lineNo: number, line: string): number {
    const n = this.integer(text, name, lineNo, line);
    const us = this.market === 'spot' && n >= MICROS_FROM ? n : n * 1000;
    if (!Number.isSafeInteger(us)) throw importRowError(this.label, lineNo, `${name} ${text} is out of range`, line);
    return us;
  }

  private decimal(text: string, name: string, lineNo: number, line: string): string {
    const value = plainDecimal(text);
    if (value === null) throw importRowError(this.label, lineNo, `${name} must be a non-negative decimal, got ${JSON.stringify(text.slice(0, 40))}`, line);
    return value;
  }
}
