// BookSide: one side of an L2 book as a sorted price ladder in integer ticks/lots, best level last.
//
// Storage: two parallel Float64Arrays `keys` (ascending) and `lots`, the first `n` slots in use (capacity doubles
// when full). The key is the price for bids and the negated price for asks, so on both sides the BEST level is the
// LAST element:
// - best price / size: O(1) (read the tail);
// - find a level: binary search, O(log n);
// - insert / remove: binary search + a shift of the elements between the slot and the tail. Book
//   activity concentrates at the top, i.e. at the tail, so the shift is usually a handful of
//   elements, moved in a loop; a longer one (a tardis.dev L2 book holds ~1000 levels a side and updates
//   reach hundreds of levels deep) is one native memmove (copyWithin): as a loop over plain arrays it was
//   ~18 % of a deep-book replay's CPU (profile);
// - top N levels: read the last N elements, O(N).
// Invariants: keys strictly ascending; every lots[i] > 0 (a level with 0 lots does not exist);
// prices and lots are non-negative safe integers.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { BookLevel } from '../model/market-data-event.js';

export type BookSideName = 'bid' | 'ask';

/** Slots a side starts with (a venue's top-N book fits; grows by doubling). */
const INITIAL_CAPACITY = 64;
/** Shifts of at most this many levels are a loop; longer ones one copyWithin (its call costs about that many moves). */
const SHORT_SHIFT = 16;

export class BookSide {
  /** keys[0, n) ascending; lots[i] the size at keys[i]. */
  private keys = new Float64Array(INITIAL_CAPACITY);
  private lots = new Float64Array(INITIAL_CAPACITY);
  private n = 0;
  /** +1 for bids (key = price), -1 for asks (key = -price). */
  private readonly sign: 1 | -1;

  constructor(readonly side: BookSideName) {
    this.sign = side === 'bid' ? 1 : -1;
  }

  /** Number of price levels on this side. */
  get depth(): number {
    return this.n;
  }

  /** Best price in ticks (highest bid / lowest ask), or null when the side is empty. */
  bestTicks(): number | null {
    const n = this.n;
    return n === 0 ? null : this.sign * this.keys[n - 1]!;
  }

  /** Size at the best price in lots, or 0 when the side is empty. */
  bestLots(): number {
    const n = this.n;
    return n === 0 ? 0 : this.lots[n - 1]!;
  }

  /** Worst price the side holds in ticks (lowest bid / highest ask), or null when the side is empty. */
  worstTicks(): number | null {
    return this.n === 0 ? null : this.sign * this.keys[0]!;
  }

  /** Size resting at `priceTicks`, 0 when there is no level there. */
  lotsAt(priceTicks: number): number {
    const i = this.search(this.sign * priceTicks);
    return i >= 0 ? this.lots[i]! : 0;
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
    const n = this.n;
    if (n === 0 || key > this.keys[n - 1]!) {
      if (qtyLots === 0) return false;
      if (n === this.keys.length) this.grow();
      this.keys[n] = key;
      this.lots[n] = qtyLots;
      this.n = n + 1;
      return true;
    }
    const i = this.search(key);
    const keys = this.keys;
    const lots = this.lots;
    if (i >= 0) {
      if (qtyLots === 0) {
        if (n - i > SHORT_SHIFT) {
          keys.copyWithin(i, i + 1, n);
          lots.copyWithin(i, i + 1, n);
        } else {
          for (let j = i + 1; j < n; j++) {
            keys[j - 1] = keys[j]!;
            lots[j - 1] = lots[j]!;
          }
        }
        this.n = n - 1;
      } else {
        lots[i] = qtyLots;
      }
      return true;
    }
    if (qtyLots === 0) return false;
    const slot = -i - 1;
    if (n === keys.length) this.grow();
    return this.insertAt(slot, key, qtyLots);
  }

  /** Removes every level. */
  clear(): void {
    this.n = 0;
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

  /** Visits up to `n` levels best first, (priceTicks, qtyLots, depth from 0), without allocating; returns how many it visited. */
  forEachTop(n: number, visit: (priceTicks: number, qtyLots: number, depth: number) => void): number {
    const keys = this.keys;
    const lots = this.lots;
    let visited = 0;
    for (let i = this.n - 1; i >= 0 && visited < n; i--, visited++) visit(this.sign * keys[i]!, lots[i]!, visited);
    return visited;
  }

  /** Up to `n` levels, best first, as [priceTicks, qtyLots] pairs. */
  top(n: number): BookLevel[] {
    const out: BookLevel[] = [];
    for (let i = this.n - 1; i >= 0 && out.length < n; i--) {
      out.push([this.sign * this.keys[i]!, this.lots[i]!]);
    }
    return out;
  }

  /** Shifts [slot, n) up by one and writes the level at slot (capacity already there). */
  private insertAt(slot: number, key: number, qtyLots: number): true {
    const keys = this.keys;
    const lots = this.lots;
    const n = this.n;
    if (n - slot > SHORT_SHIFT) {
      keys.copyWithin(slot + 1, slot, n);
      lots.copyWithin(slot + 1, slot, n);
    } else {
      for (let j = n; j > slot; j--) {
        keys[j] = keys[j - 1]!;
        lots[j] = lots[j - 1]!;
      }
    }
    keys[slot] = key;
    lots[slot] = qtyLots;
    this.n = n + 1;
    return true;
  }

  /** Doubles the capacity, keeping [0, n). */
  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const lots = new Float64Array(this.lots.length * 2);
    keys.set(this.keys.subarray(0, this.n));
    lots.set(this.lots.subarray(0, this.n));
    this.keys = keys;
    this.lots = lots;
  }

  /** Index of `key` when present, else -(insertion slot) - 1. */
  private search(key: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }
}
