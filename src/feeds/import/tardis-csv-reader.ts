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
import { MAX_RECORD_LEVELS, type NormalizedRecord } from '../replay/normalized-record.js';
import type { ByteLine, ChunkCursor } from './byte-lines.js';
import { isPlainDecimalBytes, plainDecimalEnd } from './csv-decimal.js';
import { importRowError } from './import-error.js';
import { rankOf, type ImportReader, type ImportTarget } from './import-reader.js';
import { ImportedLine } from './imported-line.js';
import { sameBytes, sameWords, viewOf } from './byte-words.js';
import { timeOf } from './tardis-row-head.js';
import type { LevelText } from './level-text.js';
import { importSymbol, normalizedLine } from './normalized-line.js';
import { L2Group } from './tardis-l2-group.js';
import { readTardisHeader, type TardisHeader, type TardisLayout } from './tardis-csv-header.js';
import { readL2Run } from './tardis-l2-run.js';
import { plainRowRecord, rowDecimal, rowTime, type RowOrigin } from './tardis-plain-row.js';
import type { TardisQuoteRows } from './tardis-quote-rows.js';
import type { TardisSnapshotRows } from './tardis-snapshot-rows.js';
import type { TardisTradeRows } from './tardis-trade-rows.js';
import type { TardisExchange } from './tardis-exchange.js';

const COMMA = 0x2c;
export class TardisCsvReader implements ImportReader {
  layout = 'tardis CSV';
  target: ImportTarget | null = null;
  private kind: TardisLayout | null = null;
  private header: TardisHeader | null = null;
  private width = 0;
  private exchange: string | null = null;
  private exchangeBytes: Uint8Array = new Uint8Array(0);
  /** The symbol of the last incremental_book_L2 row, as bytes and text (checked once per change). */
  private symbolBytes: Uint8Array = new Uint8Array(0);
  /** `exchange,symbol,` of the last incremental_book_L2 row (pushLevelFast compares rows with it). */
  private prefixView = viewOf(new Uint8Array(4));
  private prefixLength = 0;
  private prefixSymbol = '';
  private symbol = '';
  /** The columns every row reads, resolved once (-1: absent). */
  private iSymbol = -1;
  private iTimestamp = -1;
  private iLocal = -1;
  private iSnapshot = -1;
  private iSide = -1;
  private iPrice = -1;
  private iAmount = -1;
  /** incremental_book_L2: start of each field of the current row (field i ends one byte before cuts[i + 1], the last at the row's end). */
  private cuts = new Int32Array(0);
  /** The incremental_book_L2 group being read. */
  private readonly group = new L2Group();
  /** A view of the buffer of the last row read (the chunk: one view per chunk). */
  private view = viewOf(new Uint8Array(4));
  private viewBuf: Uint8Array | null = null;
  /** Whether the header has tardis' own incremental_book_L2 column order (pushLevelFast). */
  private standardOrder = false;

  /** The one-record-per-row byte fast path of the layout (trades, quotes, book_snapshot_N: tardis-trade-rows.ts, tardis-quote-rows.ts, tardis-snapshot-rows.ts); null for other layouts and column orders. */
  private rowPath: TardisTradeRows | TardisQuoteRows | TardisSnapshotRows | null = null;

  constructor(
    private readonly label: string,
    private readonly exchanges: readonly TardisExchange[],
    /**
     * Whether rows are read by the byte fast paths (pushLevelFast and readRun for incremental_book_L2,
     * tardis-trade-rows.ts, tardis-quote-rows.ts and tardis-snapshot-rows.ts for trades, quotes / book_ticker and book_snapshot_N) where they apply. false: every row by the plain path — the reference the
     * differential tests compare them with (test/feeds/import/tardis-*-fast-path.test.ts). @default true
     */
    private readonly fast = true,
  ) {}

