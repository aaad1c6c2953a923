// TardisCsvReader: one tardis.dev downloadable CSV (incremental_book_L2, book_snapshot_5/25, trades, quotes, book_ticker, derivative_ticker) → normalized replay records.
//
// Layouts (docs.tardis.dev, "Downloadable CSV files" › "Data types"; https://docs.tardis.dev/downloadable-csv-files/data-types):
// comma-delimited, "\n" lines, "." decimal mark, a header row naming the columns, times in µs since the epoch (UTC).
// Every type starts with exchange,symbol,timestamp,local_timestamp ("timestamp provided by exchange … if exchange
// does not provide one local_timestamp value is used as a fallback"; "local_timestamp: message arrival timestamp").
// - incremental_book_L2: …,is_snapshot,side,price,amount — one level per row; "multiple order book level updates in
//   a single message … grouping rows by the local_timestamp field"; "If last update was not a snapshot and current
//   one is, then existing order book state must be discarded"; amount is the new absolute size, 0 removes the level.
//   → one book_update per run of consecutive rows with the same symbol, local_timestamp and is_snapshot.
// - book_snapshot_25 / book_snapshot_5: …,asks[0].price,asks[0].amount,bids[0].price,bids[0].amount,asks[1].price,…
//   (top N levels per row, best first; empty when the book has fewer levels) → book_snapshot.
// - trades: …,id,side,price,amount (side of the aggressor: buy, sell or unknown) → trade.
// - quotes / book_ticker: …,ask_amount,ask_price,bid_price,bid_amount (empty when a side is empty) → quote.
// - derivative_ticker: …,funding_timestamp,funding_rate,predicted_funding_rate,open_interest,last_price,index_price,
//   mark_price (each may be empty) → derivative.
// The layout is told by the header row's columns (read by name, so column order does not matter); file names are
// not read. The exchange column maps to a venue and market through the venues' TardisExchange lists; every row of
// a file must name the same exchange.
import type { NormalizedLevel, NormalizedRecord } from '../replay/normalized-record.js';
import { plainDecimal } from './csv-decimal.js';
import { importRowError } from './import-error.js';
import { rankOf, type ImportReader, type ImportTarget, type KeyedRecord } from './import-reader.js';
import type { TardisExchange } from './tardis-exchange.js';

type Layout = 'incremental_book_L2' | 'book_snapshot' | 'trades' | 'quotes' | 'derivative_ticker';

const BASE = ['exchange', 'symbol', 'timestamp', 'local_timestamp'] as const;
const TIME = /^[0-9]{1,16}$/;

interface Group {
  symbol: string;
  exchangeUs: number;
  localUs: number;
  snapshot: boolean;
  bids: NormalizedLevel[];
  asks: NormalizedLevel[];
}

export class TardisCsvReader implements ImportReader {
  layout = 'tardis CSV';
  target: ImportTarget | null = null;
  private kind: Layout | null = null;
  private columns = new Map<string, number>();
  private width = 0;
  private depth = 0;
  private exchange: string | null = null;
  private group: Group | null = null;
  /** Column index per field, resolved from the header row (a Map: names like "asks[0].price" would put an object in dictionary mode). */
  private readonly at = new Map<string, number>();
  /** The columns every row reads, resolved once (-1: absent). */
  private iSymbol = -1;
  private iTimestamp = -1;
  private iLocal = -1;
  private iSnapshot = -1;
  private iSide = -1;
  private iPrice = -1;
  private iAmount = -1;
  private iId = -1;
  /** book_snapshot_N: [price column, amount column] per level, best first. */
  private askColumns: (readonly [number, number])[] = [];
  private bidColumns: (readonly [number, number])[] = [];

  constructor(
    private readonly label: string,
    private readonly exchanges: readonly TardisExchange[],
  ) {}

