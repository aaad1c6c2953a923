// JitteredLatencyModel: a base one-way delay plus a seeded uniform jitter per request (virtual ms).
import type { Rng } from '../../ports/rng.js';
import type { JsonValue } from '../report/canonical-json.js';
import type { LatencyModel } from '../../ports/latency-model.js';

/**
 * Base delay plus a seeded uniform jitter: each request independently waits baseMs + k ms, k a whole number drawn
 * uniformly from 0..jitterMs. Requests can therefore overtake each other (a cancel can arrive after a fill, or even
 * before the entry it cancels); the venue and the loop handle both.
 */
export class JitteredLatencyModel implements LatencyModel {
  readonly name = 'uniform-jitter';

  /** @param rng the 'latency' stream: one draw per request sent */
  constructor(
    private readonly baseMs: number,
    private readonly jitterMs: number,
    private readonly rng: Rng,
  ) {}

  private draw(): number {
    return this.baseMs + Math.floor(this.rng.next() * (this.jitterMs + 1));
  }

  entryDelayMs(): number {
    return this.draw();
  }

  cancelDelayMs(): number {
    return this.draw();
  }

  amendDelayMs(): number {
    return this.draw();
  }

  describe(): Record<string, JsonValue> {
    return {
      name: this.name,
      base_ms: String(this.baseMs),
      jitter_ms: String(this.jitterMs),
      rule: 'each order entry, cancel and amend independently takes base_ms + k ms one way, k uniform in 0..jitter_ms (seeded stream "latency"); requests may overtake each other',
    };
  }
}
