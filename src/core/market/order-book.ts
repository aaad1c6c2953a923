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
// Levels off the tick grid (rare: old-tick orders after a tick-size change) are kept at their exact
// price in a separate OffGridLadder per side, so the ladders above stay integer; reads of the best
// price round an off-grid best passively onto the grid (off-grid-level.ts says why that is exact).
import type { BookLevel, OffGridLevel } from '../model/market-data-event.js';
import { BookSide } from './book-side.js';
import { OffGridLadder, type HeldOffGridLevel } from './off-grid-ladder.js';

export class OrderBook {
  private readonly bidSide = new BookSide('bid');
  private readonly askSide = new BookSide('ask');
  private removedAbsentCount = 0;
  /** Off-grid levels per side; null until the first one arrives (the common book never has any). */
  private offBids: OffGridLadder | null = null;
  private offAsks: OffGridLadder | null = null;
  private offGridReceived = 0;

  constructor(readonly symbol: string) {}

  /** Replaces both sides (a snapshot), with its off-grid levels if any. Levels with 0 lots are ignored. */
  replace(bids: readonly BookLevel[], asks: readonly BookLevel[], offGrid?: readonly OffGridLevel[]): void {
    this.bidSide.replace(bids);
    this.askSide.replace(asks);
    this.offBids?.clear();
    this.offAsks?.clear();
    if (offGrid !== undefined) this.applyOffGrid(offGrid, true);
  }

  /** Applies absolute level sizes (a delta), off-grid ones included: 0 lots removes the level. */
  applyLevels(bids: readonly BookLevel[], asks: readonly BookLevel[], offGrid?: readonly OffGridLevel[]): void {
    for (let i = 0; i < bids.length; i++) {
      const [price, qty] = bids[i] as BookLevel;
      if (!this.bidSide.set(price, qty)) this.removedAbsentCount++;
    }
    for (let i = 0; i < asks.length; i++) {
      const [price, qty] = asks[i] as BookLevel;
      if (!this.askSide.set(price, qty)) this.removedAbsentCount++;
    }
    if (offGrid !== undefined) this.applyOffGrid(offGrid, false);
  }

