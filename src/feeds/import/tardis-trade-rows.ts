// TardisTradeRows: the byte fast path of tardis `trades` rows in tardis' own column order — each row checked in one pass over its bytes and its record line written into a slab from the row's own bytes (no string per row or per field).
//
// A row is taken when it starts with the file's `exchange,symbol,` (checked by the plain path on the first row of
// that symbol), its times are 1-16 digits without leading zeros (local_timestamp of 4 digits or more: they are then
// their own JSON digits, and t is local_us but its last 3 digits), its id is printable ASCII without '"' and '\'
// (JSON as it is) of at most 128 bytes, its side is buy, sell or unknown, and price and amount are plain decimals
// (csv-decimal.ts): exactly the rows the plain path (tardis-csv-reader.ts) writes with the same bytes, as its
// differential test checks. Any other row is left to the plain path, which then writes it or names what is wrong.
import { sameWords } from './byte-words.js';
import { plainDecimalEnd } from './csv-decimal.js';
import { ImportedLine } from './imported-line.js';
import { LevelText, wordBytes, type WordBytes } from './level-text.js';

/** tardis' trades header row: the column order this path reads. */
export const TRADES_COLUMNS = 'exchange,symbol,timestamp,local_timestamp,id,side,price,amount';

const COMMA = 0x2c;
/** Longest trade id the replay format takes (normalized-line.ts). */
const MAX_ID_BYTES = 128;
const T = wordBytes('{"t":');
const LOCAL_US = wordBytes(',"local_us":');
const ID = wordBytes(',"id":"');
const BUY = wordBytes('","side":"buy","price":"');
const SELL = wordBytes('","side":"sell","price":"');
const UNKNOWN = wordBytes('","side":"unknown","price":"');
const SIZE = wordBytes('","size":"');
const END = wordBytes('"}\n');

/** The end of the run of 1-16 digits without a leading zero (a single 0 is one) at buf[p], if a comma follows it; -1 otherwise. */
function timeEnd(buf: Uint8Array, p: number, end: number): number {
  const start = p;
  for (; p < end; p++) {
    const d = buf[p]! - 0x30;
    if (d < 0 || d > 9) break;
  }
  const n = p - start;
  if (n === 0 || n > 16 || p >= end || buf[p] !== COMMA || (buf[start] === 0x30 && n > 1)) return -1;
  return p;
}

/** The value of the digits buf[start, end) (at most 16: a double holds them exactly while below 2^53, checked by the caller). */
function digitsValue(buf: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + buf[i]! - 0x30;
  return n;
}

export class TardisTradeRows {
  private readonly line = new LevelText(true);
  /** `,"type":"trade","symbol":"…","exchange_us":` of `middleSymbol`. */
  private middle: WordBytes = wordBytes('');
  private middleSymbol = '';

  /**
   * The row buf[start, end) (`view` over buf) as a trade record appended to `out`, when it starts with the prefix
   * `exchange,symbol,` (prefixLength bytes of `prefix`) of `symbol` and is of the form above; false, with nothing
   * written, for any other row.
   */
  push(buf: Uint8Array, view: DataView, start: number, end: number, prefix: DataView, prefixLength: number, symbol: string, out: ImportedLine[]): boolean {
    if (prefixLength === 0 || end - start <= prefixLength || !sameWords(view, start, prefix, prefixLength)) return false;
    const exchangeStart = start + prefixLength;
    const exchangeEnd = timeEnd(buf, exchangeStart, end);
    if (exchangeEnd < 0) return false;
    const localStart = exchangeEnd + 1;
    const localEnd = timeEnd(buf, localStart, end);
    if (localEnd < 0 || localEnd - localStart < 4) return false;
    if (!Number.isSafeInteger(digitsValue(buf, exchangeStart, exchangeEnd))) return false;
    const localUs = digitsValue(buf, localStart, localEnd);
    if (!Number.isSafeInteger(localUs)) return false;
    const idStart = localEnd + 1;
    let p = idStart;
    for (; p < end; p++) {
      const c = buf[p]!;
      if (c === COMMA) break;
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
    }
    const idEnd = p;
    if (p >= end || idEnd - idStart > MAX_ID_BYTES) return false;
    p++;
    let side: WordBytes;
    if (buf[p] === 0x62 && buf[p + 1] === 0x75 && buf[p + 2] === 0x79) {
      side = BUY;
      p += 3;
    } else if (buf[p] === 0x73 && buf[p + 1] === 0x65 && buf[p + 2] === 0x6c && buf[p + 3] === 0x6c) {
      side = SELL;
      p += 4;
    } else if (buf[p] === 0x75 && buf[p + 1] === 0x6e && buf[p + 2] === 0x6b && buf[p + 3] === 0x6e && buf[p + 4] === 0x6f && buf[p + 5] === 0x77 && buf[p + 6] === 0x6e) {
      side = UNKNOWN;
      p += 7;
    } else return false;
    if (p >= end || buf[p] !== COMMA) return false;
    const priceStart = ++p;
    const priceEnd = plainDecimalEnd(buf, p, end);
    if (priceEnd < 0 || priceEnd >= end || buf[priceEnd] !== COMMA) return false;
    const amountStart = priceEnd + 1;
    if (plainDecimalEnd(buf, amountStart, end) !== end) return false;
    if (symbol !== this.middleSymbol) {
      this.middle = wordBytes(`,"type":"trade","symbol":"${symbol}","exchange_us":`);
      this.middleSymbol = symbol;
    }
    const line = this.line;
    line.constant(T);
    line.words(view, localStart, localEnd - 3 - localStart);
    line.constant(this.middle);
    line.words(view, exchangeStart, exchangeEnd - exchangeStart);
    line.constant(LOCAL_US);
    line.words(view, localStart, localEnd - localStart);
    line.constant(ID);
    line.copy(buf, idStart, idEnd);
    line.constant(side);
    line.copy(buf, priceStart, priceEnd);
    line.constant(SIZE);
    line.copy(buf, amountStart, end);
    line.constant(END);
    out.push(new ImportedLine(null, 'trade', symbol, localUs, 0, 0, true, line.slabBuf, line.textStart, line.textEnd - 1));
    line.seal();
    return true;
  }
}