  push(line: string, lineNo: number, out: KeyedRecord[]): void {
    if (this.kind === null) {
      this.readHeader(line, lineNo);
      return;
    }
    if (line === '') return;
    const f = line.split(',');
    if (f.length !== this.width) throw importRowError(this.label, lineNo, `${f.length} columns, the header has ${this.width}`, line);
    const exchange = f[0 /* exchange: checked first in the header */]!;
    if (exchange !== this.exchange) this.setExchange(exchange, lineNo, line);
    const symbol = f[this.iSymbol]!;
    if (symbol === '') throw importRowError(this.label, lineNo, 'empty symbol', line);
    const exchangeUs = this.time(f[this.iTimestamp]!, 'timestamp', lineNo, line);
    const localUs = this.time(f[this.iLocal]!, 'local_timestamp', lineNo, line);
    const base = { symbol, exchange_us: exchangeUs, local_us: localUs };
    switch (this.kind) {
      case 'incremental_book_L2': {
        const snapshotText = f[this.iSnapshot];
        if (snapshotText !== 'true' && snapshotText !== 'false') throw importRowError(this.label, lineNo, `is_snapshot must be true or false, got ${JSON.stringify(snapshotText)}`, line);
        const side = f[this.iSide];
        if (side !== 'bid' && side !== 'ask') throw importRowError(this.label, lineNo, `side must be bid or ask, got ${JSON.stringify(side)}`, line);
        const level: NormalizedLevel = [this.decimal(f[this.iPrice]!, 'price', lineNo, line), this.decimal(f[this.iAmount]!, 'amount', lineNo, line)];
        const snapshot = snapshotText === 'true';
        const g = this.group;
        if (g === null || g.symbol !== symbol || g.localUs !== localUs || g.snapshot !== snapshot) {
          this.flush(out);
          this.group = { symbol, exchangeUs, localUs, snapshot, bids: [], asks: [] };
        }
        (side === 'bid' ? this.group!.bids : this.group!.asks).push(level);
        return;
      }
      case 'book_snapshot': {
        const asks = this.levels(f, 'asks', lineNo, line);
        const bids = this.levels(f, 'bids', lineNo, line);
        this.emit(out, { type: 'book_snapshot', ...base, bids, asks });
        return;
      }
      case 'trades': {
        const side = f[this.iSide];
        if (side !== 'buy' && side !== 'sell' && side !== 'unknown') throw importRowError(this.label, lineNo, `side must be buy, sell or unknown, got ${JSON.stringify(side)}`, line);
        const id = f[this.iId]!;
        if (id.length > 128) throw importRowError(this.label, lineNo, 'trade id longer than 128 characters', line);
        this.emit(out, { type: 'trade', ...base, id, side, price: this.decimal(f[this.iPrice]!, 'price', lineNo, line), size: this.decimal(f[this.iAmount]!, 'amount', lineNo, line) });
        return;
      }
      case 'quotes': {
        const opt = (name: string) => this.optionalDecimal(f[this.at.get(name)!]!, name, false, lineNo, line);
        this.emit(out, { type: 'quote', ...base, bid_price: opt('bid_price'), bid_size: opt('bid_amount'), ask_price: opt('ask_price'), ask_size: opt('ask_amount') });
        return;
      }
      case 'derivative_ticker': {
        const opt = (name: string, signed = false) => (this.at.has(name) ? this.optionalDecimal(f[this.at.get(name)!]!, name, signed, lineNo, line) : null);
        const fundingText = this.at.has('funding_timestamp') ? f[this.at.get('funding_timestamp')!]! : '';
        this.emit(out, {
          type: 'derivative',
          ...base,
          mark_price: opt('mark_price'),
          index_price: opt('index_price'),
          last_price: opt('last_price'),
          funding_rate: opt('funding_rate', true),
          predicted_funding_rate: opt('predicted_funding_rate', true),
          funding_time_us: fundingText === '' ? null : this.time(fundingText, 'funding_timestamp', lineNo, line),
          open_interest: opt('open_interest'),
        });
        return;
      }
    }
  }

  end(out: KeyedRecord[]): void {
    this.flush(out);
  }

  private emit(out: KeyedRecord[], record: NormalizedRecord): void {
    out.push({ record, rank: rankOf(record), order: 0 });
  }

  private flush(out: KeyedRecord[]): void {
    const g = this.group;
    if (g === null) return;
    this.group = null;
    this.emit(out, { type: 'book_update', symbol: g.symbol, exchange_us: g.exchangeUs, local_us: g.localUs, is_snapshot: g.snapshot, bids: g.bids, asks: g.asks });
  }