  /** Off-grid levels into their ladders; a snapshot's zero-size levels are skipped like on-grid ones (not removals). */
  private applyOffGrid(levels: readonly OffGridLevel[], snapshot: boolean): void {
    for (const level of levels) {
      this.offGridReceived++;
      if (snapshot && level.qtyLots === 0) continue;
      const ladder = level.side === 'bid' ? (this.offBids ??= new OffGridLadder('bid')) : (this.offAsks ??= new OffGridLadder('ask'));
      if (!ladder.set(level)) this.removedAbsentCount++;
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

  /** Empties both sides (the removed-absent and off-grid counters are kept). */
  clear(): void {
    this.bidSide.clear();
    this.askSide.clear();
    this.offBids?.clear();
    this.offAsks?.clear();
  }

  /** The best bid when it is an off-grid level (above every on-grid bid), else null. */
  private offGridBestBid(): HeldOffGridLevel | null {
    const off = this.offBids === null ? null : this.offBids.best();
    if (off === null) return null;
    const on = this.bidSide.bestTicks();
    return on === null || off.price.floorUnits >= on ? off : null;
  }

  /** The best ask when it is an off-grid level (below every on-grid ask), else null. */
  private offGridBestAsk(): HeldOffGridLevel | null {
    const off = this.offAsks === null ? null : this.offAsks.best();
    if (off === null) return null;
    const on = this.askSide.bestTicks();
    return on === null || off.price.floorUnits + 1 <= on ? off : null;
  }

  /** Highest bid in ticks, null when there are no bids; an off-grid best bid is rounded down onto the grid. */
  bestBidTicks(): number | null {
    const off = this.offGridBestBid();
    return off === null ? this.bidSide.bestTicks() : off.price.floorUnits;
  }

  /** Lowest ask in ticks, null when there are no asks; an off-grid best ask is rounded up onto the grid. */
  bestAskTicks(): number | null {
    const off = this.offGridBestAsk();
    return off === null ? this.askSide.bestTicks() : off.price.floorUnits + 1;
  }

  /** Lots at the best bid (an off-grid one included), 0 when there are no bids. */
  bestBidLots(): number {
    const off = this.offGridBestBid();
    return off === null ? this.bidSide.bestLots() : off.qtyLots;
  }

  /** Lots at the best ask (an off-grid one included), 0 when there are no asks. */
  bestAskLots(): number {
    const off = this.offGridBestAsk();
    return off === null ? this.askSide.bestLots() : off.qtyLots;
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
    const offLadder = side === 'bid' ? this.offBids : this.offAsks;
    const offWorst = offLadder === null ? null : offLadder.worst();
    if (worst === null && offWorst === null) return null;
    // Beyond every level the side holds; an off-grid worst x is never equal to priceTicks (p < x ⟺ p ≤ ⌊x⌋).
    const beyond =
      side === 'bid'
        ? (worst === null || priceTicks < worst) && (offWorst === null || priceTicks <= offWorst.price.floorUnits)
        : (worst === null || priceTicks > worst) && (offWorst === null || priceTicks >= offWorst.price.floorUnits + 1);
    // An on-grid price never holds an off-grid level: its size is the on-grid ladder's.
    return beyond ? null : book.lotsAt(priceTicks);
  }

  /**
   * Visits up to `n` on-grid levels of one side, best first (bids highest first, asks lowest first), as (priceTicks,
   * qtyLots, depth from 0); returns how many it visited. Off-grid levels (offGridBids/offGridAsks) are not visited.
   */
  forEachLevel(side: 'bid' | 'ask', n: number, visit: (priceTicks: number, qtyLots: number, depth: number) => void): number {
    return (side === 'bid' ? this.bidSide : this.askSide).forEachTop(n, visit);
  }

  /** Up to `n` on-grid bid levels, highest price first (off-grid ones: offGridBids). */
  topBids(n: number): BookLevel[] {
    return this.bidSide.top(n);
  }

  /** Up to `n` on-grid ask levels, lowest price first (off-grid ones: offGridAsks). */
  topAsks(n: number): BookLevel[] {
    return this.askSide.top(n);
  }

  /** Off-grid bid levels held, highest first, at their exact prices. */
  offGridBids(): readonly HeldOffGridLevel[] {
    return this.offBids === null ? [] : this.offBids.all();
  }

  /** Off-grid ask levels held, lowest first, at their exact prices. */
  offGridAsks(): readonly HeldOffGridLevel[] {
    return this.offAsks === null ? [] : this.offAsks.all();
  }

  /** Number of bid price levels, off-grid ones included. */
  get bidDepth(): number {
    return this.bidSide.depth + (this.offBids === null ? 0 : this.offBids.count);
  }

  /** Number of ask price levels, off-grid ones included. */
  get askDepth(): number {
    return this.askSide.depth + (this.offAsks === null ? 0 : this.offAsks.count);
  }

  /** Levels off the tick grid received in snapshots and deltas (removals and zero sizes included), since the book was made. */
  get offGridLevelsReceived(): number {
    return this.offGridReceived;
  }

  /** Off-grid levels the book holds now, both sides. */
  get offGridDepth(): number {
    return (this.offBids === null ? 0 : this.offBids.count) + (this.offAsks === null ? 0 : this.offAsks.count);
  }

  /** Removals of a level that was not in the book (normal on Binance diffs; counted, otherwise a no-op). */
  get removedAbsent(): number {
    return this.removedAbsentCount;
  }

  /** True when both sides are non-empty and best bid ≥ best ask (a locked book counts as crossed). */
  isCrossed(): boolean {
    if (this.offBids === null && this.offAsks === null) {
      const bid = this.bidSide.bestTicks();
      const ask = this.askSide.bestTicks();
      return bid !== null && ask !== null && bid >= ask;
    }
    const offBid = this.offGridBestBid();
    const offAsk = this.offGridBestAsk();
    const bid = offBid === null ? this.bidSide.bestTicks() : offBid.price.floorUnits;
    const ask = offAsk === null ? this.askSide.bestTicks() : offAsk.price.floorUnits + 1;
    if (bid === null || ask === null) return false;
    // Both exact prices off the grid: compare them; otherwise the rounded ticks compare like the exact prices.
    if (offBid !== null && offAsk !== null) return offBid.price.exact >= offAsk.price.exact;
    return bid >= ask;
  }
}
