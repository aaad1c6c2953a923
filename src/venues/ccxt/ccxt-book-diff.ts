// One symbol's ccxt order book turned into normalized book records: the first book whole (book_snapshot), every later one as the levels that changed against the previous (book_update, "0" for a level gone).
import type { NormalizedLevel } from '../../feeds/replay/normalized-record.js';
import type { CcxtOrderBook } from './ccxt-library.js';
import type { GridCheck } from './ccxt-grid-check.js';

export interface BookDiff {
  readonly snapshot: boolean;
  readonly bids: NormalizedLevel[];
  readonly asks: NormalizedLevel[];
}

type Side = Map<string, string>;

/** Keeps the previous book of one symbol (exact decimal text per price) and diffs the next against it. */
export class CcxtBookDiff {
  private bids: Side | null = null;
  private asks: Side = new Map();

  constructor(private readonly grid: GridCheck) {}

  /** The records' levels for `book` (prices best first as ccxt sorts them); null when nothing changed. */
  next(book: CcxtOrderBook): BookDiff | null {
    const bids = this.side(book.bids);
    const asks = this.side(book.asks);
    if (this.bids === null) {
      this.bids = bids;
      this.asks = asks;
      return { snapshot: true, bids: [...bids], asks: [...asks] };
    }
    const diff = { snapshot: false, bids: changes(this.bids, bids, 'desc'), asks: changes(this.asks, asks, 'asc') };
    this.bids = bids;
    this.asks = asks;
    return diff.bids.length === 0 && diff.asks.length === 0 ? null : diff;
  }

  /** Forgets the book (after a reconnect the next one is a snapshot again). */
  reset(): void {
    this.bids = null;
    this.asks = new Map();
  }

  private side(levels: CcxtOrderBook['bids']): Side {
    const out: Side = new Map();
    for (const level of levels) {
      const price = this.grid.price(level[0]);
      const size = this.grid.size(level[1]);
      if (price === null || size === null || size === '0') continue;
      out.set(price, size);
    }
    return out;
  }
}

function compareText(a: string, b: string): number {
  // Plain decimals without sign: longer integer part is larger; equal integer lengths compare as text once padded.
  const [ai = '', af = ''] = a.split('.');
  const [bi = '', bf = ''] = b.split('.');
  if (ai.length !== bi.length) return ai.length - bi.length;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const ap = af.padEnd(width, '0');
  const bp = bf.padEnd(width, '0');
  return ap < bp ? -1 : ap > bp ? 1 : 0;
}

/** Levels of `next` that differ from `prev`, and prices of `prev` gone from `next` at size "0"; best first. */
function changes(prev: Side, next: Side, order: 'asc' | 'desc'): NormalizedLevel[] {
  const out: NormalizedLevel[] = [];
  for (const [price, size] of next) if (prev.get(price) !== size) out.push([price, size]);
  for (const price of prev.keys()) if (!next.has(price)) out.push([price, '0']);
  out.sort((a, b) => (order === 'asc' ? compareText(a[0], b[0]) : compareText(b[0], a[0])));
  return out;
}
