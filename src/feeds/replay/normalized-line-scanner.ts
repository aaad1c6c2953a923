// NormalizedLineScanner: the canonical book_update, book_snapshot, trade and quote lines of a normalized replay (as encodeNormalizedRecord writes them) read and validated in their bytes by one left-to-right scan, without a string of the line or JSON.parse.
//
// Why: JSON.parse of a line and the validation of the object it gives (key sets, regexes per decimal) were ~75 % of a
// normalized replay's CPU, in both passes of replay-source.ts; a scan of the line as text still cost ~45 % (decoding
// each line to a string, reading it back char by char, a string per price and size). This scan reads the bytes in
// place, checks every rule of normalizedRecordProblem on the way, and packs book levels as numbers
// (scanned-book-record.ts) instead of strings.
// Contract: scan() returns the record only when JSON.parse of the line (as UTF-8) followed by normalizedRecordProblem
// would give no problem and the same record (a book record as a ScannedBookRecord that reads as that object; a trade
// or quote as that object, same keys in the same order); null for anything else — another type (derivative), other
// spacing or key order, an escape or a non-ASCII byte in a string, a number JSON.parse reads differently, a decimal of
// more than MAX_PACKED_DIGITS digits, a rule broken — and the caller decodes the line the general way, which gives the
// exact error message. check() answers whether scan() would read the line, making nothing.
// test/feeds/replay/normalized-line-scanner.test.ts checks both against that path on generated and mutated lines.
import type { NormalizedQuote, NormalizedTrade } from './normalized-record.js';
import { ScannedBookRecord } from './scanned-book-record.js';
import { bytesOf, CanonicalLineCursor, NO_LEVELS } from './canonical-line-cursor.js';

/** A record the scanner reads, with its `t`: a book record packed, a trade as the plain object. */
export type ScannedNormalizedRecord = ScannedBookRecord | ((NormalizedTrade | NormalizedQuote) & { readonly t: number });

const MAX_ID_CHARS = 128;
const COMMA = 0x2c;

// The fixed text between values, as few pieces as the layout allows (one comparison loop each).
const L_T = bytesOf('{"t":');
const L_TYPE_BOOK = bytesOf(',"type":"book_');
const L_UPDATE_SYMBOL = bytesOf('update","symbol":"');
const L_SNAPSHOT_SYMBOL = bytesOf('snapshot","symbol":"');
const L_TYPE_TRADE_SYMBOL = bytesOf(',"type":"trade","symbol":"');
const L_TYPE_QUOTE_SYMBOL = bytesOf(',"type":"quote","symbol":"');
const L_BID_PRICE = bytesOf('"bid_price":');
const L_BID_SIZE = bytesOf(',"bid_size":');
const L_ASK_PRICE = bytesOf(',"ask_price":');
const L_ASK_SIZE = bytesOf(',"ask_size":');
const L_EXCHANGE_US = bytesOf(',"exchange_us":');
const L_LOCAL_US = bytesOf(',"local_us":');
const L_ID = bytesOf('"id":"');
const L_SIDE = bytesOf(',"side":"');
const L_BUY_PRICE = bytesOf('buy","price":');
const L_SELL_PRICE = bytesOf('sell","price":');
const L_UNKNOWN_PRICE = bytesOf('unknown","price":');
const L_SIZE = bytesOf(',"size":');
const L_IS_SNAPSHOT_TRUE_BIDS = bytesOf('"is_snapshot":true,"bids":');
const L_IS_SNAPSHOT_FALSE_BIDS = bytesOf('"is_snapshot":false,"bids":');
const L_BIDS = bytesOf('"bids":');
const L_ASKS = bytesOf(',"asks":');

/** What read() returns in check mode: a record no one reads (check() answers a boolean). */
const CHECKED = new ScannedBookRecord(0, 'book_snapshot', '', 0, 0, false, NO_LEVELS, NO_LEVELS);

export class NormalizedLineScanner extends CanonicalLineCursor {
  /** `t` of the line last checked by check(). */
  checkedT = 0;

  /** The record on bytes[start, end) (a line without its "\n"), or null when the line is not one the scanner reads (see the contract above). */
  scan(bytes: Buffer, start: number, end: number): ScannedNormalizedRecord | null {
    this.build = true;
    return this.read(bytes, start, end);
  }

