// FillLog: keeps the most recent N fills (with their fees) for the report; memory stays flat on long runs.
import type { Fill } from '../model/fill.js';

/** One logged fill; most entries are soon overwritten (a hot-path record: docs/hot-path-records.md). */
export class LoggedFill {
  constructor(
    readonly fill: Fill,
    /** Fee, pico-quote. */
    readonly feePico: bigint,
    /** Lots of the order still open after this fill (the venues' leavesQty): 0 when it completed the order. */
    readonly leavesLots: number,
  ) {}
}

export class FillLog {
  private readonly ring: LoggedFill[] = [];
  private total = 0;

  /** @param capacity how many of the latest fills to keep (0 keeps none) */
  constructor(private readonly capacity: number) {}

  add(fill: Fill, feePico: bigint, leavesLots: number): void {
    this.total++;
    if (this.capacity === 0) return;
    if (this.ring.length < this.capacity) this.ring.push(new LoggedFill(fill, feePico, leavesLots));
    else this.ring[(this.total - 1) % this.capacity] = new LoggedFill(fill, feePico, leavesLots);
  }

  /** Kept fills, oldest first. */
  recent(): LoggedFill[] {
    if (this.ring.length < this.capacity || this.capacity === 0) return [...this.ring];
    const start = this.total % this.capacity;
    return [...this.ring.slice(start), ...this.ring.slice(0, start)];
  }

  get count(): number {
    return this.total;
  }

  get omitted(): number {
    return this.total - this.ring.length;
  }
}
