// StaleDataWatch: when each traded symbol (by index) last had market data, and which one has gone quiet for longest.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { SymbolIndex } from '../model/symbol-table.js';

export interface StaleSymbol {
  readonly symbol: string;
  /** nowMs − last market data (or watch start), ms. */
  readonly ageMs: number;
  /** Virtual ms of the last market data (or of the watch start when none arrived). */
  readonly lastMs: number;
}

/**
 * stalest() reads the root of a min-heap of the watched symbols ordered by (last data time, name), updated on each
 * onData in O(log n): its cost does not grow with the number of symbols. StaleDataWatch.stalestByScan is the plain
 * scan it equals (test/core/risk/stale-data-watch.test.ts drives both).
 */
export class StaleDataWatch {
  /** Symbol names by index (the run's symbols, as watch() was given them). */
  private names: readonly string[] = [];
  /** Latest data time per symbol index, virtual ms; NaN while the symbol is neither watched nor seen. */
  private readonly lastMs: number[] = [];
  /** Symbol indexes with a time, as a binary min-heap by (lastMs, name); heapPos[i] is i's slot, -1 while i has no time. */
  private readonly heap: number[] = [];
  private readonly heapPos: number[] = [];
  /** False until the first stalest(): a run without --stale-ms never reads it, so its onData only stores the time. */
  private heapOn = false;

  /**
   * Names the run's symbols (index i is symbols[i]) and starts the clock for those that have had no data yet: they count
   * as last heard from at sinceMs. Call it before reading stalest(); the names must be the same on every call.
   */
  watch(symbols: readonly string[], sinceMs: number): void {
    this.names = symbols;
    this.grow(symbols.length);
    for (let i = 0; i < symbols.length; i++) if (Number.isNaN(this.lastMs[i])) this.lastMs[i] = sinceMs;
    // Names decide ties from now on: order the heap afresh (watch runs once per run).
    if (this.heapOn) this.buildHeap();
  }

  /** Every symbol with a time into the heap, in O(n). */
  private buildHeap(): void {
    this.heapOn = true;
    this.heap.length = 0;
    for (let i = 0; i < this.lastMs.length; i++) {
      this.heapPos[i] = -1;
      if (!Number.isNaN(this.lastMs[i])) this.heapPos[i] = this.heap.push(i) - 1;
    }
    for (let k = (this.heap.length >> 1) - 1; k >= 0; k--) this.siftDown(k);
  }

  /** Market data for symbol index `symbol` at tsMs; an older timestamp than one already seen does not move the clock back. */
  onData(symbol: SymbolIndex, tsMs: number): void {
    const ms = this.lastMs[symbol];
    if (ms === undefined) {
      if (!(Number.isInteger(symbol) && symbol >= 0)) throw invariantViolation(`symbol index ${symbol} is not a run's index`);
      this.grow(symbol + 1);
      this.lastMs[symbol] = tsMs;
      if (!this.heapOn) return;
      this.heapPos[symbol] = this.heap.push(symbol) - 1;
      this.siftUp(this.heapPos[symbol]);
    } else if (!(tsMs <= ms)) {
      this.lastMs[symbol] = tsMs; // also replaces NaN (not seen yet)
      if (!this.heapOn) return;
      const at = this.heapPos[symbol]!;
      if (at < 0) {
        this.heapPos[symbol] = this.heap.push(symbol) - 1;
        this.siftUp(this.heapPos[symbol]);
      } else this.siftDown(at); // a later time only moves a symbol away from the root
    }
  }

  /** The symbol with the oldest data whose age is strictly more than staleMs (ties: symbol name ascending), or null. */
  stalest(nowMs: number, staleMs: number): StaleSymbol | null {
    // Data for an index watch() did not name: the scan, which says so (nameOf) as it always did.
    if (this.lastMs.length > this.names.length) return this.stalestByScan(nowMs, staleMs);
    if (!this.heapOn) this.buildHeap();
    const root = this.heap[0];
    if (root === undefined) return null;
    const lastMs = this.lastMs[root]!;
    const ageMs = nowMs - lastMs;
    return ageMs <= staleMs ? null : { symbol: this.nameOf(root), ageMs, lastMs };
  }

  /** stalest() by a scan of every symbol: the reference the heap answers equal. */
  stalestByScan(nowMs: number, staleMs: number): StaleSymbol | null {
    let worst: StaleSymbol | null = null;
    for (let i = 0; i < this.lastMs.length; i++) {
      const lastMs = this.lastMs[i]!;
      if (Number.isNaN(lastMs)) continue;
      const ageMs = nowMs - lastMs;
      if (ageMs <= staleMs) continue;
      const symbol = this.nameOf(i);
      if (worst === null || ageMs > worst.ageMs || (ageMs === worst.ageMs && symbol < worst.symbol)) worst = { symbol, ageMs, lastMs };
    }
    return worst;
  }

  /** Symbols watched or seen so far, sorted by name. */
  symbols(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.lastMs.length; i++) if (!Number.isNaN(this.lastMs[i])) out.push(this.nameOf(i));
    return out.sort();
  }

  private nameOf(i: SymbolIndex): string {
    const name = this.names[i];
    if (name === undefined) throw invariantViolation(`stale-data watch has data for symbol index ${i} but was not told its name (call watch first)`);
    return name;
  }

  private grow(length: number): void {
    while (this.lastMs.length < length) {
      this.lastMs.push(Number.NaN);
      this.heapPos.push(-1);
    }
  }

  /** True when symbol a comes before b in the heap: older data first, then the smaller name (no name yet: index). */
  private before(a: number, b: number): boolean {
    const ta = this.lastMs[a]!;
    const tb = this.lastMs[b]!;
    if (ta !== tb) return ta < tb;
    const na = this.names[a];
    const nb = this.names[b];
    return na !== undefined && nb !== undefined ? na < nb : a < b;
  }

  private siftUp(at: number): void {
    const heap = this.heap;
    const item = heap[at]!;
    while (at > 0) {
      const up = (at - 1) >> 1;
      const parent = heap[up]!;
      if (!this.before(item, parent)) break;
      heap[at] = parent;
      this.heapPos[parent] = at;
      at = up;
    }
    heap[at] = item;
    this.heapPos[item] = at;
  }

  private siftDown(at: number): void {
    const heap = this.heap;
    const n = heap.length;
    const item = heap[at]!;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.before(heap[right]!, heap[left]!) ? right : left;
      if (!this.before(heap[child]!, item)) break;
      heap[at] = heap[child]!;
      this.heapPos[heap[at]!] = at;
      at = child;
    }
    heap[at] = item;
    this.heapPos[item] = at;
  }
}
