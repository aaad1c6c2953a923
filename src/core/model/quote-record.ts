// QuoteRecord: the QuoteEvent the feeds build for every top-of-book update — made by a constructor, not an object literal, so V8 always allocates it young.
import type { QuoteEvent } from './market-data-event.js';

/**
 * Why a class and not `{ kind: 'quote', … }`: V8 tracks an object literal's allocation site and, when one young
 * collection happens to find most of that site's recent objects alive, may allocate every later object from that site
 * straight in the old generation for the rest of the process ("allocation-site pretenuring"). A quote is dropped
 * within an update or two, so such a decision turns every quote into old-generation garbage: more scavenge work (old →
 * young pointers) and extra full collections. Objects made with `new` are never pretenured. Measured on the replay
 * bench's bookTicker sample: the processes where the quote site got pretenured ran the loop ~15% slower.
 *
 * Own properties in the literal's order (kind, symbol, ts, bidTicks, askTicks, bidLots, askLots, seq): spreading or
 * serialising a quote gives the same result as before.
 */
export class QuoteRecord implements QuoteEvent {
  readonly kind: 'quote';
  readonly symbol: string;
  /** Event time, ms since the Unix epoch (see QuoteEvent). */
  readonly ts: number;
  readonly bidTicks: number;
  readonly askTicks: number;
  readonly bidLots: number;
  readonly askLots: number;
  readonly seq: number | null;

  constructor(symbol: string, ts: number, bidTicks: number, askTicks: number, bidLots: number, askLots: number, seq: number | null) {
    this.kind = 'quote';
    this.symbol = symbol;
    this.ts = ts;
    this.bidTicks = bidTicks;
    this.askTicks = askTicks;
    this.bidLots = bidLots;
    this.askLots = askLots;
    this.seq = seq;
  }
}
