// TardisSnapshotRows: the byte fast path of tardis `book_snapshot_N` rows in tardis' own column order — each row checked in one pass over its bytes and its book_snapshot record line written into a slab from the row's own bytes.
//
// A row is taken when its start is read by readRowHead (tardis-row-head.ts: the file's `exchange,symbol,`, times
// that are their own JSON digits) and it has exactly the header's 4 × N cells after them, where each side's levels
// (asks[i], bids[i], best first) are pairs of plain decimals (csv-decimal.ts) up to the first pair of empty cells;
// cells after that pair are not read, as the plain path does not read them. Exactly the rows the plain path
// (tardis-csv-reader.ts) writes with the same bytes, as its differential test checks; any other row is left to it.
import { plainDecimalEnd } from './csv-decimal.js';
import { ImportedLine } from './imported-line.js';
import { LevelText, wordBytes, type WordBytes } from './level-text.js';
import { readRowHead, RowHead, writeRowHead } from './tardis-row-head.js';

/** tardis' book_snapshot_N header row for `depth` levels: the column order this path reads. */
export function snapshotColumns(depth: number): string {
  const names = ['exchange', 'symbol', 'timestamp', 'local_timestamp'];
  for (let i = 0; i < depth; i++) names.push(`asks[${i}].price`, `asks[${i}].amount`, `bids[${i}].price`, `bids[${i}].amount`);
  return names.join(',');
}

const COMMA = 0x2c;
const BIDS = wordBytes(',"bids":[');
const ASKS = wordBytes('],"asks":[');
const END = wordBytes(']}\n');

export class TardisSnapshotRows {
  private readonly line = new LevelText(true);
  /** `,"type":"book_snapshot","symbol":"…","exchange_us":` of `middleSymbol`. */
  private middle: WordBytes = wordBytes('');
  private middleSymbol = '';
  private readonly head = new RowHead();
  /** Start and end of each cell after the times, in header order. */
  private readonly cells: Int32Array;

  constructor(private readonly depth: number) {
    this.cells = new Int32Array(8 * depth);
  }

  /**
   * The row buf[start, end) (`view` over buf) as a book_snapshot record appended to `out`, when it starts with the
   * prefix `exchange,symbol,` (prefixLength bytes of `prefix`) of `symbol` and is of the form above; false, with
   * nothing written, for any other row.
   */
  push(buf: Uint8Array, view: DataView, start: number, end: number, prefix: DataView, prefixLength: number, symbol: string, out: ImportedLine[]): boolean {
    const head = this.head;
    if (!readRowHead(buf, view, start, end, prefix, prefixLength, head)) return false;
    const cells = this.cells;
    const count = 4 * this.depth;
    let p = head.next;
    for (let k = 0; k < count; k++) {
      const s = p;
      while (p < end && buf[p] !== COMMA) p++;
      cells[2 * k] = s;
      cells[2 * k + 1] = p;
      if (k < count - 1) {
        if (p >= end) return false;
        p++;
      } else if (p !== end) return false;
    }
    const asks = this.levels(buf, 0);
    const bids = asks < 0 ? -1 : this.levels(buf, 2);
    if (bids < 0) return false;
    if (symbol !== this.middleSymbol) {
      this.middle = wordBytes(`,"type":"book_snapshot","symbol":"${symbol}","exchange_us":`);
      this.middleSymbol = symbol;
    }
    const line = this.line;
    writeRowHead(line, view, head, this.middle);
    line.constant(BIDS);
    this.write(buf, 2, bids);
    line.constant(ASKS);
    this.write(buf, 0, asks);
    line.constant(END);
    out.push(new ImportedLine(null, 'book_snapshot', symbol, head.localUs, 1, 0, true, line.slabBuf, line.textStart, line.textEnd - 1));
    line.seal();
    return true;
  }

  /** The number of levels of the side whose price is cell `first` of each group of 4 (0 asks, 2 bids): up to the first empty pair; -1 when a level is not two plain decimals. */
  private levels(buf: Uint8Array, first: number): number {
    const cells = this.cells;
    for (let i = 0; i < this.depth; i++) {
      const k = 4 * i + first;
      const ps = cells[2 * k]!;
      const pe = cells[2 * k + 1]!;
      const as = cells[2 * k + 2]!;
      const ae = cells[2 * k + 3]!;
      if (ps === pe && as === ae) return i;
      if (ps === pe || as === ae || plainDecimalEnd(buf, ps, pe) !== pe || plainDecimalEnd(buf, as, ae) !== ae) return -1;
    }
    return this.depth;
  }

  /** `n` levels of the side whose price is cell `first` of each group of 4. */
  private write(buf: Uint8Array, first: number, n: number): void {
    const line = this.line;
    const cells = this.cells;
    line.count = 0;
    for (let i = 0; i < n; i++) {
      const k = 4 * i + first;
      line.level(buf, cells[2 * k]!, cells[2 * k + 1]!, cells[2 * k + 2]!, cells[2 * k + 3]!);
    }
  }
}
