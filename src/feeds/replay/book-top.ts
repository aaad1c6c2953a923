// BookTop: the last top of book a replay published for one symbol, to publish a quote only when the best bid/ask price or size changes.
import type { OrderBook } from '../../core/market/order-book.js';

export class BookTop {
  /** False until a two-sided top was published, and again after sync loss or a one-sided book. */
  valid = false;
  bidTicks = 0;
  askTicks = 0;
  bidLots = 0;
  askLots = 0;

  /**
   * Reads the book's best levels; returns true when they form a two-sided top that differs from the
   * last published one (and remembers it). A one-sided or empty book returns false and invalidates the top,
   * so the next two-sided top is published even if it equals the old one.
   */
  update(book: OrderBook): boolean {
    const bid = book.bestBidTicks();
    const ask = book.bestAskTicks();
    if (bid === null || ask === null) {
      this.valid = false;
      return false;
    }
    const bidLots = book.bestBidLots();
    const askLots = book.bestAskLots();
    if (this.valid && bid === this.bidTicks && ask === this.askTicks && bidLots === this.bidLots && askLots === this.askLots) return false;
    this.valid = true;
    this.bidTicks = bid;
    this.askTicks = ask;
    this.bidLots = bidLots;
    this.askLots = askLots;
    return true;
  }

  /** Forgets the published top (sync lost): the next synced top is published whatever it is. */
  invalidate(): void {
    this.valid = false;
  }
}
