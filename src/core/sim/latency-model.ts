// LatencyModel port and its strategies: one-way delay (virtual ms) from sending a request to the venue acting on it.
import type { Rng } from '../../ports/rng.js';
import type { JsonValue } from '../report/canonical-json.js';

export interface LatencyModel {
  readonly name: string;
  entryDelayMs(): number;
  cancelDelayMs(): number;
  amendDelayMs(): number;
  describe(): Record<string, JsonValue>;
}

/** A latency model a rehearsal can spike: `extraMs` more one-way delay for requests sent before `untilMs`. */
export class SpikeableLatencyModel implements LatencyModel {
  readonly name: string;
  private extraMs = 0;
  private untilMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly base: LatencyModel,
    private readonly nowMs: () => number,
  ) {
    this.name = base.name;
  }

  spike(extraMs: number, untilMs: number): void {
    this.extraMs = extraMs;
    this.untilMs = untilMs;
  }

  private extra(): number {
    return this.nowMs() < this.untilMs ? this.extraMs : 0;
  }

  entryDelayMs(): number {
    return this.base.entryDelayMs() + this.extra();
  }

  cancelDelayMs(): number {
    return this.base.cancelDelayMs() + this.extra();
  }

  amendDelayMs(): number {
    return this.base.amendDelayMs() + this.extra();
  }

  describe(): Record<string, JsonValue> {
    return this.base.describe();
  }
}

export class ConstantLatencyModel implements LatencyModel {
  readonly name = 'constant';
  constructor(private readonly ms: number) {}

  entryDelayMs(): number {
    return this.ms;
  }

  cancelDelayMs(): number {
    return this.ms;
  }

  amendDelayMs(): number {
    return this.ms;
  }

  describe(): Record<string, JsonValue> {
    return { name: this.name, entry_ms: String(this.ms), cancel_ms: String(this.ms), amend_ms: String(this.ms) };
  }
}

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
