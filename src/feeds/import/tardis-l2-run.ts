// The incremental_book_L2 fast lane (ImportReader.readRun): the rows that follow in a chunk and start with the group's key, their levels added to the group with no line cut and no call per line.
import { MAX_RECORD_LEVELS } from '../replay/normalized-record.js';
import type { ChunkCursor } from './byte-lines.js';
import { sameWords } from './byte-words.js';
import { plainDecimalEnd } from './csv-decimal.js';
import type { L2Group } from './tardis-l2-group.js';

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * Reads, from `cursor.pos` in `cursor.chunk` (`view` over the same bytes), the rows of the group being read
 * (tardis-l2-group.ts: their exchange, symbol, times and is_snapshot already checked, as the key's bytes) — each a
 * side, a plain price and a plain amount, then "\n" or "\r\n" — and moves the cursor past them. Stops at the first
 * other line, which TardisCsvReader.push reads (a new group, a bad row and its message).
 */
export function readL2Run(group: L2Group, cursor: ChunkCursor, view: DataView): void {
  const n = group.keyLength;
  const from = cursor.pos;
  if (n === 0 || from < 0) return;
  const buf = cursor.chunk;
  const limit = buf.length;
  const key = group.keyView;
  let next = from;
  let lines = 0;
  for (;;) {
    // Key, side and comma, then at least "0,0\n".
    if (limit - next < n + 8 || !sameWords(view, next, key, n)) break;
    let p = next + n;
    let bid: boolean;
    if (buf[p] === 0x62 && buf[p + 1] === 0x69 && buf[p + 2] === 0x64) bid = true;
    else if (buf[p] === 0x61 && buf[p + 1] === 0x73 && buf[p + 2] === 0x6b) bid = false;
    else break;
    p += 3;
    if (buf[p] !== COMMA) break;
    const priceStart = ++p;
    p = plainDecimalEnd(buf, p, limit);
    if (p < 0 || p >= limit || buf[p] !== COMMA) break;
    const priceEnd = p;
    const amountStart = ++p;
    const amountEnd = plainDecimalEnd(buf, p, limit);
    if (amountEnd < 0 || amountEnd >= limit) break;
    let after: number;
    if (buf[amountEnd] === NEWLINE) after = amountEnd + 1;
    else if (buf[amountEnd] === CR && amountEnd + 1 < limit && buf[amountEnd + 1] === NEWLINE) after = amountEnd + 2;
    else break;
    const levels = bid ? group.bids : group.asks;
    if (levels.count >= MAX_RECORD_LEVELS) break;
    levels.level(buf, priceStart, priceEnd, amountStart, amountEnd);
    next = after;
    lines++;
  }
  if (lines > 0) cursor.jump(next, lines);
}
