// TardisTradeRows: the byte fast path of tardis `trades` rows in tardis' own column order — each row checked in one pass over its bytes and its record line written into a slab from the row's own bytes (no string per row or per field).
//
// A row is taken when its start is read by readRowHead (tardis-row-head.ts: the file's `exchange,symbol,`, times
// that are their own JSON digits), its id is printable ASCII without '"' and '\' (JSON as it is) of at most 128
// bytes, its side is buy, sell or unknown, and price and amount are plain decimals (csv-decimal.ts): exactly the
// rows the plain path (tardis-csv-reader.ts) writes with the same bytes, as its differential test checks. Any other
// row is left to the plain path, which then writes it or names what is wrong.
import { plainDecimalEnd } from './csv-decimal.js';
import { ImportedLine } from './imported-line.js';
import { LevelText, wordBytes, type WordBytes } from './level-text.js';
import { readRowHead, RowHead, writeRowHead } from './tardis-row-head.js';

/** tardis' trades header row: the column order this path reads. */
export const TRADES_COLUMNS = 'exchange,symbol,timestamp,local_timestamp,id,side,price,amount';

const COMMA = 0x2c;
/** Longest trade id the replay format takes (normalized-line.ts). */
const MAX_ID_BYTES = 128;
const ID = wordBytes(',"id":"');
const BUY = wordBytes('","side":"buy","price":"');
const SELL = wordBytes('","side":"sell","price":"');
const UNKNOWN = wordBytes('","side":"unknown","price":"');
const SIZE = wordBytes('","size":"');
const END = wordBytes('"}\n');

export class TardisTradeRows {
  private readonly line = new LevelText(true);
  /** `,"type":"trade","symbol":"…","exchange_us":` of `middleSymbol`. */
  private middle: WordBytes = wordBytes('');
  private middleSymbol = '';
  private readonly head = new RowHead();

  /**
   * The row buf[start, end) (`view` over buf) as a trade record appended to `out`, when it starts with the prefix
   * `exchange,symbol,` (prefixLength bytes of `prefix`) of `symbol` and is of the form above; false, with nothing
   * written, for any other row.
   */
  push(buf: Uint8Array, view: DataView, start: number, end: number, prefix: DataView, prefixLength: number, symbol: string, out: ImportedLine[]): boolean {
    const head = this.head;
    if (!readRowHead(buf, view, start, end, prefix, prefixLength, head)) return false;
    const idStart = head.next;
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
    writeRowHead(line, view, head, this.middle);
    line.constant(ID);
    line.copy(buf, idStart, idEnd);
    line.constant(side);
    line.copy(buf, priceStart, priceEnd);
    line.constant(SIZE);
    line.copy(buf, amountStart, end);
    line.constant(END);
    out.push(new ImportedLine(null, 'trade', symbol, head.localUs, 0, 0, true, line.slabBuf, line.textStart, line.textEnd - 1));
    line.seal();
    return true;
  }
}
