// TardisQuoteRows: the byte fast path of tardis `quotes` / `book_ticker` rows in tardis' own column order — each row checked in one pass over its bytes and its quote record line written into a slab from the row's own bytes.
//
// A row is taken when its start is read by readRowHead (tardis-row-head.ts: the file's `exchange,symbol,`, times
// that are their own JSON digits) and each of ask_amount, ask_price, bid_price, bid_amount is empty (null: that
// side of the book is empty) or a plain decimal (csv-decimal.ts): exactly the rows the plain path
// (tardis-csv-reader.ts) writes with the same bytes, as its differential test checks. Any other row is left to the
// plain path, which then writes it or names what is wrong.
import { plainDecimalEnd } from './csv-decimal.js';
import { ImportedLine } from './imported-line.js';
import { LevelText, wordBytes, type WordBytes } from './level-text.js';
import { readRowHead, RowHead, writeRowHead } from './tardis-row-head.js';

/** tardis' quotes (and book_ticker) header row: the column order this path reads. */
export const QUOTES_COLUMNS = 'exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount';

const COMMA = 0x2c;
const BID_PRICE = wordBytes(',"bid_price":');
const BID_SIZE = wordBytes(',"bid_size":');
const ASK_PRICE = wordBytes(',"ask_price":');
const ASK_SIZE = wordBytes(',"ask_size":');
const NULL = wordBytes('null');
const END = wordBytes('}\n');

export class TardisQuoteRows {
  private readonly line = new LevelText(true);
  /** `,"type":"quote","symbol":"…","exchange_us":` of `middleSymbol`. */
  private middle: WordBytes = wordBytes('');
  private middleSymbol = '';
  private readonly head = new RowHead();
  /** Start and end of ask_amount, ask_price, bid_price, bid_amount in the row (equal: empty). */
  private readonly cells = new Int32Array(8);

  /**
   * The row buf[start, end) (`view` over buf) as a quote record appended to `out`, when it starts with the prefix
   * `exchange,symbol,` (prefixLength bytes of `prefix`) of `symbol` and is of the form above; false, with nothing
   * written, for any other row.
   */
  push(buf: Uint8Array, view: DataView, start: number, end: number, prefix: DataView, prefixLength: number, symbol: string, out: ImportedLine[]): boolean {
    const head = this.head;
    if (!readRowHead(buf, view, start, end, prefix, prefixLength, head)) return false;
    const cells = this.cells;
    let p = head.next;
    for (let k = 0; k < 4; k++) {
      const cellEnd = p < end && buf[p] !== COMMA ? plainDecimalEnd(buf, p, end) : p;
      if (cellEnd < 0) return false;
      if (k < 3 ? cellEnd >= end || buf[cellEnd] !== COMMA : cellEnd !== end) return false;
      cells[2 * k] = p;
      cells[2 * k + 1] = cellEnd;
      p = cellEnd + 1;
    }
    if (symbol !== this.middleSymbol) {
      this.middle = wordBytes(`,"type":"quote","symbol":"${symbol}","exchange_us":`);
      this.middleSymbol = symbol;
    }
    const line = this.line;
    writeRowHead(line, view, head, this.middle);
    line.constant(BID_PRICE);
    this.cell(buf, 2);
    line.constant(BID_SIZE);
    this.cell(buf, 3);
    line.constant(ASK_PRICE);
    this.cell(buf, 1);
    line.constant(ASK_SIZE);
    this.cell(buf, 0);
    line.constant(END);
    out.push(new ImportedLine(null, 'quote', symbol, head.localUs, 1, 0, true, line.slabBuf, line.textStart, line.textEnd - 1));
    line.seal();
    return true;
  }

  /** Cell k of the row: `"decimal"`, or null when empty. */
  private cell(buf: Uint8Array, k: number): void {
    const line = this.line;
    const s = this.cells[2 * k]!;
    const e = this.cells[2 * k + 1]!;
    if (s === e) {
      line.constant(NULL);
      return;
    }
    line.byte(0x22);
    line.copy(buf, s, e);
    line.byte(0x22);
  }
}
