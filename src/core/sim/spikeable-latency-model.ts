// SpikeableLatencyModel: wraps a latency model so a rehearsal can add delay for a while (scenario latency spikes).
import type { JsonValue } from '../report/canonical-json.js';
import type { LatencyModel } from '../../ports/latency-model.js';

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