  push(row: ByteLine, out: ImportedLine[]): void {
    if (this.kind === null) {
      this.readHeader(row.text(), row.lineNo);
      return;
    }
    if (row.end === row.start) return;
    if (this.kind === 'incremental_book_L2') {
      if (!this.pushLevelFast(row, out)) this.pushLevel(row, out);
      return;
    }
    if (this.rowPath !== null) {
      const buf = row.buf;
      let view = this.view;
      if (buf !== this.viewBuf) {
        view = this.view = viewOf(buf);
        this.viewBuf = buf;
      }
      if (this.rowPath.push(buf, view, row.start, row.end, this.prefixView, this.prefixLength, this.symbol, out)) return;
    }
    const line = row.text();
    const lineNo = row.lineNo;
    const f = line.split(',');
    if (f.length !== this.width) throw importRowError(this.label, lineNo, `${f.length} columns, the header has ${this.width}`, line);
    const exchange = f[0 /* exchange: checked first in the header */]!;
    if (exchange !== this.exchange) this.setExchange(exchange, lineNo, line);
    const symbolText = f[this.iSymbol]!;
    if (symbolText === '') throw importRowError(this.label, lineNo, 'empty symbol', line);
    const symbol = symbolText === this.symbol ? this.symbol : (this.symbol = importSymbol(symbolText, this.label, lineNo, line));
    const at: RowOrigin = { label: this.label, lineNo, line };
    const base = { symbol, exchange_us: rowTime(f[this.iTimestamp]!, 'timestamp', at), local_us: rowTime(f[this.iLocal]!, 'local_timestamp', at) };
    this.emit(out, plainRowRecord(this.header!, f, base, at));
    // The fast path takes the next rows of this exchange and symbol.
    if (this.rowPath !== null && symbol !== this.prefixSymbol) this.setPrefix(exchange, symbol);
  }

  end(out: ImportedLine[]): void {
    this.group.flush(out);
  }

  /**
   * The fast lane (ImportReader.readRun): the incremental_book_L2 rows that follow in the chunk and start with the
   * group's key (tardis-l2-group.ts) — rows of the group being read, their exchange, symbol, times and is_snapshot
   * already checked — each a side, a plain price and a plain amount, then "\n" or "\r\n": their levels added to
   * the group with no line cut, no call per line. Stops at the first other line (push reads it).
   */
  readRun(cursor: ChunkCursor): void {
    if (this.group.keyLength === 0 || cursor.pos < 0) return;
    const buf = cursor.chunk;
    if (buf !== this.viewBuf) {
      this.view = viewOf(buf);
      this.viewBuf = buf;
    }
    readL2Run(this.group, cursor, this.view);
  }

  /**
   * The common incremental_book_L2 row, in tardis' own column order (exchange,symbol,timestamp,local_timestamp,
   * is_snapshot,side,price,amount), in one pass over its bytes: a row starting with the group's key (tardis-l2-group.ts)
   * is of the group and only its side, price and amount are read; any other has each field checked as it is
   * scanned — exchange and symbol equal to the previous row's, times as digits, is_snapshot and side as their
   * words; price and amount as plain decimals, copied as they are. False, with nothing changed, for any other
   * row: pushLevel then reads it (a new exchange or symbol, an exponent, a bad row and its message).
   */
  private pushLevelFast(row: ByteLine, out: ImportedLine[]): boolean {
    if (!this.standardOrder || this.exchange === null || this.symbol === '') return false;
    const buf = row.buf;
    const end = row.end;
    let p = row.start;
    let view = this.view;
    if (buf !== this.viewBuf) {
      view = this.view = viewOf(buf);
      this.viewBuf = buf;
    }
    const group = this.group;
    // The row's start up to its side column: a new group's first row (start >= 0) or a row of the group.
    let start = -1;
    let exchangeStart = 0;
    let exchangeEnd = 0;
    let localStart = 0;
    let localEnd = 0;
    let exchangeUs = 0;
    let localUs = 0;
    let snapshot = false;
    if (group.matches(view, p, end)) p += group.keyLength;
    else {
      const prefix = this.prefixLength;
      if (end - p <= prefix || !sameWords(view, p, this.prefixView, prefix)) return false;
      p += prefix;
      exchangeStart = p;
      for (; p < end; p++) {
        const d = buf[p]! - 0x30;
        if (d < 0 || d > 9) break;
        exchangeUs = exchangeUs * 10 + d;
      }
      exchangeEnd = p;
      if (p === exchangeStart || p - exchangeStart > 16 || p >= end || buf[p] !== COMMA || !Number.isSafeInteger(exchangeUs)) return false;
      localStart = ++p;
      for (; p < end; p++) {
        const d = buf[p]! - 0x30;
        if (d < 0 || d > 9) break;
        localUs = localUs * 10 + d;
      }
      localEnd = p;
      if (p === localStart || p - localStart > 16 || p >= end || buf[p] !== COMMA || !Number.isSafeInteger(localUs)) return false;
      p++;
      if (buf[p] === 0x66 && buf[p + 1] === 0x61 && buf[p + 2] === 0x6c && buf[p + 3] === 0x73 && buf[p + 4] === 0x65) {
        snapshot = false;
        p += 5;
      } else if (buf[p] === 0x74 && buf[p + 1] === 0x72 && buf[p + 2] === 0x75 && buf[p + 3] === 0x65) {
        snapshot = true;
        p += 4;
      } else return false;
      if (p >= end || buf[p] !== COMMA) return false;
      p++;
      start = row.start;
    }
    let bid: boolean;
    if (buf[p] === 0x62 && buf[p + 1] === 0x69 && buf[p + 2] === 0x64) bid = true;
    else if (buf[p] === 0x61 && buf[p + 1] === 0x73 && buf[p + 2] === 0x6b) bid = false;
    else return false;
    p += 3;
    if (p >= end || buf[p] !== COMMA) return false;
    const priceStart = ++p;
    p = plainDecimalEnd(buf, p, end);
    if (p < 0 || p >= end || buf[p] !== COMMA) return false;
    const priceEnd = p;
    const amountStart = ++p;
    if (plainDecimalEnd(buf, p, end) !== end) return false;
    const levels = bid ? group.bids : group.asks;
    if (start >= 0) {
      const same = group.active && group.symbol === this.symbol && group.localUs === localUs && group.snapshot === snapshot;
      if (same && levels.count >= MAX_RECORD_LEVELS) return false;
      if (!same) {
        if ((buf[exchangeStart] === 0x30 && exchangeEnd - exchangeStart > 1) || localEnd - localStart < 4 || buf[localStart] === 0x30) group.start(out, this.symbol, exchangeUs, localUs, snapshot);
        else group.startCopying(out, this.symbol, view, exchangeStart, exchangeEnd, localStart, localEnd, localUs, snapshot);
        group.setKey(view, start, priceStart - 4);
      } else if (group.keyLength === 0) group.setKey(view, start, priceStart - 4);
    } else if (levels.count >= MAX_RECORD_LEVELS) return false;
    levels.level(buf, priceStart, priceEnd, amountStart, end);
    return true;
  }

