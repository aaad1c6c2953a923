// QuoteRecord: the QuoteEvent the feeds build for every top-of-book update — a constructor, not an object literal (docs/hot-path-records.md).
import type { QuoteEvent } from './market-data-event.js';

/** Own keys: the parameters in order, then `kind` (a spread or canonical JSON of a quote equals the literal's). */
export class QuoteRecord implements QuoteEvent {
  readonly kind = 'quote';

  constructor(
    readonly symbol: string,
    /** Event time, ms since the Unix epoch (see QuoteEvent). */
    readonly ts: number,
    readonly bidTicks: number,
    readonly askTicks: number,
    readonly bidLots: number,
    readonly askLots: number,
    readonly seq: number | null,
  ) {}
}
