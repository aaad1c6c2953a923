// SyntheticFeed: the MarketDataFeed of seeded random walks, one QuoteEvent per symbol every interval on the virtual clock.
import { RandomWalk, type RandomWalkSettings } from '../../core/market/random-walk.js';
import type { QuoteEvent } from '../../core/model/market-data-event.js';
import type { MarketDataFeed } from '../../ports/market-data-feed.js';
import type { Rng } from '../../ports/rng.js';

export interface SyntheticFeedSettings {
  readonly walks: readonly RandomWalkSettings[];
  /** Virtual ms of the first update. */
  readonly startMs: number;
  /** Virtual ms between two updates of the same symbol. */
  readonly intervalMs: number;
  /** Updates per symbol. */
  readonly iterations: number;
  /** Virtual run length (--duration): no update at or after startMs + durationMs; null: iterations alone decide. */
  readonly durationMs?: number | null;
}

export class SyntheticFeed implements MarketDataFeed {
  readonly kind = 'synthetic';
  readonly expectedUpdates: number;
  private readonly walks: RandomWalk[];
  private step = 0;
  private symbolIndex = 0;
  private stopped = false;

  /** @param rng the 'market' stream; each symbol forks its own, so adding a symbol never shifts another's path */
  constructor(
    private readonly settings: SyntheticFeedSettings,
    rng: Rng,
  ) {
    this.walks = settings.walks.map((w) => new RandomWalk(w, rng.fork(w.symbol)));
    const steps = settings.durationMs == null ? settings.iterations : Math.min(settings.iterations, Math.ceil(settings.durationMs / settings.intervalMs));
    this.lastStep = steps;
    this.expectedUpdates = steps * settings.walks.length;
  }

  /** Steps the feed yields: iterations, or fewer when --duration ends the run first. */
  private readonly lastStep: number;

  /** Updates come step by step, symbols in configured order within a step. */
  next(): QuoteEvent | null {
    if (this.stopped || this.step >= this.lastStep || this.walks.length === 0) return null;
    const ts = this.settings.startMs + this.step * this.settings.intervalMs;
    const update = this.walks[this.symbolIndex]!.step(ts, this.step === 0);
    if (++this.symbolIndex === this.walks.length) {
      this.symbolIndex = 0;
      this.step++;
    }
    return update;
  }

  stop(): void {
    this.stopped = true;
  }
}