  /**
   * One incremental_book_L2 row, read from its bytes: field bounds found in one pass, exchange and symbol compared
   * with the previous row's bytes, times parsed from digits, prices and amounts copied as they are when already
   * plain decimals (plainDecimal otherwise) into the group's level text. No string per row.
   */
  private pushLevel(row: ByteLine, out: ImportedLine[]): void {
    const buf = row.buf;
    const end = row.end;
    const width = this.width;
    const cuts = this.cuts;
    let n = 1;
    cuts[0] = row.start;
    for (let i = row.start; i < end; i++) {
      if (buf[i] === COMMA) {
        if (n < width) cuts[n] = i + 1;
        n++;
      }
    }
    if (n !== width) throw importRowError(this.label, row.lineNo, `${n} columns, the header has ${width}`, row.text());
    cuts[width] = end + 1;
    if (this.exchange === null || !sameBytes(buf, cuts[0]!, cuts[1]! - 1, this.exchangeBytes)) {
      const line = row.text();
      this.setExchange(line.split(',')[0]!, row.lineNo, line);
      this.exchangeBytes = Buffer.from(this.exchange!, 'utf8');
      this.setPrefix(this.exchange!, this.symbol);
    }
    let at = this.iSymbol;
    if (this.symbol === '' || !sameBytes(buf, cuts[at]!, cuts[at + 1]! - 1, this.symbolBytes)) {
      const line = row.text();
      const text = buf.toString('utf8', cuts[at]!, cuts[at + 1]! - 1);
      if (text === '') throw importRowError(this.label, row.lineNo, 'empty symbol', line);
      this.symbol = importSymbol(text, this.label, row.lineNo, line);
      this.symbolBytes = Buffer.from(text, 'utf8');
      this.setPrefix(this.exchange!, this.symbol);
    }
    const symbol = this.symbol;
    at = this.iTimestamp;
    const exchangeUs = timeOf(buf, cuts[at]!, cuts[at + 1]! - 1);
    if (exchangeUs < 0) this.badTime(row, at, 'timestamp');
    at = this.iLocal;
    const localUs = timeOf(buf, cuts[at]!, cuts[at + 1]! - 1);
    if (localUs < 0) this.badTime(row, at, 'local_timestamp');
    at = this.iSnapshot;
    let s = cuts[at]!;
    let len = cuts[at + 1]! - 1 - s;
    let snapshot: boolean;
    if (len === 5 && buf[s] === 0x66 && buf[s + 1] === 0x61 && buf[s + 2] === 0x6c && buf[s + 3] === 0x73 && buf[s + 4] === 0x65) snapshot = false;
    else if (len === 4 && buf[s] === 0x74 && buf[s + 1] === 0x72 && buf[s + 2] === 0x75 && buf[s + 3] === 0x65) snapshot = true;
    else throw importRowError(this.label, row.lineNo, `is_snapshot must be true or false, got ${JSON.stringify(this.field(row, at))}`, row.text());
    at = this.iSide;
    s = cuts[at]!;
    len = cuts[at + 1]! - 1 - s;
    let bid: boolean;
    if (len === 3 && buf[s] === 0x62 && buf[s + 1] === 0x69 && buf[s + 2] === 0x64) bid = true;
    else if (len === 3 && buf[s] === 0x61 && buf[s + 1] === 0x73 && buf[s + 2] === 0x6b) bid = false;
    else throw importRowError(this.label, row.lineNo, `side must be bid or ask, got ${JSON.stringify(this.field(row, at))}`, row.text());
    const group = this.group;
    if (!group.active || group.symbol !== symbol || group.localUs !== localUs || group.snapshot !== snapshot) group.start(out, symbol, exchangeUs, localUs, snapshot);
    const levels = bid ? group.bids : group.asks;
    if (levels.count >= MAX_RECORD_LEVELS) throw importRowError(this.label, row.lineNo, `more than ${MAX_RECORD_LEVELS} levels of one side at one local_timestamp`, row.text());
    levels.open();
    this.levelDecimal(row, this.iPrice, 'price', levels);
    levels.separate();
    this.levelDecimal(row, this.iAmount, 'amount', levels);
    levels.close();
  }

