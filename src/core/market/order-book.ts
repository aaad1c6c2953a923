// OrderBook: one symbol's L2 book (price levels in integer ticks, sizes in integer lots), no sync logic.
//
// Structure: each side is a BookSide, a sorted ladder with the best level at the tail of two
// parallel number arrays (see book-side.ts). Why not a hash map + sort, or a tree:
// - the replay pipeline applies a delta per frame and asks for the best bid/ask after it; the tail
//   read makes that O(1) with no sort and no allocation;
// - updates cluster near the top of the book, which is the tail, so the insert/remove shift is short;
//   lookups are a binary search over a contiguous array (cache-friendly, no per-level objects);
// - top-N is a slice from the tail, already in order.
// A balanced tree would give O(log n) worst-case inserts deep in the book, which venue depth limits
// (Bybit ≤ 1000 levels, Binance REST ≤ 5000) make unnecessary.
// Invariants: a level exists iff its size is > 0; the book may be crossed only transiently —
// callers check `isCrossed()` after each update (the book syncs report it).
import type { BookLevel } from '../model/market-data-event.js';
import { BookSide } from './book-side.js';

export class OrderBook {
  private readonly bidSide = new BookSide('bid');
  private readonly askSide = new BookSide('ask');
  private removedAbsentCount = 0;

  constructor(readonly symbol: string) {}

  /** Replaces both sides (a snapshot). Levels with 0 lots are ignored. */
  replace(bids: readonly BookLevel[], asks: readonly BookLevel[]): void {
    this.bidSide.replace(bids);
    this.askSide.replace(asks);
  }

  /** Applies absolute level sizes (a delta): 0 lots removes the level. */
  applyLevels(bids: readonly BookLevel[], asks: readonly BookLevel[]): void {
    for (let i = 0; i < bids.length; i++) {
      const [price, qty] = bids[i] as BookLevel;
      if (!this.bidSide.set(price, qty)) this.removedAbsentCount++;
    }
    for (let i = 0; i < asks.length; i++) {
      const [price, qty] = asks[i] as BookLevel;
      if (!this.askSide.set(price, qty)) this.removedAbsentCount++;
    }
  }

  /** Sets one bid level's absolute size (0 removes it). */
  setBid(priceTicks: number, qtyLots: number): void {
    if (!this.bidSide.set(priceTicks, qtyLots)) this.removedAbsentCount++;
  }

  /** Sets one ask level's absolute size (0 removes it). */
  setAsk(priceTicks: number, qtyLots: number): void {
    if (!this.askSide.set(priceTicks, qtyLots)) this.removedAbsentCount++;
  }

  /** Empties both sides (the removed-absent counter is kept). */
  clear(): void {
    this.bidSide.clear();
    this.askSide.clear();
  }

  /** Highest bid in ticks, null when there are no bids. */
  bestBidTicks(): number | null {
    return this.bidSide.bestTicks();
  }

  /** Lowest ask in ticks, null when there are no asks. */
  bestAskTicks(): number | null {
    return this.askSide.bestTicks();
  }

  /** Lots at the best bid, 0 when there are no bids. */
  bestBidLots(): number {
    return this.bidSide.bestLots();
  }

  /** Lots at the best ask, 0 when there are no asks. */
  bestAskLots(): number {
    return this.askSide.bestLots();
  }

  /** Lots resting on the bid side at `priceTicks` (0 when no level). */
  bidLotsAt(priceTicks: number): number {
    return this.bidSide.lotsAt(priceTicks);
  }

  /** Lots resting on the ask side at `priceTicks` (0 when no level). */
  askLotsAt(priceTicks: number): number {
    return this.askSide.lotsAt(priceTicks);
  }

  /**
   * Size at `priceTicks` on one side, lots: 0 for an empty price at or inside the worst level the side holds, null
   * for a price beyond it (or an empty side): a partial book (Bybit 50/200 levels) cannot tell what rests there.
   */
  levelLots(side: 'bid' | 'ask', priceTicks: number): number | null {
    const book = side === 'bid' ? this.bidSide : this.askSide;
    const worst = book.worstTicks();
    if (worst === null) return null;
    const beyond = side === 'bid' ? priceTicks < worst : priceTicks > worst;
    return beyond ? null : book.lotsAt(priceTicks);
  }

  /** Up to `n` bid levels, highest price first. */
  topBids(n: number): BookLevel[] {
    return this.bidSide.top(n);
  }

  /** Up to `n` ask levels, lowest price first. */
  topAsks(n: number): BookLevel[] {
    return this.askSide.top(n);
  }

  /** Number of bid price levels. */
  get bidDepth(): number {
    return this.bidSide.depth;
  }

  /** Number of ask price levels. */
  get askDepth(): number {
    return this.askSide.depth;
  }

  /** Removals of a level that was not in the book (normal on Binance diffs; counted, otherwise a no-op). */
  get removedAbsent(): number {
    return this.removedAbsentCount;
  }

  /** True when both sides are non-empty and best bid ≥ best ask (a locked book counts as crossed). */
  isCrossed(): boolean {
    const bid = this.bidSide.bestTicks();
    const ask = this.askSide.bestTicks();
    return bid !== null && ask !== null && bid >= ask;
  }
}
