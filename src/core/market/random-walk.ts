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
  }

  /** Advances one step and returns the top of book at `ts` (no venue sequence: seq null). The bid never falls below 1 tick. */
  step(ts: number, first: boolean): QuoteEvent {
    if (!first) {
      const move = Math.round(approxStandardNormal(this.rng) * this.sigmaTicks);
      this.bidTicks = Math.max(1, this.bidTicks + move);
    }
    const max = this.maxLevelLots;
    return {
      kind: 'quote',
      symbol: this.symbol,
      ts,
      bidTicks: this.bidTicks,
      askTicks: this.bidTicks + this.spreadTicks,
      bidLots: 1 + Math.floor(this.rng.next() * max),
      askLots: 1 + Math.floor(this.rng.next() * max),
      seq: null,
    };
  }
}
