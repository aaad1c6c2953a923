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

export class RandomWalk {
  private bidTicks: number;

  constructor(
    private readonly settings: RandomWalkSettings,
    private readonly rng: Rng,
  ) {
    this.bidTicks = settings.startBidTicks;
  }

  /** Advances one step and returns the top of book at `ts` (no venue sequence: seq null). The bid never falls below 1 tick. */
  step(ts: number, first: boolean): QuoteEvent {
    if (!first) {
      const move = Math.round(approxStandardNormal(this.rng) * this.settings.sigmaTicks);
      this.bidTicks = Math.max(1, this.bidTicks + move);
    }
    const max = this.settings.maxLevelLots;
    return {
      kind: 'quote',
      symbol: this.settings.symbol,
      ts,
      bidTicks: this.bidTicks,
      askTicks: this.bidTicks + this.settings.spreadTicks,
      bidLots: 1 + Math.floor(this.rng.next() * max),
      askLots: 1 + Math.floor(this.rng.next() * max),
      seq: null,
    };
  }
}