  private readHeader(line: string, lineNo: number): void {
    const names = line.split(',');
    this.width = names.length;
    names.forEach((name, i) => this.columns.set(name, i));
    for (const name of BASE) if (!this.columns.has(name)) throw importRowError(this.label, lineNo, `not a tardis.dev CSV header: no '${name}' column (expected exchange,symbol,timestamp,local_timestamp,…)`, line);
    if (names[0] !== 'exchange') throw importRowError(this.label, lineNo, "not a tardis.dev CSV header: 'exchange' must be the first column", line);
    const has = (...cols: string[]) => cols.every((c) => this.columns.has(c));
    if (has('is_snapshot', 'side', 'price', 'amount')) this.kind = 'incremental_book_L2';
    else if (has('asks[0].price', 'asks[0].amount', 'bids[0].price', 'bids[0].amount')) {
      this.kind = 'book_snapshot';
      while (has(`asks[${this.depth}].price`, `asks[${this.depth}].amount`, `bids[${this.depth}].price`, `bids[${this.depth}].amount`)) this.depth++;
    } else if (has('id', 'side', 'price', 'amount')) this.kind = 'trades';
    else if (has('ask_amount', 'ask_price', 'bid_price', 'bid_amount')) this.kind = 'quotes';
    else if (has('mark_price') || has('funding_rate')) this.kind = 'derivative_ticker';
    else throw importRowError(this.label, lineNo, 'a tardis.dev CSV of no supported type (incremental_book_L2, book_snapshot_5/25, trades, quotes, book_ticker, derivative_ticker)', line);
    this.layout = `tardis ${this.kind === 'book_snapshot' ? `book_snapshot_${this.depth}` : this.kind}`;
    for (const [name, i] of this.columns) this.at.set(name, i);
    const index = (name: string) => this.at.get(name) ?? -1;
    for (let i = 0; i < this.depth; i++) {
      this.askColumns.push([index(`asks[${i}].price`), index(`asks[${i}].amount`)]);
      this.bidColumns.push([index(`bids[${i}].price`), index(`bids[${i}].amount`)]);
    }
    [this.iSymbol, this.iTimestamp, this.iLocal, this.iSnapshot, this.iSide, this.iPrice, this.iAmount, this.iId] = ['symbol', 'timestamp', 'local_timestamp', 'is_snapshot', 'side', 'price', 'amount', 'id'].map(index) as [number, number, number, number, number, number, number, number];
  }

  private setExchange(exchange: string, lineNo: number, line: string): void {
    if (this.exchange !== null) throw importRowError(this.label, lineNo, `exchange '${exchange}' after '${this.exchange}': a file holds one exchange`, line);
    const known = this.exchanges.find((e) => e.id === exchange);
    if (known === undefined) throw importRowError(this.label, lineNo, `tardis exchange '${exchange}' is not one this program can replay (known: ${this.exchanges.map((e) => e.id).join(', ')})`, line);
    this.exchange = exchange;
    this.target = { venue: known.venue, market: known.market };
  }

  private time(text: string, name: string, lineNo: number, line: string): number {
    if (!TIME.test(text) || !Number.isSafeInteger(Number(text))) throw importRowError(this.label, lineNo, `${name} must be whole µs since the epoch, got ${JSON.stringify(text)}`, line);
    return Number(text);
  }

  private decimal(text: string, name: string, lineNo: number, line: string): string {
    const value = plainDecimal(text);
    if (value === null) throw importRowError(this.label, lineNo, `${name} must be a non-negative decimal, got ${JSON.stringify(text.slice(0, 40))}`, line);
    return value;
  }

  private optionalDecimal(text: string, name: string, signed: boolean, lineNo: number, line: string): string | null {
    if (text === '') return null;
    const value = plainDecimal(text, signed);
    if (value === null) throw importRowError(this.label, lineNo, `${name} must be empty or a ${signed ? '' : 'non-negative '}decimal, got ${JSON.stringify(text.slice(0, 40))}`, line);
    return value;
  }

  private levels(f: readonly string[], side: 'asks' | 'bids', lineNo: number, line: string): NormalizedLevel[] {
    const levels: NormalizedLevel[] = [];
    const columns = side === 'asks' ? this.askColumns : this.bidColumns;
    for (let i = 0; i < columns.length; i++) {
      const price = f[columns[i]![0]]!;
      const amount = f[columns[i]![1]]!;
      if (price === '' && amount === '') break;
      levels.push([this.decimal(price, `${side}[${i}].price`, lineNo, line), this.decimal(amount, `${side}[${i}].amount`, lineNo, line)]);
    }
    return levels;
  }
}
