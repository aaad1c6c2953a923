// MidBarFeed: a feed decorator (the synthetic feed with --bars) that yields the bars of the feed's mids before the quote that completed them.
import { MidBarBuilder } from '../../core/market/mid-bar-builder.js';
import type { BarEvent, MarketDataEvent } from '../../core/model/market-data-event.js';
import { midTicks } from '../../core/model/market-update.js';
import type { BookView } from '../../ports/book-view.js';
import type { MarketDataFeed } from '../../ports/market-data-feed.js';

export class MidBarFeed implements MarketDataFeed {
  private readonly builder: MidBarBuilder;
  /** Bars completed by the quote in `held`, delivered first (their ts, the end boundary, is ≤ the quote's). */
  private readonly ready: BarEvent[] = [];
  private held: MarketDataEvent | null = null;
  /** Bars delivered. */
  barsEmitted = 0;

  constructor(
    private readonly inner: MarketDataFeed,
    resolutionsMs: readonly number[],
  ) {
    this.builder = new MidBarBuilder(resolutionsMs);
  }

  get kind(): string {
    return this.inner.kind;
  }

  get expectedUpdates(): number | null {
    return this.inner.expectedUpdates;
  }

  get book(): BookView | undefined {
    return this.inner.book;
  }

  next(): MarketDataEvent | null {
    if (this.ready.length > 0) {
      this.barsEmitted++;
      return this.ready.shift()!;
    }
    if (this.held !== null) {
      const event = this.held;
      this.held = null;
      return event;
    }
    const event = this.inner.next();
    if (event === null || event.kind !== 'quote') return event;
    const bars = this.builder.onMid(event.symbol, event.ts, midTicks(event));
    if (bars.length === 0) return event;
    this.ready.push(...bars);
    this.held = event;
    this.barsEmitted++;
    return this.ready.shift()!;
  }

  stop(): void {
    this.ready.length = 0;
    this.held = null;
    this.inner.stop();
  }
}
