// The start every tardis row shares — exchange,symbol,timestamp,local_timestamp, — read from bytes for the one-record-per-row fast paths (trades, quotes), and the record line's start written from them.
//
// Taken when the row starts with the file's `exchange,symbol,` (checked by the plain path on the first row of that
// symbol) and both times are 1-16 digits without leading zeros, local_timestamp of 4 digits or more, safe integers:
// they are then their own JSON digits, and t is local_us but its last 3 digits (the bytes the plain path writes).
import { sameWords } from './byte-words.js';
import { wordBytes, type LevelText, type WordBytes } from './level-text.js';

const COMMA = 0x2c;
const T = wordBytes('{"t":');
const LOCAL_US = wordBytes(',"local_us":');

/** Where the times of a row lie, its receive time, and where the rest of the row starts. */
export class RowHead {
  exchangeStart = 0;
  exchangeEnd = 0;
  localStart = 0;
  localEnd = 0;
  localUs = 0;
  /** The first byte after local_timestamp's comma. */
  next = 0;
}

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

/** The value of the digits buf[start, end) (at most 16: exact while below 2^53, which the caller checks). */
function digitsValue(buf: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + buf[i]! - 0x30;
  return n;
}

/** Reads the row buf[start, end) (`view` over buf) into `head` when its start is of the form above; false otherwise. */
export function readRowHead(buf: Uint8Array, view: DataView, start: number, end: number, prefix: DataView, prefixLength: number, head: RowHead): boolean {
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
  head.exchangeStart = exchangeStart;
  head.exchangeEnd = exchangeEnd;
  head.localStart = localStart;
  head.localEnd = localEnd;
  head.localUs = localUs;
  head.next = localEnd + 1;
  return true;
}

/** Writes `{"t":…` + `middle` (`,"type":…,"symbol":"…","exchange_us":`) + exchange_us + `,"local_us":…` of the row `head` read. */
export function writeRowHead(line: LevelText, view: DataView, head: RowHead, middle: WordBytes): void {
  line.constant(T);
  line.words(view, head.localStart, head.localEnd - 3 - head.localStart);
  line.constant(middle);
  line.words(view, head.exchangeStart, head.exchangeEnd - head.exchangeStart);
  line.constant(LOCAL_US);
  line.words(view, head.localStart, head.localEnd - head.localStart);
}

/** Whole µs in bytes buf[start, end): 1-16 digits and a safe integer; -1 otherwise. */
export function timeOf(buf: Uint8Array, start: number, end: number): number {
  if (end - start < 1 || end - start > 16) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return Number.isSafeInteger(n) ? n : -1;
}
