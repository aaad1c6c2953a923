// L2Group: the tardis incremental_book_L2 group being read (rows of one symbol, local_timestamp and is_snapshot) — its book_update line built in a slab (bids in place, asks gathered aside), and the first row's prefix that tells the next rows of the group at a glance.
//
// The line is written in canonical key order (normalized-record.ts, the bytes encodeNormalizedRecord writes):
// {"t":…,"type":"book_update","symbol":…,"exchange_us":…,"local_us":…,"is_snapshot":…,"bids":[…],"asks":[…]}, then
// "\n" in the slab (not part of the record's range) so that records written one after another lie in the slab
// exactly as the replay file holds them.
// The key: a row's bytes from its start to the comma after is_snapshot (exchange,symbol,timestamp,local_timestamp,
// is_snapshot,). A row starting with the same bytes as the row that started the group has the same exchange,
// symbol, times and is_snapshot, all already checked: it belongs to the group, and only its side, price and amount
// need reading (tardis writes the rows of one message with one timestamp: most rows of a group match).
import { copyWords, sameWords, viewOf } from './byte-words.js';
import { ImportedLine } from './imported-line.js';
import { LevelText, wordBytes, type WordBytes } from './level-text.js';

const T = wordBytes('{"t":');
const LOCAL_US = wordBytes(',"local_us":');
const SNAPSHOT_BIDS = wordBytes(',"is_snapshot":true,"bids":[');
const UPDATE_BIDS = wordBytes(',"is_snapshot":false,"bids":[');
const ASKS = wordBytes('],"asks":[');
const END = wordBytes(']}\n');
/** Longest key kept, bytes (longer prefixes: no key, every row read in full). */
const KEY_BYTES = 252;

export class L2Group {
  /** Whether a group is being read; its symbol, local_us and is_snapshot. */
  active = false;
  symbol = '';
  localUs = 0;
  snapshot = false;
  /** The line (slab mode): header, then the bid levels in place. */
  readonly bids = new LevelText(true);
  /** The ask levels, appended to the line by flush(). */
  readonly asks = new LevelText();
  /** `,"type":"book_update","symbol":"…","exchange_us":` of `middleSymbol`. */
  private middle: WordBytes = wordBytes('');
  private middleSymbol = '';
  /** The key's bytes (keyLength of them). */
  readonly keyView = viewOf(new Uint8Array(KEY_BYTES + 4));
  /** Bytes of the key; 0: none (every row read in full). */
  keyLength = 0;

  /** Flushes the group being read and starts one of `symbol` (a symbol importSymbol took: JSON as it is); its line. */
  private begin(out: ImportedLine[], symbol: string, localUs: number, snapshot: boolean): LevelText {
    this.flush(out);
    this.active = true;
    this.symbol = symbol;
    this.localUs = localUs;
    this.snapshot = snapshot;
    if (symbol !== this.middleSymbol) {
      this.middle = wordBytes(`,"type":"book_update","symbol":"${symbol}","exchange_us":`);
      this.middleSymbol = symbol;
    }
    return this.bids;
  }

  /** Starts a group, its times written from their values. */
  start(out: ImportedLine[], symbol: string, exchangeUs: number, localUs: number, snapshot: boolean): void {
    const line = this.begin(out, symbol, localUs, snapshot);
    line.constant(T);
    line.integer(Math.floor(localUs / 1000));
    line.constant(this.middle);
    line.integer(exchangeUs);
    line.constant(LOCAL_US);
    line.integer(localUs);
    line.constant(snapshot ? SNAPSHOT_BIDS : UPDATE_BIDS);
  }

  /**
   * Starts a group, its times' digits copied from the row (in the buffer `from` views): only for digits without
   * leading zeros and a local_timestamp of 4 digits or more (JSON's form of the numbers; t is local_us but its last 3 digits).
   */
  startCopying(out: ImportedLine[], symbol: string, from: DataView, exchangeStart: number, exchangeEnd: number, localStart: number, localEnd: number, localUs: number, snapshot: boolean): void {
    const line = this.begin(out, symbol, localUs, snapshot);
    line.constant(T);
    line.words(from, localStart, localEnd - 3 - localStart);
    line.constant(this.middle);
    line.words(from, exchangeStart, exchangeEnd - exchangeStart);
    line.constant(LOCAL_US);
    line.words(from, localStart, localEnd - localStart);
    line.constant(snapshot ? SNAPSHOT_BIDS : UPDATE_BIDS);
  }

  /** Makes the bytes [start, end) of the buffer `from` views (a row of this group, read in full, up to its side column) the key. */
  setKey(from: DataView, start: number, end: number): void {
    const n = end - start;
    if (n > KEY_BYTES) {
      this.keyLength = 0;
      return;
    }
    copyWords(from, start, this.keyView, n);
    this.keyLength = n;
  }

  /** Whether the row at [start, end) of the buffer `from` views starts with the key (and has bytes after it). */
  matches(from: DataView, start: number, end: number): boolean {
    const n = this.keyLength;
    return n > 0 && end - start > n && sameWords(from, start, this.keyView, n);
  }

  /** Completes the group's record (if any) into `out`. */
  flush(out: ImportedLine[]): void {
    if (!this.active) return;
    this.active = false;
    this.keyLength = 0;
    const line = this.bids;
    line.constant(ASKS);
    line.drain(this.asks);
    line.constant(END);
    out.push(new ImportedLine(null, 'book_update', this.symbol, this.localUs, 1, 0, true, line.slabBuf, line.textStart, line.textEnd - 1));
    line.seal();
  }
}