  /** Whether scan() would read bytes[start, end) (then its `t` is in checkedT), making none of the record's strings and arrays. */
  check(bytes: Buffer, start: number, end: number): boolean {
    this.build = false;
    return this.read(bytes, start, end) !== null;
  }

  /** scan() of a line given as text (tests; the replay reads bytes). */
  scanText(line: string): ScannedNormalizedRecord | null {
    const bytes = Buffer.from(line, 'utf8');
    return this.scan(bytes, 0, bytes.length);
  }

  /** check() of a line given as text (tests). */
  checkText(line: string): boolean {
    const bytes = Buffer.from(line, 'utf8');
    return this.check(bytes, 0, bytes.length);
  }

  private read(bytes: Buffer, start: number, end: number): ScannedNormalizedRecord | null {
    this.begin(bytes, start, end);
    if (!this.lit(L_T)) return null;
    const t = this.integer();
    if (t < 0) return null;
    // The type's first letters tell it apart: book_snapshot, book_update, trade, quote.
    let type: 'book_snapshot' | 'book_update' | 'trade' | 'quote';
    if (this.lit(L_TYPE_BOOK)) {
      if (this.lit(L_UPDATE_SYMBOL)) type = 'book_update';
      else if (this.lit(L_SNAPSHOT_SYMBOL)) type = 'book_snapshot';
      else return null;
    } else if (this.lit(L_TYPE_TRADE_SYMBOL)) type = 'trade';
    else if (this.lit(L_TYPE_QUOTE_SYMBOL)) type = 'quote';
    else return null;
    const symbol = this.symbol();
    if (symbol === null || !this.lit(L_EXCHANGE_US)) return null;
    const exchangeUs = this.integer();
    if (exchangeUs < 0 || !this.lit(L_LOCAL_US)) return null;
    const localUs = this.integer();
    if (localUs < 0 || t !== Math.floor(localUs / 1000) || this.i >= end || bytes[this.i] !== COMMA) return null;
    this.i++;
    if (type === 'trade') {
      if (!this.lit(L_ID)) return null;
      const id = this.plainString(MAX_ID_CHARS);
      if (id === null || !this.lit(L_SIDE)) return null;
      let side: 'buy' | 'sell' | 'unknown';
      if (this.lit(L_BUY_PRICE)) side = 'buy';
      else if (this.lit(L_SELL_PRICE)) side = 'sell';
      else if (this.lit(L_UNKNOWN_PRICE)) side = 'unknown';
      else return null;
      if (!this.decimal()) return null;
      const price = this.build ? this.text(this.from, this.to) : '';
      if (!this.lit(L_SIZE) || !this.decimal()) return null;
      const size = this.build ? this.text(this.from, this.to) : '';
      if (!this.atEnd()) return null;
      this.checkedT = t;
      return !this.build ? CHECKED : { t, type, symbol, exchange_us: exchangeUs, local_us: localUs, id, side, price, size };
    }
    if (type === 'quote') {
      if (!this.lit(L_BID_PRICE)) return null;
      const bidPrice = this.nullableDecimal();
      if (bidPrice === undefined || !this.lit(L_BID_SIZE)) return null;
      const bidSize = this.nullableDecimal();
      if (bidSize === undefined || !this.lit(L_ASK_PRICE)) return null;
      const askPrice = this.nullableDecimal();
      if (askPrice === undefined || !this.lit(L_ASK_SIZE)) return null;
      const askSize = this.nullableDecimal();
      if (askSize === undefined || !this.atEnd()) return null;
      this.checkedT = t;
      return !this.build ? CHECKED : { t, type, symbol, exchange_us: exchangeUs, local_us: localUs, bid_price: bidPrice, bid_size: bidSize, ask_price: askPrice, ask_size: askSize };
    }
    let isSnapshot = false;
    if (type === 'book_update') {
      if (this.lit(L_IS_SNAPSHOT_FALSE_BIDS)) isSnapshot = false;
      else if (this.lit(L_IS_SNAPSHOT_TRUE_BIDS)) isSnapshot = true;
      else return null;
    } else if (!this.lit(L_BIDS)) return null;
    const bids = this.levels();
    if (bids === null || !this.lit(L_ASKS)) return null;
    const asks = this.levels();
    if (asks === null || !this.atEnd()) return null;
    this.checkedT = t;
    if (!this.build) return CHECKED;
    return new ScannedBookRecord(t, type, symbol, exchangeUs, localUs, isSnapshot, bids, asks);
  }
}