  /** Field `at` of the row as a plain decimal into `levels`: its bytes when already plain, else plainDecimal's text. */
  private levelDecimal(row: ByteLine, at: number, name: string, levels: LevelText): void {
    const s = this.cuts[at]!;
    const e = this.cuts[at + 1]! - 1;
    if (isPlainDecimalBytes(row.buf, s, e)) {
      levels.copy(row.buf, s, e);
      return;
    }
    levels.ascii(rowDecimal(this.field(row, at), name, { label: this.label, lineNo: row.lineNo, line: row.text() }));
  }

  /** prefixView/prefixLength: `exchange,symbol,` (padded for word reads). */
  private setPrefix(exchange: string, symbol: string): void {
    const prefix = Buffer.from(`${exchange},${symbol},\0\0\0\0`, 'utf8');
    this.prefixView = viewOf(prefix);
    this.prefixLength = prefix.length - 4;
    this.prefixSymbol = symbol;
  }

  private field(row: ByteLine, at: number): string {
    return row.buf.toString('utf8', this.cuts[at]!, this.cuts[at + 1]! - 1);
  }

  private badTime(row: ByteLine, at: number, name: string): never {
    throw importRowError(this.label, row.lineNo, `${name} must be whole µs since the epoch, got ${JSON.stringify(this.field(row, at))}`, row.text());
  }

  private emit(out: ImportedLine[], record: NormalizedRecord): void {
    out.push(new ImportedLine(normalizedLine(record), record.type, record.symbol, record.local_us, rankOf(record.type), 0));
  }

  private readHeader(line: string, lineNo: number): void {
    const h = (this.header = readTardisHeader(line, lineNo, this.label, this.fast));
    this.kind = h.kind;
    this.layout = h.layout;
    this.width = h.width;
    [this.iSymbol, this.iTimestamp, this.iLocal, this.iSnapshot, this.iSide, this.iPrice, this.iAmount] = [h.iSymbol, h.iTimestamp, h.iLocal, h.iSnapshot, h.iSide, h.iPrice, h.iAmount];
    this.cuts = new Int32Array(this.width + 1);
    this.standardOrder = h.standardOrder;
    this.rowPath = h.rowPath;
  }

  private setExchange(exchange: string, lineNo: number, line: string): void {
    if (this.exchange !== null) throw importRowError(this.label, lineNo, `exchange '${exchange}' after '${this.exchange}': a file holds one exchange`, line);
    const known = this.exchanges.find((e) => e.id === exchange);
    if (known === undefined) throw importRowError(this.label, lineNo, `tardis exchange '${exchange}' is not one this program can replay (known: ${this.exchanges.map((e) => e.id).join(', ')})`, line);
    this.exchange = exchange;
    this.target = { venue: known.venue, market: known.market };
  }
}
