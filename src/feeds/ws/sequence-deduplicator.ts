// SequenceDeduplicator: remembers the last N venue sequence keys so a frame seen on another connection is dropped.
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';

/** Default window: keys remembered; a duplicate arriving after this many newer keys passes again. */
export const DEFAULT_DEDUP_WINDOW = 65_536;

export class SequenceDeduplicator {
  private readonly seen = new Set<string>();
  private readonly ring: (string | undefined)[];
  private head = 0;
  private dropped = 0;

  constructor(readonly capacity: number = DEFAULT_DEDUP_WINDOW) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw invariantViolation(`dedup window must be ≥ 1, got ${capacity}`);
    this.ring = new Array<string | undefined>(capacity);
  }

  /** True the first time `key` is offered (within the window); false for a duplicate. */
  admit(key: string): boolean {
    if (this.seen.has(key)) {
      this.dropped++;
      return false;
    }
    const evicted = this.ring[this.head];
    if (evicted !== undefined) this.seen.delete(evicted);
    this.ring[this.head] = key;
    this.head = (this.head + 1) % this.capacity;
    this.seen.add(key);
    return true;
  }

  /** Duplicates refused so far. */
  get duplicates(): number {
    return this.dropped;
  }
}
