// RandomWalk: one symbol's synthetic best bid/ask, a seeded integer-tick random walk with a fixed spread.
import type { Rng } from '../../ports/rng.js';
import type { QuoteEvent } from '../model/market-data-event.js';
import { approxStandardNormal } from '../random/seeded-rng.js';

export interface RandomWalkSettings {
  readonly symbol: string;
  /** Start best bid, ticks. */
  readonly startBidTicks: number;
  /** Spread between best bid and best ask, ticks (≥ 1). */
  readonly spreadTicks: number;
  /** σ of one step of the bid, ticks (a model parameter, not money: steps are rounded to whole ticks). */
  readonly sigmaTicks: number;
  /** Top-of-book sizes are drawn uniformly from 1..maxLevelLots lots. */
  readonly maxLevelLots: number;
}

/** A quote record the walk writes in place: QuoteEvent's fields in the order the object literal had them (a copy's keys). */
class WalkQuote implements QuoteEvent {
  readonly kind = 'quote' as const;
  readonly symbol: string;
  ts = 0;
  bidTicks = 0;
  askTicks = 0;
  bidLots = 0;
  askLots = 0;
  readonly seq = null;

  constructor(symbol: string) {
    this.symbol = symbol;
  }
}

/**
 * Reuse rule: step() alternates between two records, so the quote it returns stays as it was until the step after the
 * next one, and a run allocates no quote per update (one was ~100 of the ~320 bytes a synthetic update allocated, #21).
 * Whoever keeps a quote past that copies it (MarketDataFeed.next): the venue copies its last book (noteBook), the queue
 * fill model its last quote, GuardedStrategy gives plug-ins a copy; the loop itself reads a quote only while handling it.
 */
export class RandomWalk {
  private bidTicks: number;
  private readonly records: readonly [WalkQuote, WalkQuote];
  /** The record step() wrote last (0 or 1). */
  private last = 1;
  /** The settings read on every step, copied here: one object fewer per step (a cache miss each with many symbols). */
  private readonly symbol: string;
  private readonly spreadTicks: number;
  private readonly sigmaTicks: number;
  private readonly maxLevelLots: number;

  constructor(
    settings: RandomWalkSettings,
    private readonly rng: Rng,
  ) {
    this.bidTicks = settings.startBidTicks;
    this.symbol = settings.symbol;
    this.spreadTicks = settings.spreadTicks;
    this.sigmaTicks = settings.sigmaTicks;
    this.maxLevelLots = settings.maxLevelLots;
    this.records = [new WalkQuote(this.symbol), new WalkQuote(this.symbol)];
  }

  /**
   * Advances one step and returns the top of book at `ts` (no venue sequence: seq null). The bid never falls below 1 tick.
   * The record is rewritten by the step after next (see the reuse rule above).
   */
  step(ts: number, first: boolean): QuoteEvent {
    if (!first) {
      const move = Math.round(approxStandardNormal(this.rng) * this.sigmaTicks);
      this.bidTicks = Math.max(1, this.bidTicks + move);
    }
    const max = this.maxLevelLots;
    this.last ^= 1;
    const out = this.records[this.last]!;
    out.ts = ts;
    out.bidTicks = this.bidTicks;
    out.askTicks = this.bidTicks + this.spreadTicks;
    out.bidLots = 1 + Math.floor(this.rng.next() * max);
    out.askLots = 1 + Math.floor(this.rng.next() * max);
    return out;
  }
}
