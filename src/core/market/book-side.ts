// BookSide: one side of an L2 book as a sorted price ladder in integer ticks/lots, best level last.
//
// Storage: two parallel arrays `keys` (ascending) and `lots`. The key is the price for bids and the
// negated price for asks, so on both sides the BEST level is the LAST element:
// - best price / size: O(1) (read the tail);
// - find a level: binary search, O(log n);
// - insert / remove: binary search + a shift of the elements between the slot and the tail. Book
//   activity concentrates at the top, i.e. at the tail, so the shift is usually a handful of
//   elements (a memmove of the whole side at worst: ≤ a few thousand numbers for a 1000–5000 level
//   REST snapshot);
// - top N levels: read the last N elements, O(N).
// Invariants: keys strictly ascending; every lots[i] > 0 (a level with 0 lots does not exist);
// prices and lots are non-negative safe integers.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { BookLevel } from '../model/market-data-event.js';

export type BookSideName = 'bid' | 'ask';

export class BookSide {
  private readonly keys: number[] = [];
  private readonly lots: number[] = [];
  /** +1 for bids (key = price), -1 for asks (key = -price). */
  private readonly sign: 1 | -1;

  constructor(readonly side: BookSideName) {
    this.sign = side === 'bid' ? 1 : -1;
  }

  /** Number of price levels on this side. */
  get depth(): number {
    return this.keys.length;
  }

  /** Best price in ticks (highest bid / lowest ask), or null when the side is empty. */
  bestTicks(): number | null {
    const n = this.keys.length;
    return n === 0 ? null : this.sign * (this.keys[n - 1] as number);
  }

  /** Size at the best price in lots, or 0 when the side is empty. */
  bestLots(): number {
    const n = this.lots.length;
    return n === 0 ? 0 : (this.lots[n - 1] as number);
  }

  /** Worst price the side holds in ticks (lowest bid / highest ask), or null when the side is empty. */
  worstTicks(): number | null {
    return this.keys.length === 0 ? null : this.sign * (this.keys[0] as number);
  }

  /** Size resting at `priceTicks`, 0 when there is no level there. */
  lotsAt(priceTicks: number): number {
    const i = this.search(this.sign * priceTicks);
    return i >= 0 ? (this.lots[i] as number) : 0;
  }

  /**
   * Sets the absolute size of a level: 0 removes it. Returns false only when asked to remove a
   * level that does not exist (a no-op the caller counts).
   */
  set(priceTicks: number, qtyLots: number): boolean {
    if (!Number.isSafeInteger(priceTicks) || priceTicks < 0 || !Number.isSafeInteger(qtyLots) || qtyLots < 0) {
      throw invariantViolation(`${this.side} level [${priceTicks}, ${qtyLots}] is not a pair of non-negative safe integers`);
    }
    const key = this.sign * priceTicks;
    const keys = this.keys;
    const n = keys.length;
    // Fast path: a new best level (appending at the tail) is the commonest insert.
    if (n === 0 || key > (keys[n - 1] as number)) {
      if (qtyLots === 0) return false;
      keys.push(key);
      this.lots.push(qtyLots);
      return true;
    }
    const lots = this.lots;
    const i = this.search(key);
    if (i >= 0) {
      if (qtyLots === 0) {
        // Shift the tail down by hand: splice would allocate the removed elements' array on every call.
        for (let j = i + 1; j < n; j++) {
          keys[j - 1] = keys[j] as number;
          lots[j - 1] = lots[j] as number;
        }
        keys.length = n - 1;
        lots.length = n - 1;
      } else {
        lots[i] = qtyLots;
      }
      return true;
    }
    if (qtyLots === 0) return false;
    const slot = -i - 1;
    keys.push(key);
    lots.push(qtyLots);
    for (let j = n; j > slot; j--) {
      keys[j] = keys[j - 1] as number;
      lots[j] = lots[j - 1] as number;
    }
    keys[slot] = key;
    lots[slot] = qtyLots;
    return true;
  }

  /** Removes every level. */
  clear(): void {
    this.keys.length = 0;
    this.lots.length = 0;
  }

  /**
   * Replaces the side with `levels`. Levels given best-first (the venues' snapshot order) are copied
   * in O(n); any other order falls back to `set` per level, where a later duplicate price wins.
   * Levels with 0 lots are skipped.
   */
  replace(levels: readonly BookLevel[]): void {
    this.clear();
    let bestFirst = true;
    for (let i = 1; i < levels.length && bestFirst; i++) {
      bestFirst = this.sign * (levels[i - 1] as BookLevel)[0] > this.sign * (levels[i] as BookLevel)[0];
    }
    if (!bestFirst) {
      for (const [price, qty] of levels) this.set(price, qty);
      return;
    }
    for (let i = levels.length - 1; i >= 0; i--) {
      const [price, qty] = levels[i] as BookLevel;
      if (qty !== 0) this.set(price, qty);
    }
  }

  /** Up to `n` levels, best first, as [priceTicks, qtyLots] pairs. */
  /** Visits up to `n` levels best first, (priceTicks, qtyLots, depth from 0), without allocating; returns how many it visited. */
  forEachTop(n: number, visit: (priceTicks: number, qtyLots: number, depth: number) => void): number {
    const keys = this.keys;
    const lots = this.lots;
    let visited = 0;
    for (let i = keys.length - 1; i >= 0 && visited < n; i--, visited++) visit(this.sign * (keys[i] as number), lots[i] as number, visited);
    return visited;
  }

  top(n: number): BookLevel[] {
    const out: BookLevel[] = [];
    for (let i = this.keys.length - 1; i >= 0 && out.length < n; i--) {
      out.push([this.sign * (this.keys[i] as number), this.lots[i] as number]);
    }
    return out;
  }

  /** Index of `key` when present, else -(insertion slot) - 1. */
  private search(key: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid] as number;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }
}
